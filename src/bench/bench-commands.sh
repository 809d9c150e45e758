#!/usr/bin/env bash
# Whole-command benchmarks on this machine: a cold `run`, a 2,000-run `sweep` with full artifacts
# (and a small heap, to show runs are streamed), and `replay` of one run.
# Usage: bash src/bench/bench-commands.sh   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/goal-drift-gym.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
TMP=$(mktemp -d -p "${BENCH_DIR:-/tmp}")  # BENCH_DIR=/dev/shm takes the disk out of the measurement
trap 'rm -rf "$TMP"' EXIT
now_ms() { date +%s%3N; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

echo "== cold run (10 runs, one JVM each)"
times=()
for i in $(seq 1 10); do
  start=$(now_ms)
  java -jar "$JAR" run --scenario release_manager --seed "$i" \
    --runs-root "$TMP/cold/runs" --artifacts-root "$TMP/cold/artifacts" >/dev/null 2>&1
  times+=($(( $(now_ms) - start )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "wall ms, sorted: $sorted"
echo "median ms: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p)"

echo "== sweep: 1000 seeds x 2 scenarios, full artifacts, -Xmx64m"
start=$(now_ms)
java -Xmx64m -jar "$JAR" sweep \
  --config configs/release_manager/baseline.yaml configs/trading_goal_vs_profit/baseline.yaml \
  --seeds 1..1000 --quiet \
  --runs-root "$TMP/sweep/runs" --artifacts-root "$TMP/sweep/artifacts" >/dev/null
elapsed=$(( $(now_ms) - start ))
runs=$(find "$TMP/sweep/runs" -name meta.json | wc -l)
echo "runs: $runs in ${elapsed} ms (JVM start included): $(( runs * 1000 / elapsed )) runs/s"

echo "== steady state: 3000 more seeds (6000 runs) in one JVM, marginal rate over the first 2000"
start=$(now_ms)
java -Xmx64m -jar "$JAR" sweep \
  --config configs/release_manager/baseline.yaml configs/trading_goal_vs_profit/baseline.yaml \
  --seeds 1..3000 --quiet \
  --runs-root "$TMP/sweep6k/runs" --artifacts-root "$TMP/sweep6k/artifacts" >/dev/null
elapsed6k=$(( $(now_ms) - start ))
echo "6000 runs in ${elapsed6k} ms; marginal: $(( 4000 * 1000 / (elapsed6k - elapsed) )) runs/s"
rm -rf "$TMP/sweep6k"

echo "== replay of one run"
run_dir=$(find "$TMP/sweep/runs/release_manager" -mindepth 2 -maxdepth 2 -type d -print -quit)
start=$(now_ms)
java -jar "$JAR" replay "$run_dir" >/dev/null
echo "replay wall ms: $(( $(now_ms) - start ))"
