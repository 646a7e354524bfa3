// Reading the two editions to compare: resolving what the user typed (a document id, a file path
// or a sha256 prefix; or a vendor for --latest) to stored documents, and loading their rows.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256 } from '../ingest/hash.ts';
import { attributeSelect, readAttributes, type AttributeColumn, type StoredAttributes } from '../facts/attributes.ts';
import type { DB } from '../store/db.ts';
import type { DocumentColumns } from '../store/rows.ts';
import type { DocumentInfo, Edition, FactRow, RevisionRow, SectionRow } from './compare.ts';

/** What the user named is unknown or names more than one thing; `candidates` says what there is. */
export class DocumentReferenceError extends Error {
  readonly candidates: string[];
  constructor(message: string, candidates: string[]) {
    super(candidates.length ? `${message}:\n${candidates.map((c) => `  ${c}`).join('\n')}` : message);
    this.name = 'DocumentReferenceError';
    this.candidates = candidates;
  }
}

/** There is nothing to compare (a vendor with one edition, a database without families). */
export class NothingToCompareError extends Error {}

/** The first schema version with families, editions and latest_editions. */
const FAMILIES_SCHEMA = 3;

const hasFamilies = (db: DB) => (db.pragma('user_version', { simple: true }) as number) >= FAMILIES_SCHEMA;

type DocRow = DocumentColumns;

/** One line naming a document, for lists of candidates. */
export function describeDocument(d: Pick<DocRow, 'id' | 'sha256' | 'vendor' | 'version' | 'published' | 'path'>): string {
  const edition = [d.version ? `第${d.version}版` : null, d.published].filter(Boolean).join(' ');
  return `#${d.id}  ${d.sha256.slice(0, 12)}  ${d.vendor ?? '(vendor unknown)'}${edition ? `  ${edition}` : ''}  ${d.path}`;
}

const MAX_CANDIDATES = 20;

function listed(rows: DocRow[]): string[] {
  const lines = rows.slice(0, MAX_CANDIDATES).map(describeDocument);
  if (rows.length > MAX_CANDIDATES) lines.push(`… and ${rows.length - MAX_CANDIDATES} more (hakusho query "SELECT id, sha256, vendor, version, path FROM documents")`);
  return lines;
}

/**
 * The document `ref` names: a document id, a path the file was stored under (documents.path or
 * any path in document_paths, compared as given and as absolute paths), an existing file whose
 * content is stored, or a sha256 prefix of at least 6 hex digits. Every reading is tried; more
 * than one document, or none, is a DocumentReferenceError listing the candidates.
 */
export function resolveDocument(db: DB, ref: string): number {
  const all = db.prepare<[], DocRow>('SELECT id, path, sha256, vendor, title, version, published FROM documents ORDER BY id').all();
  const found = new Set<number>();
  if (/^\d+$/.test(ref)) {
    const id = Number(ref);
    if (all.some((d) => d.id === id)) found.add(id);
  }
  const target = resolve(ref);
  for (const row of db.prepare<[], { document_id: number; path: string }>('SELECT document_id, path FROM document_paths').all()) {
    if (row.path === ref || resolve(row.path) === target) found.add(row.document_id);
  }
  for (const d of all) if (d.path === ref || resolve(d.path) === target) found.add(d.id);
  if (found.size === 0 && existsSync(ref) && statSync(ref).isFile()) {
    const hash = sha256(readFileSync(ref));
    for (const d of all) if (d.sha256 === hash) found.add(d.id);
  }
  if (/^[0-9a-f]{6,64}$/i.test(ref)) {
    const prefix = ref.toLowerCase();
    for (const d of all) if (d.sha256.startsWith(prefix)) found.add(d.id);
  }
  if (found.size === 1) return [...found][0]!;
  if (found.size > 1) {
    throw new DocumentReferenceError(`"${ref}" names ${found.size} documents; give a document id or a longer sha256 prefix`, listed(all.filter((d) => found.has(d.id))));
  }
  if (all.length === 0) throw new DocumentReferenceError(`"${ref}": the database holds no documents yet; run \`hakusho run <folder>\` first`, []);
  const hint = /^[0-9a-f]{1,5}$/i.test(ref) && !/^\d+$/.test(ref) ? ' (a sha256 prefix needs at least 6 hex digits)' : '';
  const base = ref.split(/[\\/]/).at(-1)!.toLowerCase();
  const similar = all.filter((d) => base.length >= 3 && d.path.toLowerCase().includes(base));
  throw new DocumentReferenceError(
    `"${ref}" is not a stored document${hint}; give a document id, a stored file path or a sha256 prefix. ${similar.length ? 'Similar' : 'Stored'} documents`,
    listed(similar.length ? similar : all),
  );
}

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The vendor `query` names: its exact name, or a part of one name only (whitespace and case aside). */
export function resolveVendor(db: DB, query: string): string {
  const vendors = db
    .prepare<[], { vendor: string }>('SELECT DISTINCT vendor FROM documents WHERE vendor IS NOT NULL ORDER BY vendor')
    .all()
    .map((r) => r.vendor);
  const q = compact(query);
  const exact = vendors.filter((v) => v === query || compact(v) === q);
  if (exact.length === 1) return exact[0]!;
  const partial = q ? vendors.filter((v) => compact(v).includes(q)) : [];
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) throw new DocumentReferenceError(`"${query}" matches ${partial.length} vendors; give more of the name`, partial);
  throw new DocumentReferenceError(`no stored vendor matches "${query}"; vendors`, vendors);
}

/**
 * The last two editions of the vendor's whitepaper, older first. A vendor with several
 * whitepapers of two or more editions each is a DocumentReferenceError listing them.
 */
export function latestPair(db: DB, vendorQuery: string): [number, number] {
  if (!hasFamilies(db)) {
    throw new NothingToCompareError('this database predates document families; run `hakusho run` on it once to upgrade it, then try again');
  }
  const vendor = resolveVendor(db, vendorQuery);
  const families = db
    .prepare<[string], { family_id: number; title: string | null; editions: number; versions: string }>(
      `SELECT family_id, max(CASE WHEN edition_rank = 1 THEN title END) AS title, count(*) AS editions,
         group_concat(coalesce(version, '?'), ', ') AS versions
       FROM (SELECT * FROM editions WHERE vendor = ? ORDER BY edition_rank DESC) GROUP BY family_id ORDER BY family_id`,
    )
    .all(vendor);
  const several = families.filter((f) => f.editions >= 2);
  const list = (fs: typeof families) => fs.map((f) => `family ${f.family_id}: ${f.title ?? '(no title)'} — editions ${f.versions}`);
  if (several.length === 0) {
    throw new NothingToCompareError(
      `${vendor} has no whitepaper with two editions stored, so there is nothing to compare:\n${list(families).map((l) => `  ${l}`).join('\n')}`,
    );
  }
  if (several.length > 1) {
    throw new DocumentReferenceError(`${vendor} has ${several.length} whitepapers with several editions; compare two documents by id instead`, list(several));
  }
  const [latest, previous] = db
    .prepare<[number], { id: number }>('SELECT id FROM editions WHERE family_id = ? ORDER BY edition_rank LIMIT 2')
    .all(several[0]!.family_id);
  return [previous!.id, latest!.id];
}

export function loadEdition(db: DB, id: number): Edition {
  const familyColumn = hasFamilies(db) ? 'family_id' : 'NULL AS family_id';
  const doc = db
    .prepare<[number], Omit<DocumentInfo, 'services'>>(
      `SELECT id, path, sha256, vendor, title, version, published, ${familyColumn} FROM documents WHERE id = ?`,
    )
    .get(id);
  if (!doc) throw new DocumentReferenceError(`no document #${id}`, []);
  const services = db.prepare<[number], { name: string }>('SELECT name FROM services WHERE document_id = ? ORDER BY ord').all(id);
  const sections = db
    .prepare<[number], SectionRow>('SELECT id, ord, control_id, heading, body FROM sections WHERE document_id = ? ORDER BY ord')
    .all(id);
  const facts = db
    .prepare<[number], Omit<FactRow, 'negated' | AttributeColumn> & StoredAttributes & { negated: number }>(
      `SELECT f.id, f.section_id, coalesce(s.ord, -1) AS section_ord, f.control_id, f.kind, f.value, f.negated, ${attributeSelect('f')}, f.evidence, f.page
       FROM facts f LEFT JOIN sections s ON s.id = f.section_id WHERE f.document_id = ? ORDER BY coalesce(s.ord, -1), f.id`,
    )
    .all(id)
    .map((f): FactRow => ({ ...f, ...readAttributes(f), negated: f.negated === 1 }));
  const revisions = db
    .prepare<[number], RevisionRow>('SELECT version, date, description FROM revisions WHERE document_id = ? ORDER BY ord')
    .all(id);
  return { document: { ...doc, services: services.map((s) => s.name) }, sections, facts, revisions };
}
