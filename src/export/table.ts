// An aligned text table for terminals. East Asian wide and full-width characters take two
// columns, combining marks none, so Japanese text lines up under its header.
import { eastAsianWidth } from 'get-east-asian-width';

/** Control characters, combining marks, zero-width characters and variation selectors take no column. */
const ZERO_WIDTH = /^[\p{Cc}\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f\ufeff]$/u;

/** Columns one character takes in a monospace terminal: 2 for East Asian wide and full-width (get-east-asian-width), 0 for marks. */
function charWidth(ch: string): number {
  return ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(ch.codePointAt(0)!);
}

/** Columns `s` takes in a monospace terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** Cuts `s` to at most `max` columns, ending with … when cut. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Cuts `s` to at most `max` columns from the start, beginning with … when cut: a path keeps its file name. */
export function truncateStart(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  const chars = [...s];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = charWidth(chars[i]!);
    if (w + cw > max - 1) break;
    out = chars[i]! + out;
    w += cw;
  }
  return max > 0 ? `…${out}` : '';
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export interface TableOptions {
  /** Longest cell, in columns; longer values are cut with … (default 60). */
  maxWidth?: number;
  /** Shown for NULL (default empty). */
  nullText?: string;
}

/**
 * header / separator / rows, columns separated by ` | `; columns of numbers right-aligned. Line breaks and
 * tabs inside a value are shown as ↵ and a space so that every row stays on one line.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  opts: TableOptions = {},
): string {
  const max = opts.maxWidth ?? 60;
  const nullText = opts.nullText ?? '';
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return nullText;
    if (v instanceof Uint8Array) return truncate(`x'${Buffer.from(v).toString('hex')}'`, max);
    return truncate(String(v).replace(/\r?\n/g, '↵').replace(/\t/g, ' '), max);
  };
  const cells = rows.map((r) => header.map((_, i) => text(r[i])));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number' || typeof r[i] === 'bigint'));
  const widths = header.map((h, i) => Math.max(displayWidth(truncate(h, max)), ...cells.map((r) => displayWidth(r[i]!))));
  const line = (cs: readonly string[]) => cs.map((c, i) => pad(c, widths[i]!, numeric[i]!)).join(' | ').replace(/\s+$/, '');
  const out = [line(header.map((h) => truncate(h, max))), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const r of cells) out.push(line(r));
  return `${out.join('\n')}\n`;
}
