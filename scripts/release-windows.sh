#!/usr/bin/env bash
# Builds kinerja.exe for 64-bit Windows (10 and later) and the zip to hand to an
# office: kinerja.exe (every asset embedded: the fonts, the page, the default
# config), config.toml, the sample input and BACA-SAYA.txt, the text files with
# Windows line ends (Notepad before 2018 shows LF-only files as one line).
# Needs the Rust target and mingw-w64 (.ci/run installs them) and `zip`.
# Prints the zip's path.
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
cargo build --release --locked --quiet --target "$target"
built="${CARGO_TARGET_DIR:-target}"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
name="kinerja-$version-windows"
out="$built/release-windows"
folder="$out/$name"
rm -rf "$folder" "$out/$name.zip"
mkdir -p "$folder/input"

x86_64-w64-mingw32-strip -o "$folder/kinerja.exe" "$built/$target/release/kinerja.exe"
crlf() { sed 's/\r*$/\r/' "$1" >"$2"; }
crlf config.toml "$folder/config.toml"
crlf scripts/windows/BACA-SAYA.txt "$folder/BACA-SAYA.txt"
for f in input/*; do
  case "$f" in
    *.md) crlf "$f" "$folder/$f" ;;
    *) cp "$f" "$folder/$f" ;;
  esac
done

(cd "$out" && zip -q -r -X "$name.zip" "$name")
echo "$out/$name.zip"
