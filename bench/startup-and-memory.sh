#!/usr/bin/env bash
# Startup time to ready and resident memory of the packaged jar on embedded defaults (SQLite, no model).
# Usage: bench/startup-and-memory.sh [runs]   (builds target/mnemo.jar first if missing)
# Prints, per run: seconds from exec to /actuator/health UP; RSS right after start, after 200 API
# messages (offline mode), and after 30 s idle.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
port=18080
JAVA="$("$here/bin/find-java")"
[ -f "$here/target/mnemo.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

for run in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  start=$(date +%s.%N)
  SERVER_PORT=$port ASSISTANT_DATA_DIR="$data" ASSISTANT_API_TOKEN=bench-token ANTHROPIC_API_KEY= OPENAI_API_KEY= OPENAI_BASE_URL= \
    "$JAVA" ${JAVA_OPTS:--XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30} -jar "$here/target/mnemo.jar" >"$data/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.05
  done
  ready=$(date +%s.%N)
  rss_start=$(rss_mb $pid)
  for i in $(seq 1 200); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/messages" -H 'Authorization: Bearer bench-token' \
      -H 'Content-Type: application/json' -d "{\"userId\":\"bench\",\"text\":\"message $i\"}"
  done
  rss_busy=$(rss_mb $pid)
  sleep 30
  rss_idle=$(rss_mb $pid)
  kill $pid; wait $pid 2>/dev/null || true
  printf 'run %d: ready in %.2f s; RSS %s MB at start, %s MB after 200 messages, %s MB after 30 s idle\n' \
    "$run" "$(echo "$ready - $start" | bc)" "$rss_start" "$rss_busy" "$rss_idle"
  rm -rf "$data"
done
