#!/usr/bin/env bash
# What decoding TVT's base64 pictures on the request path costs, beside a VIGI multipart push
# with the same JPEG (SnapshotDecodeBench). Argument: the JPEG size in KiB (default 400; TVT's
# overview pictures are 120-330 KB in the distributor's captures).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -XX:+UseSerialGC -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.camalarm.alarm.SnapshotDecodeBench "${1:-400}"
