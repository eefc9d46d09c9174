#!/usr/bin/env bash
# Seeds the fuzz corpora from the sample input, so the fuzzers start from real
# workbooks and real cell texts instead of random bytes:
#  - workbook_reader: every sample workbook as it is, and each .xlsx re-packed without
#    compression, so that mutations reach the XML instead of breaking the deflate stream;
#  - number_reader: every distinct cell text of the sample data.
#  - every target: its small committed seeds (fuzz/seeds/TARGET/: hand-made cases of
#    each parser's edges, and what fuzzing found).
# Run from anywhere; the corpora (fuzz/corpus/) are not committed, the seeds are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mkdir -p corpus/workbook_reader corpus/number_reader
for seeds in seeds/*/; do
  target=$(basename "$seeds")
  mkdir -p "corpus/$target"
  cp "$seeds"* "corpus/$target/"
done
cp ../input/*.xlsx ../input/*.xls ../input/*.ods corpus/workbook_reader/
python3 - <<'PY'
import glob, hashlib, os, zipfile
for src in glob.glob('../input/*.xlsx'):
    dst = 'corpus/workbook_reader/stored-' + os.path.basename(src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
texts = set()
for tsv in glob.glob('../examples/sample_data/*.tsv'):
    for line in open(tsv, encoding='utf-8'):
        texts.update(f.strip() for f in line.rstrip('\n').split('\t') if f.strip())
for t in texts:
    name = hashlib.sha1(t.encode()).hexdigest()
    open(f'corpus/number_reader/{name}', 'w', encoding='utf-8').write(t)
print(f'{len(texts)} texts, {len(glob.glob("corpus/workbook_reader/*"))} workbooks in the corpora')
PY
