#!/usr/bin/env bash
# Soak and abuse run: the real hub for N minutes (default 10) under a steady mix of alarms, REST
# reads and rule-driven pushes to a relay that is sometimes slow and sometimes down, while a hostile
# client holds slow, half-open, oversized and malformed connections on both alarm ports.
#   bench/soak.sh [minutes] [alarms per second]
# Prints the figures; exits 1 with a REGRESSION line for each one out of bounds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ -f "$ROOT/target/camalarm-hub.jar" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)
exec java "$ROOT/bench/Soak.java" "$ROOT/target/camalarm-hub.jar" "${1:-10}" "${2:-40}"
