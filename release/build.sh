#!/usr/bin/env bash
# Builds the actwiz release to hand out, into OUT (default dist/):
#
#   actwiz_<version>_windows_amd64.zip     actwiz.exe, README.md, README.zh-CN.md,
#   actwiz_<version>_linux_amd64.tar.gz    LICENSE, actwiz.sample.yaml (actwiz on Linux)
#   actwiz_<version>_<os>_<arch>.cdx.json  CycloneDX SBOM of each executable
#   SHA256SUMS                             over all of the above
#
# (no windows/386: README "Which Windows" says why). The source is
# `git archive` of HEAD, never the working tree, and a tree with uncommitted
# changes is refused. Builds are reproducible (-trimpath, no build id, no
# cgo, the date and archive times taken from the commit); the Windows
# executable carries version information, manifest and icon
# (release/resources.sh), read back after building; the sample config is
# run through the built actwiz; signing, when asked, is verified.
#
# Environment:
#   VERSION       version to stamp (default: git describe of the last v* tag,
#                 e.g. v0.3.1 or v0.3.1-4-gabcdef; v0.0.0-g<commit> with none)
#   OUT           output folder (default: dist)
#   TARGETS       space-separated GOOS/GOARCH list (default: windows/amd64
#                 linux/amd64); windows/386 still builds, for 32-bit Windows 10 only
#   ALLOW_DIRTY=1 build although tracked files have uncommitted changes: the
#                 build then takes them (not untracked files) and the
#                 version says -dirty
#
# Signing (Windows executables; all signing needs a time stamp, so that the
# signature outlives the certificate):
#   ACTWIZ_SIGN_TIMESTAMP_URL   RFC 3161 time-stamp server; required to sign
#   ACTWIZ_SIGN_PASSWORD        the PKCS#12 password or the token's PIN, handed to
#                               osslsigncode through a private file, never argv
#   with a key in a file:
#   ACTWIZ_SIGN_PKCS12          PKCS#12 file (.pfx/.p12) with certificate and key
#   or with a key on a hardware token (PKCS#11):
#   ACTWIZ_SIGN_PKCS11_MODULE   the token's PKCS#11 library (.so)
#   ACTWIZ_SIGN_PKCS11_KEY      the key: a pkcs11: URI ("pkcs11:token=…;object=…")
#   ACTWIZ_SIGN_PKCS11_CERT     the certificate: a pkcs11: URI, or a PEM file
#                               holding the certificate chain
#   ACTWIZ_SIGN_PKCS11_ENGINE   optional: the OpenSSL PKCS#11 engine (libp11's
#                               pkcs11.so) when osslsigncode does not find it
#   After signing, `osslsigncode verify` checks each file against the system's
#   CA bundle, or ACTWIZ_SIGN_VERIFY_CAFILE / ACTWIZ_SIGN_VERIFY_TSA_CAFILE.
#   ACTWIZ_SIGN_TEST_TSA_CERTS, ACTWIZ_SIGN_TEST_TSA_KEY: a local time-stamp
#   authority instead of the URL, for the release test only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fail() { echo "release/build.sh: $*" >&2; exit 2; }

# What is built is what is committed.
dirty=$(git status --porcelain --untracked-files=no)
tree=HEAD
if [ -n "$dirty" ]; then
  [ "${ALLOW_DIRTY:-}" = 1 ] || fail "the working tree has uncommitted changes; commit them, or set ALLOW_DIRTY=1 to build them anyway:
$dirty"
  tree=$(git stash create) # a commit of the working tree, leaving it untouched
fi

if [ -n "${VERSION:-}" ]; then
  version=$VERSION
else
  version=$(git describe --tags --match 'v[0-9]*' 2>/dev/null) || version=v0.0.0-g$(git rev-parse --short=12 HEAD)
  [ -n "$dirty" ] && version=$version-dirty
fi
# The version goes into file names and -ldflags: no spaces or slashes.
[[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+_-]*$ ]] ||
  fail "VERSION \"$version\" may hold only letters, digits and . + _ - (such as v0.3.1)."
commit=$(git rev-parse HEAD)
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct HEAD)}
date=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
out=${OUT:-dist}
targets=${TARGETS:-windows/amd64 linux/amd64}

# Signing settings are checked before anything is built.
sign=
if [ -n "${ACTWIZ_SIGN_PKCS12:-}" ] && [ -n "${ACTWIZ_SIGN_PKCS11_MODULE:-}" ]; then
  fail "set ACTWIZ_SIGN_PKCS12 or ACTWIZ_SIGN_PKCS11_MODULE, not both."
elif [ -n "${ACTWIZ_SIGN_PKCS12:-}" ]; then
  sign=pkcs12
  [ -f "$ACTWIZ_SIGN_PKCS12" ] || fail "ACTWIZ_SIGN_PKCS12 names $ACTWIZ_SIGN_PKCS12, which is not a file."
elif [ -n "${ACTWIZ_SIGN_PKCS11_MODULE:-}" ]; then
  sign=pkcs11
  [ -f "$ACTWIZ_SIGN_PKCS11_MODULE" ] || fail "ACTWIZ_SIGN_PKCS11_MODULE names $ACTWIZ_SIGN_PKCS11_MODULE, which is not a file."
  [ -n "${ACTWIZ_SIGN_PKCS11_KEY:-}" ] || fail "ACTWIZ_SIGN_PKCS11_KEY must name the key on the token (a pkcs11: URI)."
  [ -n "${ACTWIZ_SIGN_PKCS11_CERT:-}" ] || fail "ACTWIZ_SIGN_PKCS11_CERT must name the certificate (a pkcs11: URI or a PEM file)."
fi
if [ -n "$sign" ]; then
  [ -n "${ACTWIZ_SIGN_PASSWORD+set}" ] || fail "signing needs ACTWIZ_SIGN_PASSWORD (the PKCS#12 password or the token's PIN)."
  if [ -z "${ACTWIZ_SIGN_TIMESTAMP_URL:-}" ] && [ -z "${ACTWIZ_SIGN_TEST_TSA_CERTS:-}" ]; then
    fail "signing needs ACTWIZ_SIGN_TIMESTAMP_URL (an RFC 3161 time-stamp server): without a time stamp the signature dies with the certificate."
  fi
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "actwiz $version ($commit${dirty:+ with uncommitted changes}, $date)"
src=$work/src
mkdir "$src"
git archive "$tree" | tar -C "$src" -xf -
for f in README.md README.zh-CN.md LICENSE release/actwiz.sample.yaml; do
  [ -f "$src/$f" ] || fail "$f is not committed; the release archive needs it."
done
case " $targets " in
  *" windows/"*) "$src/release/resources.sh" "$src" "$version" # the committed one, like the source ;;
esac

# Tools run on this machine, whatever GOOS/GOARCH the caller set.
GOOS= GOARCH= go -C release/tools build -o "$work/tools/" github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod

ldflags="-s -w -buildid= -X actwiz/internal/cli.Version=$version -X actwiz/internal/cli.Commit=$commit -X actwiz/internal/cli.BuildDate=$date"
build() { # GOOS GOARCH OUTPUT
  (cd "$src" && CGO_ENABLED=0 GOOS=$1 GOARCH=$2 GOFLAGS= \
    go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$3" .)
}

# The sample config must load in the actwiz it ships with: as shipped (all
# commented out) and with every setting uncommented (each at its default).
build "$(go env GOHOSTOS)" "$(go env GOHOSTARCH)" "$work/host/actwiz"
sed -E 's/^# //' "$src/release/actwiz.sample.yaml" >"$work/host/uncommented.yaml"
for conf in "$src/release/actwiz.sample.yaml" "$work/host/uncommented.yaml"; do
  status=0
  "$work/host/actwiz" check --config "$conf" --snapshot "$src/testdata/snapshots/hyperv-gen2-vm.json" \
    --lang en >/dev/null 2>"$work/host/err" || status=$?
  [ "$status" != 2 ] || fail "the sample config does not load ($conf): $(cat "$work/host/err")"
done
echo "   actwiz.sample.yaml: loads as shipped and uncommented"

names=()
for target in $targets; do
  goos=${target%/*}
  goarch=${target#*/}
  base=actwiz_${version#v}_${goos}_${goarch}
  stage=$work/stage/$base
  exe=actwiz
  [ "$goos" = windows ] && exe=actwiz.exe
  echo "== $target -> $base"
  mkdir -p "$stage"
  build "$goos" "$goarch" "$stage/$exe"

  if [ "$goos" = windows ]; then
    if [ -z "${ACTWIZ_RELEASE_NO_READBACK:-}" ]; then # the release test reads it back itself
      ACTWIZ_RELEASE_EXE="$stage/$exe" ACTWIZ_RELEASE_VERSION="$version" \
        go test -count=1 -run 'TestReleaseExecutable$' ./release/peres/ >/dev/null ||
        fail "$exe does not carry its version information, manifest and icon"
      echo "   $exe: version information, manifest and icon read back"
    fi
    if [ -n "$sign" ]; then release/sign.sh "$sign" "$stage/$exe"; fi
  fi

  # The SBOM is read from the executable itself: exactly the modules linked.
  "$work/tools/cyclonedx-gomod" bin -json -licenses -std -noserial -notimestamp \
    -version "$version" -output "$out/$base.cdx.json" "$stage/$exe" 2>"$work/sbom.log" ||
    { cat "$work/sbom.log" >&2; fail "the SBOM of $exe could not be made"; }

  cp "$src/README.md" "$src/README.zh-CN.md" "$src/LICENSE" "$src/release/actwiz.sample.yaml" "$stage/"
  chmod 0644 "$stage"/*
  chmod 0755 "$stage/$exe"
  find "$stage" -exec touch -d "@$epoch" {} +
  if [ "$goos" = windows ]; then
    archive=$base.zip
    rm -f "$out/$archive"
    (cd "$work/stage" && find "$base" -print | LC_ALL=C sort | TZ=UTC zip -X -q -9 "$out/$archive" -@)
  else
    archive=$base.tar.gz
    tar -C "$work/stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
      -cf - "$base" | gzip -n -9 >"$out/$archive"
  fi
  names+=("$archive" "$base.cdx.json")
done

(cd "$out" && sha256sum "${names[@]}" >SHA256SUMS)
echo "== $out/SHA256SUMS"
cat "$out/SHA256SUMS"
