#!/usr/bin/env bash
# Runs every test of the solution, installing what the tests need first:
#   Debian: sip-tester (sipp), redis-server, baresip-core (a real softphone), sipvicious (attack tools);  npm: modesl (tests/EndToEnd/node, from the committed lock file).
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v sipp >/dev/null 2>&1 || need_apt+=(sip-tester)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# Without their recommends (sound servers, video): baresip runs headless with G.711 only.
need_lean=()
command -v baresip >/dev/null 2>&1 || need_lean+=(baresip-core)
command -v svcrack >/dev/null 2>&1 || need_lean+=(sipvicious)
if [ ${#need_apt[@]} -gt 0 ] || [ ${#need_lean[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]} ${need_lean[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  if [ ${#need_apt[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
  if [ ${#need_lean[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_lean[@]}" >/dev/null
  fi
fi
# redis-server's package starts a system instance; the tests start their own on free ports.
(cd tests/EndToEnd/node && npm ci --no-audit --no-fund --loglevel=error)

dotnet build Switch.sln -c Release -warnaserror --nologo -v:q
log=$(mktemp)
set +e
dotnet test Switch.sln -c Release --no-build --nologo --blame-hang-timeout 5m "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One summary line over every test assembly: "N passed, N failed, N skipped".
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$rc"
