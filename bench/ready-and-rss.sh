#!/usr/bin/env bash
# One start of a given jar with the server's JVM options (plus any given), on embedded defaults: seconds to
# /actuator/health UP, RSS then, and RSS after 200 statements through the API. For comparing builds step by step
# (BENCHMARKS.md, Startup and memory); bench/startup-and-memory.sh measures what ./mnemo runs.
# Usage: bench/ready-and-rss.sh JAR [JVM option...]      e.g. bench/ready-and-rss.sh target/app/mnemo.jar -XX:AOTCache=…
#        ARENAS=2 bench/ready-and-rss.sh …               with MALLOC_ARENA_MAX=2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:?usage: bench/ready-and-rss.sh JAR [JVM option...]}"; shift
port=18082
data="$(mktemp -d)"
start=$(date +%s.%N)
MALLOC_ARENA_MAX="${ARENAS:-}" SERVER_PORT=$port ASSISTANT_DATA_DIR="$data" ASSISTANT_API_TOKEN=bench-token \
  ANTHROPIC_API_KEY= OPENAI_API_KEY= OPENAI_BASE_URL= "$("$here/bin/find-java")" \
  -XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 "$@" -jar "$jar" >"$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
up=""
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && up=1 && break
  sleep 0.05
done
[ -n "$up" ] || { echo "not UP within 45 s; see the log:" >&2; tail -20 "$data/log" >&2; exit 1; }
ready=$(date +%s.%N)
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }
at_ready=$(rss)
for i in $(seq 1 200); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/messages" -H 'Authorization: Bearer bench-token' \
    -H 'Content-Type: application/json' -d "{\"userId\":\"bench\",\"text\":\"my sister number $i lives in Porto\"}"
done
printf 'ready %.2f s, RSS %s MB at ready, %s MB after 200 messages\n' "$(echo "$ready - $start" | bc)" "$at_ready" "$(rss)"
kill $pid; wait $pid 2>/dev/null || true
