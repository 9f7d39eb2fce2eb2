"""Resuming a batch: which submissions count as done, from the results.json each one left (no worker)."""

from __future__ import annotations

from pathlib import Path

from grader.course.batch import input_hash, plan_jobs
from grader.domain import GradeRun
from grader.outputs.files import write_submission_outputs, write_ungraded_outputs

RUN = GradeRun(submission="", tasks=(), score=1.0, max_score=2.0, pending_max_score=0.0)


def class_of(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "class"
    for name in names:
        (folder / name).mkdir(parents=True)
        (folder / name / "answers.yaml").write_text(f"# {name}\n")
    return folder


def test_only_unchanged_graded_submissions_are_done(tmp_path):
    folder, out = class_of(tmp_path, "ada", "ben", "cy", "dee", "eve"), tmp_path / "out"
    digest = {name: input_hash(folder / name) for name in ("ada", "ben", "cy", "dee")}
    write_submission_outputs(RUN, out / "submissions" / "ada", input_sha256=digest["ada"])
    write_submission_outputs(RUN, out / "submissions" / "ben", input_sha256="changed")
    write_ungraded_outputs(out / "submissions" / "cy", "cy", "grading failed", input_sha256=digest["cy"])
    (out / "submissions" / "dee").mkdir(parents=True)
    (out / "submissions" / "dee" / "results.json").write_text('{"input_sha256": "%s"}' % digest["dee"])
    jobs, done = plan_jobs(folder, out)
    assert done == ["ada"]
    assert [job.id for job in jobs] == ["ben", "cy", "dee", "eve"]
