// What the HTML report shows, read from the database: the latest edition of each whitepaper,
// their facts, their coverage of the control catalog, and their contradictions.
import type { PolicyVerdicts } from './policy-table.ts';
import type { DB } from '../store/db.ts';
import { loadDataset, type DocumentRow, type FactRow, type SectionRow } from '../export/data.ts';

export interface CoverageCell {
  covered: boolean;
  section_id: number | null;
  heading: string | null;
  page: number | null;
  facts: number;
}

export interface ControlRow {
  control_id: string;
  title: string;
  cells: Map<number, CoverageCell>;
}

export interface Contradiction {
  document_id: number;
  kind: string;
  value: string | null;
  affirmed_fact_id: number;
  affirmed_control_id: string | null;
  affirmed_page: number | null;
  affirmed_evidence: string;
  negated_fact_id: number;
  negated_control_id: string | null;
  negated_page: number | null;
  negated_evidence: string;
}

export interface ReportData {
  /** Columns: the latest edition of each whitepaper. */
  documents: DocumentRow[];
  /** Editions stored in all (older ones are left out of the comparison). */
  totalDocuments: number;
  sections: SectionRow[];
  facts: FactRow[];
  controls: ControlRow[];
  contradictions: Contradiction[];
  /** When the newest of these documents was stored. */
  asOf: string | null;
  /** A policy's verdicts (`report --policy`). */
  policy?: PolicyVerdicts;
}

export function loadReport(db: DB): ReportData {
  const data = loadDataset(db, { latest: true });
  const ids = new Set(data.documents.map((d) => d.id));
  const controls = new Map<string, ControlRow>();
  const coverage = db
    .prepare<[], { document_id: number; control_id: string; control_title: string; covered: number; section_id: number | null; heading: string | null; page: number | null; facts: number }>(
      `SELECT document_id, control_id, control_title, covered, section_id, heading, page, facts
       FROM control_coverage ORDER BY control_sort, control_id`,
    )
    .all();
  for (const c of coverage) {
    if (!ids.has(c.document_id)) continue;
    let row = controls.get(c.control_id);
    if (!row) controls.set(c.control_id, (row = { control_id: c.control_id, title: c.control_title, cells: new Map() }));
    row.cells.set(c.document_id, { covered: c.covered === 1, section_id: c.section_id, heading: c.heading, page: c.page, facts: c.facts });
  }
  const contradictions = db
    .prepare<[], Contradiction>(
      `SELECT document_id, kind, value, affirmed_fact_id, affirmed_control_id, affirmed_page, affirmed_evidence,
         negated_fact_id, negated_control_id, negated_page, negated_evidence
       FROM contradictions ORDER BY document_id, kind, affirmed_fact_id, negated_fact_id`,
    )
    .all()
    .filter((c) => ids.has(c.document_id));
  const total = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  return {
    documents: data.documents,
    totalDocuments: total,
    sections: data.sections,
    facts: data.facts,
    controls: [...controls.values()],
    contradictions,
    asOf: data.documents.map((d) => d.ingested_at).sort().at(-1) ?? null,
  };
}
