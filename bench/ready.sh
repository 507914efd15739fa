#!/usr/bin/env bash
# Start-up and idle memory: the hub as README starts it (HTTPS on, kept certificate) beside the
# harness's `limit` server (Jetty 12 + Gson, one class) started on the same machine in the same run.
#
#   bench/ready.sh [ROUNDS]          # default 7 rounds, each starts both once: ~2 min
#
# Ready = the first 200 to a JSON alarm, polled every 10 ms from `java -jar` on. Prints, per server,
# the median and range of the time to ready, the CPU time the process used until then (the JIT's
# threads included: on 2 cores they compete with the start), and its resident memory 20 s after
# ready (IDLE_S), then the hub's figures as ratios to the limit's.
set -euo pipefail
ROUNDS="${1:-7}"
IDLE_S="${IDLE_S:-20}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HARNESS="${CAMALARM_BENCH_HARNESS:-$ROOT/../shared/bench}"
LIMIT="$HARNESS/peers/limit"
[[ -f "$LIMIT/target/limit.jar" ]] || (cd "$LIMIT" && mvn -B -q -DskipTests package)
[[ -f "$ROOT/target/camalarm-hub.jar" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)
BODY="$HARNESS/fixtures/alarm.json"
WORK="$ROOT/target/bench/ready"
rm -rf "$WORK" && mkdir -p "$WORK/hub/conf"
printf 'alarmToken=bench\napiToken=bench-api\n' > "$WORK/hub/conf/camalarm.server.cfg"
printf 'label=Bench camera\nholdTime=10\n' > "$WORK/hub/conf/camalarm.vigi-bench.cfg"
TICK="$(getconf CLK_TCK)"

free_port() { # a TCP port nobody listens on (and, for the hub's UDP listener, likely free too)
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

# measure NAME URL COMMAND... -> "NAME ready_ms cpu_ms rss_mb"
measure() {
  local name="$1" url="$2" t0 t1 pid stat
  shift 2
  t0="$(date +%s%N)"
  "$@" >"$WORK/$name.log" 2>&1 &
  pid=$!
  until [[ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary @"$BODY" "$url" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited during start (see $WORK/$name.log)" >&2; exit 1; }
    sleep 0.01
  done
  t1="$(date +%s%N)"
  read -r -a stat <"/proc/$pid/stat"
  sleep "$IDLE_S"
  echo "$name $(((t1 - t0) / 1000000)) $(((stat[13] + stat[14]) * 1000 / TICK)) $(($(ps -o rss= -p "$pid") / 1024))"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

hub() {
  local port secure
  port="$(free_port)"
  secure="$(free_port)"
  (cd "$WORK/hub" && measure camalarm "http://127.0.0.1:$port/camalarm/alarm/bench/bench" \
    java -Dorg.osgi.service.http.port="$port" -Dorg.osgi.service.http.port.secure="$secure" \
    -Dorg.apache.felix.http.host=127.0.0.1 -Dcamalarm.lenientPort="$(free_port)" -Dcamalarm.udpPort="$(free_port)" \
    -jar "$ROOT/target/camalarm-hub.jar")
}

limit() {
  local port
  port="$(free_port)"
  measure limit "http://127.0.0.1:$port/alarm" java -jar "$LIMIT/target/limit.jar" "$port"
}

echo "first start (generates the hub's certificate, not counted): $(hub)" >&2
for i in $(seq 1 "$ROUNDS"); do
  limit
  hub
done | tee "$WORK/results.txt" | sed 's/^/  /' >&2

awk '
  { ready[$1] = ready[$1] " " $2; cpu[$1] = cpu[$1] " " $3; rss[$1] = rss[$1] " " $4 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    lo = a[1]; hi = a[n]
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    printf "%-9s %16s %18s %14s %16s\n", "server", "ready ms (median", "min-max)", "CPU ms to ready", "RSS MB idle"
    for (s in ready) {
      r[s] = median(ready[s]); rl = lo; rh = hi; c[s] = median(cpu[s]); m[s] = median(rss[s])
      printf "%-9s %16d %18s %14d %16d\n", s, r[s], rl "-" rh, c[s], m[s]
    }
    printf "camalarm / limit: ready %.2fx, CPU to ready %.2fx, idle RSS %.2fx\n",
      r["camalarm"] / r["limit"], c["camalarm"] / c["limit"], m["camalarm"] / m["limit"]
  }' "$WORK/results.txt"
