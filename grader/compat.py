"""The TensorFlow and Keras the checks are proven on, and what to tell a student outside them.

The student kit does not pin TensorFlow: Colab and many labs ship their own, and a second
one beside it breaks both. It requires Keras in ``SUPPORTED["keras"]``, offers TensorFlow
as the extra ``[tensorflow]`` for an environment that has none, and ``grader check`` says
plainly when what is installed is outside the range. CI proves both ends of each range
(``scripts/kit-range.sh``): the kit and the public checks on the reference in a fresh
environment with the oldest and with the newest supported TensorFlow.
"""

from __future__ import annotations

from importlib import metadata

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

SUPPORTED = {"tensorflow": ">=2.18,<2.22", "keras": ">=3.5,<4"}
OLDEST = {"tensorflow": "2.18.1", "keras": "3.5.0"}  # the lower end CI installs (newest: the lock's)
DISTRIBUTIONS = {"tensorflow": ("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly"),
                 "keras": ("keras",)}


def installed_version(framework: str) -> str | None:
    """The installed distribution's version, read without importing the framework (seconds)."""
    for name in DISTRIBUTIONS[framework]:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def framework_problems() -> list[str]:
    """A sentence for each framework that is missing or outside the supported range."""
    problems = []
    for framework, spec in SUPPORTED.items():
        found = installed_version(framework)
        if found is None:
            problems.append(f"{_NAMES[framework]} is not installed: the checks need {_NAMES[framework]} "
                            f"{_range(spec)}. Install it with: pip install \"{_INSTALL[framework]}{spec}\"")
        elif not _within(found, spec):
            problems.append(f"{_NAMES[framework]} {found} is installed; the checks are proven on "
                            f"{_range(spec)}, so results may differ from the course staff's. Install a "
                            f"supported one with: pip install \"{_INSTALL[framework]}{spec}\"")
    return problems


def _within(found: str, spec: str) -> bool:
    try:
        return SpecifierSet(spec).contains(Version(found), prereleases=True)
    except InvalidVersion:
        return False


def _range(spec: str) -> str:
    low, high = (part.lstrip("<>=") for part in spec.split(","))
    return f"{low} or newer, older than {high}"


_NAMES = {"tensorflow": "TensorFlow", "keras": "Keras"}
_INSTALL = {"tensorflow": "tensorflow", "keras": "keras"}
