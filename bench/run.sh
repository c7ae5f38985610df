#!/usr/bin/env bash
# Side-by-side benchmark of kh against the floor (walk and read), a
# parse-only pass, Python's tomllib and taplo (when installed), on two
# generated rounds of the same size: one whose achievements name every
# criterion, and one like a real round, whose achievements name none (some
# seven `unevidenced-criterion` notes a nomination). Runs every command in
# turn, ROUNDS times, and prints medians and ratios to the floor measured in
# the same run. Usage: bench/run.sh [UNITS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${1:-7000}
ROUNDS=${2:-5}
TAGGED=${TMPDIR:-/tmp}/kh-bench-$UNITS
REAL=${TMPDIR:-/tmp}/kh-bench-real-$UNITS
cargo build --release --locked --quiet --bin kh --example gen-round --example walk-read --example parse-only --example schema
[ -d "$TAGGED" ] || ./target/release/examples/gen-round --units "$UNITS" --out "$TAGGED" --faults 5 >/dev/null
[ -d "$REAL" ] || ./target/release/examples/gen-round --units "$UNITS" --out "$REAL" --faults 5 --no-criteria >/dev/null
SCHEMA=$TAGGED.schema.json
./target/release/examples/schema > "$SCHEMA"
python3 - "$TAGGED" "$REAL" "$ROUNDS" "$SCHEMA" <<'PY'
import os, shutil, statistics, subprocess, sys, time
tagged, real, rounds, schema = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
kh = "./target/release/kh"
tomllib_prog = (
    "import os,sys,tomllib\n"
    "for d,_,fs in os.walk(sys.argv[1]):\n"
    "  for f in fs:\n"
    "    if f.endswith('.toml'):\n"
    "      tomllib.load(open(os.path.join(d,f),'rb'))\n"
)

def commands(tree, full):
    cmds = {
        "floor: walk + read": ["./target/release/examples/walk-read", tree],
        "parse only (all cores)": ["./target/release/examples/parse-only", tree],
        "kh validate": [kh, "validate", tree, "-q"],
        "kh validate --format json": [kh, "validate", tree, "--format", "json"],
        "kh summary": [kh, "summary", tree],
    }
    if not full:
        return cmds
    cmds["python tomllib (1 core)"] = [sys.executable, "-c", tomllib_prog, tree]
    # Every nomination as a .docx (--draft: the planted faults too), into a
    # new folder each run (OUT), on disk and in memory.
    cmds["kh export forms --draft"] = [kh, "export", "forms", tree, "--out", OUT + tree + ".forms", "--draft", "-q"]
    if os.path.isdir("/dev/shm"):
        cmds["kh export forms (to /dev/shm)"] = [kh, "export", "forms", tree, "--out", OUT + "/dev/shm/kh-bench.forms", "--draft", "-q"]
    # The forms back: every form the line above writes, imported into a new,
    # empty round each run (SPEC §15: no slower than writing them).
    cmds["kh import (the forms back)"] = [kh, "import", tree + ".forms-src", "--into", NEW + tree + ".imported", "--format", "json"]
    if os.path.isdir("/dev/shm"):
        cmds["kh import (into /dev/shm)"] = [kh, "import", tree + ".forms-src", "--into", NEW + "/dev/shm/kh-bench.imported", "--format", "json"]
    if shutil.which("taplo"):
        # The nominations only, against a JSON Schema made from kh's tables.
        cmds["taplo lint --schema"] = ["taplo", "lint", "--no-auto-config", "--schema", "file://" + os.path.abspath(schema),
                                       os.path.join(tree, "*", "de-nghi-*.toml")]
    return cmds

# Outputs go to a new folder each run, all removed at the end: a folder
# emptied just before a run made the file system (ext4) skip the inodes it
# had just freed, and the run after a large removal paid for it — the
# import most, as it followed the removal of the exported forms. A clerk's
# round is not written over a tree of 50,000 files removed a second ago.
OUT, NEW = "\0out:", "\0new:"
made = []

def fresh(cmd, n):
    out = []
    for a in cmd:
        for mark in (OUT, NEW):
            if a.startswith(mark):
                a = f"{a[len(mark):]}-{n}"
                made.append(a)
                if mark == NEW:
                    os.makedirs(a)
        out.append(a)
    return out

def clean():
    for d in made:
        shutil.rmtree(d, ignore_errors=True)
    made.clear()

clean()
# The forms to import, written once.
if not os.path.isdir(tagged + ".forms-src"):
    subprocess.run([kh, "export", "forms", tagged, "--out", tagged + ".forms-src", "--draft", "-q"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

runs = [("criteria named (generator's round)", tagged, commands(tagged, True)),
        ("no criteria named (like a real round)", real, commands(real, False))]
times = {(label, name): [] for label, _, cmds in runs for name in cmds}
for _ in range(rounds):
    for label, _, cmds in runs:
        for name, cmd in cmds.items():  # interleaved: each round runs every command
            cmd = fresh(cmd, len(made))
            subprocess.run(["sync"])
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[(label, name)].append(time.perf_counter() - t)
            # What is in memory is removed at once (it is memory).
            for d in [d for d in made if d.startswith("/dev/shm/")]:
                shutil.rmtree(d, ignore_errors=True)
                made.remove(d)
clean()
for label, tree, cmds in runs:
    files = sum(1 for _, _, fs in os.walk(tree) for f in fs if f.endswith(".toml"))
    floor = statistics.median(times[(label, "floor: walk + read")])
    validate = statistics.median(times[(label, "kh validate --format json")])
    print(f"{label}: {files} .toml files in {tree}, {rounds} rounds, medians:")
    for name in cmds:
        m = statistics.median(times[(label, name)])
        print(f"  {name:<31} {m*1000:9.1f} ms   {m/floor:6.2f}x floor   {m/validate:6.2f}x validate --format json")
PY
