#!/usr/bin/env bash
# Regenerates the pictures of the documents in docs/: the first page of a
# form from the unit with the longest name, of the Chairman's list, of a
# letter, and of the printed workbook, each as LibreOffice prints it.
# Needs soffice and pdftoppm (poppler-utils); run from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -q
kh=target/debug/kh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
round=examples/submissions

"$kh" export forms "$round" --out "$work/forms" >/dev/null
"$kh" export list "$round" --out "$work/list.docx" --to-trinh 123/TTr-SNV --to-trinh-date 25/10/2023 >/dev/null
"$kh" export letters examples/broken --out "$work/letters" >/dev/null
"$kh" export xlsx "$round" --out "$work/tong-hop.xlsx" >/dev/null

# The form of the unit with the longest name (its header breaks over lines).
form=$(find "$work/forms/so-nong-nghiep" -name '*.docx' | sort | head -1)
letter=$(find "$work/letters" -name '*.docx' | sort | head -1)

picture() { # source.docx|xlsx → docs/NAME.png, its first page
  local src=$1 name=$2
  soffice -env:UserInstallation="file://$work/profile" --headless \
    --convert-to pdf --outdir "$work" "$src" >/dev/null 2>&1
  local pdf="$work/$(basename "${src%.*}").pdf"
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$pdf" "docs/$name"
  echo "docs/$name.png"
}
picture "$form" form
picture "$work/list.docx" list
picture "$letter" letter
picture "$work/tong-hop.xlsx" workbook
