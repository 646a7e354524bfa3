// Document families: the editions of one whitepaper (same vendor, same title or same set of
// services, another edition or date), linked so that SQL can ask for the latest edition of each
// whitepaper and for the edition before a given one (views `editions` and `latest_editions`).
//
// The grouping rule is written once, in SQL (`familyComponentsSql`): migration 3 runs it over
// every stored document to backfill, and the AfterStore hook below runs it over one vendor's
// documents inside each document's write transaction.
import type { DB } from './db.ts';
import type { AfterStore } from './hooks.ts';

/** A title as compared between editions: no whitespace, ASCII lower case (the pipeline already applied NFKC). */
const normTitle = (col: string) =>
  `nullif(lower(replace(replace(replace(replace(trim(coalesce(${col}, '')), ' ', ''), char(9), ''), char(10), ''), char(13), '')), '')`;

/**
 * The documents that have a vendor, each with the root (smallest id) of its family and that
 * root's key. Two documents of the same vendor are editions of one whitepaper when
 * - their titles are equal and their service lists overlap (or either lists none), or
 * - their service lists are the same set, or
 * - neither has a title nor services;
 * families are the connected components of that relation, so an edition that shares its title
 * with one edition and its services with another joins all three.
 * `filter` is an SQL condition on `d` (documents), e.g. `d.vendor = ?`.
 */
export function familyComponentsSql(filter: string): string {
  return `
    WITH RECURSIVE
    doc AS MATERIALIZED (
      SELECT d.id, d.vendor, ${normTitle('d.title')} AS t,
        (SELECT group_concat(name, char(31))
           FROM (SELECT DISTINCT name FROM services s WHERE s.document_id = d.id ORDER BY name)) AS sv
      FROM documents d
      WHERE d.vendor IS NOT NULL AND (${filter})
    ),
    edge AS MATERIALIZED (
      SELECT a.id AS a, b.id AS b
      FROM doc a JOIN doc b ON b.vendor = a.vendor AND b.id <> a.id
      WHERE (a.t = b.t AND (a.sv IS NULL OR b.sv IS NULL OR EXISTS (
               SELECT 1 FROM services x JOIN services y ON y.name = x.name
               WHERE x.document_id = a.id AND y.document_id = b.id)))
         OR a.sv = b.sv
         OR (a.t IS NULL AND b.t IS NULL AND a.sv IS NULL AND b.sv IS NULL)
    ),
    reach(root, id) AS (
      SELECT id, id FROM doc
      UNION
      SELECT r.root, e.b FROM reach r JOIN edge e ON e.a = r.id
    ),
    comp AS (SELECT id, min(root) AS root FROM reach GROUP BY id)
    SELECT c.id, c.root,
      k.vendor || '|' || coalesce(k.t, '') || '|' || coalesce(replace(k.sv, char(31), ','), '') AS root_key
    FROM comp c JOIN doc k ON k.id = c.root
    ORDER BY c.root, c.id
  `;
}

/** The key of a document without a vendor: nothing links it to another, so it is a family of its own. */
export const soloKey = (sha256: string) => `sha256:${sha256}`;

interface Component {
  id: number;
  root: number;
  root_key: string;
}

function statements(db: DB) {
  return {
    doc: db.prepare<[number], { id: number; vendor: string | null; sha256: string; family_id: number | null; family_vendor: string | null }>(
      `SELECT d.id, d.vendor, d.sha256, d.family_id, f.vendor AS family_vendor
       FROM documents d LEFT JOIN families f ON f.id = d.family_id WHERE d.id = ?`,
    ),
    components: db.prepare<[string], Component>(familyComponentsSql('d.vendor = ?')),
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
  for (const c of s.components.all(vendor)) {
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

/** Links one stored document to its family (and regroups the editions around it). */
export function linkFamily(db: DB, documentId: number): void {
  const s = prepared(db);
  const doc = s.doc.get(documentId);
  if (!doc) return;
  const touched = new Set<number>();
  if (doc.family_id !== null) touched.add(doc.family_id);
  if (doc.vendor === null) {
    const key = soloKey(doc.sha256);
    const familyId = s.byKey.get(key)?.id ?? createFamily(s, null, key);
    if (doc.family_id !== familyId) s.assign.run(familyId, doc.id);
    touched.add(familyId);
  } else {
    regroupVendor(s, doc.vendor, touched);
  }
  // A document re-read with another vendor leaves its former family behind: regroup that vendor too.
  if (doc.family_vendor !== null && doc.family_vendor !== doc.vendor) regroupVendor(s, doc.family_vendor, touched);
  for (const id of touched) {
    if (s.dropIfEmpty.run(id, id).changes === 0) s.retitle.run(id, id);
  }
}

export const familyHook: AfterStore = (db, documentId) => linkFamily(db, documentId);
