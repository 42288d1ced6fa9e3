#!/usr/bin/env bash
# Drives Mnemo's MCP server with a client nobody here wrote: the MCP Inspector's CLI (npm @modelcontextprotocol/inspector).
# Usage: bench/mcp-inspector.sh   (builds target/mnemo.jar first if missing; needs node/npx and network access to npm)
# Starts the jar on embedded defaults with ASSISTANT_MCP_ENABLED=true, makes a person's token, then lists the tools,
# remembers something, searches for it and reads the recent-memories resource through the Inspector; a wrong token last.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=18090
JAVA="$("$here/bin/find-java")"
INSPECTOR="${MCP_INSPECTOR:-@modelcontextprotocol/inspector@0.17.2}"
[ -f "$here/target/mnemo.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)
data="$(mktemp -d)"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data"' EXIT
fail() { echo "mcp-inspector: $*" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then fail "something already answers on port $port"; fi

env_vars=(SERVER_PORT=$port ASSISTANT_DATA_DIR="$data" ASSISTANT_API_TOKEN=inspector-admin-token ASSISTANT_MCP_ENABLED=true
  ANTHROPIC_API_KEY= OPENAI_API_KEY= OPENAI_BASE_URL=)
token="$(env "${env_vars[@]}" "$JAVA" -jar "$here/target/mnemo.jar" token create --user alice --name inspector | grep -o 'mnemo_[A-Za-z0-9_-]*')"
env "${env_vars[@]}" "$JAVA" -XX:+UseSerialGC -jar "$here/target/mnemo.jar" >"$data/log" 2>&1 &
pid=$!
up=
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || fail "the server stopped: $(tail -n 5 "$data/log")"
  if curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then up=yes; break; fi
  sleep 0.1
done
[ -n "$up" ] || fail "the server did not come up in 60 s"

# The Inspector wants Node 22 or newer: npm's own node package provides it where the machine's is older.
run_inspector() {
  if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 22 ]; then
    npx -y "$INSPECTOR" --cli "$@"
  else
    npx -y -p node@22 -p "$INSPECTOR" -- mcp-inspector --cli "$@"
  fi
}
inspect() { # arguments for the Inspector's CLI after the server
  run_inspector "http://127.0.0.1:$port/mcp" --transport http --header "Authorization: Bearer $token" "$@"
}
echo "== tools/list"
tools="$(inspect --method tools/list | grep -o '"name": *"[a-z_]*"')"
echo "$tools"
[ "$(echo "$tools" | wc -l)" -eq 9 ] || fail "expected the nine tools"
echo "== tools/call remember"
remembered="$(inspect --method tools/call --tool-name remember --tool-arg 'text=My sister Ana lives in Porto.')"
echo "$remembered"
echo "$remembered" | grep -q '"isError": false' || fail "remember failed"
id="$(echo "$remembered" | grep -o '\\"id\\":\\"[0-9a-f-]*' | head -n 1 | grep -o '[0-9a-f-]\{36\}')"
[ -n "$id" ] || fail "remember gave no id"
echo "== tools/call search_memories"
found="$(inspect --method tools/call --tool-name search_memories --tool-arg 'query=where does my sister live')"
echo "$found"
echo "$found" | grep -q "$id" || fail "the search did not find memory $id"
echo "== resources/read mnemo://memories/recent"
recent="$(inspect --method resources/read --uri mnemo://memories/recent)"
echo "$recent"
echo "$recent" | grep -q "$id" || fail "the recent memories do not hold $id"
echo "== a wrong token"
if run_inspector "http://127.0.0.1:$port/mcp" --transport http --header "Authorization: Bearer mnemo_wrong" \
    --method tools/list >"$data/wrong" 2>&1; then
  fail "a wrong token was not refused"
fi
grep -q 'invalid bearer token' "$data/wrong" || fail "a wrong token failed otherwise: $(grep -v 'npm warn' "$data/wrong" | head -n 3)"
echo "refused: $(grep -m 1 -o 'Streamable HTTP error.*invalid bearer token[^}]*}' "$data/wrong")"
echo "== all checks passed"
