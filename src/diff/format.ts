// Printing a Diff: short and readable on a terminal (colour only when asked for), or as JSON.
import { ATTRIBUTES } from '../facts/attributes.ts';
import { describeDocument } from './load.ts';
import { identityOf, isEmpty, type Diff, type DocumentInfo, type FactChange, type FactRow, type SectionRef } from './compare.ts';
import { changedSpans, clip, sentences, type Hunk } from './text.ts';

export interface Style {
  added: (s: string) => string;
  removed: (s: string) => string;
  changed: (s: string) => string;
  /** The differing part inside a changed sentence. */
  mark: (s: string) => string;
  heading: (s: string) => string;
  dim: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => (s ? `\x1b[${open}m${s}\x1b[${close}m` : s);
const plain = (s: string) => s;

export const COLOUR: Style = {
  added: sgr(32, 39),
  removed: sgr(31, 39),
  changed: sgr(33, 39),
  mark: sgr(7, 27),
  heading: sgr(1, 22),
  dim: sgr(2, 22),
};

export const PLAIN: Style = { added: plain, removed: plain, changed: plain, mark: plain, heading: plain, dim: plain };

/** Longest sentence shown whole; longer ones are cut (the JSON has them whole). */
const SENTENCE_MAX = 100;

function edition(d: DocumentInfo): string {
  return [d.version ? `第${d.version}版` : '(edition unknown)', d.published].filter(Boolean).join(' ');
}

const section = (s: { control_id: string | null; heading: string }) => (s.control_id ? `${s.control_id} ${s.heading}` : s.heading);

/** A fact's value and the qualifiers that are set: `3`, `null (negated)`, `1.2 (min)`, `30 (business_day, max)`. */
export function factValue(f: FactRow): string {
  // The attributes the kind declares, but for its identity (already in factLabel) and the defaults (day, exact).
  const shown = ATTRIBUTES.filter((a) => !identityOf(f.kind).includes(a.column));
  const qualifiers = [
    f.negated ? 'negated' : null,
    ...shown.map((a) => {
      const v = f[a.column];
      if (v === null || v === false || (a.column === 'bound' && v === 'exact') || (a.column === 'unit' && v === 'day')) return null;
      return a.type === 'boolean' ? a.name.en : String(v);
    }),
  ].filter((q): q is string => q !== null);
  return `${f.value ?? 'null'}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`;
}

/** Control, kind and what identifies the fact besides its value: `12.3.1 backup_generations daily`. */
export function factLabel(f: FactRow): string {
  const identity = identityOf(f.kind)
    .filter((a) => a !== 'value')
    .map((a) => f[a])
    .filter((v) => v !== null && v !== undefined);
  return [f.control_id ?? '(no control)', f.kind, ...identity].join(' ');
}

/** `12.3.1 backup_generations daily 3 → 7` */
export const factChange = (c: FactChange) => `${factLabel(c.new)} ${factValue(c.old)} → ${factValue(c.new)}`;

/**
 * A hunk's removed sentences, then its added ones. The i-th removed and i-th added sentence are
 * taken as one sentence rewritten: their shared beginning and end are cut short, the part that
 * differs is marked.
 */
function hunkLines(h: Hunk, st: Style): string[] {
  const removed = h.removed.map((s) => clip(s, SENTENCE_MAX));
  const added = h.added.map((s) => clip(s, SENTENCE_MAX));
  for (let i = 0; i < Math.min(h.removed.length, h.added.length); i++) {
    const [x, y] = changedSpans(h.removed[i]!, h.added[i]!);
    removed[i] = `${x.before}${st.mark(clip(x.changed, SENTENCE_MAX))}${x.after}`;
    added[i] = `${y.before}${st.mark(clip(y.changed, SENTENCE_MAX))}${y.after}`;
  }
  return [...removed.map((s) => st.removed(`      - ${s}`)), ...added.map((s) => st.added(`      + ${s}`))];
}

const firstSentence = (s: SectionRef) => clip(sentences(s.body)[0]?.text ?? '', 60);

export function formatText(d: Diff, st: Style = PLAIN): string {
  const out: string[] = [];
  const sameName = d.old.vendor === d.new.vendor && d.old.title === d.new.title;
  const name = (doc: DocumentInfo) => [doc.vendor ?? '(vendor unknown)', doc.title].filter(Boolean).join(' ');
  out.push(st.heading(sameName ? `${name(d.new)}: ${edition(d.old)} → ${edition(d.new)}` : `${name(d.old)} → ${name(d.new)}`));
  out.push(st.dim(`  old ${describeDocument(d.old)}`));
  out.push(st.dim(`  new ${describeDocument(d.new)}`));
  if (d.same_family === false) out.push(`  note: these are not editions of the same whitepaper (different families)`);

  if (d.services.added.length || d.services.removed.length) {
    out.push('', st.heading('services in scope'));
    for (const s of d.services.removed) out.push(st.removed(`  - ${s}`));
    for (const s of d.services.added) out.push(st.added(`  + ${s}`));
  }

  const r = d.revisions;
  if (r.added.length || r.removed.length) {
    const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`);
    const parts = [r.added.length ? `${rows(r.added.length)} added` : null, r.removed.length ? `${rows(r.removed.length)} no longer listed` : null];
    out.push('', st.heading(`revision history: ${parts.filter(Boolean).join(', ')}`));
    const row = (x: (typeof r.added)[number]) => [x.version === '初版' ? x.version : `第${x.version}版`, x.date ?? '', x.description].filter(Boolean).join('  ');
    for (const x of r.removed) out.push(st.removed(`  - ${row(x)}`));
    for (const x of r.added) out.push(st.added(`  + ${row(x)}`));
  }

  const s = d.sections;
  if (s.added.length || s.removed.length || s.changed.length) {
    out.push('', st.heading(`sections: ${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed`));
    for (const x of s.removed) out.push(st.removed(`  - ${section(x)}`));
    for (const x of s.added) {
      out.push(st.added(`  + ${section(x)}`));
      const first = firstSentence(x);
      if (first) out.push(st.dim(`      ${first}`));
    }
    for (const c of s.changed) {
      out.push(st.changed(`  ~ ${section(c)}${c.old_heading !== null ? ` (was: ${c.old_heading})` : ''}`));
      for (const h of c.hunks) out.push(...hunkLines(h, st));
    }
  }

  const f = d.facts;
  if (f.added.length || f.removed.length || f.changed.length) {
    out.push('', st.heading(`facts: ${f.added.length} added, ${f.removed.length} removed, ${f.changed.length} changed`));
    for (const x of f.removed) out.push(st.removed(`  - ${factLabel(x)} ${factValue(x)}`));
    for (const x of f.added) out.push(st.added(`  + ${factLabel(x)} ${factValue(x)}`));
    for (const c of f.changed) out.push(st.changed(`  ~ ${factChange(c)}`));
  }

  if (isEmpty(d)) out.push('', 'no differences in sections, facts, services or revision history');
  return `${out.join('\n')}\n`;
}
