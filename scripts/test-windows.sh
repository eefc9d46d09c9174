#!/usr/bin/env bash
# The Windows build's tests under Wine (issue 22): builds the release zip
# (scripts/release-windows.sh), the test-only helpers Wine needs beside it, a
# fresh Wine prefix, then runs the `windows::` integration tests, which a plain
# `cargo test` lists as ignored. Needs wine, mingw-w64 and the Rust target
# (.ci/run installs them); no display.
set -euo pipefail
cd "$(dirname "$0")/.."

# The code only Windows compiles (`cfg(windows)`), linted as the rest is.
cargo clippy --quiet --target x86_64-pc-windows-gnu -- -D warnings

built="${CARGO_TARGET_DIR:-target}"
work="$(realpath -m "$built/wine-test")"
rm -rf "$work"
mkdir -p "$work"
zip="$(scripts/release-windows.sh)"
cp "$zip" "$work/kinerja-windows.zip"
# Wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library
# calls: a stand-in for the tests, never shipped. hold.exe holds a file as Excel
# holds an open workbook.
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$work/bcryptprimitives.dll" tests/windows/prng.c -ladvapi32
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$work/hold.exe" tests/windows/hold.c

# A prefix of its own, made without a display and without offering to install
# Mono and Gecko (nothing here needs them); UTF-8 for Wine's file names.
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY
wineboot --init >/dev/null 2>&1
wineserver --wait

status=0
KINERJA_WINDOWS="$work" cargo test --test integration windows:: -- --ignored || status=$?
wineserver --kill || true
exit "$status"
