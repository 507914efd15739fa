#!/usr/bin/env bash
# Starts the embedded hub for the benchmark harness on 127.0.0.1:PORT with a throw-away conf/.
#   start-hub.sh PORT [RELAY_URL]
# Alarms are posted to /camalarm/alarm/bench/bench (token "bench", camera "bench"). When RELAY_URL
# is given, an http push target posts it and a rule fires it once per PERSON alarm.
# CAMALARM_HISTORY=off starts it with the event history off (conf/camalarm.history.cfg enabled=false);
# on (the default) keeps every alarm and snapshot in its userdata/camalarm/history/.
set -euo pipefail
PORT="${1:?usage: start-hub.sh PORT [RELAY_URL]}"
RELAY_URL="${2:-}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/target/bench/hub-$PORT"
rm -rf "$RUN" && mkdir -p "$RUN/conf"
printf 'alarmToken=bench\napiToken=bench-api\n' > "$RUN/conf/camalarm.server.cfg"
printf 'label=Bench camera\nholdTime=10\n' > "$RUN/conf/camalarm.vigi-bench.cfg"
if [[ "${CAMALARM_HISTORY:-on}" == off ]]; then
  printf 'enabled=false\n' > "$RUN/conf/camalarm.history.cfg"
fi
if [[ -n "$RELAY_URL" ]]; then
  # http://HOST:PORT/PATH?QUERY -> an http thing with one command, and the rule that drives it
  hostport="${RELAY_URL#http://}"; path="/${hostport#*/}"; hostport="${hostport%%/*}"
  printf 'label=Bench relay\nhost=%s\nport=%s\ncommand.on=POST %s\ntimeout=2000\n' \
    "${hostport%%:*}" "${hostport##*:}" "$path" > "$RUN/conf/camalarm.http-relay.cfg"
  printf 'when=camalarm:vigi:bench:event\nevent=PERSON\nthen=camalarm:http:relay:on\ncommand=ON\n' \
    > "$RUN/conf/camalarm.rule-bench.cfg"
fi
cd "$RUN"
# shellcheck disable=SC2086
# HTTPS off: the benchmark measures HTTP, and a fixed 8443 would collide with another hub on the machine
exec java ${JAVA_OPTS:--Xmx512m} -Dorg.osgi.service.http.port="$PORT" -Dorg.apache.felix.http.host=127.0.0.1 \
  -Dorg.apache.felix.https.enable=false \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$ROOT/target/camalarm-hub.jar"
