#!/usr/bin/env bash
# Regenerates input/: the sample 2023 workbooks of DPMK Way Kanan.
# Runs examples/sample_input.rs into a temporary directory, converts two of the
# workbooks with LibreOffice (Data IDM -> .ods, Perjanjian Kinerja -> .xls, as
# offices keep older formats), and replaces the contents of input/.
# The .xlsx files are byte-identical on every run; the LibreOffice conversions
# carry their own timestamps and may differ in bytes (not in content).
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cargo run --quiet --example sample_input -- "$tmp/xlsx"

convert() { # convert FORMAT FILE
  soffice --headless -env:UserInstallation=file:///tmp/lo-profile-sample \
    --convert-to "$1" --outdir "$tmp/converted" "$2" >>"$tmp/soffice.log" 2>&1
}
convert ods "$tmp/xlsx/Data IDM 2023.xlsx"
convert xls "$tmp/xlsx/Perjanjian Kinerja 2023.xlsx"

for f in "Data IDM 2023.ods" "Perjanjian Kinerja 2023.xls"; do
  [ -s "$tmp/converted/$f" ] || { cat "$tmp/soffice.log" >&2; echo "conversion failed: $f" >&2; exit 1; }
done

mkdir -p input
find input -maxdepth 1 -type f -delete
cp "$tmp/converted/Data IDM 2023.ods" \
   "$tmp/converted/Perjanjian Kinerja 2023.xls" \
   "$tmp/xlsx/Realisasi Anggaran 2023.xlsx" \
   "$tmp/xlsx/IKU 2021-2026.xlsx" \
   "$tmp/xlsx/Capaian Kinerja 2023.xlsx" \
   "$tmp/xlsx/Profil Dinas 2023.xlsx" \
   "$tmp/xlsx/RKT 2023.xlsx" \
   input/
ls -1 input
