#!/usr/bin/env bash
# Builds actwiz for release: windows/amd64 and linux/amd64 (no windows/386:
# README "Which Windows" says why),
# with the version, commit and build date stamped in, reproducibly
# (-trimpath, no build id, no cgo, the date taken from the commit), the
# Windows executables carrying version information, manifest and icon
# (release/resources.sh), checked by reading them back, signed when a
# certificate is given, and SHA-256 sums of everything.
#
# Environment:
#   VERSION              version to stamp (default: git describe)
#   OUT                  output folder (default: dist)
#   TARGETS              space-separated GOOS/GOARCH list (default: both);
#                        windows/386 still builds, for 32-bit Windows 10 only
#   ACTWIZ_SIGN_PKCS12   PKCS#12 file (.pfx/.p12) with the code-signing
#                        certificate and key; signing is skipped without it
#   ACTWIZ_SIGN_PASSWORD its password, read from the environment and handed
#                        to osslsigncode through a private temporary file,
#                        never on a command line
#   ACTWIZ_SIGN_TIMESTAMP_URL  RFC 3161 time-stamp server (optional)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
date=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
out=${OUT:-dist}
targets=${TARGETS:-windows/amd64 linux/amd64}
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Build from a copy of the source, so the resource files never appear in
# the working tree (where another build could pick them up half-written).
src="$work/src"
mkdir "$src"
tar -C "$root" --exclude=./.git --exclude=./dist --exclude=./.scratch -cf - . | tar -C "$src" -xf -

echo "actwiz $version ($commit, $date)"
case " $targets " in
  *" windows/"*) release/resources.sh "$src" "$version" ;;
esac

ldflags="-s -w -buildid= -X actwiz/internal/cli.Version=$version -X actwiz/internal/cli.Commit=$commit -X actwiz/internal/cli.BuildDate=$date"
built=()
for target in $targets; do
  goos=${target%/*}
  goarch=${target#*/}
  name="actwiz-$goos-$goarch"
  [ "$goos" = windows ] && name="$name.exe"
  echo "== $target -> $out/$name"
  (cd "$src" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch GOFLAGS= \
    go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$out/$name" .)
  built+=("$name")
done

for name in "${built[@]}"; do
  [ -n "${ACTWIZ_RELEASE_NO_READBACK:-}" ] && break # the caller reads them back itself
  case $name in
    *.exe)
      # Read the resources back from the file itself.
      ACTWIZ_RELEASE_EXE="$out/$name" ACTWIZ_RELEASE_VERSION="$version" \
        go test -count=1 -run 'TestReleaseExecutable$' ./release/peres/ >/dev/null ||
        { echo "$name does not carry its version information, manifest and icon" >&2; exit 1; }
      echo "   $name: version information, manifest and icon read back"
      ;;
  esac
done

if [ -n "${ACTWIZ_SIGN_PKCS12:-}" ]; then
  if [ -z "${ACTWIZ_SIGN_PASSWORD+set}" ]; then
    echo "ACTWIZ_SIGN_PKCS12 is set but ACTWIZ_SIGN_PASSWORD is not." >&2
    exit 2
  fi
  passfile="$work/pass"
  (umask 077 && printf '%s' "$ACTWIZ_SIGN_PASSWORD" >"$passfile") # printf is a builtin: not in any argv
  ts=()
  [ -n "${ACTWIZ_SIGN_TIMESTAMP_URL:-}" ] && ts=(-ts "$ACTWIZ_SIGN_TIMESTAMP_URL")
  for name in "${built[@]}"; do
    case $name in
      *.exe)
        osslsigncode sign -pkcs12 "$ACTWIZ_SIGN_PKCS12" -readpass "$passfile" -h sha256 \
          -n "actwiz" "${ts[@]}" -in "$out/$name" -out "$work/signed.exe" >/dev/null
        mv "$work/signed.exe" "$out/$name"
        osslsigncode extract-signature -in "$out/$name" -out "$work/sig.der" >/dev/null
        rm -f "$work/sig.der"
        echo "   $name: signed"
        ;;
    esac
  done
else
  echo "   (not signed: set ACTWIZ_SIGN_PKCS12 and ACTWIZ_SIGN_PASSWORD to sign)"
fi

(cd "$out" && sha256sum "${built[@]}" >SHA256SUMS)
echo "== $out/SHA256SUMS"
cat "$out/SHA256SUMS"
