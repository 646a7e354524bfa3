// The revision-history table: every row as [edition, date, description], oldest first.
//
// A table starts under a heading (改訂履歴, 改版履歴, 変更履歴, Revision history …) or at a header
// row naming an edition column and a date column (「版数	改訂日	改訂内容」「Version / 版	Date / 日付」);
// without either, two rows close together (「第1版 2021/4/1 …」) still make one. A row gives its
// edition and date in either order — by column when there is a header, else from its start:
// 「Ver.1.0	2021年4月1日	初版発行」「2022/04/01 第1版 初版発行」「改訂第1.0版（令和4年7月1日） 制定」
// 「2023年3月1日	1.0	―	初版」「1.0	2021/9/1	初版」. A lone edition-and-date line (the cover's
// 「2024.8.1 第2.1版」) is not a table.
import type { Revision } from '../types.ts';
import { dateAtStart, findDate } from './dates.ts';
import { editionAtStart, parseEditionCell } from './editions.ts';

const HISTORY_HEADING =
  /^(?:#+\s*)?(?:[■□●◆▼]\s*)?(?:(?:\d+(?:\.\d+)*\.?|第\d+[章部節])\s*)?(?:(?:改訂|改版|改定|変更|更新|版数|文書|版)の?(?:履歴|記録)|revision\s+history|change\s+(?:history|log)|document\s+history|version\s+history)/i;
/** Header cells, English or Japanese or both (「Version / 版」). */
const VERSION_HEAD = /^(?:版|版数|改訂版|改版|版番号|改訂番号|バージョン|version|ver\.?|rev(?:ision)?\.?|edition)$/i;
const DATE_HEAD = /^(?:日付|年月日|年月|(?:改訂|改定|改版|発行|更新|変更|制定|公開|施行|作成)(?:・(?:改訂|改定))?(?:日|年月日|日時|年月)|date|revision\s+date|issued?)$/i;
/** A row of a table has ended when this many lines in a row are not rows. */
const MAX_GAP = 4;

interface Columns {
  version: number;
  date: number;
}

function headerColumns(text: string): Columns | null {
  if (!text.includes('\t')) return null;
  const cells = text.split('\t').map((c) => c.split(/\s*\/\s*/).map((p) => p.trim()));
  const version = cells.findIndex((parts) => parts.some((p) => VERSION_HEAD.test(p)));
  const date = cells.findIndex((parts) => parts.some((p) => DATE_HEAD.test(p)));
  return version !== -1 && date !== -1 && version !== date ? { version, date } : null;
}

const SEPARATOR = /^[\s(（|｜/:：、,]+/u;
const CLOSING = /^[)）\]]\s*/u;
const BARE_LEAD = /^(\d{1,3}(?:\.\d{1,3}){0,3})(?=[\s(]|$)/;

/** An edition at the very start of `text`: marked (第1版, Ver.1.0) or, when `bare`, digits alone. */
function leadingEdition(text: string, bare: boolean): { version: string; rest: string } | null {
  const e = editionAtStart(text);
  if (e) return { version: e.version, rest: text.slice(e.length) };
  const b = bare ? BARE_LEAD.exec(text) : null;
  return b ? { version: b[1]!, rest: text.slice(b[0].length) } : null;
}

function leadingDate(text: string): { date: string; rest: string } | null {
  const d = dateAtStart(text);
  return d ? { date: d.iso, rest: text.slice(d.length) } : null;
}

const description = (rest: string) => rest.replace(CLOSING, '').replace(/\s+/g, ' ').trim();

/**
 * A row read from its start: edition then date, or date then edition. Digits alone count as an
 * edition only inside a table (`bare`), never in a lone line.
 */
function rowFromStart(text: string, bare: boolean): Revision | null {
  // A row may be a list item: 「- 第1.0版（2022年12月1日）：初版」「・Rev.2　2021.6.14」.
  const flat = text.replace(/\t+/g, ' ').trim().replace(/^[-*+・•●○◆◇■□▪]\s*/u, '');
  const e = leadingEdition(flat, bare);
  if (e) {
    const d = leadingDate(e.rest.replace(SEPARATOR, ''));
    return d ? { version: e.version, date: d.date, description: description(d.rest) } : null;
  }
  const d = leadingDate(flat);
  if (!d) return null;
  const after = leadingEdition(d.rest.replace(SEPARATOR, ''), bare);
  return after ? { version: after.version, date: d.date, description: description(after.rest) } : null;
}

function rowFromColumns(text: string, columns: Columns): Revision | null {
  const cells = text.split('\t').map((c) => c.trim());
  const version = parseEditionCell(cells[columns.version] ?? '');
  if (version === null) return null;
  const date = findDate(cells[columns.date] ?? '')?.iso ?? null;
  const rest = cells.filter((c, i) => c !== '' && i !== columns.version && i !== columns.date);
  return { version, date, description: rest.join(' ').replace(/\s+/g, ' ') };
}

function parseRow(text: string, columns: Columns | null): Revision | null {
  if (columns && text.includes('\t')) {
    const row = rowFromColumns(text, columns);
    if (row) return row;
  }
  return rowFromStart(text, true);
}

/** Page furniture inside a table that ran over a page: 「― 9 ―」「- 3 -」「3 / 12」. */
const FURNITURE = /^[\s\-―—–]*\d+(?:\s*\/\s*\d+)?[\s\-―—–]*$/;

/** Rows of the table that starts at `start`; stops at 「以上」, a heading after rows, or a gap. */
function readTable(lines: readonly string[], start: number, columns: Columns | null): { rows: Revision[]; end: number } {
  const rows: Revision[] = [];
  let gap = 0;
  let end = start;
  for (let j = start; j < lines.length && gap < MAX_GAP; j++) {
    const text = lines[j]!.trim();
    if (text === '' || FURNITURE.test(text)) continue;
    if (/^以上$/.test(text) || (rows.length && HISTORY_HEADING.test(text))) break;
    const header = headerColumns(text);
    if (header && !rows.length) {
      columns = header;
      continue;
    }
    const row = parseRow(lines[j]!, columns);
    if (row) {
      rows.push(row);
      gap = 0;
      end = j;
      continue;
    }
    if (rows.length && /^#|^第\d+章/.test(text)) break;
    gap++;
    // A description wrapped onto the next lines (PDF cells, text copied out of a PDF).
    const last = rows.at(-1);
    if (last && !text.includes('\t')) last.description = `${last.description} ${text}`.trim();
  }
  return { rows, end };
}

/** Oldest first, as the gold keeps them: a table printed newest first is turned round. */
function oldestFirst(rows: Revision[]): Revision[] {
  const first = rows[0]?.date;
  const last = rows.at(-1)?.date;
  return first && last && first > last ? [...rows].reverse() : rows;
}

export function parseRevisions(lines: readonly string[]): Revision[] {
  // Tables under a history heading first: a table of documents (文書名	版	制定日) is not the history.
  const headed: Revision[][] = [];
  const others: Revision[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    const heading = text.length <= 60 && HISTORY_HEADING.test(text);
    let table: { rows: Revision[]; end: number } | null = null;
    if (heading) table = readTable(lines, i + 1, null);
    else if (headerColumns(text)) table = readTable(lines, i, null);
    else if (rowFromStart(text, false) && nextRowNear(lines, i)) table = readTable(lines, i, null);
    if (!table?.rows.length) continue;
    (heading ? headed : others).push(table.rows);
    i = table.end; // its rows do not start tables of their own
  }
  const longest = (tables: Revision[][]) => tables.reduce<Revision[]>((a, b) => (b.length >= a.length ? b : a), []);
  return oldestFirst(headed.length ? longest(headed) : longest(others));
}

/** A second marked row within the next few lines: two rows make a table, one does not. */
function nextRowNear(lines: readonly string[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < MAX_GAP; j++) {
    const text = lines[j]!.trim();
    if (text === '') continue;
    if (rowFromStart(text, false)) return true;
    seen++;
  }
  return false;
}

// A heading that opens the history, as the segmenter sees it: the whole line is the name (also bilingual).
const NAME = String.raw`(?:改訂履歴|変更履歴|更新履歴|改版履歴|改定履歴|改訂記録|版数管理|revision\s+history|change\s+history|document\s+history|revisions)`;
const WHOLE_HEADING = new RegExp(String.raw`^(?:#{1,6}\s*)?[■□●◆]?\s*(?:\d{1,2}\s*[.．]?\s*)?${NAME}(?:\s*[/／|｜]\s*${NAME})?(?:\s*[(（][^)）]*[)）])?$`, 'i');

/** 「改訂履歴」「4. 更新履歴」「Revision history / 改訂履歴」「■改訂履歴」. */
export function isRevisionHeading(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  return WHOLE_HEADING.test(t) || WHOLE_HEADING.test(t.replace(/\s+/g, ''));
}
