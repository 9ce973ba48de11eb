#!/usr/bin/env bash
# Writes the Windows resources (version information, application manifest,
# icon) as rsrc_windows_amd64.syso and rsrc_windows_386.syso into OUTDIR.
# `go build` links a .syso found in the main package's folder into Windows
# builds, so release/build.sh puts them there for the build and removes
# them afterwards: nothing binary is committed.
#
#   release/resources.sh OUTDIR VERSION
#   release/resources.sh -n VERSION     prints the numeric file version only
#
# The icon is drawn by release/icon; the resources are compiled by
# go-winres, pinned with the Go tool directive in release/tools/go.mod.
set -euo pipefail
# The fixed (numeric) file version a.b.c.d, which Explorer shows and
# installers compare, comes from a v* tag: v0.3.1 is 0.3.1.0, and a build
# 4 commits after it (git describe: v0.3.1-4-gabcdef) is 0.3.1.4, so
# every build of a branch differs. A version that is not a tag's gets
# 0.0.0.0 rather than digits picked out of a commit hash. The text
# fields keep the version whole.
numeric() {
  local re='^v?([0-9]+)\.([0-9]+)\.([0-9]+)(-([0-9]+)-g[0-9a-f]+)?([-+].*)?$' n
  if [[ $1 =~ $re ]]; then
    n="${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]} ${BASH_REMATCH[5]:-0}"
    for part in $n; do
      # Each part is a 16-bit number; 10# keeps a leading zero decimal.
      if [ ${#part} -gt 5 ] || [ $((10#$part)) -gt 65535 ]; then echo 0.0.0.0; return; fi
    done
    set -- $n
    echo "$((10#$1)).$((10#$2)).$((10#$3)).$((10#$4))"
  else
    echo 0.0.0.0
  fi
}
if [ $# -eq 2 ] && [ "$1" = -n ]; then
  numeric "$2"
  exit 0
fi
if [ $# -ne 2 ]; then
  echo "usage: $0 OUTDIR VERSION" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
version=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/release/winres/winres.json" "$root/release/winres/actwiz.manifest" "$work/"
# Tools run on this machine, whatever GOOS/GOARCH the caller set.
(cd "$root" && GOOS= GOARCH= go run ./release/icon "$work/icon.png")
(cd "$root" && GOOS= GOARCH= go -C release/tools tool go-winres make --in "$work/winres.json" --out "$out/rsrc" \
  --arch amd64,386 --file-version "$(numeric "$version")" --product-version "$version")
