#!/usr/bin/env bash
# Installs what the tests need (PostgreSQL, Python with pandas & co, bubblewrap, Chromium), builds everything (warnings are errors) and runs every test project.
# Prints one closing line "Tests: N passed, N failed" summed over all test projects.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet restore Runwire.slnx
dotnet build Runwire.slnx --no-restore -c Release

# The Python runner's tests run hetida's component code in real Python workers inside bubblewrap.
./scripts/install-python.sh

# The console's browser tests drive Debian's Chromium through Playwright.
./scripts/install-browser.sh

# The adapter tests run against a real PostgreSQL server, started here and stopped when the script ends.
eval "$(./scripts/start-postgres.sh)"
trap ./scripts/stop-postgres.sh EXIT

log=$(mktemp)
status=0
dotnet test --solution Runwire.slnx --no-build -c Release 2>&1 | tee "$log" || status=$?

# The Python worker's own tests (a real worker process on a real socket), with Debian's Python that has pandas.
pylog=$(mktemp)
/usr/bin/python3 -m unittest discover -s src/Runwire.Python/worker/tests 2>&1 | tee "$pylog" || status=$?

passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# (grep finds nothing when all passed; with pipefail that must not end the script)
pyran=$( (grep -oE '^Ran [0-9]+ test' "$pylog" || true) | awk '{print $2}' | tail -n1)
pyfailed=$( (grep -oE '(failures|errors)=[0-9]+' "$pylog" || true) | awk -F= '{s+=$2} END {print s+0}')
passed=$((passed + ${pyran:-0} - pyfailed))
failed=$((failed + pyfailed))
# A failing test's captured output can run to thousands of lines: repeat each failure's name and message at the end,
# where a reader of the log's tail finds them.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  awk '/^failed /{show=1; n=0} show && (/^ +at / || /Error output:/ || /Standard output:/ || ++n > 12){show=0} show' "$log"
  grep -E '^(FAIL|ERROR): ' "$pylog" || true
fi
echo "Tests: ${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
