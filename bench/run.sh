#!/usr/bin/env bash
# Whole-command benchmarks of jobmatch against baselines built and run in the same script, so
# every figure is a ratio on the same machine in the same run. From the repository root:
#
#     bench/run.sh
#
# Environment: BENCH_PROFILES (default 1000000) profiles for the match runs, BENCH_PY_PROFILES
# (default 100000) for the Python scorer, BENCH_RUNS (default 3) hyperfine runs of the long
# commands, BENCH_OUT (default bench/out) where inputs and hyperfine JSON go. Inputs are
# generated once and reused. Needs cargo, python3, hyperfine and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${BENCH_OUT:-bench/out}
N=${BENCH_PROFILES:-1000000}
NPY=${BENCH_PY_PROFILES:-100000}
RUNS=${BENCH_RUNS:-3}
JM=target/release/jobmatch
BL=target/baselines/release
POSTING=postings/ibm-back-end-developer-intern.md
mkdir -p "$OUT"

echo "== building (release) =="
cargo build --release --quiet
cargo build --release --quiet --manifest-path bench/baselines/Cargo.toml --target-dir target/baselines

echo "== inputs in $OUT =="
PROFILES="$OUT/profiles-$N.jsonl"
[ -s "$PROFILES" ] || python3 bench/gen_profiles.py "$N" > "$PROFILES"
[ -s "$OUT/profiles-10000.jsonl" ] || python3 bench/gen_profiles.py 10000 > "$OUT/profiles-10000.jsonl"
PYPROFILES="$OUT/profiles-py-$NPY.jsonl"
[ -s "$PYPROFILES" ] || head -n "$NPY" "$PROFILES" > "$PYPROFILES"
[ -s "$OUT/prose.txt" ] || python3 bench/gen_inputs.py "$OUT"
head -c 1000000 "$OUT/prose.txt" > "$OUT/prose-1mb.txt"
"$JM" parse "$POSTING" --format json > "$OUT/requirements.json"
"$JM" taxonomy --format json > "$OUT/builtin-taxonomy.jsonl"

H="hyperfine --style basic"

echo "== match: 1 posting x $N profiles =="
$H --warmup 1 --runs "$RUNS" --export-json "$OUT/match.json" \
  -n parse_only "$BL/parse_only $PROFILES" \
  -n match_top10 "$JM match $POSTING $PROFILES --top 10 --format jsonl" \
  -n match_jsonl "$JM match $POSTING $PROFILES --format jsonl" \
  -n match_top10_1thread "$JM match $POSTING $PROFILES --top 10 --format jsonl --threads 1"

echo "== Python scorer: $NPY profiles =="
$H --warmup 1 --runs 2 --export-json "$OUT/python.json" \
  -n python "python3 bench/py_scorer.py $OUT/requirements.json $OUT/builtin-taxonomy.jsonl $PYPROFILES --top 10" \
  -n match_top10 "$JM match $POSTING $PYPROFILES --top 10 --format jsonl"

echo "== prose extraction, full taxonomy =="
$H --warmup 1 --runs 5 --export-json "$OUT/prose.json" \
  -n aho_corasick "$BL/aho_prose $OUT/patterns.txt $OUT/prose.txt" \
  -n skills "$JM --taxonomy $OUT/taxonomy.toml skills $OUT/prose.txt --max-file-size 64M --format json" \
  -n skills_1mb "$JM --taxonomy $OUT/taxonomy.toml skills $OUT/prose-1mb.txt --max-file-size 64M --format json"
"$BL/aho_prose" "$OUT/patterns.txt" "$OUT/prose.txt" 3 > "$OUT/aho-scan.txt"

echo "== parse: 1,000 postings; one posting =="
$H --warmup 2 --runs 10 --export-json "$OUT/parse.json" \
  -n parse_folder "$JM parse $OUT/postings --format jsonl"
$H -N --warmup 20 --runs 200 --export-json "$OUT/start.json" \
  -n hello "$BL/hello" \
  -n parse_one "$JM parse $POSTING --format json"

echo "== peak RSS =="
for f in "$OUT/profiles-10000.jsonl" "$PROFILES"; do
  /usr/bin/time -f "%M" -o "$OUT/rss-$(basename "$f").txt" \
    "$JM" match "$POSTING" "$f" --top 10 --format jsonl > /dev/null
done

python3 bench/report.py "$OUT" "$N" "$NPY"
