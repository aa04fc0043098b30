#!/usr/bin/env bash
# Sets everything up on a fresh machine and starts the gateway on the embedded SQLite default with a
# demo server (@modelcontextprotocol/server-everything) registered. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export AIRLOCK_HOME="${AIRLOCK_HOME:-$HOME/.airlock}"
airlock=(node "$PWD/dist/cli/main.js")
if [ ! -f "$AIRLOCK_HOME/airlock.yaml" ]; then
  "${airlock[@]}" init --demo --json > "$AIRLOCK_HOME.init.json.tmp" 2>/dev/null || { cat "$AIRLOCK_HOME.init.json.tmp"; exit 1; }
  token=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).token)' "$AIRLOCK_HOME.init.json.tmp")
  rm -f "$AIRLOCK_HOME.init.json.tmp"
  echo "demo: API token (shown once): $token"
else
  token=$("${airlock[@]}" tokens create --name demo)
  echo "demo: new API token: $token"
fi
"${airlock[@]}" doctor || true
cat <<MSG

demo: try it from another terminal (any MCP client that can send a bearer token works):
  curl -si http://127.0.0.1:7700/mcp/everything -H "Authorization: Bearer $token" \\
       -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \\
       -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}'
  node dist/cli/main.js audit tail -n 5

MSG
exec "${airlock[@]}" up
