// Reading documents, sections and facts out of the database, for the exports and the report.
import { attributeSelect } from '../facts/attributes.ts';
import '../facts/kinds/all.ts';
import { factLabel } from '../facts/registry.ts';
import type { DB } from '../store/db.ts';
import type { DocumentColumns, FactColumns } from '../store/rows.ts';

export interface DocumentRow extends DocumentColumns {
  format: string;
  pages: number | null;
  pipeline_version: string;
  ingested_at: string;
  /** Whether this is the latest edition of its whitepaper (view latest_documents). */
  latest: boolean;
  services: string[];
}

export interface SectionRow {
  id: number;
  document_id: number;
  ord: number;
  control_id: string | null;
  heading: string;
  body: string;
  page: number | null;
  iso27001_2022: string | null;
}

export type FactRow = FactColumns & {
  id: number;
  document_id: number;
  /** null for a fact outside any control section. */
  section_id: number | null;
  negated: number;
  evidence: string;
  page: number | null;
  /** The registry's label (src/facts/registry.ts): `35 (daily)`, `not tls`; in Japanese `35世代（日次）`. */
  label: string;
  label_ja: string;
};

export interface Dataset {
  schemaVersion: number;
  documents: DocumentRow[];
  sections: SectionRow[];
  facts: FactRow[];
}

export interface LoadOptions {
  /** Only the latest edition of each whitepaper. */
  latest?: boolean;
}

export function loadDataset(db: DB, opts: LoadOptions = {}): Dataset {
  const only = opts.latest ? 'WHERE d.id IN (SELECT id FROM latest_documents)' : '';
  const docs = db
    .prepare<[], Omit<DocumentRow, 'latest' | 'services'> & { latest: number }>(
      `SELECT d.id, d.path, d.sha256, d.vendor, d.title, d.version, d.published, d.format, d.pages, d.pipeline_version, d.ingested_at,
         (d.id IN (SELECT id FROM latest_documents)) AS latest
       FROM documents d ${only} ORDER BY d.vendor IS NULL, d.vendor, d.published, d.id`,
    )
    .all();
  const services = new Map<number, string[]>();
  for (const s of db.prepare<[], { document_id: number; name: string }>('SELECT document_id, name FROM services ORDER BY document_id, ord').all()) {
    const list = services.get(s.document_id) ?? [];
    list.push(s.name);
    services.set(s.document_id, list);
  }
  const ids = new Set(docs.map((d) => d.id));
  const sections = db
    .prepare<[], SectionRow>(
      'SELECT id, document_id, ord, control_id, heading, body, page, iso27001_2022 FROM sections ORDER BY document_id, ord',
    )
    .all()
    .filter((s) => ids.has(s.document_id));
  const facts = db
    .prepare<[], Omit<FactRow, 'label' | 'label_ja'>>(
      `SELECT f.id, f.document_id, f.section_id, f.control_id, f.kind, f.value, f.negated, f.evidence, f.page, ${attributeSelect('f')}
       FROM facts f LEFT JOIN sections s ON s.id = f.section_id ORDER BY f.document_id, coalesce(s.ord, -1), f.id`,
    )
    .all()
    .filter((f) => ids.has(f.document_id))
    .map((f) => ({ ...f, label: factLabel(f, 'en'), label_ja: factLabel(f, 'ja') }));
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    documents: docs.map((d) => ({ ...d, latest: d.latest === 1, services: services.get(d.id) ?? [] })),
    sections,
    facts,
  };
}

/** Groups rows by document id. */
export function byDocument<T extends { document_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.document_id) ?? [];
    list.push(r);
    m.set(r.document_id, list);
  }
  return m;
}
