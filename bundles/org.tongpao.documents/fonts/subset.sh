#!/usr/bin/env bash
# Rebuilds src/main/resources/org/tongpao/documents/fonts/NotoSansSC-Regular-GB2312.ttf, the CJK font every
# document embeds (as a per-document subset). Source: the npm package @expo-google-fonts/noto-sans-sc (Noto Sans SC,
# static TrueType outlines, SIL Open Font License 1.1); no Maven artifact carries a CJK TrueType font (see README).
# Kept: ASCII, Latin-1, general punctuation, arrows, CJK symbols and punctuation, full-width forms and the 7,445
# characters of GB 2312 (every hanzi of level 1 and 2). Needs npm and Python 3 (fontTools); not part of the build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
python3 -m venv venv && venv/bin/pip install -q fonttools
venv/bin/python - <<'PY'
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
open('gb2312.txt', 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
venv/bin/pyftsubset package/400Regular/NotoSansSC_400Regular.ttf --text-file=gb2312.txt \
    --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+3000-303F,U+FF00-FFEF" \
    --layout-features='*' --no-hinting --desubroutinize --output-file=NotoSansSC-Regular-GB2312.ttf
cp NotoSansSC-Regular-GB2312.ttf "$here/../src/main/resources/org/tongpao/documents/fonts/"
