#!/usr/bin/env bash
# The main job on a fresh machine: set up, generate a sample NCB corpus, ingest it
# into the embedded store, show what the store holds, then open the app on it
# (http://127.0.0.1:8050/ by default; Ctrl-C stops it). Everything stays in ./sample.
# PORT=8060 bash scripts/demo.sh picks another port; DEMO_NO_SERVE=1 stops before the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ODYSSEY_STORE="$(pwd)/sample/odyssey.db"
if [ ! -f sample/corpus/truth.json ]; then
    rm -rf sample/corpus
    .venv/bin/odyssey synth --out sample/corpus --reports 200 --seed 7
fi
.venv/bin/odyssey ingest sample/corpus/messages sample/corpus/emails sample/corpus/tables
# Which people and companies written in different reports are one (incremental, explained).
.venv/bin/odyssey resolve
.venv/bin/odyssey stats
echo
echo "Sample corpus: $(pwd)/sample/corpus (messages/, emails/, tables/, truth.json)"
echo "Store:         $ODYSSEY_STORE   (try: .venv/bin/odyssey --store $ODYSSEY_STORE search hassan)"
echo "Analyse:       .venv/bin/odyssey --store $ODYSSEY_STORE analyze centrality --measure betweenness --people"
if [ -n "${DEMO_NO_SERVE:-}" ]; then
    exit 0
fi
echo
echo "Starting the app on the sample store (link chart, trends, cross-case, review, ingest)."
exec .venv/bin/odyssey serve --host 127.0.0.1 --port "${PORT:-8050}"
