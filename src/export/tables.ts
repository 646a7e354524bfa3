// The CSV and JSON exports: facts, sections and documents as flat tables, or everything nested by document.
import { ATTRIBUTE_COLUMNS, ATTRIBUTES, BOOLEAN_COLUMNS, codeLabel, readAttributes, type Lang } from '../facts/attributes.ts';
import { kindName } from '../facts/registry.ts';
import { toCsv, type Cell } from './csv.ts';
import { byDocument, type Dataset, type DocumentRow } from './data.ts';

export const CSV_TABLES = ['facts', 'sections', 'documents'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const DOC_COLUMNS = ['vendor', 'title', 'version', 'published'] as const;

const docCells = (d: DocumentRow | undefined): Cell[] => DOC_COLUMNS.map((c) => d?.[c] ?? null);

/** Column headers for `--lang ja`; the attributes' come from src/facts/attributes.ts. */
const HEADERS_JA: Record<string, string> = {
  document_id: '文書ID', path: 'パス', sha256: 'SHA-256', vendor: 'ベンダー', title: 'タイトル', version: '版', published: '発行日',
  services: 'サービス', latest: '最新版', format: '形式', pages: 'ページ数', sections: 'セクション数', facts: 'ファクト数',
  ingested_at: '取込日時', section_id: 'セクションID', ord: '順序', control_id: '管理策', heading: '見出し', page: 'ページ',
  iso27001_2022: 'ISO/IEC 27001:2022', body: '本文', fact_id: 'ファクトID', kind: '種類', value: '値', negated: '否定',
  label: '表示', evidence: '根拠',
  ...Object.fromEntries(ATTRIBUTES.map((a) => [a.column, a.name.ja])),
};

/** A CSV in the language asked for: English (the column names and codes) or Japanese (headers, kinds, labels, codes, はい/いいえ). */
function localized(lang: Lang, header: string[], rows: Cell[][], codeColumns: readonly string[] = [], flagColumns: readonly string[] = []): string {
  if (lang === 'en') return toCsv(header, rows);
  const at = (names: readonly string[]) => new Set(names.map((n) => header.indexOf(n)).filter((i) => i >= 0));
  const codes = at(codeColumns);
  const flags = at(flagColumns);
  const kind = header.indexOf('kind');
  return toCsv(
    header.map((h) => HEADERS_JA[h] ?? h),
    rows.map((r) =>
      r.map((v, i) => {
        if (v === null || v === undefined) return v;
        if (i === kind) return kindName(String(v), 'ja');
        if (flags.has(i)) return v === 1 || v === true ? 'はい' : 'いいえ';
        return codes.has(i) ? codeLabel(String(v), 'ja') : v;
      }),
    ),
  );
}

export function csvTable(data: Dataset, table: CsvTable, lang: Lang = 'en'): string {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const sections = new Map(data.sections.map((s) => [s.id, s]));
  if (table === 'documents') {
    return localized(
      lang,
      ['document_id', 'path', 'sha256', ...DOC_COLUMNS, 'services', 'latest', 'format', 'pages', 'sections', 'facts', 'ingested_at'],
      data.documents.map((d) => [
        d.id, d.path, d.sha256, ...docCells(d), d.services.join(' / '), d.latest, d.format, d.pages,
        data.sections.filter((s) => s.document_id === d.id).length,
        data.facts.filter((f) => f.document_id === d.id).length,
        d.ingested_at,
      ]),
      [],
      ['latest'],
    );
  }
  if (table === 'sections') {
    return localized(
      lang,
      ['section_id', 'document_id', ...DOC_COLUMNS, 'ord', 'control_id', 'heading', 'page', 'iso27001_2022', 'body'],
      data.sections.map((s) => [s.id, s.document_id, ...docCells(docs.get(s.document_id)), s.ord, s.control_id, s.heading, s.page, s.iso27001_2022, s.body]),
    );
  }
  return localized(
    lang,
    ['fact_id', 'document_id', ...DOC_COLUMNS, 'section_id', 'control_id', 'heading', 'kind', 'value', 'negated', 'label', 'evidence', 'page', ...ATTRIBUTE_COLUMNS],
    data.facts.map((f) => [
      f.id, f.document_id, ...docCells(docs.get(f.document_id)), f.section_id, f.control_id, f.section_id === null ? null : (sections.get(f.section_id)?.heading ?? null),
      f.kind, f.value, f.negated, lang === 'ja' ? f.label_ja : f.label, f.evidence, f.page, ...ATTRIBUTE_COLUMNS.map((c) => f[c]),
    ]),
    ATTRIBUTE_COLUMNS.filter((c) => !BOOLEAN_COLUMNS.includes(c)),
    ['negated', ...BOOLEAN_COLUMNS],
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
