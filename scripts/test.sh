#!/usr/bin/env bash
# Set up, then run every check that CI runs: lint, then the full test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The Neo4j test server: Neo4j 5.26 jars from Maven Central, compiled once (a no-op when built).
if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    .venv/bin/python services/neo4j/neo4j_launcher.py --build
elif [ "${CI:-}" = "true" ]; then
    echo "error: CI runs the Neo4j store tests and needs Java 17 and Maven; install them (see .ci/run)" >&2
    exit 2
else
    echo "note: Java 17 or Maven is missing, so the Neo4j store tests will be skipped" >&2
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
