#!/usr/bin/env bash
# Generates an inbox of N log packages (300 by default; N=… to change) with
# bench/inboxgen — real packages from the collect code, each with a 1 MiB
# client log — then times `actwiz open DIR` over them (the list reads
# manifests, reports and facts, never the logs) and, for scale, one full
# `actwiz open PACKAGE.zip` (every entry verified, logs searched).
# Goal: the whole inbox well under a second on a 2-core machine.
# The set is kept between runs (delete $dir to regenerate).
set -euo pipefail
cd "$(dirname "$0")/.."

n=${N:-300}
kib=${LOG_KIB:-1024}
dir=${DIR:-/tmp/actwiz-inbox-bench-$n-$kib}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/actwiz" .
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  go run ./bench/inboxgen -n "$n" -dir "$dir" -log-kib "$kib"
  touch "$dir/.complete"
fi
echo "inbox: $(find "$dir" -name '*.zip' | wc -l) packages, $(du -sh "$dir" | cut -f1) on disk"

# The set holds failing and damaged packages by design: exit 1 is expected.
set +e
for run in 1 2 3; do
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$tmp/actwiz" open "$dir" --format json --lang en >"$tmp/out.json" 2>"$tmp/stderr"
  status=$?
  read -r secs kib_rss user sys < <(tail -n1 "$tmp/time")
  echo "actwiz open DIR (run $run): ${secs}s (CPU ${user}s user + ${sys}s system), peak RSS $((kib_rss / 1024)) MiB, exit $status"
done
one=$(find "$dir" -name '*.zip' | sort | head -n1)
/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$tmp/actwiz" open "$one" --format json --lang en >/dev/null 2>&1
read -r secs kib_rss user sys < <(tail -n1 "$tmp/time")
set -e
if [ "$status" -ne 1 ]; then
  echo "actwiz open DIR exited $status, want 1 (failing and damaged packages present):" >&2
  cat "$tmp/stderr" >&2
  exit 2
fi
damaged=$(grep -c '"verdict": "damaged"' "$tmp/out.json" || true)
failing=$(grep -c '"verdict": "fail"' "$tmp/out.json" || true)
echo "listed: $damaged damaged, $failing failing"
echo "one package opened in full: ${secs}s (CPU ${user}s user + ${sys}s system)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
