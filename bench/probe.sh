#!/usr/bin/env bash
# Times `actwiz check` against lshw on this machine, side by side with
# hyperfine, and prints both medians and their ratio. The goal: actwiz reads
# and judges the machine in at most a tenth of the time lshw takes to read
# the same hardware classes. Exits 1 when the goal is missed.
#
# Run it as root (sudo bench/probe.sh): both tools read the root-only
# SMBIOS serials, and timing one of them without its privileged reads
# would not be a fair race.
set -euo pipefail
cd "$(dirname "$0")/.."

goal=0.10
runs=${RUNS:-30}

if [ "$(id -u)" -ne 0 ]; then
  echo "bench/probe.sh must run as root (try: sudo $0): both tools read root-only serial numbers." >&2
  exit 2
fi
if ! command -v hyperfine >/dev/null; then
  apt-get install -y -qq hyperfine >/dev/null
fi
if ! command -v lshw >/dev/null; then
  apt-get install -y -qq lshw >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/actwiz" .

# actwiz check exits 1 or 3 when a check fails or is unknown: that is its
# verdict, not a broken run. Only 2 (could not run) and crashes stop us.
set +e
"$tmp/actwiz" check --format json >"$tmp/report.json" 2>"$tmp/stderr"
status=$?
set -e
case $status in
  0 | 1 | 3) ;;
  *)
    echo "actwiz check could not run (exit status $status):" >&2
    cat "$tmp/stderr" >&2
    exit 2
    ;;
esac
if [ "$(jq -r .schema "$tmp/report.json" 2>/dev/null)" != "actwiz.report/v1" ]; then
  echo "actwiz check --format json printed no actwiz.report/v1 report; is the check command built in?" >&2
  exit 2
fi

actwiz="$tmp/actwiz check --format json"
lshw="lshw -json -class system -class disk -class network"
# --shell=none: at a few milliseconds a shell's start-up would be most of
# what is measured. --ignore-failure: actwiz's verdict is its exit status.
hyperfine --shell=none --ignore-failure --warmup 3 --runs "$runs" \
  --export-json "$tmp/times.json" "$actwiz" "$lshw"

median() { jq -r --arg c "$1" '.results[] | select(.command == $c) | .median' "$tmp/times.json"; }
awk -v a="$(median "$actwiz")" -v l="$(median "$lshw")" -v goal="$goal" 'BEGIN {
  ratio = a / l
  printf "median  actwiz check: %8.2f ms\n", a * 1000
  printf "median  lshw:         %8.2f ms\n", l * 1000
  printf "ratio   %.3f (goal: at most %.2f) %s\n", ratio, goal, (ratio <= goal ? "met" : "MISSED")
  exit (ratio <= goal ? 0 : 1)
}'
