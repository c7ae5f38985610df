#!/usr/bin/env bash
# Side-by-side benchmark of kh against the floor (walk and read), a
# parse-only pass, Python's tomllib and taplo (when installed), on one
# generated round. Runs every command in turn, ROUNDS times, and prints
# medians and ratios to the floor. Usage: bench/run.sh [UNITS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${1:-7000}
ROUNDS=${2:-5}
TREE=${TMPDIR:-/tmp}/kh-bench-$UNITS
cargo build --release --locked --quiet --bin kh --example gen-round --example walk-read --example parse-only --example schema
[ -d "$TREE" ] || ./target/release/examples/gen-round --units "$UNITS" --out "$TREE" --faults 5 >/dev/null
SCHEMA=$TREE.schema.json
./target/release/examples/schema > "$SCHEMA"
python3 - "$TREE" "$ROUNDS" "$SCHEMA" <<'PY'
import os, shutil, statistics, subprocess, sys, time
tree, rounds, schema = sys.argv[1], int(sys.argv[2]), sys.argv[3]
kh = "./target/release/kh"
tomllib_prog = (
    "import os,sys,tomllib\n"
    "n=0\n"
    "for d,_,fs in os.walk(sys.argv[1]):\n"
    "  for f in fs:\n"
    "    if f.endswith('.toml'):\n"
    "      tomllib.load(open(os.path.join(d,f),'rb')); n+=1\n"
)
cmds = {
    "floor: walk + read": ["./target/release/examples/walk-read", tree],
    "parse only (all cores)": ["./target/release/examples/parse-only", tree],
    "kh validate --format json": [kh, "validate", tree, "--format", "json"],
    "kh summary": [kh, "summary", tree],
    # Every nomination as a .docx (--draft: the generated faults too), into a
    # folder emptied before each run; the ratio that matters is to validate.
    "kh export forms --draft": [kh, "export", "forms", tree, "--out", tree + ".forms", "--draft", "-q"],
    "python tomllib (1 core)": [sys.executable, "-c", tomllib_prog, tree],
}
# The same into memory, where the disk's cost of creating 21,000 files
# (larger here than kh's own work: `cp -r` of the finished folder takes
# longer) does not hide the program's.
if os.path.isdir("/dev/shm"):
    cmds["kh export forms (to /dev/shm)"] = [kh, "export", "forms", tree, "--out", "/dev/shm/kh-bench.forms", "--draft", "-q"]
if shutil.which("taplo"):
    # The nominations only (unit.toml and kh.toml have other shapes), each
    # against a JSON Schema made from kh's own tables (examples/schema.rs).
    cmds["taplo lint --schema"] = ["taplo", "lint", "--no-auto-config", "--schema", "file://" + os.path.abspath(schema),
                                   os.path.join(tree, "*", "de-nghi-*.toml")]
else:
    print("taplo: not installed")
times = {k: [] for k in cmds}
for _ in range(rounds):
    for name, cmd in cmds.items():  # interleaved: each round runs every command
        shutil.rmtree(tree + ".forms", ignore_errors=True)
        shutil.rmtree("/dev/shm/kh-bench.forms", ignore_errors=True)
        subprocess.run(["sync"])
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - t)
floor = statistics.median(times["floor: walk + read"])
files = sum(1 for _, _, fs in os.walk(tree) for f in fs if f.endswith(".toml"))
print(f"{files} .toml files in {tree}, {rounds} rounds, medians:")
validate = statistics.median(times["kh validate --format json"])
for name, ts in times.items():
    m = statistics.median(ts)
    print(f"  {name:<28} {m*1000:9.1f} ms   {m/floor:6.2f}x floor   {m/validate:6.2f}x validate")
shutil.rmtree(tree + ".forms", ignore_errors=True)
shutil.rmtree("/dev/shm/kh-bench.forms", ignore_errors=True)
PY
