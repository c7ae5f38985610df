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
cp scripts/install.sh "$work/dist/"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/dist" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/install.sh" -o /dev/null 2>/dev/null && break
  sleep 0.1
done

# As a clerk would: fetch the installer and pipe it to sh.
curl -fsSL "http://127.0.0.1:$port/install.sh" |
  KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin" sh

installed="$work/bin/kh"
"$installed" --version | grep -q "^kh $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
# The example round from the archive itself, as a new user runs it.
tar -xJf "$work/dist/kh-x86_64-unknown-linux-gnu.tar.xz" -C "$work"
"$installed" validate "$work/kh-x86_64-unknown-linux-gnu/examples/submissions" >/dev/null
# A damaged download is refused, and nothing is installed.
printf 'x' >> "$work/dist/kh-x86_64-unknown-linux-gnu.tar.xz"
if KH_DOWNLOAD_URL="http://127.0.0.1:$port" KH_INSTALL_DIR="$work/bin2" sh scripts/install.sh >/dev/null 2>&1; then
  echo "a damaged archive was installed" >&2
  exit 1
fi
[ ! -e "$work/bin2/kh" ]
echo "release-check: the Linux archive installs from a server and runs the example round"
