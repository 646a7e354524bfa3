// Positioned text items of one page → lines in reading order. Pure: pdfjs never gets here.
//
// pdfjs hands out items in content-stream order, split wherever the font or position changes
// (「本書において「利用」「者」「」と」…), so lines are rebuilt from geometry: items on one baseline
// are joined, wide gaps split a line into pieces (table cells, or the two halves of a
// two-column line), a central gutter shared by many lines makes a column band read column by
// column, and wrapped table cells are folded back into their row, cells joined with a TAB.
import { joinPair } from '../normalize/join.ts';

/** A run of text as drawn, in page space with y growing downwards (0 = top of the page). */
export interface TextItem {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Advance width along the baseline. */
  width: number;
  /** Font size as drawn (em), in the same units. */
  size: number;
}

/** One rebuilt line: table rows carry their cells separated by "\t". */
export interface LaidLine {
  text: string;
  x: number;
  right: number;
  /** Baseline of the line's first row of text, from the top of the page. */
  y: number;
  size: number;
}

// Thresholds, in ems of the larger font size on either side of a gap.
/** A gap wider than this between two items on a baseline is a word space (unless both sides are CJK). */
const SPACE_EM = 0.2;
/** Wider than this, a gap may separate two cells, if it lines up with cell gaps of other rows. */
const FAINT_EM = 0.3;
/** Wider than this, a gap separates two cells or columns if one other row has a cell there too. */
const PIECE_EM = 0.8;
/** Wider than this, a gap always separates pieces; narrower ones must line up with a column. */
const STRONG_EM = 3;
/** Pieces line up when their left (or right) edges are this close, in points. */
const ALIGN_PT = 2;

interface Piece {
  text: string;
  /** Baseline of the piece's first item: the two halves of a row may sit a little apart. */
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** Width of the gap before this piece, in ems; 0 for the first piece of a line. */
  gapEm: number;
}

interface Row {
  y: number;
  size: number;
  pieces: Piece[];
}

// Han, kana, CJK punctuation and full-width forms, radicals: no space is ever put between two of these.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u2e80-\u2fdf\u3000-\u303f\u30fb\u30fc\uff00-\uffef]/u;

/** A list item (「・ISMS-AC 設立に伴う変更」) starts after a space, never glued to the text before. */
const LIST_MARK = /^[・•●◆■□○◎※\-–]/u;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

function lastChar(s: string): string | undefined {
  const cp = s.codePointAt(s.length - 2);
  return cp !== undefined && cp > 0xffff ? String.fromCodePoint(cp) : s.at(-1);
}

function firstChar(s: string): string | undefined {
  return s.length === 0 ? undefined : String.fromCodePoint(s.codePointAt(0)!);
}

const SPACED_CJK = new RegExp(`(?<=${CJK.source}) (?=${CJK.source})`, 'gu');
const ADJACENT_CJK = new RegExp(`${CJK.source}(?=${CJK.source})`, 'gu');

/**
 * Text justified by widening the gaps between characters (as Word does for Japanese) comes
 * out of pdfjs as 「を ご 覧 く だ さ い」: pdfjs writes a space for every gap over a tenth
 * of an em. When most CJK neighbours in a piece are spaced like that, the spaces are spacing,
 * not text, and go; an occasional real space between two CJK characters stays.
 */
function unspaceCjk(text: string): string {
  const spaced = text.match(SPACED_CJK)?.length ?? 0;
  if (spaced < 3) return text;
  const adjacent = text.match(ADJACENT_CJK)?.length ?? 0;
  return spaced >= adjacent ? text.replace(SPACED_CJK, '') : text;
}

/** Joins items of one piece (sorted by x): a space only for a visible gap, never between CJK. */
function joinItems(items: readonly TextItem[]): string {
  let out = '';
  let right = 0;
  let size = 0;
  for (const it of items) {
    if (out !== '') {
      const gap = it.x - right;
      const em = Math.max(size, it.size);
      const a = lastChar(out);
      const b = firstChar(it.text);
      // A bullet after a visible gap starts a list item (「…の更新 ・18.1.5 の更新」), even between CJK.
      if (gap > SPACE_EM * em && a !== ' ' && b !== ' ' && (!(isCjk(a) && isCjk(b)) || LIST_MARK.test(b!))) out += ' ';
    }
    out += it.text;
    right = Math.max(right, it.x + it.width);
    size = it.size;
  }
  return unspaceCjk(out.replace(/\s+/g, ' ').trim());
}

/** Clusters items into baselines, top to bottom; each baseline's items sorted left to right. */
function baselines(items: readonly TextItem[]): TextItem[][] {
  const sorted = items
    .filter((it) => it.text.trim() !== '' && it.size > 0 && Number.isFinite(it.x + it.y + it.width))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  let anchor = Number.NEGATIVE_INFINITY;
  let anchorSize = 0;
  for (const it of sorted) {
    const current = groups.at(-1);
    // Half an em of the larger size keeps superscripts and mixed sizes on their line.
    if (current && it.y - anchor <= 0.5 * Math.max(anchorSize, it.size)) {
      current.push(it);
    } else {
      groups.push([it]);
      anchor = it.y;
      anchorSize = it.size;
    }
  }
  for (const g of groups) g.sort((a, b) => a.x - b.x);
  return groups;
}

/** Splits one baseline at gaps wider than FAINT_EM, dropping the doubled items of fake bold. */
function pieces(items: readonly TextItem[]): Piece[] {
  const out: Piece[] = [];
  let run: TextItem[] = [];
  let gapEm = 0;
  let prev: TextItem | null = null;
  let right = 0;
  const flush = () => {
    if (run.length === 0) return;
    const text = joinItems(run);
    if (text !== '') {
      out.push({
        text,
        y: run[0]!.y,
        x0: run[0]!.x,
        x1: Math.max(...run.map((r) => r.x + r.width)),
        size: Math.max(...run.map((r) => r.size)),
        gapEm,
      });
    }
    run = [];
  };
  for (const it of items) {
    if (prev) {
      const em = Math.max(prev.size, it.size);
      // Word and some PDF printers draw bold text twice, a fraction of a point apart.
      if (it.text === prev.text && Math.abs(it.x - prev.x) < 0.3 * em) continue;
      const gap = it.x - right;
      if (gap > FAINT_EM * em) {
        flush();
        gapEm = gap / em;
      }
    }
    run.push(it);
    prev = it;
    right = run.length === 1 ? it.x + it.width : Math.max(right, it.x + it.width);
  }
  flush();
  return out;
}

/**
 * Which gaps really separate cells. Wider than STRONG_EM: always. Between PIECE_EM and
 * STRONG_EM: when the piece after it lines up with a cell of a nearby row (a column);
 * otherwise it is a wide word space of justified text. Between FAINT_EM and PIECE_EM (a cell
 * whose text runs almost into the next column): only when it lines up with clear cell gaps
 * of two other rows. Pieces whose gap is not confirmed are joined again.
 */
function confirmWeakGaps(rows: Row[]): void {
  interface Start {
    row: number;
    x0: number;
    x1: number;
    clear: boolean;
  }
  const starts: Start[] = [];
  rows.forEach((r, i) => {
    for (const p of r.pieces.slice(1)) starts.push({ row: i, x0: p.x0, x1: p.x1, clear: p.gapEm >= PIECE_EM });
  });
  const byX0 = [...starts].sort((a, b) => a.x0 - b.x0);
  const byX1 = [...starts].sort((a, b) => a.x1 - b.x1);
  /** Other rows nearby with a piece edge at x (within ALIGN_PT); binary search, then the few neighbours. */
  const alignedRows = (list: Start[], key: 'x0' | 'x1', row: number, x: number, clearOnly: boolean): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![key] < x - ALIGN_PT) lo = mid + 1;
      else hi = mid;
    }
    const rowsSeen = new Set<number>();
    for (let k = lo; k < list.length && list[k]![key] <= x + ALIGN_PT; k++) {
      const s = list[k]!;
      if (s.row !== row && Math.abs(s.row - row) <= 12 && (s.clear || !clearOnly)) rowsSeen.add(s.row);
    }
    return rowsSeen.size;
  };
  rows.forEach((r, i) => {
    const kept: Piece[] = [];
    for (const p of r.pieces) {
      const prev = kept.at(-1);
      let keep = true;
      if (prev && p.gapEm < STRONG_EM) {
        const faint = p.gapEm < PIECE_EM;
        const need = faint ? 2 : 1;
        // Right edges count only for short pieces (right-aligned page numbers, amounts): every
        // line of justified text ends at the same x.
        const byRight = Array.from(p.text).length <= 6 ? alignedRows(byX1, 'x1', i, p.x1, true) : 0;
        keep = alignedRows(byX0, 'x0', i, p.x0, faint) >= need || byRight >= need;
      }
      if (prev && !keep) {
        const a = lastChar(prev.text);
        const b = firstChar(p.text);
        prev.text = isCjk(a) && isCjk(b) ? prev.text + p.text : `${prev.text} ${p.text}`;
        prev.x1 = Math.max(prev.x1, p.x1);
        prev.size = Math.max(prev.size, p.size);
      } else {
        kept.push({ ...p });
      }
    }
    r.pieces = kept;
  });
}

// ---------------------------------------------------------------- columns

interface Band {
  from: number;
  to: number;
  /** The free strip between the columns, when the band is two columns. */
  gutter: [number, number] | null;
}

type Interval = [number, number];

function subtract(free: Interval[], used: readonly Piece[]): Interval[] {
  let out = free;
  for (const p of used) {
    const next: Interval[] = [];
    for (const [a, b] of out) {
      if (p.x1 <= a || p.x0 >= b) {
        next.push([a, b]);
        continue;
      }
      if (p.x0 > a) next.push([a, p.x0]);
      if (p.x1 < b) next.push([p.x1, b]);
    }
    out = next;
  }
  return out;
}

function widest(free: readonly Interval[]): Interval | null {
  let best: Interval | null = null;
  for (const iv of free) if (!best || iv[1] - iv[0] > best[1] - best[0]) best = iv;
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * Two columns: lines on both sides of one central strip that no piece crosses, and on each
 * side most lines fill the column (prose). A table has such strips too, but its cells are
 * mostly short; a table of two full prose columns is read as columns, which keeps its text
 * together anyway.
 */
function isColumns(rows: readonly Row[], gutter: Interval, left: number, right: number): boolean {
  if (rows.length < 6) return false;
  const total = right - left;
  if (gutter[0] - left < 0.3 * total || right - gutter[1] < 0.3 * total) return false;
  const sides: [(p: Piece) => boolean, number][] = [
    [(p) => p.x1 <= gutter[0], gutter[0]],
    [(p) => p.x0 >= gutter[1], right],
  ];
  return sides.every(([keep, edge]) => {
    let lines = 0;
    let full = 0;
    let single = 0;
    for (const r of rows) {
      const ps = r.pieces.filter(keep);
      if (ps.length === 0) continue;
      lines++;
      if (ps.length === 1) single++;
      // Prose runs up to the column's edge; table cells mostly stop short of it.
      if (ps.at(-1)!.x1 >= edge - 3 * ps.at(-1)!.size) full++;
    }
    // Prose has one piece per side on a line; table rows put several cells on one side.
    return lines >= 3 && full >= 0.25 * lines && single >= 0.6 * lines;
  });
}

/** Splits the page's rows into bands, some of them two columns. Linear in the number of rows. */
function columnBands(rows: readonly Row[]): Band[] {
  const all = rows.flatMap((r) => r.pieces);
  if (all.length === 0) return [];
  const left = Math.min(...all.map((p) => p.x0));
  const right = Math.max(...all.map((p) => p.x1));
  const width = right - left;
  const minGutter = Math.max(6, 0.8 * median(all.map((p) => p.size)));
  const zone: Interval = [left + 0.25 * width, right - 0.25 * width];
  const bands: Band[] = [];
  let plain = 0; // start of the pending run of one-column rows
  let i = 0;
  while (i < rows.length) {
    let free: Interval[] = [zone];
    let j = i;
    while (j < rows.length) {
      const next = subtract(free, rows[j]!.pieces).filter((iv) => iv[1] - iv[0] >= minGutter);
      if (next.length === 0) break;
      free = next;
      j++;
    }
    const gutter = j > i ? widest(free) : null;
    if (gutter && isColumns(rows.slice(i, j), gutter, left, right)) {
      if (plain < i) bands.push({ from: plain, to: i, gutter: null });
      bands.push({ from: i, to: j, gutter });
      plain = j;
      i = j;
    } else {
      // Rows i..j-1 share no column gutter worth reading by column: skip past them.
      i = Math.max(i + 1, j);
    }
  }
  if (plain < rows.length) bands.push({ from: plain, to: rows.length, gutter: null });
  return bands;
}

// ---------------------------------------------------------------- tables

interface Cell {
  text: string;
  x0: number;
  /** Right edge of the cell's last line: a cell that wrapped reaches the next column. */
  lastX1: number;
}

interface OutRow {
  cells: Cell[];
  y: number;
  lastY: number;
  size: number;
  right: number;
  /** Distance from the line above to this row's first line, when there is a line above. */
  gapBefore: number | null;
  /** The line above was a table row (two cells or more). */
  afterRow: boolean;
}

/** The usual distance between consecutive one-piece lines: the body text leading. */
function bodyLeading(rows: readonly Row[]): number | null {
  const counts = new Map<number, number>();
  for (let k = 1; k < rows.length; k++) {
    const a = rows[k - 1]!;
    const b = rows[k]!;
    if (a.pieces.length !== 1 || b.pieces.length !== 1) continue;
    const gap = Math.round((b.y - a.y) * 2) / 2;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [gap, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && gap < best)) {
      best = gap;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Did a line ending at `lastX1` wrap before `edge`, with `next` on the following line? It did
 * if the first word of `next` (one character of CJK text) would not have fitted in the room
 * left, give or take two ems of cell padding.
 */
function wrapped(lastX1: number, edge: number, next: Piece, size: number): boolean {
  const chars = Array.from(next.text);
  const first = firstChar(next.text);
  const word = isCjk(first) ? 1 : Math.max(1, next.text.search(/\s|$/));
  const perChar = (next.x1 - next.x0) / Math.max(1, chars.length);
  return edge - lastX1 < 2 * size + word * perChar;
}

/** A numbered heading of its own (`5.1.1 …`, `CLD.9.5.1 …`, `第3章`), never the tail of the one above. */
const NUMBERED_START = /^(?:(?:CLD|A)\s*\.?\s*)?\d{1,2}\s*[.．]|^第\s*\d+\s*[章節]/;

/**
 * Is `row` the next line of cells that wrapped in `prev`? Its pieces must start where prev's
 * cells start and it must follow closer than the rows are spaced. Then either each of those
 * cells was full (its text reached the next column or the table's right edge), or the table
 * is well under way (prev follows another row) and the line is much closer than the rows are
 * apart: a word-wrapping producer can leave a cell visibly short of full.
 */
function continues(prev: OutRow, row: Row, regionRight: number, leading: number | null): boolean {
  if (prev.cells.length < 2) return false;
  const gap = row.y - prev.lastY;
  const limit =
    prev.gapBefore !== null && prev.gapBefore <= 3 * prev.size
      ? prev.gapBefore - 0.15 * prev.size
      : leading !== null
        ? leading * 1.1
        : 1.8 * prev.size;
  if (gap <= 0 || gap > limit) return false;
  const tol = Math.max(ALIGN_PT, 0.3 * row.size);
  // Much closer than the row above was to its predecessor: the spacing itself says "same row".
  const close = prev.gapBefore !== null && prev.gapBefore <= 3 * prev.size && gap <= 0.8 * prev.gapBefore;
  let full = true;
  let first = false;
  for (const p of row.pieces) {
    const c = prev.cells.findIndex((cell) => Math.abs(cell.x0 - p.x0) <= tol);
    if (c === -1) return false;
    if (c === 0) first = true;
    const edge = c + 1 < prev.cells.length ? prev.cells[c + 1]!.x0 : regionRight;
    if (!wrapped(prev.cells[c]!.lastX1, edge, p, prev.size)) full = false;
  }
  // A line filling the first cell and others is normally the next row; it continues this one
  // only when every cell it extends was full and the spacing says so too.
  if (first && row.pieces.length > 1) return full && close;
  if (full) return true;
  // A row of three cells or more (a grid) whose later cells go on at the body's leading, with
  // nothing in the first column: the next lines of those cells, also on the first row of a page.
  if (!first && prev.cells.length >= 3 && leading !== null && gap <= leading * 1.1) return true;
  return prev.afterRow && close && !NUMBERED_START.test(row.pieces[0]!.text);
}

/**
 * Is `row` the second line of a heading that wrapped in `prev`? A heading is set larger than
 * the body text; when it wraps, its next line has the same size, follows at its own leading
 * and starts under it, and the line above reached the right edge.
 */
function continuesHeading(prev: OutRow, row: Row, regionRight: number, bodySize: number): boolean {
  if (prev.cells.length !== 1 || row.pieces.length !== 1) return false;
  if (prev.size < 1.05 * bodySize || Math.abs(row.size - prev.size) > 0.05 * prev.size) return false;
  const gap = row.y - prev.lastY;
  if (gap <= 0 || gap > 1.7 * prev.size) return false;
  const cell = prev.cells[0]!;
  const p = row.pieces[0]!;
  if (!wrapped(cell.lastX1, regionRight, p, prev.size)) return false;
  if (p.x0 < cell.x0 - ALIGN_PT || p.x0 > cell.x0 + 8 * prev.size) return false;
  return !NUMBERED_START.test(p.text);
}

function joinCell(left: string, right: string): string {
  return LIST_MARK.test(right) ? `${left} ${right}` : joinPair(left, right);
}

/**
 * A table row whose first cells are empty (a cell merged down from the row above) starts
 * under a later column of the row before: it gets those empty cells back, so that its cells
 * keep their column (`\t2023/6/1\t改訂`), as in the text the pipeline also reads.
 */
function emptyLeadingCells(prev: OutRow | undefined, row: Row): Cell[] {
  if (!prev || prev.cells.length < 2) return [];
  const gap = row.y - prev.lastY;
  if (gap <= 0 || gap > Math.max(3 * prev.size, 1.3 * (prev.gapBefore ?? 0))) return [];
  const tol = Math.max(ALIGN_PT, 0.3 * row.size);
  const k = prev.cells.findIndex((c) => Math.abs(c.x0 - row.pieces[0]!.x0) <= tol);
  return k <= 0 ? [] : prev.cells.slice(0, k).map((c) => ({ text: '', x0: c.x0, lastX1: c.x0 }));
}

/**
 * A grid row's cells by column: each piece goes under the column it starts at, and a column it
 * leaves empty keeps its (empty) cell, so that 「3 | | 6.1.3 | …」 keeps 6.1.3 in its column as the
 * text of a spreadsheet would. Columns are the cell starts of the table's rows so far.
 */
function cellsByColumn(columns: number[], row: Row): Cell[] | null {
  const tol = Math.max(ALIGN_PT, 0.3 * row.size);
  const at = row.pieces.map((p) => columns.findIndex((x) => Math.abs(x - p.x0) <= tol));
  if (at.some((k) => k === -1) || at.some((k, i) => i > 0 && k <= at[i - 1]!)) return null;
  const cells: Cell[] = [];
  for (let k = 0; k <= at.at(-1)!; k++) {
    const i = at.indexOf(k);
    const p = row.pieces[i];
    cells.push(p ? { text: p.text, x0: p.x0, lastX1: p.x1 } : { text: '', x0: columns[k]!, lastX1: columns[k]! });
  }
  return cells;
}

/** A number set apart from its title (「5.23　クラウドサービスの利用…」「第5.1.1項　…」): one piece, not two cells. */
const LONE_NUMBER = /^(?:第?\s*(?:CLD\s*\.?\s*|A\s*\.\s*)?\d{1,2}(?:\s*\.\s*\d{1,2}){0,2}\s*[.．]?\s*[項条章節部]?|[(（]\d{1,2}[)）]|\d{1,2}[)）])$/i;

function numberedHeading(row: Row, inGrid: boolean): Row {
  if (inGrid || row.pieces.length !== 2 || !LONE_NUMBER.test(row.pieces[0]!.text.trim())) return row;
  const [num, title] = row.pieces as [Piece, Piece];
  return { ...row, pieces: [{ ...title, text: `${num.text.trim()} ${title.text}`, x0: num.x0 }] };
}

function assemble(rows: readonly Row[], bodySize: number): OutRow[] {
  if (rows.length === 0) return [];
  const regionRight = Math.max(...rows.flatMap((r) => r.pieces.map((p) => p.x1)));
  const leading = bodyLeading(rows);
  const out: OutRow[] = [];
  /** The cell starts of the grid being read: the widest row's, once a table has three columns. */
  let columns: number[] | null = null;
  for (const original of rows) {
    const prev = out.at(-1);
    const row = numberedHeading(original, columns !== null && prev !== undefined && prev.cells.length >= 2);
    const heading = prev !== undefined && continuesHeading(prev, row, regionRight, bodySize);
    if (prev && (heading || continues(prev, row, regionRight, leading))) {
      for (const p of row.pieces) {
        const cell = heading ? prev.cells[0]! : prev.cells.find((c) => Math.abs(c.x0 - p.x0) <= Math.max(ALIGN_PT, 0.3 * row.size))!;
        cell.text = joinCell(cell.text, p.text);
        cell.lastX1 = p.x1;
      }
      prev.lastY = row.y;
      prev.right = Math.max(prev.right, ...row.pieces.map((p) => p.x1));
      continue;
    }
    const inGrid: boolean = columns !== null && prev !== undefined && prev.cells.length >= 2 && row.pieces.length >= 2;
    const byColumn: Cell[] | null = inGrid ? cellsByColumn(columns!, row) : null;
    const cells: Cell[] = byColumn ?? [...emptyLeadingCells(prev, row), ...row.pieces.map((p) => ({ text: p.text, x0: p.x0, lastX1: p.x1 }))];
    if (cells.length >= 3 && cells.length >= (columns?.length ?? 0)) columns = cells.map((c) => c.x0);
    else if (row.pieces.length < 2) columns = null;
    out.push({
      cells,
      y: row.y,
      lastY: row.y,
      size: row.size,
      right: Math.max(...row.pieces.map((p) => p.x1)),
      gapBefore: prev ? row.y - prev.lastY : null,
      afterRow: prev !== undefined && prev.cells.length >= 2,
    });
  }
  return out;
}

function sideRows(rows: readonly Row[], keep: (p: Piece) => boolean): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const ps = r.pieces.filter(keep);
    if (ps.length > 0) out.push({ y: ps[0]!.y, size: Math.max(...ps.map((p) => p.size)), pieces: ps });
  }
  return out;
}

/** The size most characters on the page are set in. */
function bodySizeOf(items: readonly TextItem[]): number {
  const chars = new Map<number, number>();
  for (const it of items) {
    const size = Math.round(it.size * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + it.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, n] of chars) {
    if (n > bestCount) {
      best = size;
      bestCount = n;
    }
  }
  return best;
}

/** Rebuilds the lines of one page from its text items, in reading order. */
export function layoutPage(items: readonly TextItem[]): LaidLine[] {
  const bodySize = bodySizeOf(items);
  const rows: Row[] = baselines(items)
    .map((group) => {
      const ps = pieces(group);
      return { y: group[0]!.y, size: Math.max(...group.map((g) => g.size)), pieces: ps };
    })
    .filter((r) => r.pieces.length > 0);
  confirmWeakGaps(rows);
  const out: OutRow[] = [];
  for (const band of columnBands(rows)) {
    const slice = rows.slice(band.from, band.to);
    if (band.gutter) {
      const [g0, g1] = band.gutter;
      out.push(...assemble(sideRows(slice, (p) => p.x1 <= g0), bodySize));
      out.push(...assemble(sideRows(slice, (p) => p.x0 >= g1), bodySize));
    } else {
      out.push(...assemble(slice, bodySize));
    }
  }
  return out.map((r) => ({
    // C0 controls are never text (a broken ToUnicode entry yields them); TAB is ours, for cells.
    text: r.cells.map((c) => c.text.replace(/[\u0000-\u001f\u007f]/g, '')).join('\t'),
    x: r.cells.find((c) => c.text !== '')!.x0,
    right: r.right,
    y: r.y,
    size: r.size,
  }));
}
