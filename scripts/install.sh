#!/bin/sh
# Cài kh từ bản phát hành, không cần Rust: tải tệp nén đúng cho máy này,
# kiểm tra SHA-256, chép kh vào ~/.local/bin (hoặc KH_INSTALL_DIR).
# Installs kh from a release without Rust: the archive for this machine,
# checked against its SHA-256, into ~/.local/bin (or KH_INSTALL_DIR).
#
#   curl -fsSL https://github.com/OWNER/kh/releases/latest/download/install.sh | sh
#
# KH_DOWNLOAD_URL points it at another place holding the archives (a mirror
# inside the office network; http:// only with KH_ALLOW_HTTP=1). The
# installer a release publishes carries that release's SHA-256 for each
# archive (scripts/pin-installers.sh) and trusts no other.
set -eu

repo="${KH_REPO:-__REPO__}"
tag="__TAG__"
# The release this installer came with: its archives, whose hashes it
# carries. Unpinned (run from a clone), the latest release.
case "$tag" in
  __*) base="${KH_DOWNLOAD_URL:-https://github.com/$repo/releases/latest/download}" ;;
  *) base="${KH_DOWNLOAD_URL:-https://github.com/$repo/releases/download/$tag}" ;;
esac
dest="${KH_INSTALL_DIR:-$HOME/.local/bin}"

say() { printf '%s\n' "$*"; }
die() { say "kh: $*" >&2; exit 1; }

# Plain http only when asked: an archive fetched in the clear can be swapped
# on the way.
case "$base" in
  https://*) proto='=https' ;;
  http://*)
    [ "${KH_ALLOW_HTTP:-}" = 1 ] || die "KH_DOWNLOAD_URL dùng http:// (không mã hóa): đặt KH_ALLOW_HTTP=1 nếu đúng là máy chủ nội bộ tin cậy / http:// is refused unless KH_ALLOW_HTTP=1"
    proto='=https,http' ;;
  *) die "KH_DOWNLOAD_URL phải bắt đầu bằng https:// / KH_DOWNLOAD_URL must start with https://" ;;
esac

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-gnu; pinned="__SHA256_x86_64_unknown_linux_gnu__" ;;
  Darwin-arm64) target=aarch64-apple-darwin; pinned="__SHA256_aarch64_apple_darwin__" ;;
  Darwin-x86_64) target=x86_64-apple-darwin; pinned="__SHA256_x86_64_apple_darwin__" ;;
  *) die "chưa có bản dựng sẵn cho $(uname -s) $(uname -m); hãy dựng từ mã nguồn (cargo install --path .) / no prebuilt kh for this machine" ;;
esac

archive="kh-$target.tar.xz"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fetch() {
  if command -v curl >/dev/null 2>&1; then
    curl --proto "$proto" -fsSL "$1" -o "$2"
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

[ -d "$dest/kh" ] && die "$dest/kh là một thư mục: không ghi đè / $dest/kh is a folder, not replaced"

say "Đang tải $archive từ $base …"
fetch "$base/$archive" "$tmp/$archive"
case "$pinned" in
  __*)
    # A clone's installer carries no hash: the server's, with a warning.
    fetch "$base/$archive.sha256" "$tmp/$archive.sha256"
    expected=$(cut -d' ' -f1 < "$tmp/$archive.sha256")
    say "Lưu ý: bộ cài này không mang sẵn SHA-256 của bản phát hành; dùng tệp .sha256 của máy chủ / note: unpinned installer, trusting the server's checksum" ;;
  *) expected=$pinned ;;
esac
actual=$(sha256 "$tmp/$archive")
[ "$expected" = "$actual" ] || die "tệp tải về không khớp SHA-256 của bản phát hành (hỏng hoặc bị thay): không cài / checksum mismatch, not installed"

tar -xJf "$tmp/$archive" -C "$tmp" || die "không giải nén được $archive / cannot unpack $archive"
[ -f "$tmp/kh-$target/kh" ] || die "$archive không có tệp kh: không cài / $archive holds no kh binary, not installed"
"$tmp/kh-$target/kh" --version >/dev/null 2>&1 || die "kh trong $archive không chạy được trên máy này / the kh in $archive does not run here"
mkdir -p "$dest"
cp "$tmp/kh-$target/kh" "$dest/kh.new"
chmod 755 "$dest/kh.new"
mv "$dest/kh.new" "$dest/kh"
say "Đã cài kh vào $dest/kh ($("$dest/kh" --version))"
case ":$PATH:" in
  *":$dest:"*)
    found=$(command -v kh 2>/dev/null || true)
    if [ -n "$found" ] && [ "$found" != "$dest/kh" ]; then
      say "Lưu ý: $found đứng trước trong PATH và vẫn được chạy khi gõ kh; xóa nó hoặc đưa $dest lên trước / note: $found comes first on PATH and still runs"
    fi ;;
  *) say "Thêm $dest vào PATH để gõ kh ở mọi nơi / add $dest to PATH" ;;
esac
