#!/usr/bin/env bash
# The student kit beside the oldest and the newest supported TensorFlow (grader/compat.py):
# for each, a fresh venv gets that TensorFlow and Keras first, then the kit; the kit must
# leave them as they were, and `grader check` must pass every public check on the
# reference there. Run by .ci/run; needs .venv (bash scripts/setup.sh) to build the kit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/grader build-kit --out "$work/kit" >/dev/null
kit=$(ls "$work"/kit/tfgrader-*.whl)
read -r oldest newest < <(.venv/bin/python - <<'PY'
import re
from grader.compat import OLDEST
lock = open("requirements.lock").read()
pin = lambda name: re.search(rf"^{name}==(\S+)$", lock, re.M).group(1)
print(f"{OLDEST['tensorflow']}:{OLDEST['keras']} {pin('tensorflow_cpu')}:{pin('keras')}")
PY
)
for pair in "$oldest" "$newest"; do
  tensorflow=${pair%%:*} keras=${pair##*:}
  venv="$work/venv-$tensorflow"
  python3 -m venv "$venv"
  pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
  "${pip[@]}" "tensorflow-cpu==$tensorflow" "keras==$keras"
  before=$("$venv/bin/python" -m pip freeze | grep -iE '^(tensorflow|keras|numpy)')
  "${pip[@]}" "$kit"
  after=$("$venv/bin/python" -m pip freeze | grep -iE '^(tensorflow|keras|numpy)')
  if [ "$before" != "$after" ]; then
    echo "kit-range: installing the kit changed the frameworks beside TensorFlow $tensorflow:"
    diff <(echo "$before") <(echo "$after") || true
    exit 1
  fi
  output=$(cd reference && "$venv/bin/grader" check . 2>&1) || { echo "$output" | tail -20; exit 1; }
  score=$(echo "$output" | grep '^Score: ')
  if ! echo "$score" | grep -qE '^Score: ([0-9.]+) / \1( |$)' || echo "$output" | grep -q '^warning: '; then
    echo "kit-range: the public checks on the reference with TensorFlow $tensorflow, Keras $keras:"
    echo "$output" | tail -40
    exit 1
  fi
  echo "kit-range: TensorFlow $tensorflow, Keras $keras kept; public checks on the reference: ${score#Score: }"
done
