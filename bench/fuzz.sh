#!/usr/bin/env bash
# Runs every fuzz target in the repository (every `func Fuzz…` in a
# _test.go file) for FUZZTIME each (default 30s), one target at a time with
# FUZZWORKERS fuzzing processes (default 2, the development machine's
# cores), and prints one line per target: status, package, target, time,
# executions and new corpus entries. A failure keeps the fuzzer's report
# (with the path of the failing input under testdata/fuzz) in $log.
# Exit status: 0 when every target held, 1 when one failed.
#
#   bench/fuzz.sh                 # 30s per target
#   FUZZTIME=5s bench/fuzz.sh     # a quick pass
#   FUZZ=Mask bench/fuzz.sh        # only targets whose name matches
set -uo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-30s}
workers=${FUZZWORKERS:-2}
log=$(mktemp -d /tmp/actwiz-fuzz-XXXXXX)

# file:line:func FuzzName(… → "./pkg FuzzName", sorted, one per line.
targets=$(grep -rn --include='*_test.go' '^func Fuzz' . |
  sed -E 's#^(.*)/[^/]+_test\.go:[0-9]+:func (Fuzz[A-Za-z0-9_]*)\(.*#\1 \2#' | sort |
  grep -E " .*${FUZZ:-}")
if [ -z "$targets" ]; then
  echo "no fuzz targets found" >&2
  exit 1
fi

# Build every package's tests first, so the time given is spent fuzzing.
go test -count=1 -run '^$' $(echo "$targets" | cut -d' ' -f1 | sort -u) >/dev/null || exit 1

failed=0
printf '%-6s %-30s %-24s %6s %10s %5s\n' status package target wall execs new
while read -r pkg name; do
  out="$log/$(echo "${pkg#./}" | tr / _)_$name.log"
  SECONDS=0
  go test -count=1 -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -parallel "$workers" "$pkg" >"$out" 2>&1
  status=$?
  took=$SECONDS # wall time, the instrumented build included
  # The fuzzer's last progress line: "fuzz: elapsed: 30s, execs: 123456 (4100/sec), new interesting: 12 (total: 20)"
  last=$(grep -E '^fuzz: elapsed: .*execs:' "$out" | tail -n 1)
  execs=$(echo "$last" | sed -nE 's/.*execs: ([0-9]+).*/\1/p')
  new=$(echo "$last" | sed -nE 's/.*new interesting: ([0-9]+).*/\1/p')
  word=ok
  if [ "$status" -ne 0 ]; then
    word=FAIL
    failed=1
  fi
  printf '%-6s %-30s %-24s %5ss %10s %5s\n' "$word" "${pkg#./}" "$name" "$took" "${execs:-?}" "${new:-?}"
  if [ "$status" -ne 0 ]; then
    grep -E -- '--- FAIL|Failing input|testdata/fuzz|\.go:[0-9]+:' "$out" | head -n 5 | sed 's/^/       /'
    echo "       full report: $out"
  fi
done <<<"$targets"

[ "$failed" -eq 0 ] && rm -rf "$log"
exit "$failed"
