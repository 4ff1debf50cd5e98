#!/usr/bin/env bash
# Installs Debian's Chromium for the console's browser tests (tests/Runwire.WebConsole.Tests) when it is missing.
# Playwright drives it by its executable path; Playwright's own browser download is never used. Idempotent.
set -euo pipefail

if [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null; then
  exit 0
fi
echo "installing chromium for the console's browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium >&2
