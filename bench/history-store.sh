#!/usr/bin/env bash
# The event history's store on its own: loads N events (default 1,000,000: about 430 MB under
# target/bench/history-store, kept for the next run) and prints the query times of each shape,
# median and p99 over 300 runs, plus open time, bytes per event and heap.
#   bench/history-store.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q test-compile
CP="$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
N="${1:-1000000}"
DIR="target/bench/history-store-$N"
exec java -Xmx256m -cp "target/classes:target/test-classes:$CP" org.camalarm.history.HistoryStoreBench "$DIR" "$N"
