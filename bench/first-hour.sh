#!/usr/bin/env bash
# The first hour, measured from a terminal: starts ./mnemo (the server) on a fresh data directory, then opens
# ./mnemo chat in a real terminal (tmux) RUNS times and reports how long each took to show its prompt, and how
# long a command took to come back. Needs tmux. Numbers go to BENCHMARKS.md ("Terminal chat").
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
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

# Only these settings: no key (commands only), a data directory of its own, a free port.
export_env="env -i PATH=$PATH HOME=$HOME TERM=xterm-256color SERVER_PORT=$port ASSISTANT_DATA_DIR=$work/data"
(cd "$work" && $export_env "$repo/mnemo" >"$work/server.log" 2>&1) &
server_pid=$!
started="$(now_ms)"
until grep -q "Mnemo is ready at" "$work/server.log" 2>/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "bench: the server exited" >&2; exit 1; }
  sleep 0.1
done
echo "server: ready block after $(( $(now_ms) - started )) ms (includes the JVM and a fresh database)"
sed -n '/Mnemo is ready at/,/^$/p' "$work/server.log" | sed "s#$work#<tmp>#g; s/mnemo_[A-Za-z0-9_-]*/mnemo_…/"

prompt_times=()
reply_times=()
for i in $(seq 1 "$runs"); do
  begin="$(now_ms)"
  tmux -L "$socket" new-session -d -x 160 -y 48 -s "chat$i" "cd $work && $export_env $repo/mnemo chat"
  until tmux -L "$socket" capture-pane -p -t "chat$i" 2>/dev/null | grep -q "^you>"; do sleep 0.01; done
  prompt_times+=("$(( $(now_ms) - begin ))")
  sent="$(now_ms)"
  tmux -L "$socket" send-keys -t "chat$i" "/help" Enter
  until tmux -L "$socket" capture-pane -p -t "chat$i" | grep -q "Anything else you write goes to the assistant"; do sleep 0.01; done
  reply_times+=("$(( $(now_ms) - sent ))")
  tmux -L "$socket" send-keys -t "chat$i" C-d
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maximum() { printf '%s\n' "$@" | sort -n | tail -n 1; }
echo "chat: prompt shown after ${prompt_times[*]} ms (median $(median "${prompt_times[@]}"), max $(maximum "${prompt_times[@]}"))"
echo "chat: /help answered after ${reply_times[*]} ms (median $(median "${reply_times[@]}"), max $(maximum "${reply_times[@]}"))"
