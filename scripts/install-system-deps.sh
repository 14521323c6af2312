#!/usr/bin/env bash
# Debian packages the project needs, installed only when missing.
#   build: Pango, which WeasyPrint uses to render the pocket booklets
#   check: the above, plus Hunspell with Debian's Spanish dictionaries (spelling) and a Java
#          runtime (the Nu HTML Checker, vnu)
#   test:  the above, plus chromium (browser tests), poppler-utils (pdftoppm) and a fallback font
set -euo pipefail
what="${1:-test}"
need=()
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0)
dpkg -s libpangoft2-1.0-0 >/dev/null 2>&1 || need+=(libpangoft2-1.0-0)
if [ "$what" = "check" ] || [ "$what" = "test" ]; then
  command -v hunspell >/dev/null 2>&1 || need+=(hunspell)
  [ -f /usr/share/hunspell/es_MX.dic ] || need+=(hunspell-es)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
if [ "$what" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${need[*]}. Install them with your package manager." >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
