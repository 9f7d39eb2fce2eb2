"""Grading one submission per container (``grader batch --docker IMAGE``), with the
Docker SDK: no network, read-only root, a private tmpfs, memory, process and CPU caps,
and only the capabilities the worker needs to run student code under its own uid.
"""

from __future__ import annotations

import os
from pathlib import Path

from grader.course.batch import Job
from grader.engine import GradeOptions
from grader.exit_codes import EXIT_USAGE
from grader.intake.submission import SubmissionError

IMAGE_GRADER_UID = 1000  # the image's grading user (see Dockerfile)
CAPABILITIES = ["SETUID", "SETGID", "CHOWN", "KILL"]


class ContainerGrader:
    """Runs ``grader grade`` inside ``image`` for each job; results land in the job's folder."""

    def __init__(self, image: str, options: GradeOptions, manual: Path | None = None,
                 memory: str = "8g", cpus: float = 1.0, processes: int = 1024, timeout: float = 3600):
        import docker

        self.client = docker.from_env()
        self.image, self.options, self.manual = image, options, manual
        self.memory, self.cpus, self.processes, self.timeout = memory, cpus, processes, timeout

    def grade_job(self, job: Job) -> None:
        job.out.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            os.chown(job.out, IMAGE_GRADER_UID, IMAGE_GRADER_UID)  # the student uid cannot enter
        os.chmod(job.out, 0o700)
        container = self.client.containers.run(
            self.image, self.command(job), detach=True, network_mode="none", read_only=True,
            tmpfs={"/tmp": "rw,exec,nosuid,size=2g,mode=1777"}, mem_limit=self.memory,
            memswap_limit=self.memory, pids_limit=self.processes, nano_cpus=int(self.cpus * 1e9),
            cap_drop=["ALL"], cap_add=CAPABILITIES, volumes=self.volumes(job))
        try:
            status = container.wait(timeout=self.timeout)
            logs = container.logs(tail=40).decode("utf-8", "replace")
        finally:
            container.remove(force=True)
        if status.get("StatusCode") == EXIT_USAGE:  # `grader grade` could not read the submission
            raise SubmissionError(logs.strip().splitlines()[-1] if logs.strip() else "unreadable")
        if status.get("StatusCode") != 0 or not (job.out / "results.json").is_file():
            raise RuntimeError(f"the grading container exited with {status.get('StatusCode')}: {logs[-1500:]}")

    def command(self, job: Job) -> list[str]:
        command = ["grader", "grade", f"/submission/{job.path.name}", "--out", "/out",
                   "--input-sha256", job.input_sha256, "--timeout-scale", str(self.options.timeout_scale)]
        if self.options.tasks:
            command += ["--tasks", ",".join(self.options.tasks)]
        if self.manual:
            command += ["--manual", f"/manual/{self.manual.name}"]
        return command

    def volumes(self, job: Job) -> dict:
        volumes = {str(job.path.resolve()): {"bind": f"/submission/{job.path.name}", "mode": "ro"},
                   str(job.out.resolve()): {"bind": "/out", "mode": "rw"}}
        if self.manual:
            volumes[str(self.manual.resolve().parent)] = {"bind": "/manual", "mode": "ro"}
        return volumes
