#!/usr/bin/env bash
# The web UI's performance figures (issue 9): the cameras page with 50 cameras in headless Chromium,
# and JSON alarm throughput with 0 vs 20 open event streams (wrk), in one run on 127.0.0.1, ~2 min.
#   bench/ui.sh                      # BENCH_SECONDS=8 BENCH_ROUNDS=3 by default
# Needs wrk, chromium and chromium-driver (installed when missing), Java 17 and Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if ((${#need[@]})); then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"; fi
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/ui-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench/ui-classpath.txt)" \
  -Dcamalarm.hub.jar="$ROOT/target/camalarm-hub.jar" \
  -Dbench.seconds="${BENCH_SECONDS:-8}" -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.camalarm.it.UiBench
