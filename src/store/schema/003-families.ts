// Migration 3: document families. Like every migration, it is frozen: it does to an older
// database today what it did when it was written, so it calls no code that may change later
// (the store's grouping in src/store/families.ts may; its backfill below is a copy of that
// grouping as it was, reduced to a database where no document has a family yet).
import type Database from 'better-sqlite3';
import type { Migration } from '../migrations.ts';

/**
 * Edition order inside a family, newest first: by published date (an undated edition counts as
 * the oldest), then by version compared as numbers part by part (`4.1` after `4`, `1.10` after
 * `1.9`; `初版` before every numbered edition), then by document id.
 */
const EDITION_ORDER = `published DESC NULLS LAST, edition_class DESC, v1 DESC NULLS LAST, coalesce(v2, 0) DESC, coalesce(v3, 0) DESC, id DESC`;

export const families: Migration = {
  version: 3,
  name: 'families: editions of one whitepaper linked and ordered; views editions, latest_editions, latest_documents',
  up: `
    CREATE TABLE families (
      id INTEGER PRIMARY KEY,
      vendor TEXT,
      title TEXT,
      key TEXT NOT NULL UNIQUE
    );
    ALTER TABLE documents ADD COLUMN family_id INTEGER REFERENCES families(id);
    CREATE INDEX documents_family ON documents(family_id);

    CREATE VIEW editions AS
    WITH v AS (
      SELECT id, family_id, vendor, title, version, published, path, sha256,
        CASE WHEN version IS NULL THEN -1 WHEN version = '初版' THEN 0 ELSE 1 END AS edition_class,
        CASE WHEN version GLOB '[0-9]*' THEN CAST(version AS INTEGER) END AS v1,
        CASE WHEN instr(version, '.') > 0 THEN substr(version, instr(version, '.') + 1) END AS r1
      FROM documents
    ),
    w AS (
      SELECT *, CAST(r1 AS INTEGER) AS v2,
        CASE WHEN instr(r1, '.') > 0 THEN substr(r1, instr(r1, '.') + 1) END AS r2
      FROM v
    )
    SELECT id, family_id, vendor, title, version, published, path, sha256,
      row_number() OVER newest_first AS edition_rank,
      count(*) OVER (PARTITION BY family_id) AS edition_count,
      lead(id) OVER newest_first AS previous_document_id,
      lag(id) OVER newest_first AS next_document_id
    FROM (SELECT *, CAST(r2 AS INTEGER) AS v3 FROM w)
    WINDOW newest_first AS (PARTITION BY family_id ORDER BY ${EDITION_ORDER});

    CREATE VIEW latest_editions AS
      SELECT * FROM editions WHERE edition_rank = 1;

    -- Migration 2's latest_documents grouped by (vendor, title); it now answers from the
    -- families, so that latest_documents and latest_editions always name the same documents.
    DROP VIEW IF EXISTS latest_documents;
    CREATE VIEW latest_documents AS
      SELECT d.id, d.path, d.sha256, d.vendor, d.title, d.version, d.published, d.format, d.pages, d.ingested_at, d.family_id
      FROM documents d JOIN latest_editions l ON l.id = d.id;
  `,
  data: backfill,
};

interface Keys {
  id: number;
  vendor: string;
  sha256: string;
  /** The title as compared: no whitespace, ASCII lower case (null when empty). */
  t: string | null;
  /** The distinct service names in order, joined by U+001F (null when there are none). */
  sv: string | null;
}

/**
 * Links every document to its family. Two documents of the same vendor are editions of one
 * whitepaper when their titles are equal and their service lists overlap (or either lists
 * none), or their service lists are the same set, or neither has a title nor services; families
 * are the connected components of that relation (union-find over the keys documents share),
 * created vendor by vendor in name order, each in the order of its first document. A document
 * without a vendor is a family of its own. Each family is titled after its latest edition.
 */
function backfill(db: Database.Database): void {
  const docs = db
    .prepare(
      `SELECT d.id, d.vendor, d.sha256,
         nullif(lower(replace(replace(replace(replace(trim(coalesce(d.title, '')), ' ', ''), char(9), ''), char(10), ''), char(13), '')), '') AS t,
         (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT name FROM services s WHERE s.document_id = d.id ORDER BY name)) AS sv
       FROM documents d WHERE d.vendor IS NOT NULL ORDER BY d.vendor, d.id`,
    )
    .all() as Keys[];
  const parent = new Map(docs.map((d) => [d.id, d.id]));
  const root = (id: number): number => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const holder = new Map<string, number>();
  const share = (key: string, id: number) => {
    const first = holder.get(key);
    if (first === undefined) holder.set(key, id);
    else {
      const [a, b] = [root(first), root(id)];
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  };
  const SEP = '\u0000';
  const openTitles = new Set(docs.filter((d) => d.t !== null && d.sv === null).map((d) => `${d.vendor}${SEP}${d.t}`));
  for (const d of docs) {
    const title = `${d.vendor}${SEP}${d.t}`;
    if (d.t !== null && openTitles.has(title)) share(`title${SEP}${title}`, d.id);
    if (d.t !== null && d.sv !== null) for (const name of d.sv.split('\u001f')) share(`service${SEP}${title}${SEP}${name}`, d.id);
    if (d.sv !== null) share(`services${SEP}${d.vendor}${SEP}${d.sv}`, d.id);
    if (d.t === null && d.sv === null) share(`bare${SEP}${d.vendor}`, d.id);
  }

  const taken = db.prepare<[string], { id: number }>('SELECT id FROM families WHERE key = ?');
  const create = db.prepare<[string | null, string]>('INSERT INTO families (vendor, key) VALUES (?, ?)');
  const assign = db.prepare<[number, number]>('UPDATE documents SET family_id = ? WHERE id = ?');
  /** A new family keyed `key`, or `key#2`, `key#3`… when that key is taken. */
  const family = (vendor: string | null, key: string) => {
    let candidate = key;
    for (let n = 2; taken.get(candidate); n++) candidate = `${key}#${n}`;
    return Number(create.run(vendor, candidate).lastInsertRowid);
  };
  const byId = new Map(docs.map((d) => [d.id, d]));
  const familyOfRoot = new Map<number, number>();
  for (const d of docs) {
    const r = byId.get(root(d.id))!;
    let id = familyOfRoot.get(r.id);
    if (id === undefined) {
      id = family(r.vendor, `${r.vendor}|${r.t ?? ''}|${(r.sv ?? '').replaceAll('\u001f', ',')}`);
      familyOfRoot.set(r.id, id);
    }
    assign.run(id, d.id);
  }
  const solo = db.prepare<[], { id: number; sha256: string }>('SELECT id, sha256 FROM documents WHERE vendor IS NULL ORDER BY id').all();
  for (const d of solo) assign.run(taken.get(`sha256:${d.sha256}`)?.id ?? family(null, `sha256:${d.sha256}`), d.id);
  db.exec('UPDATE families SET title = (SELECT title FROM editions e WHERE e.family_id = families.id AND e.edition_rank = 1)');
}
