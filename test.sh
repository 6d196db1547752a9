#!/usr/bin/env bash
# Runs every test suite: unit, HTTP, storage contract, the official Direct Line JS client and the Web Chat
# page in Chromium. Installs what a fresh Debian machine lacks (Chromium) when run as root.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: Node.js and npm are required (Web Chat assets and the Direct Line JS suite)." >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: the browser tests need /usr/bin/chromium (sudo apt-get install chromium)." >&2
    exit 1
  fi
fi

# The SMTP delivery tests talk to a real SMTP server: Debian's aiosmtpd, which they start themselves.
if ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's python3-aiosmtpd for the SMTP delivery tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
  else
    echo "test.sh: the SMTP delivery tests need python3-aiosmtpd (sudo apt-get install python3-aiosmtpd)." >&2
    exit 1
  fi
fi

# Localisation data first (docs/localization.md §6): a missing translation of a pilot/live language, a broken ICU
# message or country profile blocks like a failing test. One line per finding, then a summary.
if ! dotnet run --project bot/SupportBot.Bot -c Release --no-launch-profile -- locales check --path locales; then
  echo "test.sh: 'supportbot locales check' found errors (listed above); fix them before the tests run." >&2
  exit 1
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test SupportBot.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line for people and CI: the sum over every test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
