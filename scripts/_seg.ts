import { readFileSync, readdirSync } from 'node:fs';
import { extractText } from '../src/extract/text.ts';
import { normalizeChars } from '../src/normalize/characters.ts';
import { segment } from '../src/segment/sections.ts';
for (const f of readdirSync('corpus')) {
  const ex = extractText(readFileSync('corpus/' + f));
  const lines = ex.lines.map(l => ({ ...l, text: normalizeChars(l.text).trim() }));
  const secs = segment(lines);
  const gold = JSON.parse(readFileSync('test/gold/' + f.replace('.txt', '.json'), 'utf8'));
  console.log(f, secs.length, gold.sections.length);
  const n = Math.max(secs.length, gold.sections.length);
  for (let i = 0; i < n; i++) {
    const s = secs[i], g = gold.sections[i];
    const st = s ? s.body.replace(/\s+/g, '').replace(/[\[\]()<>*#]/g, '') : '';
    const gs = g ? g.starts.replace(/[\[\]()<>*#]/g, '').slice(0, 8) : '';
    const ok = s && g && s.controlId === g.control && st.startsWith(gs) && (s.iso27001_2022 ?? null) === g.iso27001_2022;
    if (!ok) console.log('  X', i, s?.controlId, s?.heading, JSON.stringify(st.slice(0, 15)), s?.iso27001_2022, '| gold', g?.control, g?.starts, g?.iso27001_2022);
  }
}
