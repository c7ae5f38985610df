#!/usr/bin/env bash
# Peak memory and time of kh on rounds like real ones (achievements name no
# criteria) of 20,001 and 100,002 nominations, to see that both grow
# linearly. Usage: bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin kh --example gen-round
for units in 6667 33334; do
  tree=${TMPDIR:-/tmp}/kh-bench-real-$units
  [ -d "$tree" ] || ./target/release/examples/gen-round --units "$units" --out "$tree" --faults 5 --no-criteria >/dev/null
  # Once untimed, so that every timed command finds the files in the page
  # cache (the first run otherwise pays for the disk).
  ./target/release/kh validate -q "$tree" >/dev/null 2>&1 || true
  out=$(mktemp -d)
  for cmd in "validate -q" "validate --format json" "validate --format sarif" "summary" \
    "review list --format json" "export xlsx --out $out/x.xlsx" \
    "export list --all --out $out/l.docx" "publish --all --out $out/site"; do
    # The round first, then the flags: `kh export xlsx ROUND --out …`.
    set -- $cmd
    sub=$1; shift
    if [ "$sub" = export ] || [ "$sub" = review ]; then sub="$sub $1"; shift; fi
    /usr/bin/time -f "$((units * 3)) nominations  kh $cmd: %e s, %M KB" \
      ./target/release/kh $sub "$tree" "$@" >/dev/null 2>/tmp/kh-mem.$$ || true
    tail -n 1 /tmp/kh-mem.$$
  done
  rm -rf "$out"
done
# kh import: the same command over 2,001 and 20,001 forms (kh export forms
# of a round of each size), to see its peak memory stay flat.
for units in 667 6667; do
  tree=${TMPDIR:-/tmp}/kh-bench-real-$units
  [ -d "$tree" ] || ./target/release/examples/gen-round --units "$units" --out "$tree" --faults 5 --no-criteria >/dev/null
  out=$(mktemp -d)
  ./target/release/kh export forms "$tree" --out "$out/forms" --draft -q >/dev/null 2>&1 || true
  mkdir "$out/round"
  n=$(find "$out/forms" -name '*.docx' | wc -l)
  /usr/bin/time -f "$n forms  kh import: %e s, %M KB" \
    ./target/release/kh import "$out/forms" --into "$out/round" --format json >/dev/null 2>/tmp/kh-mem.$$ || true
  tail -n 1 /tmp/kh-mem.$$
  rm -rf "$out"
done
# With a register: 100,002 nominations and a review.toml of a decision for
# each (#37.12): the commands that read it, and review set, which rewrites
# it. BASE=path/to/an/older/kh runs the same beside it.
tree=${TMPDIR:-/tmp}/kh-bench-register-33334
[ -d "$tree" ] || ./target/release/examples/gen-round --units 33334 --out "$tree" --faults 5 --no-criteria --register >/dev/null
echo "register: $(wc -c < "$tree/review.toml") bytes"
for bin in ${BASE:-} ./target/release/kh; do
  for cmd in "validate -q" "summary" "review list" "review list --format json"; do
    set -- $cmd
    sub=$1; shift
    if [ "$sub" = review ]; then sub="$sub $1"; shift; fi
    /usr/bin/time -f "$bin, 100002 nominations + register  kh $cmd: %e s, %M KB" \
      "$bin" $sub "$tree" "$@" >/dev/null 2>/tmp/kh-mem.$$ || true
    tail -n 1 /tmp/kh-mem.$$
  done
  cp "$tree/review.toml" "$tree.review.bak"
  for status in "bo-sung --note x" "dat"; do
    /usr/bin/time -f "$bin, 100002 nominations + register  kh review set --status $status: %e s, %M KB" \
      "$bin" review set "$tree/don-vi-00000/de-nghi-0.toml" --status $status --date 01/11/2023 >/dev/null 2>/tmp/kh-mem.$$ || true
    tail -n 1 /tmp/kh-mem.$$
    cp "$tree.review.bak" "$tree/review.toml"
  done
done
# kh import of the hostile inbox the tests build (tests/all/intake_hostile.rs
# writes the same shapes): each source refused or read under 256 MiB.
hostile=$(mktemp -d)
python3 - "$hostile" <<'PY'
import sys, zipfile
d = sys.argv[1]
wb = '<workbook xmlns:r="r"><sheets><sheet name="DS" r:id="rId1"/></sheets></workbook>'
rels = '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="{t}"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
sst = '<sst uniqueCount="18446744073709551615"><si><t>Họ và tên</t></si><si><t>Đơn vị công tác</t></si></sst>'
head = '<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
top = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{t}"/></Relationships>'
def book(name, sheet, target, at):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", top.format(t="xl/workbook.xml"))
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels.format(t=target))
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr(at, sheet)
book("far-cell.xlsx", head + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>', "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")
book("bomb-outside.xlsx", head + " " * (200 * 1024 * 1024) + "</sheetData></worksheet>", "/bomb.xml", "bomb.xml")
book("bomb-upper.xlsx", head + " " * (200 * 1024 * 1024) + "</sheetData></worksheet>", "worksheets/sheet1.xml", "XL/worksheets/sheet1.xml")
# Nested content controls, each tagged (4.6 MB): once 20 s of searching.
nested = '<w:document xmlns:w="w"><w:body>' + "".join(
    f'<w:sdt><w:sdtPr><w:tag w:val="t{i}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{i}</w:t></w:r></w:p>'
    for i in range(60000)) + '</w:body></w:document>'
with zipfile.ZipFile(f"{d}/nested.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", types)
    z.writestr("_rels/.rels", top.format(t="word/document.xml"))
    z.writestr("word/document.xml", nested)
PY
mkdir "$hostile-round"
echo 'year = 2023' > "$hostile-round/kh.toml"
for bin in ${BASE:-} ./target/release/kh; do
  for f in "$hostile"/*; do
    /usr/bin/time -f "$bin  kh import $(basename "$f"): %e s, %M KB" \
      "$bin" import "$f" --into "$hostile-round" --unit so-y-te --kind ca-nhan --dry-run >/dev/null 2>/tmp/kh-mem.$$ || true
    tail -n 1 /tmp/kh-mem.$$
  done
done
rm -rf "$hostile" "$hostile-round"
rm -f /tmp/kh-mem.$$
