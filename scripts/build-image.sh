#!/usr/bin/env bash
# Build the grading image from a wheelhouse downloaded on the host (pip inside a build
# cannot verify this network's TLS), with the legacy builder (no buildx needed).
#   bash scripts/build-image.sh [TAG] [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
TAG="${1:-tfgrader:latest}"
BASE="${2:-python:3.11-slim}"
mkdir -p wheelhouse
.venv/bin/python -m pip download --quiet --disable-pip-version-check --dest wheelhouse \
  --only-binary=:all: -r requirements.lock setuptools wheel
DOCKER_BUILDKIT=0 docker build --network host --build-arg BASE="$BASE" -t "$TAG" .
docker image inspect "$TAG" --format 'image {{.RepoTags}}: {{.Size}} bytes'
