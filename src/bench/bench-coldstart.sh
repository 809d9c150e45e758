#!/usr/bin/env bash
# Cold start of single commands through the launcher a user types (docs/performance.md, "Cold
# start"): run from a YAML config, report and plot of that one run, --version, and java -version
# for the JVM's own floor. Each command N times (default 10), one JVM each, interleaved; prints
# the median wall time and the median CPU time (user + sys, all threads), which moves less than
# wall time when other work shares the machine.
# Usage: bash src/bench/bench-coldstart.sh [N]   (builds the jar and its archive if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10}"
[ -f target/goal-drift-gym.jsa ] || mvn -B -q package -DskipTests
TMP=$(mktemp -d -p "${BENCH_DIR:-/tmp}")
trap 'rm -rf "$TMP"' EXIT
gym=bin/goal-drift-gym
roots=(--runs-root "$TMP/runs" --artifacts-root "$TMP/artifacts")
"$gym" run --config configs/release_manager/baseline.yaml "${roots[@]}" >/dev/null 2>&1
run_dir=$(dirname "$(find "$TMP/runs" -name meta.json | head -1)")

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
commands=(
  "$gym run --config configs/release_manager/baseline.yaml ${roots[*]}"
  "$gym report $run_dir"
  "$gym plot $run_dir --output $TMP/figures"
  "$gym --version"
  "java -version"
)
declare -A wall cpu
for _ in $(seq 1 "$n"); do
  for c in "${commands[@]}"; do
    /usr/bin/time -o "$TMP/time" -f '%e %U %S' bash -c "$c" >/dev/null 2>&1
    read -r e u s <"$TMP/time"
    wall[$c]+="$e "
    cpu[$c]+="$(echo "$u + $s" | bc) "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for c in "${commands[@]}"; do
  printf 'wall %5.2f s  cpu %5.2f s  %s\n' \
    "$(echo "${wall[$c]}" | median)" "$(echo "${cpu[$c]}" | median)" "${c//$TMP/\$TMP}"
done
