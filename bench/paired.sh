#!/usr/bin/env bash
# The history's two goals measured in pairs: the hub with its history on runs side by side with what
# it is compared to, and windows of the same load alternate between the two.
#   - B: multipart alarms/s, every snapshot stored, against the limit baseline (goal >= 0.6x);
#   - A: JSON alarms/s against the same hub with its history off (goal >= 0.8x).
#
#   bench/paired.sh HARNESS_COPY OUT.json     # ~12 min: 90 s of warm-up per server and load, then
#                                             # 8 rounds of 2 x 10 s for each goal
#
# Why pairs: run-peers.sh measures one server after the other, minutes apart. On this virtual machine
# the limit alone moved by 31% between three runs of an hour (7,196 to 9,411 multipart alarms/s), and
# the JSON goal's ratio between 0.52x and 1.80x in the runs of 2026-12-03, more than either goal's
# margin: a sequential row said more of when it ran than of the hub. Here both sides see the same
# moments of the machine: each round measures both, the first of them alternating, and a goal is
# judged on the median of the rounds' ratios (a window the VM stalled moves it little).
# Knobs: BENCH_WARMUP (90 s), PAIRED_ROUNDS (8), PAIRED_SECONDS (10), PAIRED_CONNECTIONS (16).
set -euo pipefail
HARNESS="${1:?usage: paired.sh HARNESS_COPY OUT.json}"
OUT="${2:?usage: paired.sh HARNESS_COPY OUT.json}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/target/bench"
mkdir -p "$WORK"
ROUNDS="${PAIRED_ROUNDS:-8}" SECONDS_EACH="${PAIRED_SECONDS:-10}" CONNS="${PAIRED_CONNECTIONS:-16}"
MULTIPART="$HARNESS/fixtures/alarm-multipart.bin" MULTIPART_TYPE="multipart/form-data; boundary=ReportEventBoundary"
JSON="$HARNESS/fixtures/alarm.json"
export BENCH_MAX_PER_THREAD=2000000

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
declare -A URL GROUP PORT
stop_all() {
  for g in "${GROUP[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for p in "${PORT[@]}"; do rm -rf "$WORK/hub-$p"; done # their histories: up to 1 GB of snapshots each
}
trap stop_all EXIT

# start SIDE: the limit, or the hub with its history on or off, on a free port
start() {
  local port
  port="$(free_port)"
  case "$1" in
    limit)
      RELAY_URL="" ALARM_PATH=/alarm setsid "$HARNESS/peers/limit/start.sh" "$port" > "$WORK/paired-$1.log" 2>&1 < /dev/null &
      URL[$1]="http://127.0.0.1:$port/alarm" ;;
    on | off)
      CAMALARM_HISTORY="$1" setsid "$ROOT/bench/start-hub.sh" "$port" > "$WORK/paired-$1.log" 2>&1 < /dev/null &
      URL[$1]="http://127.0.0.1:$port/camalarm/alarm/bench/bench"
      PORT[$1]="$port" ;;
  esac
  GROUP[$1]=$!
}
ready() {
  local code
  for _ in $(seq 1 600); do # the limit may first build its jar
    code="$(curl -s -m 2 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      --data-binary @"$JSON" "${URL[$1]}" || true)"
    [[ "$code" == 200 ]] && return
    sleep 0.5
  done
  echo "paired: $1 did not answer 200 at ${URL[$1]}" >&2
  exit 1
}
# rps SIDE BODY CTYPE SECONDS -> alarms/s at $CONNS connections
rps() {
  BENCH_BODY_FILE="$2" BENCH_CTYPE="$3" timeout $(($4 + 30)) \
    wrk -t2 -c"$CONNS" -d"$4"s --timeout 5s -s "$HARNESS/driver/wrk/alarm.lua" "${URL[$1]}" 2>&1 \
    | sed -n 's/^WRKJSON .*"rps":\([0-9.]*\).*/\1/p'
}

# pair NAME BASE GOAL BODY CTYPE -> one JSON object: the rounds of the hub (history on) against BASE
pair() {
  local name="$1" base="$2" goal="$3" body="$4" ctype="$5" r side order rounds=()
  for side in "$base" on; do rps "$side" "$body" "$ctype" "${BENCH_WARMUP:-90}" > /dev/null; done
  for r in $(seq 1 "$ROUNDS"); do
    if (( r % 2 )); then order="$base on"; else order="on $base"; fi
    unset got; declare -A got
    for side in $order; do got[$side]="$(rps "$side" "$body" "$ctype" "$SECONDS_EACH")"; done
    [[ -n "${got[$base]}" && -n "${got[on]}" ]] || { echo "paired: $name round $r gave no result" >&2; exit 1; }
    echo "paired $name round $r: $base ${got[$base]}/s, history on ${got[on]}/s (${order%% *} first)" >&2
    rounds+=("{\"camalarm\":${got[on]},\"base\":${got[$base]}}")
  done
  (IFS=,; printf '{"name":"%s","base":"%s","goal":%s,"connections":%s,"seconds":%s,"rounds":[%s]}' \
    "$name" "$base" "$goal" "$CONNS" "$SECONDS_EACH" "${rounds[*]}")
}

for side in limit on off; do start "$side"; done
for side in limit on off; do ready "$side"; done
B="$(pair "B-multipart c$CONNS, history on (every snapshot stored) vs limit" limit 0.6 "$MULTIPART" "$MULTIPART_TYPE")"
A="$(pair "A-json c$CONNS, history on vs off" off 0.8 "$JSON" application/json)"
printf '{"pairs":[%s,%s]}\n' "$B" "$A" > "$OUT"
