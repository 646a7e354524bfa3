// Tables on a page: the lines of a table read cell by cell, from where their text sits.
//
// A table is a run of lines whose pieces (text separated by wide gaps, see layout.ts) keep to
// the same columns: between two columns runs a strip that no piece of the table crosses. Rows are
// told apart by their spacing (cells have padding, so the lines of one cell sit closer together
// than the last line of a row and the first of the next) or, in a table set without padding, by
// the cells that wrapped. A row comes out as one line: its cells joined by TAB, an empty cell kept
// as an empty string so the columns stay aligned, a line break inside a cell as "\n" where the
// text breaks (a sentence end, a list item, a line that stops short) — the contract the segmenter
// and the facts read, for text input too (src/extract/rows.ts).
import { joinPair } from '../normalize/join.ts';
import { firstChar, isCjk, lastChar } from './layout-chars.ts';
import type { Piece, Row } from './layout.ts';

export interface Cell {
  text: string;
  x0: number;
  /** Right edge of the cell's last line. */
  lastX1: number;
}

export interface TableRow {
  cells: Cell[];
  /** The table's column strips, shared by its rows. */
  strips: readonly Strip[];
  y: number;
  lastY: number;
  size: number;
  right: number;
}

/** The free strip between two columns: the text of the column before ends by `lo`, the column after starts at `hi`. */
export interface Strip {
  lo: number;
  hi: number;
}

interface Grid {
  strips: Strip[];
  /** Every piece of the table so far: a new strip must be free of all of them. */
  pieces: Piece[];
}

// Loops, not Math.max(...values): a page may hold more items than a call takes arguments.
function max(values: Iterable<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > m) m = v;
  return m;
}

function min(values: Iterable<number>): number {
  let m = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < m) m = v;
  return m;
}

/** Consecutive lines of a table are closer than this many ems: farther apart, the table has ended. */
const ROW_PITCH_EM = 2.6;
/** A line closer than this many ems to the one above is part of it (a superscript, a centred cell). */
const SUBLINE_EM = 0.9;

/** Extra distance, beyond the leading, that sets two rows apart (cell padding). */
function slack(size: number): number {
  return Math.max(2, 0.2 * size);
}

/** Narrows the strip to leave room for `p`; null when the piece covers it (it spans two columns). */
function fit(s: Strip, p: Piece): Strip | null {
  if (p.x1 <= s.lo || p.x0 >= s.hi) return s;
  const next = p.x0 < s.lo ? { lo: p.x1, hi: s.hi } : { lo: s.lo, hi: p.x0 };
  return next.hi - next.lo >= 1 ? next : null;
}

function fitAll(s: Strip, pieces: readonly Piece[]): Strip | null {
  let out: Strip | null = s;
  for (const p of pieces) if (out) out = fit(out, p);
  return out;
}

/**
 * A new strip in the gap before `gap.hi` (where the next column's text starts): the free room just
 * left of it, past every piece that lies in the gap (a centred header over the column before, the
 * longer lines of its cells). Null when a piece runs over the gap's end into the next column.
 */
function freshStrip(gap: Strip, pieces: readonly Piece[]): Strip | null {
  let lo = gap.lo;
  for (const p of pieces) {
    if (p.x1 <= gap.lo || p.x0 >= gap.hi) continue;
    if (p.x1 > gap.hi) return null;
    lo = Math.max(lo, p.x1);
  }
  return gap.hi - lo >= 1 ? { lo, hi: gap.hi } : null;
}

/** The column of text starting at `x0`: how many strips lie left of it. */
export function columnAt(strips: readonly Strip[], x0: number): number {
  let c = 0;
  for (const s of strips) if (x0 >= (s.lo + s.hi) / 2) c++;
  return c;
}

function column(strips: readonly Strip[], p: Piece): number {
  return columnAt(strips, p.x0);
}

/**
 * The strips with `row` added: each gap between its pieces falls into the strip it overlaps (and
 * narrows it) or, overlapping none, opens a new strip, which no piece of the table may cross; a
 * gap over several strips passes empty cells. Null when the row does not fit the columns.
 */
function withRow(grid: Grid, row: Row): Strip[] | null {
  let strips = [...grid.strips];
  for (let k = 1; k < row.pieces.length; k++) {
    const gap = { lo: row.pieces[k - 1]!.x1, hi: row.pieces[k]!.x0 };
    const hit = strips.filter((s) => gap.lo < s.hi && gap.hi > s.lo);
    if (hit.length === 1) {
      const s = hit[0]!;
      strips = strips.map((t) => (t === s ? { lo: Math.max(s.lo, gap.lo), hi: Math.min(s.hi, gap.hi) } : t));
    } else if (hit.length === 0) {
      const fresh = freshStrip(gap, grid.pieces);
      if (!fresh) return null;
      strips.push(fresh);
    }
  }
  const fitted: Strip[] = [];
  for (const s of strips) {
    const f = fitAll(s, row.pieces);
    if (!f) return null;
    fitted.push(f);
  }
  return fitted.sort((a, b) => a.lo - b.lo);
}

/**
 * Did a line ending at `lastX1` wrap before `edge`, with `next` on the following line? It did
 * if the first word of `next` (one character of CJK text) would not have fitted in the room
 * left, give or take two ems of cell padding.
 */
export function wrapped(lastX1: number, edge: number, next: Piece, size: number): boolean {
  const chars = Array.from(next.text);
  const first = firstChar(next.text);
  const word = isCjk(first) ? 1 : Math.max(1, next.text.search(/\s|$/));
  const perChar = (next.x1 - next.x0) / Math.max(1, chars.length);
  return edge - lastX1 < 2 * size + word * perChar;
}

/**
 * The table that starts at `rows[start]` (a line of two pieces or more): how far it runs and its
 * columns. It ends at a line too far below, one that crosses a column, or a line alone in the
 * first column that is not the wrapped end of the cell above.
 */
function extent(rows: readonly Row[], start: number): { end: number; grid: Grid } {
  const grid: Grid = { strips: [], pieces: [] };
  grid.strips = withRow(grid, rows[start]!)!;
  grid.pieces.push(...rows[start]!.pieces);
  let minPitch = Infinity;
  let maxPitch = 0;
  let end = start + 1;
  for (; end < rows.length; end++) {
    const prev = rows[end - 1]!;
    const row = rows[end]!;
    const size = Math.max(prev.size, row.size);
    const pitch = row.y - prev.y;
    // A line much smaller or larger than the one above (a footer, a heading) is not the table's.
    if (pitch <= 0 || pitch > ROW_PITCH_EM * size || Math.abs(row.size - prev.size) > 0.2 * size) break;
    const only = row.pieces.length === 1 ? row.pieces[0]! : null;
    if (only && column(grid.strips, only) === 0) {
      const limit = Number.isFinite(minPitch) ? minPitch + slack(size) : 1.9 * size;
      const above = prev.pieces.find((p) => column(grid.strips, p) === 0);
      // The cell above wrapped, or its lines sit closer than the rows are apart.
      const goesOn = above !== undefined && (wrapped(above.x1, grid.strips[0]!.hi, only, size) || maxPitch > pitch + slack(size));
      if (pitch > limit || !goesOn) break;
    }
    const strips = withRow(grid, row);
    if (!strips) break;
    grid.strips = strips;
    grid.pieces.push(...row.pieces);
    if (pitch >= SUBLINE_EM * size) {
      minPitch = Math.min(minPitch, pitch);
      maxPitch = Math.max(maxPitch, pitch);
    }
  }
  return { end, grid };
}

const SENTENCE_END = /[。．！？!?][)）」』]?$/u;
/** A list item inside a cell: 「・日次：7世代」, 「(1) …」, 「① …」. */
const CELL_ITEM = /^(?:[・•●◆■□○◎※▲△▼▽]|[(（]\d{1,2}[)）]|\d{1,2}[)）]|[①-⑳])/u;

/**
 * A Latin word or number set inside Japanese text with no space around it (「はNTPにより」), cut
 * by a producer that wraps Japanese at any character: a producer that wraps at spaces could not
 * have broken it there. (「【JIS」「Q 27001】」 was broken at a space.)
 */
const CUT_BEFORE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。](?:[A-Z]+|[0-9]+)$/u;
const CUT_AFTER = /^(?:[A-Z]+|[0-9]+)(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。]|$)/u;

function cutWord(prev: string, next: string): boolean {
  const a = CUT_BEFORE.exec(prev)?.[0].slice(1);
  const b = CUT_AFTER.exec(next)?.[0];
  return a !== undefined && b !== undefined && /\d/.test(a) === /\d/.test(b[0]!);
}

/**
 * What goes between two lines of one cell: a line break after a sentence end, before a list
 * item and after Japanese text that stopped short of the column's edge; nothing inside a word
 * cut at the edge; else what joins wrapped lines of a paragraph (nothing inside Japanese text,
 * a space between Latin words).
 */
function lineBreak(prev: Piece, next: Piece, edge: number, size: number): string {
  if (SENTENCE_END.test(prev.text) || CELL_ITEM.test(next.text)) return '\n';
  const a = lastChar(prev.text);
  const b = firstChar(next.text);
  // Japanese wraps at any character, so a line stopping short was broken on purpose; Latin text
  // wraps at spaces and leaves what room the next word did not fit in.
  if ((isCjk(a) || isCjk(b)) && !wrapped(prev.x1, edge, next, size)) return '\n';
  if (cutWord(prev.text, next.text)) return '';
  const joined = joinPair(prev.text, next.text);
  return joined.slice(prev.text.length, joined.length - next.text.length);
}

/** Breaks a producer flattened into spaces inside one line of a cell: after a sentence, before a list mark. */
function unflatten(text: string): string {
  return text.replace(/(?<=[。！？])\s+(?=\S)/gu, '\n').replace(/\s+(?=[・•●◆■□○◎※])/gu, '\n');
}

function cellOf(lines: readonly Piece[], edge: number, size: number): Cell {
  let text = unflatten(lines[0]!.text);
  for (let k = 1; k < lines.length; k++) text += lineBreak(lines[k - 1]!, lines[k]!, edge, size) + unflatten(lines[k]!.text);
  return { text, x0: min(lines.map((l) => l.x0)), lastX1: lines.at(-1)!.x1 };
}

/** Where the text of each column may reach: the start of the next column, for the last one the end of its longest line. */
function edges(grid: Grid): number[] {
  const last = grid.strips.length;
  const longest = new Array<number>(last + 1).fill(0);
  for (const p of grid.pieces) {
    const c = column(grid.strips, p);
    longest[c] = Math.max(longest[c]!, p.x1);
  }
  return longest.map((x, c) => (c < last ? grid.strips[c]!.hi : x));
}

/** Splits the table's lines into rows: by spacing when rows are set apart, else by the cells that wrapped. */
function rowsOf(lines: readonly Row[], grid: Grid, edge: readonly number[]): Row[][] {
  const size = max(lines.map((l) => l.size));
  const pitches = lines.slice(1).map((l, k) => l.y - lines[k]!.y);
  // Rows set apart: the distances between lines fall into groups with clear steps between; the
  // lowest group seen twice or more is the leading inside a cell, anything wider parts rows.
  // Only lines of one size say what the leading is (a header or a note may be set smaller).
  const real = pitches
    .filter((p, k) => p >= SUBLINE_EM * size && Math.abs(lines[k]!.size - lines[k + 1]!.size) <= 0.05 * size)
    .sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const p of real) {
    const last = clusters.at(-1);
    if (last && p - last.at(-1)! <= slack(size)) last.push(p);
    else clusters.push([p]);
  }
  const inCell = clusters.findIndex((c) => c.length >= 2);
  const bySpacing = inCell !== -1 && inCell + 1 < clusters.length;
  const split = bySpacing ? (clusters[inCell]!.at(-1)! + clusters[inCell + 1]![0]!) / 2 : Infinity;
  // Each row as it grows: its lines, and the last piece (with its line's y) in each column.
  interface Group {
    lines: Row[];
    last: Map<number, { piece: Piece; y: number }>;
  }
  const groups: Group[] = [];
  const add = (group: Group, line: Row) => {
    group.lines.push(line);
    for (const p of line.pieces) group.last.set(column(grid.strips, p), { piece: p, y: line.y });
  };
  lines.forEach((line, k) => {
    const group = groups.at(-1);
    const pitch = k > 0 ? pitches[k - 1]! : 0;
    let same: boolean;
    if (!group) same = false;
    else if (bySpacing) {
      // Measured from the line above in the same column: a cell merged down over two rows
      // (「アク」「セス」「制御」) runs on past the start of the next row.
      same = line.pieces.every((p) => {
        const above = group.last.get(column(grid.strips, p));
        return (above ? line.y - above.y : pitch) < split;
      });
    } else if (pitch < SUBLINE_EM * size) same = true;
    else {
      // Each piece must go on in a cell whose text so far ran up to the column's edge, and some
      // cell of the row must have ended: a line filling every cell of the row is the next row.
      const covered = new Set(line.pieces.map((p) => column(grid.strips, p)));
      same =
        [...group.last.keys()].some((c) => !covered.has(c)) &&
        line.pieces.every((p) => {
          const c = column(grid.strips, p);
          const above = group.last.get(c);
          return above !== undefined && wrapped(above.piece.x1, edge[c]!, p, size);
        });
    }
    if (same) add(group!, line);
    else {
      const fresh: Group = { lines: [], last: new Map() };
      add(fresh, line);
      groups.push(fresh);
    }
  });
  return groups.map((g) => g.lines);
}

/**
 * If a table starts at `rows[start]` (a line of two pieces or more), its rows (one TableRow
 * each) and the index after its last line; else null.
 */
export function readTable(rows: readonly Row[], start: number): { rows: TableRow[]; end: number } | null {
  if (rows[start]!.pieces.length < 2) return null;
  const { end, grid } = extent(rows, start);
  const lines = rows.slice(start, end);
  const edge = edges(grid);
  const left = min(grid.pieces.map((p) => p.x0));
  const out: TableRow[] = [];
  for (const group of rowsOf(lines, grid, edge)) {
    const columns = new Map<number, Piece[]>();
    for (const line of group) {
      for (const p of line.pieces) {
        const c = column(grid.strips, p);
        const list = columns.get(c);
        if (list) list.push(p);
        else columns.set(c, [p]);
      }
    }
    const last = max(columns.keys());
    const size = max(group.map((l) => l.size));
    const cells: Cell[] = [];
    for (let c = 0; c <= last; c++) {
      const pieces = columns.get(c);
      const x = c === 0 ? left : grid.strips[c - 1]!.hi;
      cells.push(pieces ? cellOf(pieces, edge[c]!, size) : { text: '', x0: x, lastX1: x });
    }
    out.push({
      cells,
      strips: grid.strips,
      y: group[0]!.y,
      lastY: group.at(-1)!.y,
      size,
      right: max(group.flatMap((l) => l.pieces.map((p) => p.x1))),
    });
  }
  return { rows: out, end };
}
