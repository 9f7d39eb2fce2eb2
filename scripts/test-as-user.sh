#!/usr/bin/env bash
# Run the suites that need no root (red team, bad input, sandbox) as an ordinary user.
#
# CI runs as root; this proves the same protections hold when an ordinary user grades
# (namespaces come from a user namespace then, and there is no uid to drop to). It needs
# a user account and traversal rights to the interpreter and the checkout, so it changes
# the machine: it only runs when CI is set (a disposable machine) or with --yes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then echo "test-as-user: run as root (it creates the test user)"; exit 2; fi
if [ -z "${CI:-}" ] && [ "${1:-}" != "--yes" ]; then
  echo "test-as-user: skipped (changes users and folder permissions; set CI=true or pass --yes)"
  exit 0
fi
USER_NAME=gradertest
id "$USER_NAME" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$USER_NAME"
python_prefix=$(.venv/bin/python -c 'import sys, os; print(os.path.realpath(sys.base_prefix))')
for path in "$python_prefix" "$PWD"; do            # traversal (not listing) along both paths
  while [ "$path" != "/" ]; do chmod o+x "$path"; path=$(dirname "$path"); done
done
home=$(mktemp -d /tmp/gradertest-home.XXXXXX)
chown "$USER_NAME:" "$home"
echo "test-as-user: running as $USER_NAME"
setpriv --reuid="$USER_NAME" --regid="$USER_NAME" --init-groups \
  env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" LANG=C.UTF-8 \
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_redteam.py tests/test_redteam_intake.py tests/test_redteam_batch.py tests/test_redteam_channel.py tests/test_redteam_output.py tests/test_bad_input.py tests/test_sandbox.py
