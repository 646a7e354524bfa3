// Document metadata: vendor, title, services in scope, edition, publication date, revision table.
// Each part has its module (vendor.ts, services.ts, revisions.ts, editions.ts, dates.ts); this one
// reads the key/value fields once (fields.ts) and decides which source wins for the edition and date.
import type { DocumentMeta, Line, Revision } from '../types.ts';
import { findDate } from './dates.ts';
import { findEdition, parseEditionCell } from './editions.ts';
import { fieldValue, keyIs, readFields, type Field } from './fields.ts';
import { parseRevisions } from './revisions.ts';
import { findServices } from './services.ts';
import { findVendor } from './vendor.ts';

/** What the caller knows besides the lines: the PDF info dictionary's title, for now. */
export interface MetadataContext {
  title?: string;
}

const VERSION_KEYS = /^(?:版数|版|改訂版数|バージョン|文書バージョン|version|ver\.?|revision|edition)$/i;
/** Date fields; one that names a revision or an update is the current edition's. */
const DATE_KEYS = /^(?:発行日|発行年月日|最終更新日|最終改訂日|更新日|改訂日|改定日|公開日|掲載日|作成日|制定日|施行日|日付|date|last\s+updated|updated|published|issued|revision\s+date|effective\s+date)$/i;
const UPDATE_KEYS = /更新|改訂|改定|updated|revision/i;

/** The cover: the first lines, before a long document's body. */
const COVER_LINES = 40;

function coverLines(lines: readonly string[]): string[] {
  return lines.slice(0, COVER_LINES).filter((l) => l.trim() !== '');
}

/** Where the body starts: its first sentence (a row of a table is not one), within the first 40 lines. */
function bodyStart(lines: readonly string[]): number {
  const n = Math.min(lines.length, COVER_LINES);
  for (let i = 0; i < n; i++) if (!lines[i]!.includes('\t') && lines[i]!.includes('。')) return i;
  return n;
}

/** A cover line short enough to be a label, not a sentence of the body. */
const isLabelLine = (l: string) => l.length <= 60 && !/[。]/.test(l);

export function findTitle(lines: readonly string[], fallback: string | null): string | null {
  const cover = coverLines(lines).slice(0, 15);
  const i = cover.findIndex((l) => /ホワイトペーパー|white\s*paper/i.test(l) && l.length <= 40 && !/[。、]/.test(l));
  if (i === -1) return fallback;
  return cover[i]!.replace(/^#+\s*/, '').trim();
}

/**
 * What the cover says, read first above the body's first sentence, then in the first 40 lines
 * (a cover may carry a tagline): a date or an edition further down belongs to an article or a
 * section (a help centre's 「更新日：…」), not to the document.
 */
function fromCover<T>(lines: readonly string[], fields: readonly Field[], read: (fields: Field[], labels: string[]) => T | null): T | null {
  for (const end of [bodyStart(lines), COVER_LINES]) {
    const labels = lines.slice(0, end).filter((l) => l.trim() !== '' && isLabelLine(l));
    const found = read(fields.filter((f) => f.row || f.line < end), labels);
    if (found !== null) return found;
  }
  return null;
}

/** The edition the document says it is: a 版数 field, else the cover's 「第3版」「Ver.2.3」. */
function statedEdition(fields: Field[], labels: string[]): string | null {
  return fieldValue(fields, VERSION_KEYS, parseEditionCell) ?? labels.map((l) => findEdition(l)?.version).find((v) => v !== undefined) ?? null;
}

/**
 * The date the document says it was published: a date field (最終更新日, 改訂日 before 発行日), else
 * the cover's date — its 改訂 date when it gives both 制定 and 改訂.
 */
function statedDate(fields: Field[], labels: string[]): string | null {
  const dated = fields.filter((f) => keyIs(f, DATE_KEYS) && findDate(f.value) !== null);
  const field = dated.find((f) => UPDATE_KEYS.test(f.key)) ?? dated[0];
  if (field) return findDate(field.value)!.iso;
  // 「2022-05-25 10:30:05 UTC 2022-07-16 02:35:34 UTC」: an article's created and updated times; the later is its date.
  for (const l of labels) {
    const stamps = [...l.matchAll(/(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}/g)].map((m) => m[1]!);
    if (stamps.length >= 2) return stamps.sort().at(-1)!;
  }
  const revised = labels.find((l) => /改訂|改定|改版|更新/.test(l) && findDate(l) !== null);
  return findDate(revised ?? '')?.iso ?? labels.map((l) => findDate(l)?.iso).find((d) => d !== undefined) ?? null;
}

/**
 * The current edition's date: its own row of the revision table (more precise than a cover's
 * 「2025年2月」), unless the table is older than the cover.
 */
function publishedDate(stated: string | null, edition: string | null, revisions: readonly Revision[]): string | null {
  const row = revisions.find((r) => edition !== null && r.version === edition) ?? revisions.at(-1);
  if (row?.date && (!stated || row.date.startsWith(stated) || row.date > stated)) return row.date;
  return stated;
}

/** 「※本表は2025年4月時点の内容です」「2024年10月1日現在」: the date the document says it holds for, where it gives no other. */
function asOfDate(texts: readonly string[]): string | null {
  for (const t of texts) {
    const m = /(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[/.]\d{1,2}(?:[/.]\d{1,2})?)\s*(?:時点|現在)/.exec(t);
    if (m) return findDate(m[1]!)?.iso ?? null;
  }
  return null;
}

export function extractMetadata(lines: readonly Line[], context: MetadataContext = {}): DocumentMeta {
  const texts = lines.map((l) => l.text);
  const fields = readFields(texts);
  const revisions = parseRevisions(texts);
  const stated = fromCover(texts, fields, statedEdition);
  const services = findServices(texts, fields);
  return {
    vendor: findVendor(texts, fields, services),
    title: findTitle(texts, context.title ?? null),
    services,
    version: revisions.at(-1)?.version ?? stated,
    published: publishedDate(fromCover(texts, fields, statedDate) ?? asOfDate(texts), stated, revisions),
    revisions,
  };
}
