# The grading image: the grader, the task catalog (hidden tests included, readable by the
# grading user only), and nothing of the student template or the reference solution.
#
#   bash scripts/build-image.sh [TAG]          (downloads a wheelhouse on the host first)
#
# BASE defaults to the official slim Python 3.11 image; tests here use a Debian bookworm
# base made with debootstrap (local/debian:bookworm), whose python3 is installed by apt.
ARG BASE=python:3.11-slim

FROM ${BASE} AS build
RUN if ! command -v python3 >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends python3 python3-venv && \
      rm -rf /var/lib/apt/lists/*; fi
COPY wheelhouse/ /wheelhouse/
COPY requirements.lock pyproject.toml README.md /src/
COPY grader /src/grader
# --copies: the venv gets its own interpreter binary, the only one given capabilities below
RUN python3 -m venv --copies /opt/venv && \
    /opt/venv/bin/pip install --no-cache-dir --no-index --find-links /wheelhouse -r /src/requirements.lock && \
    /opt/venv/bin/pip install --no-cache-dir --no-index --find-links /wheelhouse --no-deps /src && \
    /opt/venv/bin/python -c "import tensorflow, grader; print('tensorflow', tensorflow.__version__)"

FROM ${BASE}
RUN if ! command -v python3 >/dev/null; then PYTHON=python3; fi; \
    apt-get update && apt-get install -y --no-install-recommends ${PYTHON:-} libcap2-bin && \
    rm -rf /var/lib/apt/lists/*
# The grading user runs the grader; student code runs as the student uid (dropped by the
# worker, which needs CAP_SETUID/SETGID/CHOWN, and CAP_KILL to stop a child of another uid:
# granted to the venv's interpreter copies only; every child sets no_new_privs before it
# runs student code, so an exec'd Python gains none).
RUN groupadd --gid 1000 grader && useradd --uid 1000 --gid grader --create-home grader && \
    groupadd --gid 64000 student && useradd --uid 64000 --gid student --no-create-home \
      --shell /usr/sbin/nologin student
COPY --from=build /opt/venv /opt/venv
RUN for python in /opt/venv/bin/python /opt/venv/bin/python3 /opt/venv/bin/python3.11; do \
      setcap cap_setuid,cap_setgid,cap_chown,cap_kill+ep "$(readlink -f "$python")"; done && \
    apt-get purge -y libcap2-bin >/dev/null && apt-get autoremove -y >/dev/null || true
COPY --chown=grader:grader tasks /opt/grader/tasks
# pytest's assertion-rewritten check modules, compiled once here instead of in every cold
# grading run (PYTHONDONTWRITEBYTECODE below stops pytest from caching them at run time)
RUN /opt/venv/bin/python -m pytest --collect-only -q -p no:cacheprovider --import-mode=importlib \
      -c /dev/null --rootdir /opt/grader/tasks -o "python_files=test_public.py test_hidden.py" \
      /opt/grader/tasks >/dev/null && ls /opt/grader/tasks/task13_pipeline/__pycache__ >/dev/null
COPY docker/run_autograder /autograder/run_autograder
RUN chmod 0700 /opt/grader/tasks && chmod 0755 /autograder/run_autograder && \
    mkdir -p /autograder/results /autograder/submission && chown grader:grader /autograder/results
ENV PATH=/opt/venv/bin:/usr/local/bin:/usr/bin:/bin \
    GRADER_TASKS=/opt/grader/tasks \
    GRADER_WORKER_UID=64000 GRADER_WORKER_GID=64000 \
    PYTHONDONTWRITEBYTECODE=1 TF_CPP_MIN_LOG_LEVEL=2
USER grader
WORKDIR /home/grader
CMD ["grader", "--help"]
