// Scoring a database against the gold files; used by scripts/eval.ts and by the end-to-end tests.
import type Database from 'better-sqlite3';
import { ATTRIBUTES, attributeSelect, readAttributes, type AttributeColumns } from '../src/facts/attributes.ts';
import type { FactColumns } from '../src/store/rows.ts';

/** A fact as the gold files write it: the registry's attributes under their column names. */
export type GoldFact = Partial<AttributeColumns> & {
  kind: string;
  control: string | null;
  value: string | number | boolean | null;
  negated?: boolean;
};

export interface Gold {
  file: string;
  vendor: string;
  services: string[];
  version: string;
  published: string;
  revisions: [string, string][];
  sections: { control: string; starts: string; iso27001_2022: string | null }[];
  facts: GoldFact[];
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
  tp: number;
  extracted: number;
  gold: number;
}

export interface DocumentScores {
  file: string;
  sections: PRF;
  starts: number;
  mapping: number;
  metadata: number;
  metadataMisses: string[];
  facts: PRF;
  /** Facts matched on everything but their control: what fact reading gets right whatever the segmenter did. */
  factsAnyControl: PRF;
}

export interface Scores {
  documents: DocumentScores[];
  total: { sections: PRF; starts: number; mapping: number; metadata: number; facts: PRF; factsAnyControl: PRF };
  factsByKind: Record<string, PRF>;
  misses: string[];
}

export function prf(tp: number, extracted: number, gold: number): PRF {
  const p = extracted === 0 ? (gold === 0 ? 1 : 0) : tp / extracted;
  const r = gold === 0 ? 1 : tp / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, tp, extracted, gold };
}

/** README of the gold: NFKC, whitespace and Markdown marks dropped, first 8 characters. */
export function startKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[[\]()<>*#]/g, '').slice(0, 8);
}

type FactRow = FactColumns & { negated: number };

/** The attributes a gold fact may state: the registry's (src/facts/attributes.ts). */
const ATTRS = ATTRIBUTES;

function goldValue(v: GoldFact['value']): string | null {
  return v === null ? null : String(v);
}

function matches(row: FactRow, g: GoldFact, anyControl = false): boolean {
  if (row.kind !== g.kind || (!anyControl && row.control_id !== g.control)) return false;
  if (row.value !== goldValue(g.value)) return false;
  if (Boolean(row.negated) !== Boolean(g.negated ?? false)) return false;
  const have = readAttributes(row);
  for (const { column } of ATTRS) {
    if (!(column in g)) continue;
    if (((g as unknown as Record<string, unknown>)[column] ?? null) !== (have[column] ?? null)) return false;
  }
  return true;
}

function describe(f: { kind: string; control: string | null; value: unknown; negated?: unknown }, rest: Record<string, unknown>): string {
  const attrs = Object.entries(rest)
    .filter(([k, v]) => ATTRS.some((a) => a.column === k) && v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${f.control} ${f.kind} ${JSON.stringify(f.value)}${f.negated ? ' negated' : ''}${attrs ? ` ${attrs}` : ''}`;
}

export function score(db: Database.Database, golds: Gold[], stemOf: (path: string) => string): Scores {
  const docs = db.prepare<[], { id: number; path: string; vendor: string | null; version: string | null; published: string | null }>(
    'SELECT id, path, vendor, version, published FROM documents',
  ).all();
  const byStem = new Map(docs.map((d) => [stemOf(d.path), d]));
  const documents: DocumentScores[] = [];
  const misses: string[] = [];
  const kindCounts: Record<string, { tp: number; extracted: number; gold: number }> = {};
  const bump = (kind: string, key: 'tp' | 'extracted' | 'gold') => {
    kindCounts[kind] ??= { tp: 0, extracted: 0, gold: 0 };
    kindCounts[kind][key]++;
  };
  const totals = { secTp: 0, secEx: 0, secGold: 0, starts: 0, mapping: 0, metaOk: 0, metaAll: 0, factTp: 0, factEx: 0, factGold: 0, looseTp: 0 };

  for (const gold of golds) {
    const stem = gold.file.replace(/\.[^.]+$/, '');
    const doc = byStem.get(stem);
    const sections = doc
      ? db.prepare<[number], { control_id: string | null; body: string; iso27001_2022: string | null }>(
          'SELECT control_id, body, iso27001_2022 FROM sections WHERE document_id = ? AND control_id IS NOT NULL ORDER BY ord',
        ).all(doc.id)
      : [];
    // Sections: multiset of control ids; starts and mapping: k-th occurrence of an id against the k-th in the gold.
    const pool = new Map<string, typeof sections>();
    for (const s of sections) pool.set(s.control_id!, [...(pool.get(s.control_id!) ?? []), s]);
    let tp = 0;
    let starts = 0;
    let mapping = 0;
    for (const g of gold.sections) {
      const s = pool.get(g.control)?.shift();
      if (!s) {
        misses.push(`- ${stem} section ${g.control}`);
        continue;
      }
      tp++;
      if (startKey(s.body) === startKey(g.starts)) starts++;
      else misses.push(`~ ${stem} section ${g.control} starts ${JSON.stringify(startKey(s.body))}, gold ${JSON.stringify(startKey(g.starts))}`);
      if ((s.iso27001_2022 ?? null) === g.iso27001_2022) mapping++;
      else misses.push(`~ ${stem} section ${g.control} iso27001_2022 ${s.iso27001_2022}, gold ${g.iso27001_2022}`);
    }
    for (const [id, rest] of pool) for (const _ of rest) misses.push(`+ ${stem} section ${id}`);

    // Metadata: five fields, each right or wrong.
    const metaMisses: string[] = [];
    const services = doc ? db.prepare<[number], { name: string }>('SELECT name FROM services WHERE document_id = ? ORDER BY ord').all(doc.id).map((r) => r.name) : [];
    const revisions = doc
      ? db.prepare<[number], { version: string; date: string | null }>('SELECT version, date FROM revisions WHERE document_id = ? ORDER BY ord').all(doc.id).map((r) => [r.version, r.date])
      : [];
    const fields: [string, unknown, unknown][] = [
      ['vendor', doc?.vendor ?? null, gold.vendor],
      ['services', services, gold.services],
      ['version', doc?.version ?? null, gold.version],
      ['published', doc?.published ?? null, gold.published],
      ['revisions', revisions, gold.revisions],
    ];
    let metaOk = 0;
    for (const [name, have, want] of fields) {
      if (JSON.stringify(have) === JSON.stringify(want)) metaOk++;
      else metaMisses.push(`${name}: ${JSON.stringify(have)}, gold ${JSON.stringify(want)}`);
    }

    // Facts: each gold fact matches at most one extracted fact.
    const rows = doc
      ? db.prepare<[number], FactRow>(
          `SELECT kind, control_id, value, negated, ${attributeSelect('facts')} FROM facts WHERE document_id = ? ORDER BY id`,
        ).all(doc.id)
      : [];
    const unused = [...rows];
    let factTp = 0;
    for (const g of gold.facts) {
      bump(g.kind, 'gold');
      const i = unused.findIndex((r) => matches(r, g));
      if (i === -1) {
        misses.push(`- ${stem} fact ${describe(g, g as unknown as Record<string, unknown>)}`);
        continue;
      }
      unused.splice(i, 1);
      factTp++;
      bump(g.kind, 'tp');
    }
    for (const r of rows) bump(r.kind, 'extracted');
    const loose = [...rows];
    let looseTp = 0;
    for (const g of gold.facts) {
      const i = loose.findIndex((r) => matches(r, g, true));
      if (i !== -1) loose.splice(i, 1), looseTp++;
    }
    for (const r of unused) {
      misses.push(`+ ${stem} fact ${describe({ kind: r.kind, control: r.control_id, value: r.value, negated: r.negated }, r as unknown as Record<string, unknown>)}`);
    }

    documents.push({
      file: stem,
      sections: prf(tp, sections.length, gold.sections.length),
      starts: gold.sections.length ? starts / gold.sections.length : 1,
      mapping: gold.sections.length ? mapping / gold.sections.length : 1,
      metadata: metaOk / fields.length,
      metadataMisses: metaMisses,
      facts: prf(factTp, rows.length, gold.facts.length),
      factsAnyControl: prf(looseTp, rows.length, gold.facts.length),
    });
    totals.looseTp += looseTp;
    totals.secTp += tp;
    totals.secEx += sections.length;
    totals.secGold += gold.sections.length;
    totals.starts += starts;
    totals.mapping += mapping;
    totals.metaOk += metaOk;
    totals.metaAll += fields.length;
    totals.factTp += factTp;
    totals.factEx += rows.length;
    totals.factGold += gold.facts.length;
  }

  const factsByKind: Record<string, PRF> = {};
  for (const [kind, c] of Object.entries(kindCounts).sort()) factsByKind[kind] = prf(c.tp, c.extracted, c.gold);
  return {
    documents,
    total: {
      sections: prf(totals.secTp, totals.secEx, totals.secGold),
      starts: totals.secGold ? totals.starts / totals.secGold : 1,
      mapping: totals.secGold ? totals.mapping / totals.secGold : 1,
      metadata: totals.metaAll ? totals.metaOk / totals.metaAll : 1,
      facts: prf(totals.factTp, totals.factEx, totals.factGold),
      factsAnyControl: prf(totals.looseTp, totals.factEx, totals.factGold),
    },
    factsByKind,
    misses,
  };
}
