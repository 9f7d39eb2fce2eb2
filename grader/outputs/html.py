"""Rendering view models to HTML with autoescaping Jinja2 templates."""

from __future__ import annotations

from typing import Any

import jinja2



def template_environment(package: str) -> jinja2.Environment:
    """The one Jinja2 set-up of every page: the package's templates, always autoescaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,  # every template, whatever its file name: student text is never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


_ENVIRONMENT = template_environment("grader.outputs")


def render(template: str, view: dict[str, Any]) -> str:
    return _ENVIRONMENT.get_template(template).render(view=view)
