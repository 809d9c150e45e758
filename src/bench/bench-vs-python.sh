#!/usr/bin/env bash
# Side-by-side timings of goal-drift-gym (Java, through bin/goal-drift-gym as a user types it) and
# the Python reference tool (tylercrosse/goal-drift-gym) doing the same work on this machine.
# Single commands are timed as interleaved pairs (Java, Python, Java, Python, ...) and reported as
# medians, so a burst of load hits both columns alike. Prints a Markdown table at the end.
#
# Usage: bash src/bench/bench-vs-python.sh
# Environment:
#   REFERENCE_REPO  a git directory or checkout of the reference tool
#                   (default: /work/.mirror/tylercrosse+goal-drift-gym/repo); when absent, or when
#                   no Python with its dependencies is found, the Python column says so and is empty
#   PYTHON          a python3 that imports yaml, requests, dotenv, matplotlib and tqdm
#                   (default: the first of python3, /usr/bin/python3 that does; on Debian:
#                   apt-get install python3-yaml python3-requests python3-dotenv python3-matplotlib
#                   python3-tqdm)
#   REPS            pairs per single-command timing (default 11)
#   BENCH_DIR       where run directories go (default /tmp: the project's disk)
#   BENCH_JMH=0     skip the JMH engine benchmark (it takes about a minute)
#   BENCH_BIG=0     skip the 20,000-run sweep and the report/plot over it
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
GDG="$ROOT/bin/goal-drift-gym"
[ -f target/goal-drift-gym.jar ] || mvn -B -q package -DskipTests
REPS=${REPS:-11}
TMP=$(mktemp -d -p "${BENCH_DIR:-/tmp}" gdg-vs-py.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
J="$TMP/java"; P="$TMP/python"; mkdir -p "$J" "$P"

now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }  # work, java, python, ratio, target
ratio() { [ -n "$2" ] && [ "$2" != — ] && awk -v j="$1" -v p="$2" 'BEGIN {printf "%.2f", j/p}' || echo —; }

# --- the reference tool -------------------------------------------------------------------------
REFERENCE_REPO=${REFERENCE_REPO:-/work/.mirror/tylercrosse+goal-drift-gym/repo}
REF="$TMP/reference"; PY=""; why=""
if [ -d "$REFERENCE_REPO" ]; then
  mkdir -p "$REF"
  if git -C "$REFERENCE_REPO" rev-parse --is-bare-repository 2>/dev/null | grep -q true \
     || [ ! -d "$REFERENCE_REPO/goal_drift_gym" ]; then
    git -C "$REFERENCE_REPO" archive HEAD | tar -x -C "$REF"
  else
    cp -r "$REFERENCE_REPO/goal_drift_gym" "$REFERENCE_REPO/configs" "$REF/"
  fi
  rm -rf "$REF/runs" "$REF/artifacts"
  for candidate in ${PYTHON:-python3 /usr/bin/python3}; do
    if command -v "$candidate" >/dev/null 2>&1 \
       && (cd "$REF" && "$candidate" -c 'import yaml, requests, dotenv, matplotlib, tqdm, goal_drift_gym.scripts.run') >/dev/null 2>&1; then
      PY=$candidate; break
    fi
  done
  [ -n "$PY" ] || why="no python3 here imports the reference's dependencies (set PYTHON)"
else
  why="no reference repository at $REFERENCE_REPO (set REFERENCE_REPO)"
fi
pyrun() { (cd "$REF" && MPLBACKEND=Agg "$PY" -m "$@"); }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reference: ${PY:+$PY $("$PY" --version 2>&1), $(git -C "$REFERENCE_REPO" rev-parse --short HEAD 2>/dev/null)}${why}"
echo "java: $("$GDG" --version | head -1)"

# --- 1. cold single commands, interleaved pairs ---------------------------------------------------
jt=(); pt=(); jr=(); pr=(); jp=(); pp=()
for i in $(seq 1 "$REPS"); do
  s=$(now_ns); "$GDG" run --config configs/release_manager/baseline.yaml --seed "$i" -q \
    --runs-root "$J/cold/runs" --artifacts-root "$J/cold/artifacts" >/dev/null; jt+=($(ms_since "$s"))
  if [ -n "$PY" ]; then
    s=$(now_ns); pyrun goal_drift_gym.scripts.run --config "$ROOT/configs/release_manager/baseline.yaml" \
      --seed "$i" --runs-root "$P/cold/runs" --artifacts-root "$P/cold/artifacts" >/dev/null 2>&1; pt+=($(ms_since "$s"))
  fi
done
jrun=$(find "$J/cold/runs" -name meta.json -printf '%h\n' | sort | head -1)
[ -n "$PY" ] && prun=$(find "$P/cold/runs" -name metrics.json -printf '%h\n' | sort | head -1)
for i in $(seq 1 "$REPS"); do
  s=$(now_ns); "$GDG" report "$jrun" >/dev/null; jr+=($(ms_since "$s"))
  if [ -n "$PY" ]; then s=$(now_ns); pyrun goal_drift_gym.scripts.report "$prun" >/dev/null; pr+=($(ms_since "$s")); fi
done
for i in $(seq 1 "$REPS"); do
  s=$(now_ns); "$GDG" plot "$jrun" --output "$J/plot" -q >/dev/null; jp+=($(ms_since "$s"))
  if [ -n "$PY" ]; then s=$(now_ns); pyrun goal_drift_gym.scripts.plot "$prun" --output "$P/plot" >/dev/null 2>&1; pp+=($(ms_since "$s")); fi
done
for pair in "cold \`run\` release_manager:jt:pt" "\`report\` of one run:jr:pr" "\`plot\` of one run:jp:pp"; do
  IFS=: read -r name jv pv <<<"$pair"
  eval "jm=\$(median \"\${${jv}[@]}\")"
  pm=—; [ -n "$PY" ] && eval "pm=\$(median \"\${${pv}[@]}\")"
  echo "$name: java median ${jm} ms, python median ${pm} ms ($REPS pairs)"
  row "$name (median of $REPS, ms)" "$jm" "$pm" "$(ratio "$jm" "$pm")" "≤ Python"
done

# --- 2. 50 seeds: a shell loop of runs, and one sweep ---------------------------------------------
s=$(now_ns)
for i in $(seq 1 50); do "$GDG" run --config configs/release_manager/baseline.yaml --seed "$i" -q \
  --runs-root "$J/loop/runs" --artifacts-root "$J/loop/artifacts" >/dev/null; done
jl=$(ms_since "$s"); pl=—
if [ -n "$PY" ]; then
  s=$(now_ns)
  for i in $(seq 1 50); do pyrun goal_drift_gym.scripts.run --config "$ROOT/configs/release_manager/baseline.yaml" \
    --seed "$i" --runs-root "$P/loop/runs" --artifacts-root "$P/loop/artifacts" >/dev/null 2>&1; done
  pl=$(ms_since "$s")
fi
s=$(now_ns)
"$GDG" sweep --config configs/release_manager/baseline.yaml --seeds 1..50 -q \
  --runs-root "$J/sweep50/runs" --artifacts-root "$J/sweep50/artifacts" >/dev/null
js=$(ms_since "$s")
echo "50-seed loop: java ${jl} ms, python ${pl} ms; java sweep of the same 50 runs ${js} ms"
row "50 seeds, shell loop of \`run\` (ms)" "$jl" "$pl" "$(ratio "$jl" "$pl")" "≤ Python"
row "50 seeds, one \`sweep\` (Java) vs the Python loop (ms)" "$js" "$pl" "$(ratio "$js" "$pl")" "≤ Python"

# plot --summary of those 50 runs, each tool over its own runs
s=$(now_ns); "$GDG" plot --summary $(find "$J/loop/runs" -name meta.json -printf '%h\n' | sort) \
  --output "$J/summary50" -q >/dev/null; jsum=$(ms_since "$s"); psum=—
if [ -n "$PY" ]; then
  s=$(now_ns); pyrun goal_drift_gym.scripts.plot --summary $(find "$P/loop/runs" -name metrics.json -printf '%h\n' | sort) \
    --output "$P/summary50" >/dev/null 2>&1; psum=$(ms_since "$s")
fi
row "\`plot --summary\` of 50 runs (ms)" "$jsum" "$psum" "$(ratio "$jsum" "$psum")" "≤ Python"

# --- 3. a 2,000-run sweep, whole command --------------------------------------------------------
s=$(now_ns)
"$GDG" sweep --config configs/release_manager/baseline.yaml configs/trading_goal_vs_profit/baseline.yaml \
  --seeds 1..1000 -q --runs-root "$J/sweep/runs" --artifacts-root "$J/sweep/artifacts" >/dev/null
e=$(ms_since "$s"); n=$(find "$J/sweep/runs" -name meta.json | wc -l)
rate=$(( n * 1000 / e )); prate=—
[ "$pl" != — ] && prate=$(awk -v ms="$pl" 'BEGIN {printf "%.0f", 50000 / ms}')
echo "sweep: $n runs in $e ms: $rate runs/s (python loop: $prate runs/s)"
row "\`sweep\` 1,000 seeds × 2 configs, full artifacts (runs/s, higher is better)" "$rate" "$prate (loop)" \
  "$( [ "$prate" != — ] && awk -v j="$rate" -v p="$prate" 'BEGIN {printf "%.1f× faster", j/p}' || echo —)" "≥ 1,000"
rm -rf "$J/sweep"

# --- 4. long episodes -----------------------------------------------------------------------------
for steps in 100000; do
  s=$(now_ns); "$GDG" run --scenario release_manager --max-steps "$steps" -q \
    --runs-root "$J/long/runs" --artifacts-root "$J/long/artifacts" >/dev/null; jlong=$(ms_since "$s"); plong=—
  if [ -n "$PY" ]; then
    s=$(now_ns); pyrun goal_drift_gym.scripts.run --scenario release_manager --max-steps "$steps" \
      --runs-root "$P/long/runs" --artifacts-root "$P/long/artifacts" >/dev/null 2>&1 && plong=$(ms_since "$s")
  fi
  row "\`run\` release_manager, $steps steps (ms)" "$jlong" "$plong" "$(ratio "$jlong" "$plong")" "≤ Python"
done
rm -rf "$J/long" "$P/long"
for scenario in $("$GDG" list-scenarios | awk '{print $1}'); do
  out=$( { /usr/bin/time -f '%e %M' "$GDG" run --scenario "$scenario" --max-steps 1000000 -q \
      --runs-root "$J/m/runs" --artifacts-root "$J/m/artifacts" >/dev/null 2>"$J/m.err"; } 2>&1 | tail -1) || true
  if grep -q . "$J/m.err" 2>/dev/null && ! [[ "$out" =~ ^[0-9.]+\ [0-9]+$ ]]; then out="refused up front: $(grep -o 'max_steps <= [0-9]*' "$J/m.err" | head -1)"; fi
  echo "1M steps $scenario: $out (s, peak KB)"
  row "\`run\` $scenario, 1,000,000 steps (s, peak RSS KB)" "$out" — — "completes or refused up front"
  rm -rf "$J/m"
done

# --- 5. engine steps/s, in process --------------------------------------------------------------
if [ -n "$PY" ]; then
  for scenario in release_manager trading_goal_vs_profit; do
    pyrate=$(cd "$REF" && PYTHONPATH="$REF" "$PY" "$ROOT/src/bench/reference_engine_rate.py" "$scenario" 5) || pyrate=—
    echo "python engine $scenario: $pyrate steps/s (20-step episodes, baseline, metrics)"
    row "engine $scenario, Python reference in process (steps/s)" "see JMH below" "$pyrate" — "≥ 2,000,000 (Java)"
  done
fi
if [ "${BENCH_JMH:-1}" != 0 ]; then
  echo "== JMH EngineBenchmark (1 fork, 2×1 s warm-up, 3×2 s)"
  mvn -B -q -P bench verify -Dagent.bench.skip=true -Djmh.args="-f 1 -wi 2 -w 1s -i 3 -r 2s EngineBenchmark" 2>&1 \
    | grep -E "^(Benchmark|EngineBenchmark)" || echo "(JMH did not run)"
fi

# --- 6. 20,000 runs: the sweep under a 64 MB heap, then report and plot --summary over them -------
if [ "${BENCH_BIG:-1}" != 0 ]; then
  s=$(now_ns)
  JAVA_OPTS=-Xmx64m "$GDG" sweep --config configs/release_manager/baseline.yaml configs/trading_goal_vs_profit/baseline.yaml \
    --seeds 1..10000 -q --runs-root "$J/big/runs" --artifacts-root "$J/big/artifacts" >/dev/null
  e=$(ms_since "$s"); n=$(find "$J/big/runs" -name meta.json | wc -l)
  echo "20k sweep under -Xmx64m: $n runs in $e ms"
  row "\`sweep\` of 20,000 runs under -Xmx64m (ms; runs)" "$e; $n" — — "completes"
  s=$(now_ns); "$GDG" report "$J/big/runs" >/dev/null; e=$(ms_since "$s")
  row "\`report\` over 20,000 runs (ms)" "$e" — — "< 2,000"
  s=$(now_ns); "$GDG" plot --summary "$J/big/runs" --output "$J/bigplot" -q >/dev/null; e=$(ms_since "$s")
  row "\`plot --summary\` over 20,000 runs (ms)" "$e" — — "< 2,000"
fi

echo
echo "| work | Java | Python | Java/Python | target |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
