#!/usr/bin/env bash
# The speed-and-scale benchmark of kinerja: `kinerja fix` against the floor.
#
#   bench/run.sh                  # everything, as recorded in bench/results.md
#   bench/run.sh --quick          # smoke test: 221 and 7,500 villages, 2 runs each
#
# Options (all optional):
#   --sizes "221 7500 75000 300000"   village counts (kegiatan: 30 up to 1,000 villages, else 2,000)
#   --runs-small 5 --runs-large 3     repetitions up to / above 7,500 villages
#   --work DIR                        workloads and outputs (default /tmp/kinerja-bench)
#   --out FILE                        the Markdown report (default bench/results.md)
#   --no-frictionless                 skip the frictionless comparison
#   --venv DIR                        venv for frictionless (default bench/.venv)
#   --kinerja PATH                    measure this kinerja binary (e.g. another branch's build)
#                                     instead of this worktree's release build
#   --errors-scale N:E                also time fix on N villages with E injected errors
#                                     (default 75000:3000 when 75000 is among the sizes; "none" to skip)
#
# What it does, in one run:
#  1. builds the release binary and the examples `workload` and `floor`;
#  2. per size, generates a consistent workload (examples/workload.rs, seed 1) and
#     checks that `kinerja check` finds no error in it;
#  3. per size, R rounds; in each round `kinerja fix`, the floor (examples/floor.rs:
#     calamine in, rust_xlsxwriter out, nothing else), `kinerja check`, reading alone
#     (`floor --read`, the floor of check), `kinerja run` and, when the binary has it,
#     `kinerja report` run once each on the same workload, in an order
#     that rotates from round to round; each is timed with /usr/bin/time (wall time,
#     peak RSS, user and system CPU);
#  4. at 75,000 villages, `frictionless validate` (pip package frictionless[excel],
#     in a venv) of the village sheet with a Table Schema (bench/idm-schema.json),
#     both exported to CSV (frictionless's fastest input) and as the xlsx itself,
#     alternated with `kinerja check` of the whole workload and of the IDM workbook;
#  5. a workload with 20 injected errors (7,500 villages) is checked and every
#     injected cell is looked up among the findings; fix is timed against the floor
#     on a large workload with many errors (--errors-scale), where corrections and
#     flags cost what a clean workload does not show;
#  6. bench/summarize.py writes the Markdown report to stdout and to --out.
# Timings live here, never in the tests.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES="221 7500 75000 300000"
RUNS_SMALL=5
RUNS_LARGE=3
WORK=/tmp/kinerja-bench
OUT="$ROOT/bench/results.md"
FRICTIONLESS=1
VENV="$ROOT/bench/.venv"
KINERJA_BIN=""
ERRORS_SCALE=""
ERRORS_SIZE=7500
ERRORS_COUNT=20
COMMAND="bench/run.sh $*"

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --runs-small) RUNS_SMALL="$2"; shift 2 ;;
    --runs-large) RUNS_LARGE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --venv) VENV="$2"; shift 2 ;;
    --no-frictionless) FRICTIONLESS=0; shift ;;
    --kinerja) KINERJA_BIN="$2"; shift 2 ;;
    --errors-scale) ERRORS_SCALE="$2"; shift 2 ;;
    --quick) SIZES="221 7500"; RUNS_SMALL=2; RUNS_LARGE=2; FRICTIONLESS=0; shift ;;
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# --- tools -----------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time"
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cd "$ROOT"
log "building release binaries"
cargo build --release --quiet --bin kinerja --example workload --example floor
TARGET=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
KINERJA="${KINERJA_BIN:-$TARGET/release/kinerja}"
WORKLOAD="$TARGET/release/examples/workload"
FLOOR="$TARGET/release/examples/floor"
mkdir -p "$WORK"
# The benchmark goes past any office's workbook (300,000 villages, four times the
# country's): its copy of the config lifts the bounds that keep `check` of any
# workbook under 1 GB ([limits] max_cells, max_unpacked_mb), its paths kept.
CONFIG="$WORK/config.toml"
sed -e 's/^max_cells = .*/max_cells = 8000000/' \
    -e 's/^max_unpacked_mb = .*/max_unpacked_mb = 1024/' \
    -e "s|^input = \"input\"|input = \"$ROOT/input\"|" \
    -e "s|^output = \"output\"|output = \"$ROOT/output\"|" \
    -e "s|^narrative = \"input/narasi.md\"|narrative = \"$ROOT/input/narasi.md\"|" \
    "$ROOT/config.toml" >"$CONFIG"
RAW="$WORK/raw.tsv"
printf 'villages\ttool\tround\twall_s\trss_kb\tuser_s\tsys_s\texit\n' >"$RAW"

# --- the machine -----------------------------------------------------------
python3 - "$WORK/machine.json" "$COMMAND" "$SIZES" "$RUNS_SMALL" "$RUNS_LARGE" "$KINERJA" <<'EOF'
import json, os, subprocess, sys, datetime
def first(path, key):
    for line in open(path):
        if line.startswith(key):
            return line.split(":", 1)[1].strip()
    return "?"
def sh(*a):
    try:
        return subprocess.run(a, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"
mem_kb = int(first("/proc/meminfo", "MemTotal").split()[0])
json.dump({
    "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
    "command": sys.argv[2],
    "sizes": sys.argv[3], "runs_small": sys.argv[4], "runs_large": sys.argv[5],
    "nproc": os.cpu_count(),
    "memory_gib": round(mem_kb / 1024 / 1024, 1),
    "cpu": first("/proc/cpuinfo", "model name"),
    "kernel": sh("uname", "-sr"),
    "rustc": sh("rustc", "--version"),
    "commit": sh("git", "rev-parse", "--short", "HEAD") + ("+dirty" if sh("git", "status", "--porcelain", "--untracked-files=no") else ""),
    "kinerja": sys.argv[6],
    "kinerja_version": sh(sys.argv[6], "--version"),
    "load_start": open("/proc/loadavg").read().split()[:3],
}, open(sys.argv[1], "w"), indent=1)
EOF

# --- measuring ---------------------------------------------------------------
# measure VILLAGES TOOL ROUND CMD...: one timed run, appended to raw.tsv.
measure() {
  local n="$1" tool="$2" round="$3"
  shift 3
  local tf="$WORK/.time" ef="$WORK/.stderr"
  set +e
  /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >/dev/null 2>"$ef"
  local rc=$?
  set -e
  # GNU time puts "Command exited with non-zero status N" first when the command fails.
  read -r wall rss user sys < <(tail -n 1 "$tf")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$round" "$wall" "$rss" "$user" "$sys" "$rc" >>"$RAW"
  log "  $tool n=$n round $round: ${wall}s ${rss}KB exit $rc"
  LAST_RC=$rc
}

report_supported() {
  local dir="$1" out="$2"
  set +e
  "$KINERJA" report -q -c "$CONFIG" -o "$out" "$dir" >/dev/null 2>"$WORK/.report-probe"
  local rc=$?
  set -e
  if [ $rc -eq 2 ] && grep -qi "not built yet" "$WORK/.report-probe"; then
    log "kinerja report is not built yet: skipped"
    echo "not built yet" >"$WORK/report-status"
    return 1
  fi
  echo "measured (probe exit $rc)" >"$WORK/report-status"
  return 0
}

REPORT=""

# --- per size ------------------------------------------------------------------
for n in $SIZES; do
  if [ "$n" -le 1000 ]; then k=30; else k=2000; fi
  if [ "$n" -le 7500 ]; then runs=$RUNS_SMALL; else runs=$RUNS_LARGE; fi
  dir="$WORK/w$n"
  log "workload: $n villages, $k kegiatan"
  rm -rf "$dir"
  "$WORKLOAD" --villages "$n" --kegiatan "$k" --seed 1 "$dir" 2>>"$WORK/generate.log"
  set +e
  "$KINERJA" check -q -c "$CONFIG" --format json "$dir" >"$WORK/check-$n.json" 2>"$WORK/check-$n.stderr"
  echo $? >"$WORK/check-$n.exit"
  set -e
  if [ -z "$REPORT" ]; then
    if report_supported "$dir" "$WORK/out-report-probe"; then REPORT=1; else REPORT=0; fi
  fi
  tools=(fix floor check read run)
  [ "$REPORT" = 1 ] && tools+=(report)
  for round in $(seq 1 "$runs"); do
    # Rotate the order so that no tool always runs first (or right after another).
    shift_by=$(( (round - 1) % ${#tools[@]} ))
    order=("${tools[@]:$shift_by}" "${tools[@]:0:$shift_by}")
    for tool in "${order[@]}"; do
      case "$tool" in
        fix)
          rm -rf "$WORK/out-fix"
          measure "$n" fix "$round" "$KINERJA" fix -q -c "$CONFIG" -o "$WORK/out-fix" "$dir" ;;
        floor)
          rm -rf "$WORK/out-floor"
          measure "$n" floor "$round" "$FLOOR" "$dir" "$WORK/out-floor" ;;
        check)
          measure "$n" check "$round" "$KINERJA" check -q -c "$CONFIG" --format json "$dir" ;;
        read)
          measure "$n" read "$round" "$FLOOR" --read "$dir" ;;
        run)
          rm -rf "$WORK/out-run"
          measure "$n" run "$round" "$KINERJA" run -q -c "$CONFIG" -o "$WORK/out-run" "$dir" ;;
        report)
          rm -rf "$WORK/out-report"
          measure "$n" report "$round" "$KINERJA" report -q -c "$CONFIG" -o "$WORK/out-report" "$dir" ;;
      esac
    done
  done
  cat /proc/loadavg >"$WORK/load-$n"
done

# --- frictionless at 75,000 ----------------------------------------------------
if [ "$FRICTIONLESS" = 1 ] && [[ " $SIZES " == *" 75000 "* ]]; then
  if ! "$VENV/bin/python" -c 'import frictionless, openpyxl' 2>/dev/null; then
    log "installing frictionless[excel] into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "frictionless[excel]"
  fi
  "$VENV/bin/frictionless" --version >"$WORK/frictionless-version" 2>&1 || true
  fl="$WORK/frictionless"
  rm -rf "$fl" && mkdir -p "$fl"
  python3 "$ROOT/bench/xlsx2csv.py" "$WORK/w75000/IDM 2023.xlsx" "$fl/idm.csv"
  cp "$ROOT/bench/idm-schema.json" "$fl/"
  cp "$WORK/w75000/IDM 2023.xlsx" "$fl/idm.xlsx"
  # The xlsx as the office keeps it: header in row 4; the numbering row (5), the blank
  # row and the source note under the 75,000 villages are not data.
  XLSX_ARGS=(--sheet "IDM 2023" --header-rows 4 --comment-rows 5,75006,75007)
  (cd "$fl" && "$VENV/bin/frictionless" validate --json --schema idm-schema.json idm.csv >"$fl/result.json" 2>/dev/null) || true
  (cd "$fl" && "$VENV/bin/frictionless" validate --json "${XLSX_ARGS[@]}" --schema idm-schema.json idm.xlsx >"$fl/result-xlsx.json" 2>/dev/null) || true
  idm_only="$WORK/idm-only"
  rm -rf "$idm_only" && mkdir -p "$idm_only"
  cp "$WORK/w75000/IDM 2023.xlsx" "$idm_only/"
  for round in $(seq 1 "$RUNS_LARGE"); do
    measure 75000 check-all "$round" "$KINERJA" check -q -c "$CONFIG" --format json "$WORK/w75000"
    measure 75000 check-idm "$round" "$KINERJA" check -q -c "$CONFIG" --format json "$idm_only"
    (cd "$fl" && measure 75000 frictionless "$round" "$VENV/bin/frictionless" validate --json --schema idm-schema.json idm.csv)
    (cd "$fl" && measure 75000 frictionless-xlsx "$round" "$VENV/bin/frictionless" validate --json "${XLSX_ARGS[@]}" --schema idm-schema.json idm.xlsx)
  done
fi

# --- fix with many findings ------------------------------------------------------
if [ -z "$ERRORS_SCALE" ] && [[ " $SIZES " == *" 75000 "* ]]; then ERRORS_SCALE=75000:3000; fi
if [ -n "$ERRORS_SCALE" ] && [ "$ERRORS_SCALE" != none ]; then
  en=${ERRORS_SCALE%%:*}
  ee=${ERRORS_SCALE##*:}
  if [ "$en" -le 1000 ]; then k=30; else k=2000; fi
  if [ "$en" -le 7500 ]; then runs=$RUNS_SMALL; else runs=$RUNS_LARGE; fi
  sdir="$WORK/w$en-e$ee"
  log "workload: $en villages with $ee injected errors"
  rm -rf "$sdir"
  "$WORKLOAD" --villages "$en" --kegiatan "$k" --errors "$ee" --seed 1 "$sdir" 2>>"$WORK/generate.log"
  echo "$en $ee" >"$WORK/errors-scale"
  for round in $(seq 1 "$runs"); do
    if [ $((round % 2)) -eq 1 ]; then order=(fix floor); else order=(floor fix); fi
    for tool in "${order[@]}"; do
      case "$tool" in
        fix)
          rm -rf "$WORK/out-fix"
          measure "$en" fix-errors "$round" "$KINERJA" fix -q -c "$CONFIG" -o "$WORK/out-fix" "$sdir"
          cp "$WORK/.stderr" "$WORK/fix-errors.stderr" ;;
        floor)
          rm -rf "$WORK/out-floor"
          measure "$en" floor-errors "$round" "$FLOOR" "$sdir" "$WORK/out-floor" ;;
      esac
    done
  done
fi

# --- injected errors -------------------------------------------------------------
log "workload with $ERRORS_COUNT injected errors at $ERRORS_SIZE villages"
edir="$WORK/e$ERRORS_SIZE"
rm -rf "$edir"
"$WORKLOAD" --villages "$ERRORS_SIZE" --kegiatan 2000 --errors "$ERRORS_COUNT" --seed 1 "$edir" 2>>"$WORK/generate.log"
set +e
"$KINERJA" check -q -c "$CONFIG" --format json "$edir" >"$WORK/check-errors.json" 2>"$WORK/check-errors.stderr"
echo $? >"$WORK/check-errors.exit"
set -e
cp "$edir/workload.json" "$WORK/errors-manifest.json"

python3 - "$WORK/machine.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
m["load_end"] = open("/proc/loadavg").read().split()[:3]
json.dump(m, open(sys.argv[1], "w"), indent=1)
EOF

python3 "$ROOT/bench/summarize.py" "$WORK" | tee "$OUT"
log "report written to $OUT"
