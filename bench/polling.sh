#!/usr/bin/env bash
# Benchmark: what following 200 relays' state costs the hub. Two phases in one run, same hub jar,
# same 200 Shelly things pointing at 200 fake relays on 127.0.0.1 (bench/FakeRelays.java):
#   baseline  refreshInterval=0   (the things exist, nothing is read)
#   polling   refreshInterval=10  (each relay's state read every 10 s: 20 reads/s)
# For each it prints the hub's CPU time over the window as % of one core, its live threads, and
# the reads the relays served per second; then the difference (the cost of polling).
#
#   bench/polling.sh                      # 200 devices, 10 s, 60 s windows: ~6 min
#   DEVICES=500 REFRESH=5 WINDOW=30 bench/polling.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEVICES="${DEVICES:-200}"
REFRESH="${REFRESH:-10}"
WINDOW="${WINDOW:-60}"
# the JIT compiles the read path for minutes: measure polling after it settled (the idle hub needs less)
WARMUP="${WARMUP:-150}"
BASE_WARMUP="${BASE_WARMUP:-30}"
[[ -f "$ROOT/target/camalarm-hub.jar" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)
WORK="$ROOT/target/bench/polling"
rm -rf "$WORK" && mkdir -p "$WORK"
TICKS=$(getconf CLK_TCK)

# the fake relays, asked for their request count through a pipe
mkfifo "$WORK/ask"
java -XX:+UseSerialGC -Xmx256m "$ROOT/bench/FakeRelays.java" "$DEVICES" "$WORK/ports" <"$WORK/ask" >"$WORK/served" &
RELAYS=$!
exec 3>"$WORK/ask"
cleanup() {
  [[ -s "$WORK/hub.pid" ]] && kill "$(cat "$WORK/hub.pid")" 2>/dev/null || true
  exec 3>&- || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do [[ -s "$WORK/ports" && $(wc -l <"$WORK/ports") -eq $DEVICES ]] && break; sleep 0.5; done

served() { echo >&3; sleep 0.5; tail -n 1 "$WORK/served"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# phase NAME REFRESH_INTERVAL WARMUP_S -> prints "NAME cpu% threads reads/s online"
phase() {
  local name=$1 refresh=$2 warmup=$3 dir="$WORK/$1" port
  port=$(free_port)
  mkdir -p "$dir/conf"
  printf 'alarmToken=bench\napiToken=bench-api\n' >"$dir/conf/camalarm.server.cfg"
  local i=0
  while read -r p; do
    i=$((i + 1))
    printf 'host=127.0.0.1\nport=%s\ngeneration=1\ntimeout=2000\nrefreshInterval=%s\n' "$p" "$refresh" \
      >"$dir/conf/camalarm.shelly-r$i.cfg"
  done <"$WORK/ports"
  (cd "$dir" && exec java -Xmx256m -Dorg.osgi.service.http.port="$port" -Dorg.apache.felix.http.host=127.0.0.1 \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$ROOT/target/camalarm-hub.jar" >"$dir/hub.log" 2>&1) &
  HUB=$!
  echo "$HUB" >"$WORK/hub.pid"
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null -H 'Authorization: Bearer bench-api' "http://127.0.0.1:$port/camalarm/api/things" && break
    sleep 0.5
  done
  sleep "$warmup"
  local t0 c0 r0 t1 c1 r1 th
  t0=$(date +%s.%N); c0=$(cpu_ticks "$HUB"); r0=$(served)
  sleep "$WINDOW"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$HUB"); r1=$(served); th=$(threads "$HUB")
  local online
  online=$(curl -fs -H 'Authorization: Bearer bench-api' "http://127.0.0.1:$port/camalarm/api/things" \
    | grep -o '"status":"ONLINE"' | wc -l)
  kill "$HUB"; wait "$HUB" 2>/dev/null || true; : >"$WORK/hub.pid"
  awk -v n="$name" -v c=$((c1 - c0)) -v tk="$TICKS" -v t0="$t0" -v t1="$t1" -v r=$((r1 - r0)) -v th="$th" -v on="$online" \
    'BEGIN { s = t1 - t0; printf "%s %.2f %d %.1f %d\n", n, 100 * c / tk / s, th, r / s, on }'
}

echo "camalarm polling cost: $DEVICES Shelly relays, refreshInterval $REFRESH s, ${WINDOW} s windows" \
  "after ${BASE_WARMUP} s (idle) / ${WARMUP} s (polling) warm-up" >&2
BASE=$(phase baseline 0 "$BASE_WARMUP")
POLL=$(phase polling "$REFRESH" "$WARMUP")
printf '\n%-10s %14s %8s %10s %8s\n' phase "cpu % of core" threads "reads/s" online
for row in "$BASE" "$POLL"; do
  read -r n c t r o <<<"$row"
  printf '%-10s %14s %8s %10s %8s\n' "$n" "$c" "$t" "$r" "$o"
done
read -r _ cb tb _ _ <<<"$BASE"
read -r _ cp tp rp _ <<<"$POLL"
awk -v cb="$cb" -v cp="$cp" -v tb="$tb" -v tp="$tp" -v rp="$rp" 'BEGIN {
  printf "\npolling costs %.2f %% of one core (%.1fx the idle hub), %+d threads, %.3f ms CPU per read\n",
    cp - cb, (cb > 0 ? cp / cb : 0), tp - tb, (rp > 0 ? (cp - cb) * 10 / rp : 0) }'
