// What changed between two editions of a whitepaper: pure functions over the rows of two
// stored documents (load.ts reads them), so the matching rules are tested without a pipeline.
import { ATTRIBUTE_COLUMNS, type AttributeColumn, type AttributeColumns } from '../facts/attributes.ts';
import '../facts/kinds/all.ts';
import { kindOf } from '../facts/registry.ts';
import type { DocumentColumns } from '../store/rows.ts';
import { diffSentences, normalizeSpace, type Hunk } from './text.ts';

export interface DocumentInfo extends DocumentColumns {
  /** null when the database predates families (schema version < 3). */
  family_id: number | null;
  services: string[];
}

export interface SectionRow {
  id: number;
  ord: number;
  control_id: string | null;
  heading: string;
  body: string;
}

export type FactAttribute = 'value' | 'negated' | AttributeColumn;
/** The attributes of a fact that a change can touch (evidence and page are where, not what): the registry's, with value and denial. */
export const FACT_ATTRIBUTES: readonly FactAttribute[] = ['value', ...ATTRIBUTE_COLUMNS, 'negated'];

export type FactRow = AttributeColumns & {
  id: number;
  /** null for a fact outside any section. */
  section_id: number | null;
  /** Order of the fact's section in its document (-1 outside any section). */
  section_ord: number;
  control_id: string | null;
  kind: string;
  value: string | null;
  negated: boolean;
  evidence: string;
  page: number | null;
};

export interface RevisionRow {
  version: string;
  date: string | null;
  description: string;
}

export interface Edition {
  document: DocumentInfo;
  sections: SectionRow[];
  facts: FactRow[];
  revisions: RevisionRow[];
}

/**
 * What tells two facts of one kind in one control apart, so that the same fact is found in both
 * editions: each kind declares it (src/facts/registry.ts); a kind the registry does not know is
 * identified by value.
 */
export const identityOf = (kind: string): readonly FactAttribute[] => kindOf(kind)?.identity ?? ['value'];

export interface SectionRef {
  control_id: string | null;
  /** 0 for the first section with this control id in the document, 1 for the second… */
  occurrence: number;
  heading: string;
  ord: number;
  section_id: number;
  body: string;
}

export interface SectionChange {
  control_id: string | null;
  occurrence: number;
  heading: string;
  /** Set when the heading itself changed. */
  old_heading: string | null;
  old_section_id: number;
  new_section_id: number;
  old_ord: number;
  new_ord: number;
  /** The sentences that differ, run by run. */
  hunks: Hunk[];
}

export interface FactChange {
  control_id: string | null;
  kind: string;
  old: FactRow;
  new: FactRow;
  /** The attributes whose value differs. */
  changed: FactAttribute[];
}

export interface Diff {
  old: DocumentInfo;
  new: DocumentInfo;
  /** Both documents are editions of one whitepaper (null when the database has no families). */
  same_family: boolean | null;
  services: { added: string[]; removed: string[] };
  revisions: { added: RevisionRow[]; removed: RevisionRow[] };
  sections: { added: SectionRef[]; removed: SectionRef[]; changed: SectionChange[] };
  facts: { added: FactRow[]; removed: FactRow[]; changed: FactChange[] };
}

/**
 * Pairs items with equal keys, the k-th of a key in `a` with the k-th of that key in `b`;
 * returns the pairs (with the occurrence k) and what is left on each side, in input order.
 */
export function matchByKey<T>(a: readonly T[], b: readonly T[], key: (t: T) => string) {
  const rest = new Map<string, T[]>();
  for (const t of b) {
    const k = key(t);
    const list = rest.get(k) ?? [];
    list.push(t);
    rest.set(k, list);
  }
  const seen = new Map<string, number>();
  const pairs: { a: T; b: T; occurrence: number }[] = [];
  const onlyA: T[] = [];
  for (const t of a) {
    const k = key(t);
    const occurrence = seen.get(k) ?? 0;
    seen.set(k, occurrence + 1);
    const other = rest.get(k)?.shift();
    if (other === undefined) onlyA.push(t);
    else pairs.push({ a: t, b: other, occurrence });
  }
  const paired = new Set(pairs.map((p) => p.b));
  return { pairs, onlyA, onlyB: b.filter((t) => !paired.has(t)) };
}

const sectionKey = (s: SectionRow) => s.control_id ?? `heading:${normalizeSpace(s.heading)}`;

function withOccurrence(sections: readonly SectionRow[]): Map<SectionRow, number> {
  const count = new Map<string, number>();
  return new Map(
    sections.map((s) => {
      const n = count.get(sectionKey(s)) ?? 0;
      count.set(sectionKey(s), n + 1);
      return [s, n];
    }),
  );
}

export function diffSections(oldSections: readonly SectionRow[], newSections: readonly SectionRow[]): Diff['sections'] {
  const { pairs, onlyA, onlyB } = matchByKey(oldSections, newSections, sectionKey);
  const ref = (s: SectionRow, occurrence: number): SectionRef => ({
    control_id: s.control_id,
    occurrence,
    heading: s.heading,
    ord: s.ord,
    section_id: s.id,
    body: s.body,
  });
  const changed: SectionChange[] = [];
  for (const { a, b, occurrence } of pairs) {
    const headingChanged = normalizeSpace(a.heading) !== normalizeSpace(b.heading);
    if (!headingChanged && normalizeSpace(a.body) === normalizeSpace(b.body)) continue;
    changed.push({
      control_id: b.control_id,
      occurrence,
      heading: b.heading,
      old_heading: headingChanged ? a.heading : null,
      old_section_id: a.id,
      new_section_id: b.id,
      old_ord: a.ord,
      new_ord: b.ord,
      hunks: diffSentences(a.body, b.body),
    });
  }
  const oldOcc = withOccurrence(oldSections);
  const newOcc = withOccurrence(newSections);
  return {
    added: onlyB.map((s) => ref(s, newOcc.get(s)!)),
    removed: onlyA.map((s) => ref(s, oldOcc.get(s)!)),
    changed: changed.sort((x, y) => x.new_ord - y.new_ord),
  };
}

const factKey = (f: FactRow) => JSON.stringify([f.control_id, f.kind, ...identityOf(f.kind).map((a) => f[a])]);
const changedAttributes = (a: FactRow, b: FactRow) => FACT_ATTRIBUTES.filter((k) => a[k] !== b[k]);

/**
 * Facts are matched by control, kind and identity (FACT_IDENTITY), occurrence by occurrence;
 * a matched pair whose attributes differ is a change. Then, in each control, a fact of a kind
 * left over on each side — exactly one old and one new — is a change too (「TLS を提供していません」
 * → 「TLS1.2 以上」 is the tls fact of 10.1.1 changing, not one removed and another added).
 */
export function diffFacts(oldFacts: readonly FactRow[], newFacts: readonly FactRow[]): Diff['facts'] {
  const first = matchByKey(oldFacts, newFacts, factKey);
  const changed: FactChange[] = [];
  const change = (a: FactRow, b: FactRow) => changed.push({ control_id: b.control_id, kind: b.kind, old: a, new: b, changed: changedAttributes(a, b) });
  for (const { a, b } of first.pairs) if (changedAttributes(a, b).length) change(a, b);

  const byControlKind = (f: FactRow) => JSON.stringify([f.control_id, f.kind]);
  const count = (list: readonly FactRow[]) => {
    const n = new Map<string, number>();
    for (const f of list) n.set(byControlKind(f), (n.get(byControlKind(f)) ?? 0) + 1);
    return n;
  };
  const oldLeft = count(first.onlyA);
  const newLeft = count(first.onlyB);
  const single = (f: FactRow) => oldLeft.get(byControlKind(f)) === 1 && newLeft.get(byControlKind(f)) === 1;
  const second = matchByKey(first.onlyA.filter(single), first.onlyB.filter(single), byControlKind);
  for (const { a, b } of second.pairs) change(a, b);
  const paired = new Set(second.pairs.flatMap((p) => [p.a, p.b]));

  const inOrder = (x: FactRow, y: FactRow) => x.section_ord - y.section_ord || x.id - y.id;
  return {
    added: first.onlyB.filter((f) => !paired.has(f)).sort(inOrder),
    removed: first.onlyA.filter((f) => !paired.has(f)).sort(inOrder),
    changed: changed.sort((x, y) => inOrder(x.new, y.new)),
  };
}

const revisionKey = (r: RevisionRow) => JSON.stringify([r.version, r.date, normalizeSpace(r.description)]);

/** Rows of the revision-history table that one edition has and the other does not. */
export function diffRevisions(oldRows: readonly RevisionRow[], newRows: readonly RevisionRow[]): Diff['revisions'] {
  const { onlyA, onlyB } = matchByKey(oldRows, newRows, revisionKey);
  return { added: onlyB, removed: onlyA };
}

export function diffEditions(a: Edition, b: Edition): Diff {
  const oldServices = new Set(a.document.services);
  const newServices = new Set(b.document.services);
  const families = a.document.family_id !== null && b.document.family_id !== null;
  return {
    old: a.document,
    new: b.document,
    same_family: families ? a.document.family_id === b.document.family_id : null,
    services: {
      added: b.document.services.filter((s) => !oldServices.has(s)),
      removed: a.document.services.filter((s) => !newServices.has(s)),
    },
    revisions: diffRevisions(a.revisions, b.revisions),
    sections: diffSections(a.sections, b.sections),
    facts: diffFacts(a.facts, b.facts),
  };
}

/** Nothing differs in content (the documents may still differ in bytes the pipeline does not keep). */
export function isEmpty(d: Diff): boolean {
  return [d.services.added, d.services.removed, d.revisions.added, d.revisions.removed, d.sections.added, d.sections.removed, d.sections.changed, d.facts.added, d.facts.removed, d.facts.changed].every(
    (l) => l.length === 0,
  );
}
