#!/usr/bin/env bash
# CI step (as root): install and start a Docker engine, build the grading image from a
# locally made Debian base (no registry is reachable), and run the container tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then echo "ci-docker: needs root (installs and starts dockerd)"; exit 2; fi
command -v dockerd >/dev/null && command -v debootstrap >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null; }
if ! docker info >/dev/null 2>&1; then
  nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=overlay2 \
    >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
if ! docker image inspect local/debian:bookworm >/dev/null 2>&1; then
  rootfs=$(mktemp -d)
  debootstrap --variant=minbase bookworm "$rootfs" >/tmp/debootstrap.log
  tar -C "$rootfs" -c . | docker import - local/debian:bookworm
  rm -rf "$rootfs"
fi
started=$(date +%s)
bash scripts/build-image.sh tfgrader:ci local/debian:bookworm
echo "ci-docker: image built in $(( $(date +%s) - started )) s"
GRADER_DOCKER_IMAGE=tfgrader:ci .venv/bin/python -m pytest -q tests/test_docker.py
