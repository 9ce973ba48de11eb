#!/usr/bin/env bash
# Signs one Windows executable in place with osslsigncode, time-stamped,
# then verifies it; called by release/build.sh, which has checked the
# settings (its header lists the ACTWIZ_SIGN_* variables).
#
#   release/sign.sh pkcs12|pkcs11 FILE
set -euo pipefail
mode=$1 file=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The password or PIN reaches osslsigncode through a private file: printf
# is a builtin, so it is in no process's argv.
(umask 077 && printf '%s' "$ACTWIZ_SIGN_PASSWORD" >"$work/pass")

case $mode in
  pkcs12) key=(-pkcs12 "$ACTWIZ_SIGN_PKCS12") ;;
  pkcs11)
    key=(-pkcs11module "$ACTWIZ_SIGN_PKCS11_MODULE" -key "$ACTWIZ_SIGN_PKCS11_KEY")
    [ -n "${ACTWIZ_SIGN_PKCS11_ENGINE:-}" ] && key=(-pkcs11engine "$ACTWIZ_SIGN_PKCS11_ENGINE" "${key[@]}")
    if [[ $ACTWIZ_SIGN_PKCS11_CERT == pkcs11:* ]]; then
      key+=(-pkcs11cert "$ACTWIZ_SIGN_PKCS11_CERT")
    else
      key+=(-certs "$ACTWIZ_SIGN_PKCS11_CERT")
    fi
    ;;
  *) echo "release/sign.sh: unknown mode $mode" >&2; exit 2 ;;
esac

if [ -n "${ACTWIZ_SIGN_TEST_TSA_CERTS:-}" ]; then
  ts=(-TSA-certs "$ACTWIZ_SIGN_TEST_TSA_CERTS" -TSA-key "$ACTWIZ_SIGN_TEST_TSA_KEY")
else
  ts=(-ts "$ACTWIZ_SIGN_TIMESTAMP_URL")
fi

name=$(basename "$file")
osslsigncode sign "${key[@]}" -readpass "$work/pass" -h sha256 \
  -n actwiz "${ts[@]}" -in "$file" -out "$work/signed" >"$work/log" 2>&1 ||
  { cat "$work/log" >&2; echo "release/sign.sh: signing $name failed" >&2; exit 1; }

verify=(osslsigncode verify -in "$work/signed")
[ -n "${ACTWIZ_SIGN_VERIFY_CAFILE:-}" ] && verify+=(-CAfile "$ACTWIZ_SIGN_VERIFY_CAFILE")
[ -n "${ACTWIZ_SIGN_VERIFY_TSA_CAFILE:-}" ] && verify+=(-TSA-CAfile "$ACTWIZ_SIGN_VERIFY_TSA_CAFILE")
if ! "${verify[@]}" >"$work/verify" 2>&1 || ! grep -q '^Timestamp Server Signature verification: ok' "$work/verify"; then
  cat "$work/verify" >&2
  echo "release/sign.sh: the signature of $name (or its time stamp) does not verify" >&2
  exit 1
fi
mv "$work/signed" "$file"
echo "   $name: signed, time-stamped and verified"
