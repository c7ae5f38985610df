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
rm -f /tmp/kh-mem.$$
