#!/usr/bin/env bash
# Startup time of the floe command line on a cold JVM, measured against a bare `java -version`
# (spec/cli.md: `floe validate` on a typical project should take at most 3x `java -version`).
#
#   scripts/startup.sh              # the launcher, plus java started directly with each JVM option
#   scripts/startup.sh --quick      # only java -version, ./floe --version and ./floe validate
#   scripts/startup.sh -n 20        # runs per command (default 10); the median is reported
#   scripts/startup.sh --no-hyperfine   # time with the bash loop even if hyperfine is installed
#
# Every run starts a new JVM. The files are in the page cache (two unmeasured warm-up runs per
# command), so this measures the JVM and floe, not the disk. Uses hyperfine when installed (one
# command after the other), otherwise a bash loop that runs the commands in rounds, each once per
# round, so that the ratios hold on a machine whose load changes. Results and their reading:
# docs/performance.md.
set -euo pipefail

runs=10
variants=yes
hyperfine=hyperfine
while [ $# -gt 0 ]; do
  case "$1" in
    -n | --runs)
      runs="${2:?-n needs a number}"
      shift 2
      ;;
    --quick)
      variants=no
      shift
      ;;
    --no-hyperfine)
      hyperfine=""
      shift
      ;;
    -h | --help)
      sed -n '2,12s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *)
      echo "startup.sh: unknown argument '$1' (try --help)" >&2
      exit 2
      ;;
  esac
done
case "$runs" in
  '' | *[!0-9]* | 0)
    echo "startup.sh: -n needs a positive whole number, not '$runs'" >&2
    exit 2
    ;;
esac

if [ -n "$hyperfine" ] && ! command -v hyperfine >/dev/null 2>&1; then
  hyperfine=""
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Relative paths only: hyperfine -N splits commands on spaces.
validate_args="validate -f demo/floe.yaml --env dev"

if [ ! -x ./floe ]; then
  echo "startup.sh: no launcher at $root/floe" >&2
  exit 1
fi

# Not measured: the launcher builds the CLI and its AppCDS archive on first use.
./floe --version >/dev/null
if ! ./floe $validate_args >/dev/null; then
  echo "startup.sh: './floe $validate_args' fails; fix that before timing it" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

names=()
commands=()
add() {
  names+=("$1")
  commands+=("$2")
}

add "java -version" "$java_bin -version"
add "./floe --version" "./floe --version"
add "./floe validate (launcher)" "./floe $validate_args"

if [ "$variants" = yes ]; then
  # The same validation with java started directly, to show what each choice of the launcher is
  # worth and what the script itself costs: the core class path it uses for validate
  # (floe-cli/core-classpath.txt) against the whole runtime's, each with its own archive.
  target=floe-cli/target
  core="$target/floe-cli.jar"
  while read -r id _ || [ -n "$id" ]; do
    case "$id" in
      '' | '#'*) continue ;;
    esac
    matches=("$target/lib/${id#*:}"-[0-9]*.jar)
    core="$core:${matches[0]}"
  done <floe-cli/core-classpath.txt
  full="$target/floe-cli.jar"
  for jar in "$target"/lib/*.jar; do
    full="$full:$jar"
  done
  main="dev.floe.cli.Main"
  c1="-XX:TieredStopAtLevel=1"

  # Static AppCDS archives from one training run's class list, dumped under G1 (as the launcher
  # does: only then does the archive hold the JDK's module graph) and under SerialGC.
  for kind in core full; do
    cp="${!kind}"
    "$java_bin" $c1 -Xshare:off -XX:DumpLoadedClassList="$work/$kind.lst" -cp "$cp" $main \
      $validate_args >/dev/null 2>&1
    "$java_bin" $c1 -Xshare:dump -XX:SharedClassListFile="$work/$kind.lst" \
      -XX:SharedArchiveFile="$work/$kind-g1.jsa" -cp "$cp" >"$work/dump-$kind-g1.log" 2>&1
    "$java_bin" $c1 -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$work/$kind.lst" \
      -XX:SharedArchiveFile="$work/$kind-serial.jsa" -cp "$cp" >"$work/dump-$kind-serial.log" 2>&1
  done

  add "java -version, C1" "$java_bin $c1 -version"
  add "java -cp <core>: validate, C1 + G1 + CDS (what ./floe does)" \
    "$java_bin $c1 -XX:SharedArchiveFile=$work/core-g1.jsa -Xlog:cds=off -cp $core $main $validate_args"
  add "java -cp <core>: validate, C1 + SerialGC + CDS (serial dump)" \
    "$java_bin $c1 -XX:+UseSerialGC -XX:SharedArchiveFile=$work/core-serial.jsa -Xlog:cds=off -cp $core $main $validate_args"
  add "java -cp <core>: validate, C1 + G1, no archive" \
    "$java_bin $c1 -Xshare:auto -cp $core $main $validate_args"
  add "java -cp <core>: validate, C1 + C2 + G1 + CDS" \
    "$java_bin -XX:SharedArchiveFile=$work/core-g1.jsa -Xlog:cds=off -cp $core $main $validate_args"
  add "java -cp <all 137 jars>: validate, C1 + G1 + CDS" \
    "$java_bin $c1 -XX:SharedArchiveFile=$work/full-g1.jsa -Xlog:cds=off -cp $full $main $validate_args"
  add "java -cp <all 137 jars>: validate, C1 + SerialGC + CDS (the launcher until Dec 2)" \
    "$java_bin $c1 -XX:+UseSerialGC -XX:SharedArchiveFile=$work/full-serial.jsa -Xlog:cds=off -cp $full $main $validate_args"
  add "java -cp <core>: --version, C1 + G1 + CDS" \
    "$java_bin $c1 -XX:SharedArchiveFile=$work/core-g1.jsa -Xlog:cds=off -cp $core $main --version"
fi

# Prints "MEDIAN_MS CPU_MS" for one command with hyperfine: the median wall time of its runs and
# their mean CPU time (user + system), both in milliseconds. CPU well below wall time means
# waiting, usually for a busy machine; CPU above wall time means more than one thread at work.
measure() {
  local command="$1"
  # Its warnings about outliers would clutter the table: shown only if it fails.
  if ! hyperfine -N --style none --warmup 2 --runs "$runs" --export-csv "$work/run.csv" \
    "$command" >"$work/hyperfine.log" 2>&1; then
    cat "$work/hyperfine.log" >&2
    return 1
  fi
  # Columns: command,mean,stddev,median,user,system,min,max; seconds, user and system as means.
  awk -F, 'NR == 2 { printf "%.1f %.1f\n", $(NF - 4) * 1000, ($(NF - 3) + $(NF - 2)) * 1000 }' \
    "$work/run.csv"
}

# Without hyperfine: every command once per round, round after round, so that a machine getting
# busier or quieter moves every command alike and the ratios hold. Bash's `time` keyword takes
# each run's wall and CPU time without starting a process. Leaves "MEDIAN_MS CPU_MS" per command
# in $work/result.N.
measure_interleaved() {
  local i r
  local TIMEFORMAT='%3R %3U %3S'
  for i in "${!commands[@]}"; do
    : >"$work/times.$i"
    for r in 1 2; do
      ${commands[$i]} >/dev/null 2>&1 || true
    done
  done
  for ((r = 0; r < runs; r++)); do
    for i in "${!commands[@]}"; do
      if ! { time ${commands[$i]} >/dev/null 2>&1; } 2>>"$work/times.$i"; then
        echo "startup.sh: '${commands[$i]}' failed" >&2
        return 1
      fi
    done
  done
  for i in "${!commands[@]}"; do
    sort -n "$work/times.$i" | awk '
      { t[NR] = $1; cpu += $2 + $3 }
      END {
        m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "%.1f %.1f\n", m * 1000, cpu / NR * 1000 }' >"$work/result.$i"
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $("$java_bin" -version 2>&1 | sed -n 2p)"
echo "timer:   $([ -n "$hyperfine" ] && hyperfine --version || echo "bash's time, interleaved rounds")," \
  "$runs runs per command after 2 warm-up runs, median"
echo

# The baseline is measured twice, first and last, to show whether the machine stayed the same.
names+=("${names[0]} (again, at the end)")
commands+=("${commands[0]}")
if [ -z "$hyperfine" ]; then
  measure_interleaved
fi
baseline=""
printf '%-82s %9s %8s %7s\n' "command" "median ms" "cpu ms" "ratio"
last=$((${#commands[@]} - 1))
for i in "${!commands[@]}"; do
  if [ -n "$hyperfine" ]; then
    read -r ms cpu <<<"$(measure "${commands[$i]}")"
  else
    read -r ms cpu <"$work/result.$i"
  fi
  if [ -z "$baseline" ]; then
    baseline="$ms"
  fi
  if [ "$i" -eq "$last" ]; then
    again="$ms"
    printf '%-82s %9s\n' "${names[$i]}" "$ms"
  else
    printf '%-82s %9s %8s %6sx\n' "${names[$i]}" "$ms" "$cpu" "$(awk -v a="$ms" -v b="$baseline" \
      'BEGIN { printf "%.1f", a / b }')"
  fi
done

echo
echo "ratio: median / median of the first '${names[0]}'; target for ./floe validate: 3x" \
  "(spec/cli.md)"
if awk -v a="$again" -v b="$baseline" 'BEGIN { exit !(a > b * 1.2 || a < b / 1.2) }'; then
  echo "warning: the baseline moved by more than 20% during the run (load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg)): the machine is busy, run again when it is quiet" >&2
fi
