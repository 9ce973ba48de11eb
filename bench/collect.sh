#!/usr/bin/env bash
# Packs a generated tree of text logs (plus incompressible files) through
# an actwiz file collector and, side by side, with `zip -r -q -6`; prints
# the wall-time ratio (goal ≤ 0.4), the size ratio (goal ≤ 1.1) and
# actwiz's peak memory (goal < 64 MiB).
#
#   bench/collect.sh            # 1 GiB tree
#   bench/collect.sh 200        # 200 MiB tree
set -euo pipefail
size_mib=${1:-1024}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/actwiz-bench-collect.XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v zip >/dev/null || { echo "zip is not installed (apt-get install -y zip)"; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install -y time)"; exit 2; }

echo "building actwiz…"
(cd "$repo" && go build -o "$work/actwiz" .)
echo "generating a ${size_mib} MiB tree in $work/tree…"
python3 "$repo/bench/gen_logs.py" "$work/tree" "$size_mib"
cat > "$work/actwiz.yaml" <<YAML
logs:
  builtin: false
  collectors:
    - name: bench-tree
      category: system-log
      files: ['$work/tree/**']
      max_bytes: 4294967296
YAML
# Read the tree once so both tools start with it in the page cache.
cat $(find "$work/tree" -type f) > /dev/null

now() { date +%s.%N; }
mkdir -p "$work/out"
t0=$(now)
(cd "$work" && zip -r -q -6 "$work/zip.zip" tree)
t1=$(now)
/usr/bin/time -v -o "$work/time.txt" "$work/actwiz" collect --config "$work/actwiz.yaml" --only system-log --output "$work/out" --lang en >/dev/null
t2=$(now)
pkg=$(ls "$work"/out/*.zip)
unzip -tq "$pkg" >/dev/null || { echo "unzip -t failed on actwiz's package"; exit 1; }

zip_s=$(echo "$t1 - $t0" | bc -l)
aw_s=$(echo "$t2 - $t1" | bc -l)
zip_b=$(stat -c %s "$work/zip.zip")
aw_b=$(stat -c %s "$pkg")
rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
printf 'tree:          %d MiB, %d CPUs\n' "$size_mib" "$(nproc)"
printf 'zip -6:        %6.2f s  %7.1f MiB\n' "$zip_s" "$(echo "$zip_b/1048576" | bc -l)"
printf 'actwiz:        %6.2f s  %7.1f MiB  peak RSS %.1f MiB\n' "$aw_s" "$(echo "$aw_b/1048576" | bc -l)" "$(echo "$rss_kib/1024" | bc -l)"
printf 'time ratio:    %.2f  (goal ≤ 0.40)\n' "$(echo "$aw_s/$zip_s" | bc -l)"
printf 'size ratio:    %.3f (goal ≤ 1.10)\n' "$(echo "$aw_b/$zip_b" | bc -l)"
printf 'peak memory:   %.1f MiB (goal < 64)\n' "$(echo "$rss_kib/1024" | bc -l)"
