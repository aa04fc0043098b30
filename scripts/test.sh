#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what it needs (scripts/setup.sh), type-checks
# the tests, starts one throwaway PostgreSQL for the storage tests (unless AIRLOCK_TEST_PG_URL is
# given) and runs every test file with node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc -p tsconfig.test.json --noEmit

if [ -z "${AIRLOCK_TEST_PG_URL:-}" ]; then
  coproc PG { exec node --import tsx scripts/pg-test-server.ts --fast; }
  PG_PID=$PG_PID
  trap 'kill "$PG_PID" 2>/dev/null || true; wait "$PG_PID" 2>/dev/null || true' EXIT
  read -r AIRLOCK_TEST_PG_URL <&"${PG[0]}"
  export AIRLOCK_TEST_PG_URL
  echo "test: PostgreSQL for tests at ${AIRLOCK_TEST_PG_URL%%:*}://…@${AIRLOCK_TEST_PG_URL##*@}"
fi

if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-reporter=spec "${files[@]}"
