"""The records the worker and the trusted side exchange, and what the student reads of them.

A session crosses the wire whole (every field, every time) and comes back equal; a
failed reply keeps its kind, and a kind nobody defined is the grader's own fault: the
check is an error and the student is sent to the staff, never told their code raised.
Every kind has its student message.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_protocol import roundtrip

from grader import testing
from grader.checks.feedback import INTERNAL_MESSAGE, STUDENT_MESSAGES, student_message
from grader.checks.plugin import classify
from grader.checks.session import GradingSession
from grader.domain import SourceFile, Submission, TaskSpec
from grader.testing import StudentCodeError
from grader.worker import protocol
from grader.worker.protocol import ErrorKind, Failure, TaskSession

SESSION = TaskSession(key="1/task08", task="task08", probe_path="/stage/probes/task08.py",
                      module_name="task08_mse", module_path="/stage/1/task08_mse.py", filename="task08_mse.py",
                      names=("mse", "mse_gradient"), sys_path=("/stage/1",),
                      student_files=("/stage/1/task08_mse.py", "/stage/1/helpers.py"), load_timeout=6.0,
                      call_timeout=60.0, memory_mb=2048, seed=0)
TASK = TaskSpec(id="task08", quiz_task=8, title="Mean squared error", folder=Path("."), module="task08_mse",
                module_tag="task08", names=("mse",))


def test_a_session_crosses_the_wire_unchanged():
    assert TaskSession.from_wire(roundtrip(SESSION.to_wire())) == SESSION


def test_a_session_always_sends_every_field():
    wire = replace(SESSION, names=(), sys_path=(), student_files=()).to_wire()
    assert list(wire) == [field.name for field in fields(TaskSession)]
    assert wire["names"] == [] and wire["student_files"] == []


@pytest.mark.parametrize("name", [field.name for field in fields(TaskSession)])
def test_a_session_missing_a_field_is_refused(name):
    wire = SESSION.to_wire()
    del wire[name]
    with pytest.raises(protocol.ProtocolError):
        TaskSession.from_wire(wire)


def test_a_session_that_is_not_a_mapping_is_refused():
    with pytest.raises(protocol.ProtocolError):
        TaskSession.from_wire(["key", "task"])


def test_a_failure_crosses_the_wire_with_its_kind():
    failure = Failure(ErrorKind.MISSING_NAME, during="losses", exception="MissingName",
                      message="task08_mse.py does not define `mse`", where="task08_mse.py, line 3")
    back = Failure.from_wire(roundtrip(failure.to_wire()))
    assert back == failure and back.kind is ErrorKind.MISSING_NAME


def test_a_kind_is_its_plain_string_on_the_wire():
    frame = json.dumps(Failure(ErrorKind.NOT_IMPLEMENTED).to_wire())
    assert '"kind": "not_implemented"' in frame and "ErrorKind" not in frame


@pytest.mark.parametrize("kind", ["probe_error", "Exception", "", None, ["exception"], {"a": 1}, 3])
def test_a_kind_nobody_defined_is_internal(kind):
    assert Failure.from_wire({"status": "error", "kind": kind, "message": "?"}).kind is ErrorKind.INTERNAL


def test_a_reply_of_the_wrong_shape_still_reads_as_text():
    failure = Failure.from_wire({"status": "error", "kind": "crashed", "message": ["not", "text"], "during": 3,
                                 "where": None})
    assert (failure.message, failure.during, failure.where) == ("['not', 'text']", "3", None)
    assert student_message(TASK, failure).startswith("['not', 'text'] while the grader ran `3`")
    assert student_message(TASK, Failure.from_wire({"kind": "interfered", "message": None})).startswith(
        " while the grader ran `a check`")


def test_every_kind_has_a_student_message():
    assert set(STUDENT_MESSAGES) == set(ErrorKind)
    for kind in ErrorKind:
        text = student_message(TASK, Failure(kind, during="losses", message="something went wrong"))
        assert isinstance(text, str) and text.strip(), kind


def test_the_internal_message_blames_the_grader_not_the_student():
    text = student_message(TASK, Failure(ErrorKind.INTERNAL, during="losses", message="probe 'x' does not exist"))
    assert text == INTERNAL_MESSAGE and "staff" in text and "Your code" not in text and "'x'" not in text


def test_the_kind_sets_are_the_workers_and_task_authors_still_find_them():
    assert testing.MISSING_KINDS is protocol.MISSING_KINDS and testing.FAILED_KINDS is protocol.FAILED_KINDS
    assert protocol.FAILED_KINDS - protocol.MISSING_KINDS == {ErrorKind.CONTRACT}
    assert "missing_name" in testing.MISSING_KINDS  # a plain string still matches its kind
    assert ErrorKind.INTERNAL not in testing.FAILED_KINDS


class ReplyingWorker:
    """A worker whose child answers every call with ``reply`` (no process is started)."""

    def __init__(self, reply: dict, tmp_path: Path):
        self.reply, self.sessions = reply, []
        self.stage = SimpleNamespace(add_probe=lambda task_id, path: tmp_path / f"{task_id}.py",
                                     add_submission=lambda files: tmp_path)

    def call(self, session, function, kwargs, timeout):
        self.sessions.append(session)
        return dict(self.reply)


def session_answering(reply: dict, tmp_path: Path) -> GradingSession:
    source = SourceFile(module="task08_mse", text="def mse(): pass\n", origin="task08_mse.py")
    submission = Submission(id="s1", path=tmp_path, sources={"task08_mse": source})
    return GradingSession(submission, ReplyingWorker(reply, tmp_path))


def test_an_unknown_kind_from_the_worker_is_an_error_of_the_grader(tmp_path):
    session = session_answering({"status": "error", "kind": "probe_error", "message": "probe 'x' does not exist",
                                 "during": "x"}, tmp_path)
    with pytest.raises(StudentCodeError) as caught:
        session.call(TASK, "x", {})
    assert caught.value.kind is ErrorKind.INTERNAL and caught.value.message == INTERNAL_MESSAGE
    assert "probe 'x' does not exist" in str(caught.value.__cause__)  # for the staff's details
    status, feedback, missing = classify(caught.value, SimpleNamespace(passed=False))
    assert (status, feedback, missing) == ("error", INTERNAL_MESSAGE, False)


def test_a_known_kind_keeps_its_meaning(tmp_path):
    session = session_answering({"status": "error", "kind": "missing_name", "during": "losses",
                                 "message": "task08_mse.py does not define `mse`"}, tmp_path)
    with pytest.raises(StudentCodeError) as caught:
        session.call(TASK, "losses", {})
    assert caught.value.kind is ErrorKind.MISSING_NAME and caught.value.__cause__ is None
    assert classify(caught.value, SimpleNamespace(passed=False)) == (
        "failed", "task08_mse.py does not define `mse`", True)


def test_the_worker_is_sent_the_tasks_whole_session(tmp_path):
    session = session_answering({"status": "ok", "value": 1}, tmp_path)
    assert session.call(TASK, "losses", {}) == 1
    sent = session.worker.sessions[0]
    assert isinstance(sent, TaskSession) and TaskSession.from_wire(sent.to_wire()) == sent
    assert (sent.load_timeout, sent.call_timeout, sent.memory_mb) == (60.0, 60.0, 4096)  # TaskSpec's defaults
    assert sent.key == f"{tmp_path.name}/task08" and sent.module_path == str(tmp_path / "task08_mse.py")
