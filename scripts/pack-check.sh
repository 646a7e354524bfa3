#!/usr/bin/env bash
# What a newcomer does with the package: `npm pack`, then, in an empty folder, `npm install
# --omit=dev` of the tarball (production dependencies only), and `hakusho run` on corpus/ and a
# PDF. Fails unless every file is stored and the database answers. About a minute: better-sqlite3
# compiles. CI runs it (.ci/run); `scripts/pack-check.sh` by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm pack --silent --pack-destination "$work" >/dev/null
mkdir "$work/app"
cd "$work/app"
npm install --omit=dev --no-audit --no-fund "$work"/hakusho-*.tgz >/dev/null 2>"$work/install.log" || { cat "$work/install.log" >&2; exit 1; }
for dev in tsx typescript esbuild vitest; do
  if [ -e "node_modules/$dev" ]; then echo "pack-check: the development dependency $dev was installed" >&2; exit 1; fi
done
cp -r "$ROOT/corpus" in
cp "$ROOT/test/fixtures/pdf/001_54f9b4840afe051d.pdf" in/
npx hakusho --version
summary="$(npx hakusho run in --json 2>/dev/null)"
echo "$summary"
node -e '
  const s = JSON.parse(process.argv[1]);
  if (s.stored.length !== 6 || s.failed.length !== 0) { console.error("pack-check: expected 6 stored and none failed"); process.exit(1); }
' "$summary"
npx hakusho query "SELECT format, count(DISTINCT d.id) AS documents, count(f.id) AS facts FROM documents d LEFT JOIN facts f ON f.document_id = d.id GROUP BY format"
echo "pack-check: the packed hakusho installs with production dependencies only and runs corpus/ and a PDF"
