#!/usr/bin/env bash
# Writes target/goal-drift-gym.jsa, the class-data-sharing archive bin/goal-drift-gym uses (see
# docs/performance.md, "Cold start"). `mvn package` runs it after the jar is shaded:
#   src/build/cds-archive.sh TARGET_DIR CONFIG_FILE
# It runs the commands users run cold (run from flags and from a YAML config, report and plot of
# the runs, a small sweep, list-scenarios, --help, --version), each with -XX:DumpLoadedClassList,
# then dumps one static archive of every class they loaded. A static archive, not -XX:ArchiveClassesAtExit, because that one
# records a single process and so a single command. The archive is tied to this JVM and to the
# jar's path, size and time; on a mismatch the JVM ignores it.
set -eu

target="$1"
config="$2"
jar="$target/goal-drift-gym.jar"
archive="$target/goal-drift-gym.jsa"
work="$target/cds-training"
java="${JAVA:-java}"

rm -rf "$work" "$archive"
mkdir -p "$work"
train() {
  local name="$1"
  shift
  if ! "$java" -XX:DumpLoadedClassList="$work/$name.classlist" -jar "$jar" "$@" \
    >"$work/$name.out" 2>"$work/$name.err"; then
    echo "cds-archive: training command '$*' failed; see $work/$name.err" >&2
    exit 1
  fi
}
roots=(--runs-root "$work/runs" --artifacts-root "$work/artifacts")
train run run --scenario release_manager --seed 1 "${roots[@]}"
train run-config run --config "$config" "${roots[@]}"
train report report "$work/runs"
train plot plot "$work/runs" --output "$work/figures"
train sweep sweep --config "$config" --seeds 1..2 --quiet --runs-root "$work/sweep/runs" \
  --artifacts-root "$work/sweep/artifacts"
train list list-scenarios
train help --help
train version --version

# each class once: the same lambda listed twice crashes the dump of JDK 17
awk '!seen[$0]++' "$work"/*.classlist >"$work/all.classlist"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:ErrorFile="$work/hs_err_pid%p.log" \
  -XX:SharedArchiveFile="$archive" -cp "$jar" >"$work/dump.log" 2>&1 || {
  echo "cds-archive: the dump failed; see $work/dump.log" >&2
  exit 1
}
