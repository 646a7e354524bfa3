// Document families: the editions of one whitepaper (same vendor, same title or same set of
// services, another edition or date), linked so that SQL can ask for the latest edition of each
// whitepaper and for the edition before a given one (views `editions` and `latest_editions`).
//
// The grouping rule is written once, here (`groupEditions`), and applied once (`regroupVendor`):
// the AfterStore hook below regroups one vendor's documents inside each document's write
// transaction (migration 3 backfilled older databases with a frozen copy of it). It joins documents through what they share (a title, a
// service under a title, a set of services) rather than comparing every pair: a vendor with
// hundreds of editions is regrouped in milliseconds (the pairwise SQL it replaces took 4.7 s
// for 300 editions, for every document stored).
import type { DB } from './db.ts';
import type { AfterStore } from './hooks.ts';

/** A title as compared between editions: no whitespace, ASCII lower case (the pipeline already applied NFKC). */
const normTitle = (col: string) =>
  `nullif(lower(replace(replace(replace(replace(trim(coalesce(${col}, '')), ' ', ''), char(9), ''), char(10), ''), char(13), '')), '')`;

/**
 * One vendor's documents, with what editions are compared by: the normalised title `t` and the
 * service list `sv` (distinct names in order, joined by U+001F; null when there are none).
 */
const EDITION_KEYS = `
  SELECT d.id, d.vendor, ${normTitle('d.title')} AS t,
    (SELECT group_concat(name, char(31))
       FROM (SELECT DISTINCT name FROM services s WHERE s.document_id = d.id ORDER BY name)) AS sv
  FROM documents d
  WHERE d.vendor = ?
  ORDER BY d.id
`;

export interface EditionKeys {
  id: number;
  vendor: string;
  t: string | null;
  sv: string | null;
}

export interface Component {
  id: number;
  /** The smallest document id of its family. */
  root: number;
  /** The family key of that root: vendor, title and services. */
  root_key: string;
}

/**
 * Families among documents (of any vendors): two documents of the same vendor are editions of
 * one whitepaper when
 * - their titles are equal and their service lists overlap (or either lists none), or
 * - their service lists are the same set, or
 * - neither has a title nor services;
 * families are the connected components of that relation, so an edition that shares its title
 * with one edition and its services with another joins all three. In document id order.
 */
export function groupEditions(docs: readonly EditionKeys[]): Component[] {
  const parent = new Map<number, number>(docs.map((d) => [d.id, d.id]));
  const root = (id: number): number => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  // Documents that share a key are related; the first one to hold a key stands for it.
  const holder = new Map<string, number>();
  const share = (key: string, id: number) => {
    const first = holder.get(key);
    if (first === undefined) holder.set(key, id);
    else join(first, id);
  };
  const SEP = '\u0000';
  // A title that some edition without services has joins every edition with that title.
  const openTitles = new Set(docs.filter((d) => d.t !== null && d.sv === null).map((d) => `${d.vendor}${SEP}${d.t}`));
  for (const d of docs) {
    const title = `${d.vendor}${SEP}${d.t}`;
    if (d.t !== null && openTitles.has(title)) share(`title${SEP}${title}`, d.id);
    if (d.t !== null && d.sv !== null) for (const name of d.sv.split('\u001f')) share(`service${SEP}${title}${SEP}${name}`, d.id);
    if (d.sv !== null) share(`services${SEP}${d.vendor}${SEP}${d.sv}`, d.id);
    if (d.t === null && d.sv === null) share(`bare${SEP}${d.vendor}`, d.id);
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  return docs.map((d) => {
    const r = byId.get(root(d.id))!;
    return { id: d.id, root: r.id, root_key: `${r.vendor}|${r.t ?? ''}|${(r.sv ?? '').replaceAll('\u001f', ',')}` };
  });
}

/** The key of a document without a vendor: nothing links it to another, so it is a family of its own. */
const soloKey = (sha256: string) => `sha256:${sha256}`;

function statements(db: DB) {
  return {
    doc: db.prepare<[number], { id: number; vendor: string | null; sha256: string; family_id: number | null; family_vendor: string | null }>(
      `SELECT d.id, d.vendor, d.sha256, d.family_id, f.vendor AS family_vendor
       FROM documents d LEFT JOIN families f ON f.id = d.family_id WHERE d.id = ?`,
    ),
    editionKeys: db.prepare<[string], EditionKeys>(EDITION_KEYS),
    members: db.prepare<[string], { id: number; family_id: number | null; family_vendor: string | null }>(
      `SELECT d.id, d.family_id, f.vendor AS family_vendor
       FROM documents d LEFT JOIN families f ON f.id = d.family_id WHERE d.vendor = ?`,
    ),
    byKey: db.prepare<[string], { id: number; vendor: string | null }>('SELECT id, vendor FROM families WHERE key = ?'),
    create: db.prepare<[string | null, string]>('INSERT INTO families (vendor, key) VALUES (?, ?)'),
    assign: db.prepare<[number, number]>('UPDATE documents SET family_id = ? WHERE id = ?'),
    dropIfEmpty: db.prepare<[number, number]>('DELETE FROM families WHERE id = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE family_id = ?)'),
    retitle: db.prepare<[number, number]>(
      `UPDATE families SET title = (SELECT title FROM editions WHERE family_id = ? AND edition_rank = 1) WHERE id = ?`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;
const cache = new WeakMap<DB, Statements>();

function prepared(db: DB): Statements {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
}

/** A new family whose key is `key`, or `key#2`, `key#3`… when an unrelated family holds it already. */
function createFamily(s: Statements, vendor: string | null, key: string): number {
  let candidate = key;
  for (let n = 2; s.byKey.get(candidate); n++) candidate = `${key}#${n}`;
  return Number(s.create.run(vendor, candidate).lastInsertRowid);
}

/**
 * Regroups every document of one vendor. Each family keeps its id while it keeps members: a
 * component takes the smallest family id its members already hold (of this vendor, not yet
 * taken by an earlier component), or a new family.
 */
function regroupVendor(s: Statements, vendor: string, touched: Set<number>): void {
  const current = new Map(s.members.all(vendor).map((m) => [m.id, m]));
  const byRoot = new Map<number, Component[]>();
  for (const c of groupEditions(s.editionKeys.all(vendor))) {
    const list = byRoot.get(c.root) ?? [];
    list.push(c);
    byRoot.set(c.root, list);
  }
  const taken = new Set<number>();
  for (const members of byRoot.values()) {
    const held = members
      .map((m) => current.get(m.id))
      .filter((m) => m?.family_id != null && m.family_vendor === vendor && !taken.has(m.family_id))
      .map((m) => m!.family_id!)
      .sort((a, b) => a - b);
    const familyId = held[0] ?? createFamily(s, vendor, members[0]!.root_key);
    taken.add(familyId);
    touched.add(familyId);
    for (const m of members) {
      const was = current.get(m.id)?.family_id ?? null;
      if (was === familyId) continue;
      if (was !== null) touched.add(was);
      s.assign.run(familyId, m.id);
    }
  }
}

/** A document without a vendor: nothing links it to another, so its family is its own. */
interface Solo {
  id: number;
  sha256: string;
  family_id: number | null;
}

function linkSolo(s: Statements, doc: Solo, touched: Set<number>): void {
  const key = soloKey(doc.sha256);
  const familyId = s.byKey.get(key)?.id ?? createFamily(s, null, key);
  if (doc.family_id !== familyId) s.assign.run(familyId, doc.id);
  touched.add(familyId);
}

/** Families whose members changed: dropped when left empty, else titled after their latest edition. */
function settle(s: Statements, touched: Set<number>): void {
  for (const id of touched) {
    if (s.dropIfEmpty.run(id, id).changes === 0) s.retitle.run(id, id);
  }
}

/** Links one stored document to its family (and regroups the editions around it). */
export function linkFamily(db: DB, documentId: number): void {
  const s = prepared(db);
  const doc = s.doc.get(documentId);
  if (!doc) return;
  const touched = new Set<number>();
  if (doc.family_id !== null) touched.add(doc.family_id);
  if (doc.vendor === null) linkSolo(s, doc, touched);
  else regroupVendor(s, doc.vendor, touched);
  // A document re-read with another vendor leaves its former family behind: regroup that vendor too.
  if (doc.family_vendor !== null && doc.family_vendor !== doc.vendor) regroupVendor(s, doc.family_vendor, touched);
  settle(s, touched);
}

export const familyHook: AfterStore = (db, documentId) => linkFamily(db, documentId);
