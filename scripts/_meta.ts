import { readFileSync, readdirSync } from 'node:fs';
import { extractText } from '../src/extract/text.ts';
import { normalizeChars } from '../src/normalize/characters.ts';
import { extractMetadata } from '../src/segment/metadata.ts';
for (const f of readdirSync('corpus')) {
  const ex = extractText(readFileSync('corpus/' + f));
  const lines = ex.lines.map(l => ({ ...l, text: normalizeChars(l.text).trim() }));
  const m = extractMetadata(lines);
  const g = JSON.parse(readFileSync('test/gold/' + f.replace('.txt', '.json'), 'utf8'));
  console.log(f, JSON.stringify({v:m.vendor,t:m.title,s:m.services,ver:m.version,p:m.published,r:m.revisions.map(r=>[r.version,r.date])}));
  console.log('  gold', JSON.stringify({v:g.vendor,s:g.services,ver:g.version,p:g.published,r:g.revisions}));
}
