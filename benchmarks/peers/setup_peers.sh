#!/usr/bin/env bash
# Install the peers postguard is measured against, each in its own virtualenv under
# benchmarks/out/peers/ (git-ignored). Never a project dependency; not part of `make test`.
# Run by hand:   bash benchmarks/peers/setup_peers.sh
# Written by the postguard project.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="$REPO/benchmarks/out/peers"
PY="${PYTHON:-python3}"

# Pinned so that every run of the comparison measures the same peer versions.
PRESIDIO_ANALYZER="presidio-analyzer==2.2.366"
PRESIDIO_IMAGE="presidio-image-redactor==0.0.62"
BETTER_PROFANITY="better-profanity==0.7.0"
GLIN_PROFANITY="glin-profanity==4.1.0"
ALT_PROFANITY_CHECK="alt-profanity-check==1.9.1"

mkdir -p "$OUT"

make_venv() {  # name, packages...
  local name="$1"; shift
  if [ ! -x "$OUT/$name/bin/python" ]; then
    "$PY" -m venv "$OUT/$name"
  fi
  "$OUT/$name/bin/pip" install -q "$@"
  echo "peers: $name ready ($*)"
}

# Presidio: analyzer and image redactor (the redactor needs tesseract, a system package that
# postguard's own image pipeline needs too; scripts/setup.sh installs it).
make_venv presidio "$PRESIDIO_ANALYZER" "$PRESIDIO_IMAGE"
# A blank English spaCy pipeline on disk: Presidio runs offline only when given a path
# (no pretrained English pipeline can be downloaded here).
"$OUT/presidio/bin/python" - "$OUT/spacy_blank_en" <<'PYEOF'
import sys
import spacy
spacy.blank("en").to_disk(sys.argv[1])
print(f"peers: blank spaCy pipeline at {sys.argv[1]}")
PYEOF

make_venv better_profanity "$BETTER_PROFANITY"
make_venv glin_profanity "$GLIN_PROFANITY"
# A linear model trained on Davidson et al.'s tweets: compared with postguard on OLID only
# (benchmarks/peers/run_olid.py).
make_venv alt_profanity_check "$ALT_PROFANITY_CHECK"

if ! command -v tesseract >/dev/null; then
  echo "peers: tesseract is missing: the Presidio image redactor row cannot run" \
       "(apt-get install -y tesseract-ocr tesseract-ocr-eng)" >&2
fi
echo "peers: done; run: .venv/bin/python benchmarks/peers/compare.py"
