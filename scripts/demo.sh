#!/usr/bin/env bash
# Set up .venv (idempotent) and grade every bundled example submission and the reference.
# Reports land in out/examples/<name>/report.html (student view) and report-staff.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for submission in examples/submissions/* reference; do
  name=$(basename "$submission")
  echo
  echo "=== $name ==="
  .venv/bin/grader grade "$submission" --out "out/examples/$name"
done
echo
echo "Open out/examples/<name>/report.html in a browser (no JavaScript needed)."
