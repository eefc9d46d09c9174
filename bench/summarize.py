#!/usr/bin/env python3
"""Turns the measurements of bench/run.sh into the Markdown report.

    python3 bench/summarize.py WORK_DIR > bench/results.md

Reads WORK_DIR/raw.tsv (one line per timed run), machine.json, check-*.json,
frictionless/result.json, check-errors.json and errors-manifest.json.
"""
import collections
import json
import os
import statistics
import sys

FIX_TIME_TARGET = 1.5  # kinerja fix wall time ≤ 1.5 × the floor's
FIX_MEM_TARGET = 3.0  # kinerja fix peak memory ≤ 3 × the floor's
CHECK_VS_FRICTIONLESS = 20.0  # kinerja check ≥ 20 × faster than frictionless
RUN_TIME_TARGET = 2.0  # kinerja run wall time ≤ 2 × the floor's
RUN_MEM_TARGET = 3.0  # kinerja run peak memory ≤ 3 × the floor's
CHECK_VS_READ = 1.5  # kinerja check wall time ≤ 1.5 × reading alone (floor --read)


def load(work, name, default=None):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f) if name.endswith(".json") else f.read().strip()


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return "—" if x != x else (f"{x:.2f}" if x < 100 else f"{x:.0f}")


def fmt_mb(kb):
    return "—" if kb != kb else f"{kb / 1024:.0f}"


def fmt_n(n):
    return f"{n:,}"


def fmt_r(x):
    return "—" if x != x or x in (float("inf"), float("-inf")) else f"{x:.2f}"


def verdict(ok):
    return "yes" if ok else "**no**"


def judge(x, target):
    """The verdict on ratio `x` against `target`; none when the ratio is not measurable
    (0 s against 0 s at the smallest size)."""
    return "—" if x != x or x in (float("inf"), float("-inf")) else verdict(x <= target)


def main():
    work = sys.argv[1]
    machine = load(work, "machine.json", {})
    runs = collections.defaultdict(list)  # (villages, tool) -> [row]
    with open(os.path.join(work, "raw.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            for k in ("wall_s", "user_s", "sys_s"):
                row[k] = float(row[k])
            for k in ("villages", "round", "rss_kb", "exit"):
                row[k] = int(row[k])
            runs[(row["villages"], row["tool"])].append(row)
    sizes = sorted({n for n, t in runs if t == "fix"})

    def wall(n, tool):
        return med([r["wall_s"] for r in runs.get((n, tool), [])])

    def cpu(n, tool):
        return med([r["user_s"] + r["sys_s"] for r in runs.get((n, tool), [])])

    def rss(n, tool):
        return med([r["rss_kb"] for r in runs.get((n, tool), [])])

    def paired_ratio(n, a, b, key):
        ra = {r["round"]: r for r in runs.get((n, a), [])}
        rb = {r["round"]: r for r in runs.get((n, b), [])}
        return med([key(ra[i]) / key(rb[i]) for i in ra if i in rb and key(rb[i]) > 0])

    out = []
    p = out.append
    p("# kinerja benchmark: `kinerja fix` against the floor\n")
    p(f"- Date: {machine.get('date', '?')}; commit `{machine.get('commit', '?')}`; {machine.get('rustc', '?')}")
    p(f"- Binary: `{machine.get('kinerja', '?')}` ({machine.get('kinerja_version', '?')})")
    p(f"- Machine: {machine.get('nproc', '?')} CPUs ({machine.get('cpu', '?')}), "
      f"{machine.get('memory_gib', '?')} GiB memory, {machine.get('kernel', '?')}")
    p(f"- Load average (1/5/15 min) at start: {' / '.join(machine.get('load_start', []))}; "
      f"at end: {' / '.join(machine.get('load_end', []))}")
    p(f"- Command: `{machine.get('command', 'bench/run.sh').strip()}` "
      f"(sizes {machine.get('sizes')}; {machine.get('runs_small')} rounds up to 7,500 villages, "
      f"{machine.get('runs_large')} above)")
    p("- Workloads: `examples/workload.rs --seed 1` (30 kegiatan at 221 villages, 2,000 above); "
      "floor: `examples/floor.rs` (calamine in, rust_xlsxwriter out, nothing else). "
      "Times are wall-clock seconds, memory is peak RSS (`/usr/bin/time -f '%e %M %U %S'`); "
      "each figure is the median over the rounds; ratios are medians of the per-round ratios "
      "(fix and floor run in the same round, in rotating order).\n")

    p("## Fix against the floor\n")
    p(f"Targets: fix wall time ≤ {FIX_TIME_TARGET}× the floor's, peak memory ≤ {FIX_MEM_TARGET}× the floor's.\n")
    p("| villages | rounds | fix s | floor s | fix/floor time | ≤ 1.5× | fix MB | floor MB | fix/floor memory | ≤ 3× | fix CPU s | floor CPU s | fix/floor CPU |")
    p("|---:|---:|---:|---:|---:|:-:|---:|---:|---:|:-:|---:|---:|---:|")
    for n in sizes:
        t = paired_ratio(n, "fix", "floor", lambda r: r["wall_s"])
        c = paired_ratio(n, "fix", "floor", lambda r: r["user_s"] + r["sys_s"])
        m = rss(n, "fix") / rss(n, "floor")
        p(f"| {fmt_n(n)} | {len(runs[(n, 'fix')])} | {fmt_s(wall(n, 'fix'))} | {fmt_s(wall(n, 'floor'))} "
          f"| {t:.2f} | {verdict(t <= FIX_TIME_TARGET)} | {fmt_mb(rss(n, 'fix'))} | {fmt_mb(rss(n, 'floor'))} "
          f"| {m:.2f} | {verdict(m <= FIX_MEM_TARGET)} | {fmt_s(cpu(n, 'fix'))} | {fmt_s(cpu(n, 'floor'))} | {fmt_r(c)} |")
    p("")

    if any((n, "run") in runs for n in sizes):
        p("## Run and check against their floors\n")
        p(f"Targets: `kinerja run` (check, corrected workbooks, temuan.json and the PDF) within "
          f"{RUN_TIME_TARGET}× the floor's wall time and {RUN_MEM_TARGET}× its peak memory; "
          f"`kinerja check` within {CHECK_VS_READ}× of reading alone (`floor --read`: calamine "
          "reading every cell, nothing written), in the same rounds.\n")
        p("| villages | run s | floor s | run/floor time | ≤ 2× | run MB | run/floor memory | ≤ 3× | run/floor CPU "
          "| check s | read s | check/read time | ≤ 1.5× | check/read CPU | check MB | read MB |")
        p("|---:|---:|---:|---:|:-:|---:|---:|:-:|---:|---:|---:|---:|:-:|---:|---:|---:|")
        for n in sizes:
            if (n, "run") not in runs:
                continue
            t = paired_ratio(n, "run", "floor", lambda r: r["wall_s"])
            c = paired_ratio(n, "run", "floor", lambda r: r["user_s"] + r["sys_s"])
            m = rss(n, "run") / rss(n, "floor")
            ct = paired_ratio(n, "check", "read", lambda r: r["wall_s"])
            cc = paired_ratio(n, "check", "read", lambda r: r["user_s"] + r["sys_s"])
            p(f"| {fmt_n(n)} | {fmt_s(wall(n, 'run'))} | {fmt_s(wall(n, 'floor'))} | {fmt_r(t)} "
              f"| {judge(t, RUN_TIME_TARGET)} | {fmt_mb(rss(n, 'run'))} | {fmt_r(m)} | {judge(m, RUN_MEM_TARGET)} "
              f"| {fmt_r(c)} | {fmt_s(wall(n, 'check'))} | {fmt_s(wall(n, 'read'))} | {fmt_r(ct)} "
              f"| {judge(ct, CHECK_VS_READ)} | {fmt_r(cc)} | {fmt_mb(rss(n, 'check'))} | {fmt_mb(rss(n, 'read'))} |")
        p("")
        # The targets are stated at 75,000 villages (or the largest size measured).
        at = 75000 if (75000, "run") in runs else max(n for n in sizes if (n, "run") in runs)
        judged = [
            ("`kinerja run` wall time", paired_ratio(at, "run", "floor", lambda r: r["wall_s"]), RUN_TIME_TARGET, "the floor's"),
            ("`kinerja run` peak memory", rss(at, "run") / rss(at, "floor"), RUN_MEM_TARGET, "the floor's"),
            ("`kinerja check` wall time", paired_ratio(at, "check", "read", lambda r: r["wall_s"]), CHECK_VS_READ, "reading alone"),
        ]
        p(f"At {fmt_n(at)} villages (issue 15):\n")
        for what, x, target, of in judged:
            p(f"- {what}: {fmt_r(x)}× {of}, target ≤ {target}×: **{'met' if x <= target else 'not met'}**")
        p("")

    report_status = load(work, "report-status", "not run")
    p("## `kinerja check` and `kinerja report`\n")
    p("| villages | check s | check MB | check/floor time | report s | report MB |")
    p("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        rep = runs.get((n, "report"))
        rep_s = fmt_s(wall(n, "report")) if rep else "—"
        rep_m = fmt_mb(rss(n, "report")) if rep else "—"
        p(f"| {fmt_n(n)} | {fmt_s(wall(n, 'check'))} | {fmt_mb(rss(n, 'check'))} "
          f"| {paired_ratio(n, 'check', 'floor', lambda r: r['wall_s']):.2f} | {rep_s} | {rep_m} |")
    p(f"\n`kinerja report`: {report_status}.\n")

    p("## Linearity: milliseconds per 1,000 villages\n")
    p("| villages | fix | floor | check |")
    p("|---:|---:|---:|---:|")
    for n in sizes:
        if n < 1000:
            continue
        per = lambda tool: wall(n, tool) * 1000 / (n / 1000)
        p(f"| {fmt_n(n)} | {per('fix'):.0f} | {per('floor'):.0f} | {per('check'):.0f} |")
    big = [n for n in sizes if n >= 7500]
    if len(big) >= 2:
        lo, hi = big[0], big[-1]
        growth = (wall(hi, "fix") / wall(lo, "fix")) / (hi / lo)
        p(f"\nFix time grows {wall(hi, 'fix') / wall(lo, 'fix'):.1f}× from {fmt_n(lo)} to {fmt_n(hi)} villages "
          f"({hi / lo:.0f}× the rows): {growth:.2f} of linear. (The 2,000 kegiatan are the same at every size, "
          "so the smallest size carries a larger fixed share.)")
    p("")

    if (75000, "frictionless") in runs:
        p("## `kinerja check` against `frictionless validate` (75,000 villages)\n")
        fl = wall(75000, "frictionless")
        result = load(work, "frictionless/result.json", {}) or {}
        version = load(work, "frictionless-version", "?")
        result_x = load(work, "frictionless/result-xlsx.json", {}) or {}
        rows = lambda r: sum(t.get("stats", {}).get("rows", 0) for t in r.get("tasks", []))
        p(f"frictionless {version} (`pip install frictionless[excel]`, in a venv) validates the village "
          "sheet against `bench/idm-schema.json` (types, required, unique NO and KODE DESA, 10-digit "
          "KODE DESA, 0–1 ranges, the five statuses), twice: exported to CSV by `bench/xlsx2csv.py` "
          "(frictionless's fastest input; the export is not timed), and as the xlsx itself "
          "(its `excel` plugin, openpyxl; header row 4, the numbering row, blank row and note skipped "
          "as comment rows). kinerja reads the xlsx and runs every check it has on all three workbooks. "
          f"frictionless results: CSV valid={result.get('valid')}, rows={rows(result)}; "
          f"xlsx valid={result_x.get('valid')}, rows={rows(result_x)}.\n")
        p(f"Target: kinerja check ≥ {CHECK_VS_FRICTIONLESS:.0f}× faster.\n")
        p("| run | s | MB | CPU s | frictionless CSV / this | ≥ 20× | frictionless xlsx / this | ≥ 20× |")
        p("|---|---:|---:|---:|---:|:-:|---:|:-:|")
        for tool, label in (("check-all", "kinerja check, all three workbooks"),
                            ("check-idm", "kinerja check, IDM workbook only"),
                            ("frictionless", "frictionless validate, village CSV"),
                            ("frictionless-xlsx", "frictionless validate, the xlsx")):
            if (75000, tool) not in runs:
                continue
            s = wall(75000, tool)
            ratio = paired_ratio(75000, "frictionless", tool, lambda r: r["wall_s"])
            ratio_x = paired_ratio(75000, "frictionless-xlsx", tool, lambda r: r["wall_s"])
            ok = "" if tool.startswith("frictionless") else verdict(ratio >= CHECK_VS_FRICTIONLESS)
            ok_x = "" if tool.startswith("frictionless") else verdict(ratio_x >= CHECK_VS_FRICTIONLESS)
            p(f"| {label} | {fmt_s(s)} | {fmt_mb(rss(75000, tool))} | {fmt_s(cpu(75000, tool))} "
              f"| {ratio:.1f} | {ok} | {fmt_r(ratio_x)} | {ok_x} |")
        p("")

    scale = load(work, "errors-scale")
    if scale:
        en, ee = (int(x) for x in scale.split())
        p(f"## Fix with many findings ({en:,} villages, {ee:,} injected errors)\n")
        said = load(work, "fix-errors.stderr", "") or ""
        t = paired_ratio(en, "fix-errors", "floor-errors", lambda r: r["wall_s"])
        c = paired_ratio(en, "fix-errors", "floor-errors", lambda r: r["user_s"] + r["sys_s"])
        m = rss(en, "fix-errors") / rss(en, "floor-errors")
        p("| fix s | floor s | fix/floor time | fix CPU s | fix/floor CPU | fix MB | fix/floor memory | clean fix s (same size) |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|")
        p(f"| {fmt_s(wall(en, 'fix-errors'))} | {fmt_s(wall(en, 'floor-errors'))} | {t:.2f} | {fmt_s(cpu(en, 'fix-errors'))} "
          f"| {c:.2f} | {fmt_mb(rss(en, 'fix-errors'))} | {m:.2f} | {fmt_s(wall(en, 'fix'))} |")
        p(f"\n`kinerja fix` said: {said.strip().splitlines()[-1] if said.strip() else '(nothing)'}\n")

    p("## Findings on the consistent workloads\n")
    p("A consistent workload must give no error; warnings and infos are listed with their codes.\n")
    p("| villages | exit | tables found | errors | warnings | infos | codes |")
    p("|---:|---:|---|---:|---:|---:|---|")
    for n in sizes:
        doc = load(work, f"check-{n}.json")
        code = load(work, f"check-{n}.exit", "?")
        if not doc:
            p(f"| {fmt_n(n)} | {code} | (no JSON) | | | | |")
            continue
        s = doc["summary"]
        codes = collections.Counter(f"{f['code']} ({f['severity']})" for f in doc["findings"])
        tables = ", ".join(f"{t['kind']} {t['rows']}" for t in doc["tables"])
        p(f"| {fmt_n(n)} | {code} | {tables} | {s['errors']} | {s['warnings']} | {s['infos']} "
          f"| {', '.join(f'{c} ×{k}' for c, k in sorted(codes.items())) or '—'} |")
    p("")

    manifest = load(work, "errors-manifest.json")
    found_doc = load(work, "check-errors.json")
    if manifest and found_doc:
        by_cell = collections.defaultdict(list)
        for f in found_doc["findings"]:
            by_cell[(f["file"], f["sheet"], f["cell"])].append(f["code"])
            for r in f.get("related", []):
                by_cell[(r["file"], r["sheet"], r["cell"])].append(f["code"] + "·related")
        errs = manifest["errors"]
        hits = [e for e in errs if by_cell.get((e["file"], e["sheet"], e["cell"]))]
        p(f"## Injected errors ({manifest['villages']:,} villages, {manifest['kegiatan']:,} kegiatan, seed {manifest['seed']})\n")
        s = found_doc["summary"]
        p(f"`kinerja check` exit {load(work, 'check-errors.exit', '?')}: {s['errors']} errors, "
          f"{s['warnings']} warnings, {s['infos']} infos. **{len(hits)} of {len(errs)}** injected cells "
          "carry a finding (at the cell or as a related cell).\n")
        p("| kind | cell | right | written | findings at the cell |")
        p("|---|---|---:|---:|---|")
        for e in errs:
            codes = by_cell.get((e["file"], e["sheet"], e["cell"]), [])
            p(f"| {e['kind']} | {e['sheet']}!{e['cell']} | {e['right']} | {e['written']} "
              f"| {', '.join(sorted(set(codes))) or '**none**'} |")
        p("")

    p("<details><summary>Every run</summary>\n")
    p("| villages | tool | round | wall s | peak MB | user s | sys s | exit |")
    p("|---:|---|---:|---:|---:|---:|---:|---:|")
    for (n, tool), rows in sorted(runs.items()):
        for r in rows:
            p(f"| {fmt_n(n)} | {tool} | {r['round']} | {r['wall_s']:.2f} | {fmt_mb(r['rss_kb'])} "
              f"| {r['user_s']:.2f} | {r['sys_s']:.2f} | {r['exit']} |")
    p("\n</details>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
