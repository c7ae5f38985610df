#!/bin/sh
# Cài kh từ bản phát hành, không cần Rust: tải tệp nén đúng cho máy này,
# kiểm tra SHA-256, chép kh vào ~/.local/bin (hoặc KH_INSTALL_DIR).
# Installs kh from a release without Rust: the archive for this machine,
# checked against its SHA-256, into ~/.local/bin (or KH_INSTALL_DIR).
#
#   curl -fsSL https://github.com/OWNER/kh/releases/latest/download/install.sh | sh
#
# KH_DOWNLOAD_URL points it at another place holding the archives (a mirror
# inside the office network, or a local server in tests).
set -eu

repo="${KH_REPO:-__REPO__}"
base="${KH_DOWNLOAD_URL:-https://github.com/$repo/releases/latest/download}"
dest="${KH_INSTALL_DIR:-$HOME/.local/bin}"

say() { printf '%s\n' "$*"; }
die() { say "kh: $*" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-gnu ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  *) die "chưa có bản dựng sẵn cho $(uname -s) $(uname -m); hãy dựng từ mã nguồn (cargo install --path .) / no prebuilt kh for this machine" ;;
esac

archive="kh-$target.tar.xz"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fetch() {
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,http' -fsSL "$1" -o "$2"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    die "cần curl hoặc wget để tải / curl or wget is needed"
  fi || die "không tải được $1 / could not download $1"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

say "Đang tải $archive từ $base …"
fetch "$base/$archive" "$tmp/$archive"
fetch "$base/$archive.sha256" "$tmp/$archive.sha256"
expected=$(cut -d' ' -f1 < "$tmp/$archive.sha256")
actual=$(sha256 "$tmp/$archive")
[ "$expected" = "$actual" ] || die "tệp tải về không khớp SHA-256 (có thể hỏng khi tải): không cài / checksum mismatch, not installed"

tar -xJf "$tmp/$archive" -C "$tmp"
mkdir -p "$dest"
cp "$tmp/kh-$target/kh" "$dest/kh.new"
chmod 755 "$dest/kh.new"
mv "$dest/kh.new" "$dest/kh"
say "Đã cài kh vào $dest/kh ($("$dest/kh" --version))"
case ":$PATH:" in
  *":$dest:"*) ;;
  *) say "Thêm $dest vào PATH để gõ kh ở mọi nơi / add $dest to PATH" ;;
esac
