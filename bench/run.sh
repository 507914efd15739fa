#!/usr/bin/env bash
# Benchmark: the camalarm hub beside a baseline measured in the same run, on the same workload.
#
#   bench/run.sh                 # hub + "limit" (bare Jetty 12 + Gson + Jetty client): ~3 min
#   BENCH_PEERS="nodered limit camalarm" bench/run.sh   # also Node-RED (~+3 min)
#
# Uses the team's harness (shared/bench beside this repository, or CAMALARM_BENCH_HARNESS),
# copied under target/bench/ because it writes results beside itself. Prints a table:
# A = JSON alarms/s, B = multipart (~195 KB JPEG) alarms/s at 16 and 64 connections,
# C = camera -> hub -> relay latency p50/p99 at a fixed 200 alarms/s. Every load is on 127.0.0.1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HARNESS="${CAMALARM_BENCH_HARNESS:-$ROOT/../shared/bench}"
[[ -x "$HARNESS/run-peers.sh" ]] || { echo "no benchmark harness at $HARNESS (set CAMALARM_BENCH_HARNESS)" >&2; exit 1; }
for tool in wrk node curl; do
  command -v "$tool" >/dev/null || { apt-get update -q && apt-get install -y -q wrk nodejs curl; break; }
done
[[ -f "$ROOT/target/camalarm-hub.jar" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)

WORK="$ROOT/target/bench"
mkdir -p "$WORK"
rm -rf "$WORK/harness" && cp -r "$HARNESS" "$WORK/harness" && chmod -R u+w "$WORK/harness"
export PRODUCT_NAME=camalarm
export PRODUCT_START="$ROOT/bench/start-hub.sh {PORT}"
export PRODUCT_START_RELAY="$ROOT/bench/start-hub.sh {PORT} {RELAY_URL}"
export PRODUCT_ALARM_PATH=/camalarm/alarm/bench/bench
export BENCH_PEERS="${BENCH_PEERS:-limit camalarm}"
# JIT warm-up before each measured shape, the same for every peer (the harness default of 3 s left
# the first measured row of a JVM half-compiled)
export BENCH_WARMUP="${BENCH_WARMUP:-10}"
exec "$WORK/harness/run-peers.sh"
