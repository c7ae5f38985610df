#!/usr/bin/env bash
# Writes the installers a release publishes: scripts/install.sh and
# scripts/install.ps1 with the repository, the release's tag and each
# archive's SHA-256 written into them. The installer then trusts only the
# hash it carries, not a .sha256 fetched from the same server as the
# archive (a server that can swap the archive can swap its checksum too).
# Used by .github/workflows/release.yml and scripts/release-check.sh.
#   scripts/pin-installers.sh DIST REPO TAG
set -euo pipefail
dist=$1 repo=$2 tag=$3
cd "$(dirname "$0")/.."
pin() {
  local src=$1 out=$2
  local text
  text=$(sed -e "s|__REPO__|$repo|g" -e "s|__TAG__|$tag|g" "$src")
  for sum in "$dist"/*.sha256; do
    [ -e "$sum" ] || continue
    local file target hash
    file=$(basename "$sum" .sha256)
    target=${file#kh-}
    target=${target%.tar.xz}
    target=${target%.zip}
    hash=$(cut -d' ' -f1 < "$sum")
    text=${text//__SHA256_${target//-/_}__/$hash}
  done
  printf '%s\n' "$text" > "$out"
}
pin scripts/install.sh "$dist/install.sh"
pin scripts/install.ps1 "$dist/install.ps1"
