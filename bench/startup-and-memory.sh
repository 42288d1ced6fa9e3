#!/usr/bin/env bash
# Startup time to ready and resident memory of Mnemo as ./mnemo starts it, on embedded defaults (SQLite, no model).
# Usage: bench/startup-and-memory.sh [runs]      (./mnemo builds, extracts and creates the start-up cache first)
#   MNEMO_STARTUP_CACHE=off bench/startup-and-memory.sh   without JDK 25's AOT cache / the class-data archive
#   JAVA_OPTS=...                                       other JVM options (./mnemo makes a cache for them too)
# Prints, per run: seconds from exec to /actuator/health UP on an empty data directory (the first start: Flyway
# creates the schema); RSS right after start, after 200 API messages (offline mode) and after 30 s idle; seconds to
# UP again when restarted on that data (as after an upgrade); then minimum / median / maximum of each, and the jar's
# size.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
port=18080

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
stats() { sort -n | awk '{v[NR]=$1} END {printf "min %s / median %s / max %s", v[1], v[int((NR+1)/2)], v[NR]}'; }

MNEMO_ENV_FILE=/dev/null "$here/mnemo" prepare
ready_s=() start_mb=() busy_mb=() idle_mb=() restart_s=() pid=""
# Starts ./mnemo on the data directory $1 and waits until its health is UP; sets pid, and seconds (to UP).
start_and_wait() {
  local start up=""
  start=$(date +%s.%N)
  MNEMO_ENV_FILE=/dev/null SERVER_PORT=$port ASSISTANT_DATA_DIR="$1" ASSISTANT_API_TOKEN=bench-token \
    ANTHROPIC_API_KEY= OPENAI_API_KEY= OPENAI_BASE_URL= "$here/mnemo" >>"$1.log" 2>&1 &
  pid=$! # the launcher execs java: the same process
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && up=1 && break
    sleep 0.05
  done
  [ -n "$up" ] || { echo "run $run: not UP within 30 s; see the log:" >&2; tail -20 "$1.log" >&2; exit 1; }
  seconds="$(echo "$(date +%s.%N) - $start" | bc)"
}
for run in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  trap 'kill $pid 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
  start_and_wait "$data"
  first="$seconds"
  rss_start=$(rss_mb $pid)
  for i in $(seq 1 200); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/messages" -H 'Authorization: Bearer bench-token' \
      -H 'Content-Type: application/json' -d "{\"userId\":\"bench\",\"text\":\"my sister number $i lives in Porto\"}"
  done
  rss_busy=$(rss_mb $pid)
  sleep 30
  rss_idle=$(rss_mb $pid)
  kill $pid; wait $pid 2>/dev/null || true
  start_and_wait "$data"
  kill $pid; wait $pid 2>/dev/null || true
  trap - EXIT
  printf 'run %d: ready in %.2f s; RSS %s MB at start, %s MB after 200 messages, %s MB after 30 s idle; restarted on its data: ready in %.2f s\n' \
    "$run" "$first" "$rss_start" "$rss_busy" "$rss_idle" "$seconds"
  ready_s+=("$(printf '%.2f' "$first")") start_mb+=("$rss_start") busy_mb+=("$rss_busy") idle_mb+=("$rss_idle")
  restart_s+=("$(printf '%.2f' "$seconds")")
  rm -rf "$data" "$data.log"
done
echo "ready (s):                 $(printf '%s\n' "${ready_s[@]}" | stats)"
echo "RSS at start (MB):         $(printf '%s\n' "${start_mb[@]}" | stats)"
echo "RSS after 200 msgs (MB):   $(printf '%s\n' "${busy_mb[@]}" | stats)"
echo "RSS after 30 s idle (MB):  $(printf '%s\n' "${idle_mb[@]}" | stats)"
echo "ready on restart (s):      $(printf '%s\n' "${restart_s[@]}" | stats)"
echo "jar: $(( $(wc -c < "$here/target/mnemo.jar") / 1000000 )) MB"
