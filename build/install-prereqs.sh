#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for Gongkai's tests: the tools the tests drive for real.
#   poppler-utils           pdftotext / pdftoppm: reading PDF reports, checking rendered pages
#   libreoffice-writer-nogui soffice: proves the DOCX opens in LibreOffice, makes PDF samples
#   fonts-noto-cjk          Chinese fonts for LibreOffice and the browser
#   fonts-arphic-gbsn00lp, fonts-arphic-gkai00mp  TrueType Chinese fonts PDFsharp embeds in notices' PDFs (docs/adr/0010)
#   postgresql              a real PostgreSQL server for the data tests (started privately by the tests)
#   chromium                Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium)
# Usage: build/install-prereqs.sh [--check]   (--check lists what is missing and exits 1 if anything is)
set -euo pipefail

packages=(poppler-utils libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp postgresql chromium)
commands=(pdftotext soffice fc-list /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf /usr/lib/postgresql/*/bin/initdb /usr/bin/chromium)

missing=()
for i in "${!packages[@]}"; do
  if [ "${packages[$i]}" = fonts-noto-cjk ]; then
    # grep without -q: an early exit would SIGPIPE fc-list and, under pipefail, report the fonts missing.
    fc-list 2>/dev/null | grep -i "Noto Serif CJK\|Noto Sans CJK" >/dev/null || missing+=("${packages[$i]}")
  else
    # shellcheck disable=SC2086
    compgen -G ${commands[$i]} >/dev/null 2>&1 || command -v "${commands[$i]}" >/dev/null 2>&1 || missing+=("${packages[$i]}")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "missing Debian packages: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Gongkai's tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
