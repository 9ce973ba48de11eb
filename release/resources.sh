#!/usr/bin/env bash
# Writes the Windows resources (version information, application manifest,
# icon) as rsrc_windows_amd64.syso and rsrc_windows_386.syso into OUTDIR.
# `go build` links a .syso found in the main package's folder into Windows
# builds, so release/build.sh puts them there for the build and removes
# them afterwards: nothing binary is committed.
#
#   release/resources.sh OUTDIR VERSION
#
# The icon is drawn by release/icon; the resources are compiled by
# go-winres, fetched from the Go module proxy at a fixed version.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 OUTDIR VERSION" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
version=$2
winres=github.com/tc-hib/go-winres@v0.3.3

# The fixed (numeric) file version is a.b.c.d: take the leading numbers of
# the version ("v1.2.3-4-gabcdef" -> 1.2.3); the text fields keep it whole.
numeric=$(printf '%s' "$version" | sed -E 's/^v//; s/^([0-9]+(\.[0-9]+){0,3}).*$/\1/')
if ! [[ $numeric =~ ^[0-9]+(\.[0-9]+){0,3}$ ]]; then
  numeric=0.0.0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/release/winres/winres.json" "$root/release/winres/actwiz.manifest" "$work/"
# Tools run on this machine, whatever GOOS/GOARCH the caller set.
(cd "$root" && GOOS= GOARCH= go run ./release/icon "$work/icon.png")
(cd "$root" && GOOS= GOARCH= go run "$winres" make --in "$work/winres.json" --out "$out/rsrc" \
  --arch amd64,386 --file-version "$numeric" --product-version "$version")
