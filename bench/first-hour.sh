#!/usr/bin/env bash
# The first hour, measured from a terminal: starts ./mnemo (the server) on a fresh data directory, then opens
# ./mnemo chat in a real terminal (tmux) RUNS times and reports how long each took to show its prompt, and how
# long a command took to come back. Needs tmux. Only the settings below are used: no .env, no model key.
# Numbers go to BENCHMARKS.md ("Terminal chat").
#   bench/first-hour.sh [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
socket="mnemo-bench-$$"
server_pid=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
# Runs "$@" until it succeeds, for at most $1 seconds.
within() {
  local seconds="$1" deadline; shift
  deadline=$(( $(now_ms) + seconds * 1000 ))
  until "$@"; do
    if [ "$(now_ms)" -gt "$deadline" ]; then return 1; fi
    sleep 0.01
  done
}
settings=(env -i "PATH=$PATH" "HOME=$HOME" TERM=xterm-256color MNEMO_ENV_FILE=/dev/null "SERVER_PORT=$port"
  "ASSISTANT_DATA_DIR=$work/data")
printf -v settings_line '%q ' "${settings[@]}"
printf -v q_work '%q' "$work"
printf -v q_repo '%q' "$repo"

(cd "$work" && exec "${settings[@]}" "$repo/mnemo" >"$work/server.log" 2>&1) &
server_pid=$!
started="$(now_ms)"
server_ready() { kill -0 "$server_pid" 2>/dev/null && grep -q "Mnemo is ready at" "$work/server.log"; }
if ! within 180 server_ready; then
  cat "$work/server.log"; echo "bench: the server did not get ready" >&2; exit 1
fi
echo "server: ready block after $(( $(now_ms) - started )) ms (includes the JVM and a fresh database)"
sed -n '/Mnemo is ready at/,/^$/p' "$work/server.log" | sed "s#$work#<tmp>#g"

prompt_times=()
reply_times=()
for i in $(seq 1 "$runs"); do
  begin="$(now_ms)"
  tmux -L "$socket" new-session -d -x 160 -y 48 -s "chat$i" "cd $q_work && ${settings_line}$q_repo/mnemo chat; sleep 600"
  shows() { tmux -L "$socket" capture-pane -p -t "chat$i" | grep -q "$1"; }
  if ! within 30 shows "^you>"; then
    tmux -L "$socket" capture-pane -p -t "chat$i"; echo "bench: no prompt" >&2; exit 1
  fi
  prompt_times+=("$(( $(now_ms) - begin ))")
  sent="$(now_ms)"
  tmux -L "$socket" send-keys -t "chat$i" "/help" Enter
  if ! within 30 shows "Anything else you write goes to the assistant"; then
    tmux -L "$socket" capture-pane -p -t "chat$i"; echo "bench: no answer to /help" >&2; exit 1
  fi
  reply_times+=("$(( $(now_ms) - sent ))")
  tmux -L "$socket" send-keys -t "chat$i" C-d
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maximum() { printf '%s\n' "$@" | sort -n | tail -n 1; }
echo "chat: prompt shown after ${prompt_times[*]} ms (median $(median "${prompt_times[@]}"), max $(maximum "${prompt_times[@]}"))"
echo "chat: /help answered after ${reply_times[*]} ms (median $(median "${reply_times[@]}"), max $(maximum "${reply_times[@]}"))"
