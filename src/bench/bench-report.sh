#!/usr/bin/env bash
# report and plot --summary-only over 20,000 runs (issue 15: each under 2 s on this machine).
# Builds the tree once (a 10,000-seed sweep of both baseline configs, ~1.4 GB; kept for reruns)
# and times each command through the launcher a user types (bin/goal-drift-gym: CDS archive, C1),
# JVM start included: wall, user and system CPU, peak RSS; then once more under -Xmx128m.
# Usage: bash src/bench/bench-report.sh              (tree in /tmp/bench-report)
#        BENCH_TREE=/dev/shm/tree bash src/bench/bench-report.sh
#        GOAL_DRIFT_GYM_JAR=/path/other.jar ...        (time another build on the same tree)
# Needs GNU time (/usr/bin/time). Outputs go to $BENCH_TREE/out so two builds can be compared
# with cmp (same bytes expected).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/goal-drift-gym.jar ] || mvn -B -q package -DskipTests
TREE=${BENCH_TREE:-/tmp/bench-report}
RUNS=$TREE/runs
OUT=$TREE/out
REPEAT=${REPEAT:-3}
GDG=bin/goal-drift-gym

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -d "$RUNS" ]; then
  echo "== building the tree: 10000 seeds x 2 baseline configs (once)"
  /usr/bin/time -f 'sweep: %e s wall' "$GDG" sweep \
    --config configs/release_manager/baseline.yaml configs/trading_goal_vs_profit/baseline.yaml \
    --seeds 1..10000 -q --runs-root "$RUNS" --artifacts-root "$TREE/artifacts" >/dev/null
fi
echo "runs: $(find "$RUNS" -name meta.json | wc -l), $(du -sh "$RUNS" | cut -f1)"
mkdir -p "$OUT"

bench() { # name, then the command's arguments
  local name=$1
  shift
  for i in $(seq 1 "$REPEAT"); do
    /usr/bin/time -f "$name: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
      "$GDG" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || true
    tail -1 "$OUT/$name.err"
  done
}

echo "== report (JVM start included; $REPEAT runs each)"
bench report-table report "$RUNS"
bench report-json report "$RUNS" --format json
bench report-groups report "$RUNS" --group-by scenario,label
bench report-groups-json report "$RUNS" --group-by scenario,label --format json
echo "== plot --summary-only (5 PNGs)"
bench plot-summary plot "$RUNS" --summary-only --output "$OUT/plot"
echo "== the same under -Xmx128m"
JAVA_OPTS=-Xmx128m REPEAT=1 bench report-groups-128m report "$RUNS" --group-by scenario,label
JAVA_OPTS=-Xmx128m REPEAT=1 bench plot-summary-128m plot "$RUNS" --summary-only --output "$OUT/plot-128m"
