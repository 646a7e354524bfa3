// Key/value metadata: a document-information table (「発行者	株式会社X」「版数	第5.2版」, one row per
// field, as Markdown, spreadsheet or PDF tables arrive: cells joined by TAB) or a labelled line
// (「対象サービス：X」「Scope / 適用範囲：X」「最終更新日：2024年7月1日」「版数　第2版」).
import { joinPair } from '../normalize/join.ts';

export interface Field {
  key: string;
  value: string;
  /** Index of its line. */
  line: number;
  /** From a table row (a document-information table), not a labelled line. */
  row: boolean;
}

/** Words that head a column rather than fill it. */
const HEADER_WORD = /^(?:概要|説明|内容|備考|詳細|機能|用途|description|overview|notes?)$/i;
/** A label is short; a longer text before a colon is a sentence, not a key. */
const MAX_KEY = 24;

/** 「対象サービス　X」: a short line whose label is set off by a space instead of a colon. */
const SPACED = /^([^\s\d:：。、]{2,10})\s+([^\s:：。].{0,40})$/u;

const cellsOf = (text: string) => text.split('\t').map((c) => c.trim());
const label = (key: string) => key.replace(/^(?:[-*・•●◆■□]\s*)+/u, '').replace(/\*\*/g, '').replace(/[【】[\]]/g, '').trim();

/**
 * The key/value rows and labelled lines of a document, in order. A row is two filled cells; a
 * value cell that a PDF wrapped onto a row of its own (the key cell empty) is joined back.
 */
export function readFields(lines: readonly string[]): Field[] {
  const fields: Field[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.includes('\t')) {
      const filled = cellsOf(text).filter((c) => c !== '');
      // 「サービス名	X			更新日	2023/10/02」: a sheet with pairs side by side.
      if (filled.length === 4 && filled[0]!.length <= MAX_KEY && filled[2]!.length <= MAX_KEY && isPairs(cellsOf(text))) {
        fields.push({ key: label(filled[0]!), value: filled[1]!, line: i, row: true }, { key: label(filled[2]!), value: filled[3]!, line: i, row: true });
        continue;
      }
      // 「サービス名	概要」 is a table's header row, not a field.
      if (filled.length !== 2 || filled[0]!.length > MAX_KEY || HEADER_WORD.test(filled[1]!)) continue;
      let value = filled[1]!;
      while (i + 1 < lines.length && isWrappedCell(lines[i + 1]!)) value = joinPair(value, lines[++i]!.trim());
      fields.push({ key: label(filled[0]!), value, line: i, row: true });
      continue;
    }
    const m = /^([^:：。、]{1,40}?)\s*[:：]\s*(\S.*)$/u.exec(text.trim()) ?? SPACED.exec(text.trim());
    if (m && label(m[1]!).length <= MAX_KEY && !/^https?$/i.test(m[1]!)) fields.push({ key: label(m[1]!), value: m[2]!.trim(), line: i, row: false });
  }
  return fields;
}

/** Two key/value pairs apart: each key right before its value, an empty cell between the pairs. */
function isPairs(cells: readonly string[]): boolean {
  const at = cells.map((c, k) => (c === '' ? -1 : k)).filter((k) => k !== -1);
  return at.length === 4 && at[1] === at[0]! + 1 && at[3] === at[2]! + 1 && at[2]! > at[1]! + 1;
}

/** A row whose first cell is empty and which holds one short filled cell: the rest of the cell above. */
function isWrappedCell(text: string): boolean {
  if (!text.includes('\t')) return false;
  const cells = cellsOf(text);
  return cells[0] === '' && cells.filter((c) => c !== '').length === 1 && text.trim().length <= 40;
}

/** Whether the field's key is one of `keys` (a bilingual key 「Scope / 適用範囲」 matches either part). */
export function keyIs(field: Field, keys: RegExp): boolean {
  return field.key.split(/\s*\/\s*/).some((part) => keys.test(part));
}

/** The first field with one of `keys` whose value `accept` takes. */
export function fieldValue<T>(fields: readonly Field[], keys: RegExp, accept: (value: string) => T | null): T | null {
  for (const f of fields) {
    if (!keyIs(f, keys)) continue;
    const v = accept(f.value);
    if (v !== null) return v;
  }
  return null;
}
