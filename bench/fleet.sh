#!/usr/bin/env bash
# Generates 100,000 actwiz reports (N=… to change) in a folder under /tmp
# with bench/fleetgen, then times `actwiz fleet` over them and prints the
# wall time and peak resident memory. The goal: a few seconds on a 2-core
# machine, memory growing with the distinct values, not the reports' size.
# The set is kept between runs (delete $dir to regenerate); the first timed
# run after generating reads from the page cache like every later one.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${N:-100000}
repeat=${REPEAT:-1} # REPEAT=100 N=1000: as many files, a hundredth of the machines
dir=${DIR:-/tmp/actwiz-fleet-bench-$n-x$repeat}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/actwiz" .
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  go run ./bench/fleetgen -n "$n" -repeat "$repeat" -dir "$dir"
  touch "$dir/.complete"
fi
echo "reports: $(find "$dir" -name '*.json' | wc -l) files, $(du -sh "$dir" | cut -f1) on disk"

# fleet exits 1 because the set holds duplicates by design; only 2 and
# crashes are failures here.
set +e
/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$tmp/actwiz" fleet "$dir" --format json --lang en >"$tmp/out.json" 2>"$tmp/stderr"
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "actwiz fleet exited $status, want 1 (duplicates present):" >&2
  cat "$tmp/stderr" >&2
  exit 2
fi
# time(1) writes "Command exited with non-zero status 1" first.
read -r secs kib user sys < <(tail -n1 "$tmp/time")
machines=$(grep -m1 '"machines"' "$tmp/out.json" | tr -dc 0-9)
dups=$(grep -c '"field":' "$tmp/out.json" || true)
echo "actwiz fleet: $machines machines, $dups findings with a field, in ${secs}s (CPU ${user}s user + ${sys}s system), peak RSS $((kib / 1024)) MiB"
# The machine is shared: a wall time far above CPU time / cores means
# other work was running.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
