"""results.json read back: run_from_dict inverts run_to_dict, and bad files are named."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.domain import CheckResult, GradeRun, PartScore, TaskScore
from grader.outputs.files import write_submission_outputs, write_ungraded_outputs
from grader.outputs.results import ResultsError, load_run, run_from_dict, run_to_dict

# run_to_dict leaves out what staff read in the reports only: a check's details, its
# "missing" flag (the badge) and its duration. Generated runs keep those at their defaults.
# environment and probe_calls are free-form JSON: a tuple in them comes back as a list.
UNRECORDED = {"details": "", "missing": False, "duration": 0.0}

text = st.text(max_size=12)
number = st.one_of(st.integers(-5, 100), st.floats(-1e6, 1e6, allow_nan=False))
texts = st.lists(text, max_size=3).map(tuple)
json_value = st.recursive(st.none() | st.booleans() | number | text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                          max_leaves=6)


@st.composite
def checks(draw, task_id: str) -> CheckResult:
    return CheckResult(task_id, draw(text), draw(text), draw(text), draw(number), draw(number), draw(text),
                       feedback=draw(text), answer=draw(text), blocked_by=draw(text), part=draw(text),
                       covers=draw(texts))


parts = st.builds(PartScore, text, text, text, number, number, number)


@st.composite
def tasks(draw) -> TaskScore:
    task_id = draw(text)
    return TaskScore(task_id, draw(st.integers(0, 99)), draw(text), draw(number), draw(number), draw(number),
                     draw(text), tuple(draw(st.lists(checks(task_id), max_size=3))), reason=draw(text),
                     source=draw(text), parts=tuple(draw(st.lists(parts, max_size=3))))


runs = st.builds(GradeRun, text, st.lists(tasks(), max_size=3).map(tuple), number, number, number,
                 duration=number, environment=st.dictionaries(text, json_value, max_size=3),
                 notices=texts, problems=texts, warnings=texts,
                 probe_calls=st.lists(st.dictionaries(text, json_value, max_size=3), max_size=2).map(tuple),
                 status=text, error=text)


@settings(deadline=None)
@given(runs)
def test_run_from_dict_inverts_run_to_dict(run):
    data = json.loads(json.dumps(run_to_dict(run)))  # as a file holds it
    assert run_from_dict(data) == run
    assert run_to_dict(run_from_dict(data)) == data


def recorded(run: GradeRun) -> GradeRun:
    """``run`` as results.json holds it: report-only check fields at their defaults, free-form JSON as JSON."""
    tasks = tuple(replace(task, checks=tuple(replace(check, **UNRECORDED) for check in task.checks))
                  for task in run.tasks)
    as_json = json.loads(json.dumps({"environment": run.environment, "probe_calls": run.probe_calls}))
    return replace(run, tasks=tasks, environment=as_json["environment"], probe_calls=tuple(as_json["probe_calls"]))


def test_the_reference_run_round_trips_through_its_file(reference_run, tmp_path):
    path = write_submission_outputs(reference_run, tmp_path, input_sha256="0" * 64)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert load_run(path) == recorded(reference_run)
    assert run_to_dict(load_run(path)) == {key: value for key, value in data.items() if key != "input_sha256"}


def test_an_ungraded_submission_round_trips(tmp_path):
    path = write_ungraded_outputs(tmp_path, "alice", "the submission could not be read: x")
    run = load_run(path)
    assert (run.status, run.error, run.problems, run.tasks) == ("error", "the submission could not be read: x",
                                                                ("the submission could not be read: x",), ())


def test_older_files_read_with_the_domain_defaults(reference_run):
    data = json.loads(json.dumps(run_to_dict(reference_run)))
    del data["warnings"]
    for task in data["tasks"]:
        del task["parts"]
        for check in task["checks"]:
            for key in ("part", "covers", "blocked_by"):
                check.pop(key, None)
    run = run_from_dict(data)
    assert run.warnings == () and all(task.parts == () for task in run.tasks)
    assert {(check.part, check.covers, check.blocked_by) for task in run.tasks for check in task.checks} == {
        ("code", (), "")}


@pytest.mark.parametrize("content, message", [
    ("{not json", "not readable as JSON"),
    ("[1, 2]", "not results.json schema version 1"),
    ('{"schema_version": 2, "submission": "a"}', "schema_version 2"),
    ('{"schema_version": 1, "submission": "a"}', "lacks the field 'tasks'"),
    ('{"schema_version": 1, "submission": "a", "score": 0, "max_score": 0, "pending_max_score": 0, '
     '"tasks": [3]}', "not results.json schema version 1"),
])
def test_a_bad_file_is_an_error_naming_it(tmp_path, content, message):
    path = tmp_path / "alice" / "results.json"
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError, match=message) as error:
        load_run(path)
    assert str(error.value).startswith(f"{path}: ")
