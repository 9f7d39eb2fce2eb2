#!/usr/bin/env bash
# Set up .venv (idempotent) and grade every bundled example submission and the reference.
# Reports land in out/examples/<name>/report.html (student view) and report-staff.html;
# the staff similarity page of the examples in out/examples/similarity/similarity.html.
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
echo "=== similarity across the examples (staff only) ==="
.venv/bin/grader similarity examples/submissions --out out/examples/similarity
echo
echo "Open out/examples/<name>/report.html in a browser (no JavaScript needed);"
echo "staff: out/examples/similarity/similarity.html."
