#!/usr/bin/env bash
# Checks here what a release does for Linux: builds kh in release mode,
# packs it as the release workflow does, serves the archive from a local
# web server, runs the shell installer against it (KH_DOWNLOAD_URL) into a
# temporary folder, and runs the installed kh on the example round.
# Windows and macOS builds cannot be made on this machine; the workflow
# builds them on their own runners.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --locked -q
bash scripts/package.sh x86_64-unknown-linux-gnu target/release/kh "$work/dist" >/dev/null
bash scripts/pin-installers.sh "$work/dist" local/kh v0.0.0-check

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/dist" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/install.sh" -o /dev/null 2>/dev/null && break
  sleep 0.1
done

# The pinned installer carries the archive's hash.
grep -q "$(cut -d' ' -f1 < "$work/dist/kh-x86_64-unknown-linux-gnu.tar.xz.sha256")" "$work/dist/install.sh"
# Plain http is refused unless asked for.
if KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin0" sh "$work/dist/install.sh" >/dev/null 2>&1; then
  echo "an http:// download was accepted unasked" >&2
  exit 1
fi
[ ! -e "$work/bin0/kh" ]
# As a clerk would: fetch the installer and pipe it to sh.
curl -fsSL "http://127.0.0.1:$port/install.sh" |
  KH_ALLOW_HTTP=1 KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin" sh

installed="$work/bin/kh"
"$installed" --version | grep -q "^kh $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
# The example round from the archive itself, as a new user runs it.
tar -xJf "$work/dist/kh-x86_64-unknown-linux-gnu.tar.xz" -C "$work"
"$installed" validate "$work/kh-x86_64-unknown-linux-gnu/examples/submissions" >/dev/null
# A tampered archive with its .sha256 recomputed on the server is refused
# by the pinned hash, and nothing is installed.
printf 'x' >> "$work/dist/kh-x86_64-unknown-linux-gnu.tar.xz"
(cd "$work/dist" && sha256sum kh-x86_64-unknown-linux-gnu.tar.xz > kh-x86_64-unknown-linux-gnu.tar.xz.sha256)
if KH_ALLOW_HTTP=1 KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin2" sh "$work/dist/install.sh" >/dev/null 2>&1; then
  echo "a tampered archive was installed" >&2
  exit 1
fi
[ ! -e "$work/bin2/kh" ]
# A folder where kh goes, and an archive without kh: clear errors.
mkdir -p "$work/bin3/kh"
out=$(KH_ALLOW_HTTP=1 KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin3" sh "$work/dist/install.sh" 2>&1 || true)
printf '%s' "$out" | grep -q "là một thư mục"
empty=$(mktemp -d)
mkdir -p "$empty/kh-x86_64-unknown-linux-gnu"
tar -C "$empty" -cJf "$work/dist/kh-x86_64-unknown-linux-gnu.tar.xz" kh-x86_64-unknown-linux-gnu
rm -rf "$empty"
(cd "$work/dist" && sha256sum kh-x86_64-unknown-linux-gnu.tar.xz > kh-x86_64-unknown-linux-gnu.tar.xz.sha256)
out=$(KH_ALLOW_HTTP=1 KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin4" sh scripts/install.sh 2>&1 || true)
printf '%s' "$out" | grep -q "không có tệp kh"
[ ! -e "$work/bin4/kh" ]
echo "release-check: the Linux archive installs from a server and runs the example round"
