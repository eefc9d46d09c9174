#!/usr/bin/env python3
"""Exports the IDM village table of a workbook to CSV, for `frictionless validate`.

    python3 bench/xlsx2csv.py WORKBOOK.xlsx OUT.csv

Standard library only (zipfile + xml.etree iterparse): frictionless reads .xlsx only
with its `excel` extra (openpyxl), so the benchmark validates the CSV instead. Takes
the first sheet whose rows hold a header with `KODE DESA` and `IDM`, writes that
header and the rows under it, skipping the numbering row (1 2 3 ...) and stopping at
the first empty row (the source note below the table is not part of the table).
"""
import csv
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def shared_strings(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    out = []
    with z.open("xl/sharedStrings.xml") as f:
        for _, el in ET.iterparse(f):
            if el.tag == NS + "si":
                out.append("".join(t.text or "" for t in el.iter(NS + "t")))
                el.clear()
    return out


def sheet_paths(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    for s in wb.iter(NS + "sheet"):
        t = target[s.get(REL + "id")].lstrip("/")
        yield s.get("name"), t if t.startswith("xl/") else "xl/" + t


def rows(z, path, strings):
    """(row number, [values]) for each row, values as text."""
    with z.open(path) as f:
        for _, el in ET.iterparse(f):
            if el.tag != NS + "row":
                continue
            cells = {}
            for c in el.iter(NS + "c"):
                t = c.get("t")
                v = c.find(NS + "v")
                if t == "s" and v is not None:
                    val = strings[int(v.text)]
                elif t == "inlineStr":
                    val = "".join(x.text or "" for x in c.iter(NS + "t"))
                elif v is not None:
                    val = v.text or ""
                else:
                    continue
                cells[col_index(c.get("r"))] = val
            r = int(el.get("r"))
            el.clear()
            width = max(cells) + 1 if cells else 0
            yield r, [cells.get(i, "") for i in range(width)]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(src) as z:
        strings = shared_strings(z)
        for _, path in sheet_paths(z):
            header = None
            written = 0
            prev = None
            with open(dst, "w", newline="", encoding="utf-8") as out:
                w = csv.writer(out)
                for r, vals in rows(z, path, strings):
                    if header is None:
                        up = [v.strip().upper() for v in vals]
                        if "KODE DESA" in up and "IDM" in up:
                            header = vals
                            w.writerow(header)
                            prev = r
                        continue
                    if r != prev + 1 or not any(v.strip() for v in vals):
                        break
                    prev = r
                    if written == 0 and all(re.fullmatch(r"\(?\d+\)?", v) for v in vals if v):
                        continue  # the numbering row
                    vals = vals + [""] * (len(header) - len(vals))
                    w.writerow(vals[: len(header)])
                    written += 1
            if header is not None:
                print(f"{written} rows -> {dst}", file=sys.stderr)
                return
    sys.exit(f"no IDM village table in {src}")


if __name__ == "__main__":
    main()
