// The revision history, in whatever layout: a table under 「改訂履歴」 (版 | 日付 | 内容, or 日付 | 版 | …,
// bilingual headers), lines such as 「2023/04/03　第2版　…」 or 「改訂第1.0版（令和4年7月1日）　制定」, or
// edition-and-date rows without a heading. Each row gives [version, date], oldest first.
import type { Revision } from '../types.ts';
import { findDate, findEdition } from './editions.ts';

/** 「改訂履歴」「4. 更新履歴」「Revision history（改訂履歴）」「■改訂履歴」. */
// Also bilingual, 「Revision history / 改訂履歴」「改訂履歴 | Revision history」.
const NAME = String.raw`(?:改訂履歴|変更履歴|更新履歴|改版履歴|改定履歴|改訂記録|版数管理|revision\s+history|change\s+history|document\s+history|revisions)`;
const HEADING = new RegExp(String.raw`^(?:#{1,6}\s*)?[■□●◆]?\s*(?:\d{1,2}\s*[.．]?\s*)?${NAME}(?:\s*[/／|｜]\s*${NAME})?(?:\s*[(（][^)）]*[)）])?$`, 'i');

export function isRevisionHeading(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  return HEADING.test(t) || HEADING.test(t.replace(/\s+/g, ''));
}

const VERSION_HEADER = /^(?:版|版数|改訂版|バージョン|version|ver\.?|rev\.?)(?:\s*\/.*)?$|^version\s*\/\s*版$/i;
const DATE_HEADER = /日付|年月日|改訂日|改定日|発行日|更新日|制定|date/i;
const BARE_VERSION = /^\d{1,2}(?:\.\d{1,2}){0,2}$/;

interface Columns {
  version: number | null;
  date: number | null;
}

function cellsOf(text: string): string[] {
  return text.split('\t').map((c) => c.trim());
}

/** A header row: it names a version column and no row value is in it. */
function headerColumns(cells: readonly string[]): Columns | null {
  const version = cells.findIndex((c) => VERSION_HEADER.test(c));
  const date = cells.findIndex((c) => DATE_HEADER.test(c) && findDate(c) === null);
  if (version === -1 || date === -1) return null;
  return { version, date };
}

/** One row: its edition and its date, by column when a header said which, else wherever they stand. */
export function readRow(text: string, columns: Columns | null, inTable: boolean): Revision | null {
  const cells = cellsOf(text);
  const isRow = cells.length > 1;
  const dateCell = columns?.date != null && isRow ? cells[columns.date] : undefined;
  const date = findDate(dateCell ?? text);
  if (!date) return null;
  let version: string | null = null;
  if (isRow && columns?.version != null) {
    const cell = cells[columns.version] ?? '';
    // 「1.2 1章、3章」: a PDF may run the next cell into the version's.
    version = findEdition(cell)?.version ?? /^(\d{1,2}(?:\.\d{1,2}){0,2})(?:\s|$)/.exec(cell)?.[1] ?? null;
  }
  if (version === null) {
    // The edition anywhere else in the row: not inside the date.
    const rest = text.slice(0, date.index) + ' '.repeat(date.length) + text.slice(date.index + date.length);
    version = findEdition(rest)?.version ?? null;
  }
  if (version === null && isRow && inTable) {
    const bare = cells.find((c) => BARE_VERSION.test(c) && findDate(c) === null);
    if (bare) version = bare;
  }
  if (version === null) return null;
  const description = cells.filter((c) => c !== '' && findDate(c) === null && findEdition(c) === null && !BARE_VERSION.test(c)).join(' ');
  return { version, date: date.date, description };
}

/** Edition then date at the start of a line: a revision row wherever it stands (「第 1.0 版 2021/8/1 初版作成」). */
const LEADING_ROW = /^(?:(?:改訂)?第\s*[\d.]+\s*版|初版|(?:Ver(?:sion)?\.?|v)\s*\d+(?:\.\d+)*)[\s\t(（]+(?:(?:令和|平成)\s*\d|\d{4}\s*[年/.\-])/i;

/** Rows sorted oldest first: a table printed newest first is turned round. */
function oldestFirst(rows: Revision[]): Revision[] {
  const dated = rows.filter((r) => r.date !== null);
  const descending = dated.length >= 2 && dated.every((r, i) => i === 0 || r.date! <= dated[i - 1]!.date!) && dated[0]!.date !== dated.at(-1)!.date;
  return descending ? [...rows].reverse() : rows;
}

export function readRevisions(lines: readonly string[]): Revision[] {
  /** Rows under a revision heading; rows elsewhere (「第 1.0 版 2021/8/1 初版作成」) count only when there is none. */
  const rows: Revision[] = [];
  const loose: Revision[] = [];
  let inHistory = false;
  let columns: Columns | null = null;
  let misses = 0;
  for (const raw of lines) {
    const text = raw.trim();
    if (text === '') continue;
    const cells = cellsOf(text).filter((c) => c !== '');
    const alone = cells.length === 1 ? cells[0]! : text;
    if (isRevisionHeading(alone)) {
      (inHistory = true), (columns = null), (misses = 0), (rows.length = 0);
      continue;
    }
    if (inHistory) {
      const header = headerColumns(cellsOf(text));
      if (header && rows.length === 0) {
        columns = header;
        continue;
      }
      const row = readRow(text, columns, true);
      if (row) {
        rows.push(row);
        misses = 0;
        continue;
      }
      // A description wrapped onto the next lines is no row; a few of them end nothing, more end the table.
      if (++misses > 3 && rows.length > 0) inHistory = false;
      continue;
    }
    if (LEADING_ROW.test(text)) {
      const row = readRow(text, null, false);
      if (row) loose.push(row);
    }
  }
  return oldestFirst(rows.length ? rows : loose);
}
