// Scratch scorer for fact extraction (issue 3): runs the pipeline on each corpus file and compares
// result.facts with the gold facts, by the matching rule of the project's eval. Usage:
//   npx tsx scripts/_facts-score.ts [-v]     (-v lists every miss and every extra fact)
import { readFileSync, readdirSync } from 'node:fs';
import { processFile } from '../pipelines/whitepaper-ja.ts';
import type { Fact } from '../src/types.ts';

interface GoldFact {
  kind: string;
  control: string;
  value: string | number | boolean | null;
  negated?: boolean;
  unit?: string | null;
  frequency?: string | null;
  subject?: string | null;
  bound?: string | null;
  key_management?: string | null;
  timezone?: string | null;
  third_party?: boolean | null;
  note?: string;
}

const ATTRS: readonly (readonly [keyof GoldFact, keyof Fact])[] = [
  ['unit', 'unit'], ['frequency', 'frequency'], ['subject', 'subject'], ['bound', 'bound'],
  ['key_management', 'keyManagement'], ['timezone', 'timezone'], ['third_party', 'thirdParty'],
];

function matches(f: Fact, g: GoldFact): boolean {
  if (f.kind !== g.kind || f.controlId !== g.control) return false;
  if (f.value !== (g.value === null ? null : String(g.value))) return false;
  if (f.negated !== (g.negated ?? false)) return false;
  for (const [ga, fa] of ATTRS) if (ga in g && (g[ga] ?? null) !== (f[fa] ?? null)) return false;
  return true;
}

const show = (f: Fact) =>
  `${f.controlId} ${f.kind}=${JSON.stringify(f.value)}${f.negated ? ' NEG' : ''}` +
  ATTRS.map(([, fa]) => (f[fa] !== null && fa !== 'thirdParty' ? ` ${fa}=${f[fa]}` : fa === 'thirdParty' && f[fa] !== null ? ` thirdParty=${f[fa]}` : '')).join('') +
  `  «${f.evidence.slice(0, 60)}» p${f.page}`;
const showGold = (g: GoldFact) => JSON.stringify({ ...g, note: undefined });

const verbose = process.argv.includes('-v');
const perKind = new Map<string, { tp: number; ex: number; gold: number }>();
const bump = (k: string, f: 'tp' | 'ex' | 'gold') => {
  const c = perKind.get(k) ?? { tp: 0, ex: 0, gold: 0 };
  c[f]++;
  perKind.set(k, c);
};
const started = Date.now();
for (const file of readdirSync('corpus').sort()) {
  const gold = JSON.parse(readFileSync(`test/gold/${file.replace(/\.txt$/, '.json')}`, 'utf8')) as { facts: GoldFact[] };
  const result = await processFile(`corpus/${file}`, readFileSync(`corpus/${file}`));
  const unused = new Set(result.facts);
  const misses: GoldFact[] = [];
  for (const g of gold.facts) {
    bump(g.kind, 'gold');
    const hit = [...unused].find((f) => matches(f, g));
    if (hit) {
      unused.delete(hit);
      bump(g.kind, 'tp');
    } else misses.push(g);
  }
  for (const f of result.facts) bump(f.kind, 'ex');
  console.log(`${file}: ${gold.facts.length - misses.length}/${gold.facts.length} gold found, ${unused.size} extra`);
  if (verbose) {
    for (const g of misses) console.log(`  - ${showGold(g)}`);
    for (const f of unused) console.log(`  + ${show(f)}`);
  }
}
const prf = (c: { tp: number; ex: number; gold: number }) => {
  const p = c.ex ? c.tp / c.ex : c.gold ? 0 : 1;
  const r = c.gold ? c.tp / c.gold : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (n: number) => n.toFixed(3);
const total = { tp: 0, ex: 0, gold: 0 };
console.log(`\n${'kind'.padEnd(26)}  P      R      F1     (tp/extracted/gold)`);
for (const [k, c] of [...perKind].sort()) {
  const s = prf(c);
  total.tp += c.tp;
  total.ex += c.ex;
  total.gold += c.gold;
  console.log(`${k.padEnd(26)}  ${fmt(s.p)}  ${fmt(s.r)}  ${fmt(s.f1)}  (${c.tp}/${c.ex}/${c.gold})`);
}
const t = prf(total);
console.log(`${'TOTAL'.padEnd(26)}  ${fmt(t.p)}  ${fmt(t.r)}  ${fmt(t.f1)}  (${total.tp}/${total.ex}/${total.gold})  ${Date.now() - started} ms`);
