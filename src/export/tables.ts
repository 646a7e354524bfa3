// The CSV and JSON exports: facts, sections and documents as flat tables, or everything nested by document.
import { ATTRIBUTE_COLUMNS, readAttributes } from '../facts/attributes.ts';
import { toCsv, type Cell } from './csv.ts';
import { byDocument, type Dataset, type DocumentRow } from './data.ts';

export const CSV_TABLES = ['facts', 'sections', 'documents'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const DOC_COLUMNS = ['vendor', 'title', 'version', 'published'] as const;

const docCells = (d: DocumentRow | undefined): Cell[] => DOC_COLUMNS.map((c) => d?.[c] ?? null);

export function csvTable(data: Dataset, table: CsvTable): string {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const sections = new Map(data.sections.map((s) => [s.id, s]));
  if (table === 'documents') {
    return toCsv(
      ['document_id', 'path', 'sha256', ...DOC_COLUMNS, 'services', 'latest', 'format', 'pages', 'sections', 'facts', 'ingested_at'],
      data.documents.map((d) => [
        d.id, d.path, d.sha256, ...docCells(d), d.services.join(' / '), d.latest, d.format, d.pages,
        data.sections.filter((s) => s.document_id === d.id).length,
        data.facts.filter((f) => f.document_id === d.id).length,
        d.ingested_at,
      ]),
    );
  }
  if (table === 'sections') {
    return toCsv(
      ['section_id', 'document_id', ...DOC_COLUMNS, 'ord', 'control_id', 'heading', 'page', 'iso27001_2022', 'body'],
      data.sections.map((s) => [s.id, s.document_id, ...docCells(docs.get(s.document_id)), s.ord, s.control_id, s.heading, s.page, s.iso27001_2022, s.body]),
    );
  }
  return toCsv(
    ['fact_id', 'document_id', ...DOC_COLUMNS, 'section_id', 'control_id', 'heading', 'kind', 'value', 'negated', 'label', 'evidence', 'page', ...ATTRIBUTE_COLUMNS],
    data.facts.map((f) => [
      f.id, f.document_id, ...docCells(docs.get(f.document_id)), f.section_id, f.control_id, f.section_id === null ? null : (sections.get(f.section_id)?.heading ?? null),
      f.kind, f.value, f.negated, f.label, f.evidence, f.page, ...ATTRIBUTE_COLUMNS.map((c) => f[c]),
    ]),
  );
}

/** Everything, nested: documents[] each with its services, sections[] and facts[]. */
export function jsonExport(data: Dataset): string {
  const sections = byDocument(data.sections);
  const facts = byDocument(data.facts);
  const out = {
    hakusho_export: 1,
    schema_version: data.schemaVersion,
    documents: data.documents.map((d) => ({
      id: d.id,
      path: d.path,
      sha256: d.sha256,
      vendor: d.vendor,
      title: d.title,
      version: d.version,
      published: d.published,
      latest: d.latest,
      services: d.services,
      format: d.format,
      pages: d.pages,
      pipeline_version: d.pipeline_version,
      ingested_at: d.ingested_at,
      sections: (sections.get(d.id) ?? []).map(({ document_id: _, ...s }) => s),
      facts: (facts.get(d.id) ?? []).map((f) => ({
        id: f.id,
        section_id: f.section_id,
        control_id: f.control_id,
        kind: f.kind,
        value: f.value,
        negated: f.negated === 1,
        label: f.label,
        evidence: f.evidence,
        page: f.page,
        ...readAttributes(f),
      })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
