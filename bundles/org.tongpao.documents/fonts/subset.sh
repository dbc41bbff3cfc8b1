#!/usr/bin/env bash
# Rebuilds src/main/resources/org/tongpao/documents/fonts/NotoSansSC-Regular.ttf, the CJK font every
# document embeds (as a per-document subset). Source: the npm package @expo-google-fonts/noto-sans-sc (Noto Sans SC,
# static TrueType outlines, SIL Open Font License 1.1); no Maven artifact carries a CJK TrueType font (see README).
# Kept: ASCII, Latin-1, general punctuation, arrows, CJK radicals, symbols and punctuation, bopomofo, strokes, the CJK
# Unified Ideographs with extension A, the compatibility ideographs, what the font has of extensions B-F, and
# full-width forms: 30,000 hanzi, so rare names and places (镕, 喆, 浉) print (GB 2312's 7,445 did not). Only
# hinting is dropped. Needs npm and Python 3 with fontTools (Debian: python3-fonttools); not part of the build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
PY=python3
$PY -c 'import fontTools' 2>/dev/null || { python3 -m venv venv && venv/bin/pip install -q fonttools && PY=venv/bin/python; }
$PY -m fontTools.subset package/400Regular/NotoSansSC_400Regular.ttf \
    --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+2E80-2FDF,U+3000-303F,U+3100-312F,U+31C0-31EF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FF00-FFEF,U+20000-2FA1F" \
    --layout-features='*' --no-hinting --desubroutinize --output-file=NotoSansSC-Regular.ttf
cp NotoSansSC-Regular.ttf "$here/../src/main/resources/org/tongpao/documents/fonts/"
