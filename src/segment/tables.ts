// Tables with one row per control (「管理策番号 | ISO/IEC 27001:2022 | 管理策 | 当社の実施内容」), or one
// row per topic (「項目 | 当社の対応 | 関連文書」): which column holds what, and what each row is.
// Rows arrive as lines whose cells are separated by TAB (src/extract/rows.ts, layout.ts).
import { isSentenceTail, parseLine } from './grammar.ts';
import { mapHeading, mapInContext, type TopicMatch } from './topics.ts';

export interface TableRow {
  /** Index of the row's line in the document. */
  index: number;
  cells: string[];
}

export type RowDecision =
  | { kind: 'section'; control: string; by: TopicMatch['by'] | 'id'; heading: string; body: string; iso2022: string | null }
  | { kind: 'header' }
  /** A row above the table's header (a key and its value in the same sheet): text. */
  | { kind: 'text' }
  | { kind: 'skip'; reason: 'category_row' | 'correspondence_table' | 'unknown_title' | 'toc' };

export interface ControlTable {
  /** What each row is, by its index in `rows`. */
  decisions: RowDecision[];
  /** Rows mapped to a control by topic rather than by id or title. */
  topics: number;
}

const HEADER_WORDS = /^(?:No\.?|#|番号|管理策番号|管理策No\.?|項番|分類|区分|カテゴリ|管理策|管理策名|項目|タイトル|トピック|内容|質問|設問|質問内容|確認項目|回答|回答内容|ご回答|(?:関連|対応|該当)管理策|当社の実施内容|当社の対応|当社の対応状況|実施内容|対応内容|対応状況|実施状況|取り組み|当社の取り組み|説明|備考|補足|関連文書|関連資料|参照|ISO\/IEC\s*27001:2022|ISO\/IEC\s*27017(?::2015)?|27001:2022|27017|JIS\s*Q\s*27017|control|title|description|remarks|notes)$/i;
/** Header of the column that says what the vendor does. */
const IMPLEMENTATION = /実施内容|対応内容|対応状況|実施状況|当社の対応|当社の取り組み|取り組み|取組|説明|内容|回答|implementation|description|response|answer/i;
/** Whose column it is: the provider's (当社の責任, CSPの実施事項) or the customer's (お客様の責任, CSCへのお願い). */
const PROVIDER_HEADER = /当社|弊社|提供者|プロバイダ|事業者|CSP|provider/i;
const CUSTOMER_HEADER = /お客様|カスタマ|利用者|CSC|customer/i;
const ID_HEADER = /管理策番号|管理策No|^番号$|^項番$|^(?:関連|対応|該当)管理策$|27017|control\s*(?:no|id)/i;
const MAPPING_HEADER = /27001\s*:\s*2022|2022/;
const TITLE_HEADER = /^(?:管理策|管理策名|項目|タイトル|トピック|質問|設問|質問内容|確認項目|title|topic|question)$/i;
const NO_VALUE = /^(?:[-―‐—–]|なし|該当なし|N\/?A)?$/i;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function isHeader(cells: readonly string[]): boolean {
  const filled = cells.map(clean).filter((c) => c !== '');
  return filled.length >= 2 && filled.filter((c) => HEADER_WORDS.test(c)).length >= Math.max(2, Math.ceil(filled.length / 2));
}

/** The 27017 id a cell leads with (「12.3.1」「CLD.9.5.1」「A.12.3.1 情報のバックアップ」), and the title after it. */
export function idCell(cell: string): { id: string; title: string } | null {
  const p = parseLine(clean(cell));
  if (!p.id || p.idAt !== 'start' || p.title.length > 80 || isSentenceTail(p.title) || /。/.test(p.title)) return null;
  return { id: p.id, title: p.title };
}

/** A 27001:2022 Annex A number (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34). */
export function is2022Control(n: string): boolean {
  const m = /^([5-8])\.(\d{1,2})$/.exec(n);
  if (!m) return false;
  const max = { 5: 37, 6: 8, 7: 14, 8: 34 }[Number(m[1]) as 5 | 6 | 7 | 8];
  return Number(m[2]) >= 1 && Number(m[2]) <= max;
}

function share(rows: readonly TableRow[], col: number, test: (c: string) => boolean): number {
  const filled = rows.filter((r) => clean(r.cells[col] ?? '') !== '');
  return filled.length === 0 ? 0 : filled.filter((r) => test(r.cells[col]!)).length / filled.length;
}

function averageLength(rows: readonly TableRow[], col: number): number {
  const filled = rows.map((r) => clean(r.cells[col] ?? '')).filter((c) => c !== '');
  return filled.length === 0 ? 0 : filled.reduce((n, c) => n + c.length, 0) / filled.length;
}

/**
 * Reads a table as one row per control, when it is one: a column of ids, or a column of control
 * titles or topics beside a column describing what the vendor does. Null for every other table
 * (a revision table, a responsibility matrix, an overview of key and value).
 */
export function readControlTable(rows: readonly TableRow[], { topics }: { topics: boolean }): ControlTable | null {
  if (rows.length === 0) return null;
  let headerAt = rows.findIndex((r) => isHeader(r.cells));
  const headerStart = headerAt;
  let header = headerAt === -1 ? null : rows[headerAt]!.cells.map(clean);
  // A header whose cells wrapped onto a second row (「管理策 | ISO/IEC」 over 「番号 | 27001:2022」).
  const second = headerAt === -1 ? undefined : rows[headerAt + 1];
  // A row with a sentence in it is the first row of the body, not the header's second line.
  if (header && second && second.cells.every((c) => clean(c).length <= 20 && idCell(c) === null && !/[。]|(?:ます|です)$/.test(clean(c))) && second.cells.filter((c) => clean(c) !== '').length >= 2) {
    header = header.map((h, c) => clean(`${h}${clean(second.cells[c] ?? '')}`));
    headerAt++;
  }
  if (rows.length <= headerAt + 1) return null;
  // The id column: the header says which, else the column most rows hold an id in.
  const headerId = header ? header.findIndex((h) => ID_HEADER.test(h) && !MAPPING_HEADER.test(h)) : -1;
  const raw = rows.slice(headerAt + 1);
  const rawWidth = Math.max(...rows.map((r) => r.cells.length));
  const idCol =
    headerId !== -1 && raw.some((r) => r.cells.some((c) => idCell(c) !== null))
      ? headerId
      : [...Array(rawWidth).keys()].find((c) => share(raw, c, (x) => idCell(x) !== null) >= 0.5 && (!header || !MAPPING_HEADER.test(header[c] ?? '')));
  // A row that lost an empty cell before its id (a PDF page's first row): its id puts it back in line.
  const body = raw.map((r) => {
    const at = r.cells.findIndex((c) => idCell(c) !== null);
    return idCol !== undefined && at !== -1 && at < idCol ? { ...r, cells: [...Array(idCol - at).fill(''), ...r.cells] } : r;
  });
  const width = Math.max(...[...rows.slice(0, headerAt + 1), ...body].map((r) => r.cells.length));
  const cols = [...Array(width).keys()];

  const mappingCol = header ? cols.find((c) => MAPPING_HEADER.test(header[c] ?? '') && !/27017/.test(header[c] ?? '')) : undefined;
  const textCols = cols.filter((c) => c !== idCol && c !== mappingCol);
  // The column with the longest text describes the implementation: among those whose header says so
  // when any does (a status column 「実施状況」 says so too, with 「実施」 in every row), else among all.
  const longest = (candidates: number[]) =>
    candidates.reduce<number | undefined>((best, c) => (best === undefined || averageLength(body, c) > averageLength(body, best) ? c : best), undefined);
  // 「お客様の責任 | 当社の責任」: the provider's column describes the implementation, the customer's never does.
  const named = header
    ? textCols.filter((c) => (IMPLEMENTATION.test(header[c] ?? '') || PROVIDER_HEADER.test(header[c] ?? '')) && !TITLE_HEADER.test(header[c] ?? '') && !CUSTOMER_HEADER.test(header[c] ?? ''))
    : [];
  const namedCol = longest(named);
  const implCol = namedCol !== undefined && averageLength(body, namedCol) >= 12 ? namedCol : longest(textCols);
  if (implCol === undefined || averageLength(body, implCol) < 12) {
    // Ids beside titles and numbers only: a table of contents or a correspondence table.
    if (idCol === undefined) return null;
    return { decisions: rows.map((_, i) => (i === headerAt ? { kind: 'header' } : { kind: 'skip', reason: 'correspondence_table' })), topics: 0 };
  }
  const titleCol = header
    ? textCols.find((c) => c < implCol! && TITLE_HEADER.test(header[c] ?? ''))
    : textCols.filter((c) => c < implCol!).at(-1);
  if (idCol === undefined && titleCol === undefined) return null;

  // The category a row sits in (the cells before its title; a merged cell is empty below its first
  // row), which a short topic is read with (src/segment/topics.ts, mapInContext).
  let category = '';
  const decisions: RowDecision[] = rows.map((_, i): RowDecision => {
    if (i <= headerAt) return i >= headerStart ? { kind: 'header' } : { kind: 'text' };
    const row = body[i - headerAt - 1]!;
    const cell = (c: number | undefined) => (c === undefined ? '' : clean(row.cells[c] ?? ''));
    const implementation = (row.cells[implCol!] ?? '').trim();
    // The implementation cell and what follows it in the row (備考, 関連文書) make the body.
    const rest = row.cells
      .map((c, k) => ({ c: c.trim(), k }))
      .filter(({ c, k }) => k > implCol! && k !== idCol && k !== mappingCol && !NO_VALUE.test(clean(c)))
      .map(({ c }) => c);
    const bodyText = [implementation, ...rest].filter((c) => c !== '').join('\n');
    const title = cell(titleCol);
    const iso = cell(mappingCol);
    const iso2022 = is2022Control(iso) ? iso : null;
    const idAndTitle = idCol === undefined ? null : idCell(row.cells[idCol] ?? '');
    const id = idAndTitle?.id ?? null;
    if (/^\d{1,3}$/.test(clean(row.cells.at(-1) ?? '')) && implementation.length < 12) return { kind: 'skip', reason: 'toc' };
    if (implementation === '') return { kind: 'skip', reason: 'category_row' };
    if (id) return { kind: 'section', control: id, by: 'id', heading: title || idAndTitle!.title || id, body: bodyText, iso2022 };
    const here = (titleCol === undefined ? [] : row.cells.slice(0, titleCol)).map(clean).filter((c) => c !== '' && !/^\d{1,3}$/.test(c)).join(' ');
    if (here !== '') category = here;
    const mapped = title ? (mapHeading(title) ?? mapInContext(title, category)) : null;
    if (!mapped || (mapped.by === 'topic' && !topics)) return { kind: 'skip', reason: title ? 'unknown_title' : 'category_row' };
    return { kind: 'section', control: mapped.control, by: mapped.by, heading: title, body: bodyText, iso2022 };
  });
  const sections = decisions.filter((d) => d.kind === 'section');
  const byTopic = sections.filter((d) => d.kind === 'section' && d.by === 'topic').length;
  // A table of topics is one only when most of its rows name one: an overview of key and value
  // (サービス名, 提供形態, データの保管場所, 稼働率目標) is not.
  if (idCol === undefined && (sections.length < 3 || sections.length < (body.length - 0) / 2)) return null;
  return { decisions, topics: byTopic };
}
