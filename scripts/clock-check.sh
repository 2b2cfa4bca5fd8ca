#!/usr/bin/env bash
# Runs the activities browser test with the clock at the turn of the year in
# the region: December 31 23:30 and January 1 00:30 Beijing (15:30 and 16:30
# UTC on December 31), the server process in UTC. The demo is loaded at that
# clock (its template is built in that process, never reused from disk). Chromium hangs under
# libfaketime, so it starts without it (a wrapper as CHROMIUM_PATH) and its
# pages are given the server's clock by Playwright (e2e/helpers.ts). Needs
# web/dist (npm run build:web) and Debian's faketime.
set -euo pipefail
cd "$(dirname "$0")/.."

lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
[ -n "$lib" ] || { echo "libfaketime is missing: apt-get install faketime" >&2; exit 1; }
year=$(TZ=Asia/Shanghai date +%Y)
wrapper=$(mktemp -d)
trap 'rm -rf "$wrapper"' EXIT
printf '#!/bin/sh\nunset LD_PRELOAD FAKETIME\nexec %s "$@"\n' "${CHROMIUM_PATH:-/usr/bin/chromium}" > "$wrapper/chromium"
chmod +x "$wrapper/chromium"
for at in "$year-12-31 15:30:00" "$year-12-31 16:30:00"; do
  printf '\n--- clock at %s UTC\n' "$at"
  # The clock starts at that moment and runs on; monotonic clocks stay real (timers).
  TZ=UTC LD_PRELOAD="$lib" FAKETIME="@$at" FAKETIME_DONT_FAKE_MONOTONIC=1 CHROMIUM_PATH="$wrapper/chromium" \
    node --test --import tsx "${@:-e2e/activities.e2e.ts}"
done
