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

demo: try it from another terminal:
  npx @modelcontextprotocol/inspector --cli http://127.0.0.1:7700/mcp/everything --transport http \\
      --header "Authorization: Bearer $token" --method tools/list
  node dist/cli/main.js audit tail -n 5

MSG
exec "${airlock[@]}" up
