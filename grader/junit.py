"""JUnit XML for any CI that reads it: a testsuite per task, a testcase per check."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from grader.domain import GradeRun


def junit_xml(run: GradeRun, include_hidden: bool = True) -> str:
    suites = ElementTree.Element("testsuites", name=f"grading {run.submission}")
    for task in run.tasks:
        checks = [c for c in task.checks if include_hidden or c.visibility == "public"]
        suite = ElementTree.SubElement(suites, "testsuite", name=f"{task.id} {task.title}",
                                       tests=str(len(checks)),
                                       failures=str(sum(c.status == "failed" for c in checks)),
                                       errors=str(sum(c.status == "error" for c in checks)),
                                       skipped=str(sum(c.status == "pending_review" for c in checks)))
        for check in checks:
            case = ElementTree.SubElement(suite, "testcase", classname=task.id, name=check.name,
                                          time=f"{check.duration:.3f}")
            ElementTree.SubElement(case, "properties").extend([
                ElementTree.Element("property", name="points", value=f"{check.points:g}/{check.max_points:g}"),
                ElementTree.Element("property", name="visibility", value=check.visibility)])
            if check.status in ("failed", "error"):
                ElementTree.SubElement(case, "failure" if check.status == "failed" else "error",
                                       message=check.feedback[:500]).text = check.feedback
            elif check.status == "pending_review":
                ElementTree.SubElement(case, "skipped", message="awaiting review by a teaching assistant")
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
