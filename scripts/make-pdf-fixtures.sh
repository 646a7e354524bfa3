#!/bin/sh
# Regenerates the extra PDF fixtures under test/fixtures/pdf-*/ (the five PDFs in
# test/fixtures/pdf/ are given, not made here). The fixtures are committed, so tests never run
# this; it needs Debian packages that CI does not install for them:
#   apt-get install -y python3-reportlab fonts-ipaexfont qpdf poppler-utils img2pdf chromium
# reportlab's output is byte-for-byte the same on every run (invariant mode); qpdf's AES-256
# salts and img2pdf's file ids are random, so those few files change bytes but not content.
set -eu
cd "$(dirname "$0")/.."

E=test/fixtures/pdf-errors
P=test/fixtures/pdf-producers
mkdir -p "$E" "$P"

# Other producers' renderings of the corpus, the layout sample and the hand-written PDFs.
/usr/bin/python3 scripts/make-pdf-fixtures.py

# Chromium embeds whole font subsets; recompressing saves about 100 kB.
qpdf --object-streams=generate --recompress-flate --compression-level=9 --replace-input "$P/003_a13703324aa8d91f.chromium.pdf"

BASE="$P/001_54f9b4840afe051d.cid-heisei.pdf"

# Not a PDF at all: random bytes with a .pdf name (seeded, so always the same bytes).
/usr/bin/python3 -c "import random; random.seed(27017); open('$E/random-bytes.pdf', 'wb').write(bytes(random.getrandbits(8) for _ in range(4096)))"
# A header and nothing else.
printf '%%PDF-1.7\n' > "$E/header-only.pdf"
# Cut off after 60 %: the cross-reference table, the trailer and the last pages are gone.
SIZE=$(wc -c < "$P/002_06e9b655fac815a7.cid-heisei.pdf")
head -c $((SIZE * 60 / 100)) "$P/002_06e9b655fac815a7.cid-heisei.pdf" > "$E/truncated.pdf"
# A broken startxref offset: readers rebuild the cross-reference table by scanning the file.
/usr/bin/python3 - "$BASE" "$E/broken-xref.pdf" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
i = data.rfind(b'startxref')
j = data.index(b'\n', i + len(b'startxref\n'))
open(sys.argv[2], 'wb').write(data[:i] + b'startxref\n' + b'9' * (j - i - len(b'startxref\n')) + data[j:])
PY

# Passwords: a user password is needed to open the first; the second has only an owner
# password (permissions), opens without one and must read normally.
qpdf --static-id --static-aes-iv --encrypt user owner 256 -- "$BASE" "$E/user-password.pdf"
qpdf --static-id --static-aes-iv --encrypt '' owner 256 --print=none --modify=none --extract=n -- \
  "$BASE" "$P/001_54f9b4840afe051d.owner-password.pdf"

# Every page turned a quarter (/Rotate 90): the text runs top to bottom on the displayed page.
qpdf --static-id --rotate=+90 "$BASE" "$P/001_54f9b4840afe051d.sideways.pdf"

# A scan: page images only, no text layer.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pdftoppm -r 50 -gray -f 1 -l 2 -png test/fixtures/pdf/001_54f9b4840afe051d.pdf "$TMP/scan"
img2pdf --nodate "$TMP"/scan-*.png -o "$E/scanned.pdf"
# A text PDF with one scanned page in the middle: that page has no characters.
qpdf --static-id --empty --pages "$BASE" 1-2 "$E/scanned.pdf" 1 "$BASE" 3-z -- "$E/with-empty-page.pdf"

# Real item arrays for the layout unit tests.
npx tsx scripts/make-pdf-fixtures.ts

du -ch test/fixtures/pdf-*/ | tail -1
