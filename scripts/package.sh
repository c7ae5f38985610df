#!/usr/bin/env bash
# Packs a built kh for one target into the archive a release carries:
# kh-<target>.tar.xz (kh-<target>.zip for Windows) holding the binary, the
# README and the example rounds, and beside it the archive's SHA-256, which
# the installers check. Used by .github/workflows/release.yml and by
# scripts/release-check.sh.
#   scripts/package.sh TARGET BINARY OUTDIR
set -euo pipefail
target=$1 binary=$2 outdir=$3
cd "$(dirname "$0")/.."
name="kh-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name" "$outdir"
cp "$binary" "$stage/$name/"
cp README.md "$stage/$name/"
mkdir -p "$stage/$name/examples"
cp -R examples/submissions examples/broken "$stage/$name/examples/"
case "$target" in
  *windows*)
    archive="$name.zip"
    (cd "$stage" && 7z a -tzip -bd "$archive" "$name" >/dev/null)
    ;;
  *)
    archive="$name.tar.xz"
    # Sorted, with fixed owners and times: the same build packs to the
    # same bytes.
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2023-01-01' \
      -C "$stage" -cJf "$stage/$archive" "$name"
    ;;
esac
mv "$stage/$archive" "$outdir/"
(cd "$outdir" && sha256sum "$archive" > "$archive.sha256")
echo "$outdir/$archive"
