#!/usr/bin/env bash
# The main job on a fresh machine: set up, generate a sample NCB corpus and show
# what the embedded store holds. Everything stays inside ./sample.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ODYSSEY_STORE="$(pwd)/sample/odyssey.db"
if [ ! -f sample/corpus/truth.json ]; then
    rm -rf sample/corpus
    .venv/bin/odyssey synth --out sample/corpus --reports 200 --seed 7
fi
.venv/bin/odyssey stats
echo
echo "Sample corpus: $(pwd)/sample/corpus (messages/, emails/, tables/, truth.json)"
echo "Store:         $ODYSSEY_STORE"
