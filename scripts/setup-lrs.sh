#!/usr/bin/env bash
# A real xAPI LRS for the sync tests: Ralph (ralph-malph 5.1.0, fs backend) in
# a virtual environment under target/ (git-ignored). Quick when it is already
# there. The tests start it through scripts/lrs.py (see docs/testing-with-an-lrs.md).
# VARDSKAP_RALPH_VENV overrides where the environment lives.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
VENV=${VARDSKAP_RALPH_VENV:-target/ralph-venv}
REQ="ralph-malph[lrs,cli]==5.1.0"
STAMP="$VENV/.vardskap-ralph-5.1.0"
# Importing ralph.api needs the backend named (it defaults to Elasticsearch).
check() { (cd "$VENV" && RALPH_RUNSERVER_BACKEND=fs bin/python -c 'import ralph.api, requests, uvicorn'); }
if [ -f "$STAMP" ] && check 2>/dev/null; then
  exit 0
fi
if [ "$(uname -s)" = Linux ]; then
  apt_ensure python3-venv
fi
echo "Installing Ralph (an xAPI LRS for the tests) in $VENV"
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
python3 -m venv "$VENV"
# `requests` is an undeclared dependency of ralph.api (ralph/api/auth/oidc.py).
"$VENV/bin/pip" install -q --disable-pip-version-check "$REQ" requests
check
touch "$STAMP"
