"""JUnit XML for any CI that reads it: a testsuite per task, a testcase per check.

Every text and attribute goes through ``escape.xml_text``: ElementTree writes any
character it is given, and a control character from a student's feedback would make XML
that strict parsers (and so the CI) refuse.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from grader.domain import CheckResult, GradeRun
from grader.outputs.escape import xml_text


def junit_xml(run: GradeRun) -> str:
    """Every check of the run, hidden ones too: JUnit is for staff's CI."""
    suites = _element("testsuites", name=f"grading {run.submission}")
    for task in run.tasks:
        suite = _element("testsuite", suites, name=f"{task.id} {task.title}", tests=str(len(task.checks)),
                         failures=str(sum(c.status == "failed" for c in task.checks)),
                         errors=str(sum(c.status == "error" for c in task.checks)),
                         skipped=str(sum(c.status in ("pending_review", "not_judged") for c in task.checks)))
        _task_properties(suite, task)
        for check in task.checks:
            _testcase(suite, task.id, check)
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _task_properties(suite: ElementTree.Element, task) -> None:
    """The task's status and each part's, for a CI that reads more than the testcases."""
    properties = _element("properties", suite)
    _element("property", properties, name="status", value=task.status)
    for part in task.parts:
        _element("property", properties, name=f"{part.kind}_status", value=part.status)
    if task.reason:
        _element("property", properties, name="headline", value=task.reason[:500])


def _testcase(suite: ElementTree.Element, task_id: str, check: CheckResult) -> None:
    case = _element("testcase", suite, classname=task_id, name=check.name, time=f"{check.duration:.3f}")
    properties = _element("properties", case)
    _element("property", properties, name="points", value=f"{check.points:g}/{check.max_points:g}")
    _element("property", properties, name="visibility", value=check.visibility)
    if check.status in ("failed", "error"):
        feedback = xml_text(check.feedback)
        _element("failure" if check.status == "failed" else "error", case, message=feedback[:500]).text = feedback
    elif check.status == "pending_review":
        _element("skipped", case, message="awaiting review by a teaching assistant")
    elif check.status == "not_judged":
        _element("skipped", case, message=xml_text(check.feedback)[:500])


def _element(tag: str, parent: ElementTree.Element | None = None, **attributes: str) -> ElementTree.Element:
    """An element whose attributes hold only characters XML 1.0 allows."""
    cleaned = {name: xml_text(value) for name, value in attributes.items()}
    if parent is None:
        return ElementTree.Element(tag, cleaned)
    return ElementTree.SubElement(parent, tag, cleaned)
