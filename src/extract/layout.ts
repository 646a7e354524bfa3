// Positioned text items of one page → lines in reading order. Pure: pdfjs never gets here.
//
// pdfjs hands out items in content-stream order, split wherever the font or position changes
// (「本書において「利用」「者」「」と」…), so lines are rebuilt from geometry: items on one baseline
// are joined, wide gaps split a line into pieces (table cells, or the two halves of a
// two-column line), a central gutter shared by many lines makes a column band read column by
// column, and tables are read cell by cell (layout-table.ts), a row's cells joined with a TAB.
import { joinPair } from '../normalize/join.ts';
import { CJK, firstChar, isCjk, lastChar, LIST_MARK } from './layout-chars.ts';
import { readTable, wrapped, type Cell, type Strip } from './layout-table.ts';

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
  /** A table row: its cells (an empty cell sits where its column starts) and the table's columns. */
  table?: { cells: readonly { text: string; x0: number }[]; strips: readonly Strip[] };
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
/** A gap within this many ems of one em may be an ideographic space (U+3000), not a column gap. */
const IDEOGRAPHIC_EM = 0.1;
const ideographic = (gapEm: number) => Math.abs(gapEm - 1) <= IDEOGRAPHIC_EM;
/** Pieces line up when their left (or right) edges are this close, in points. */
const ALIGN_PT = 2;

export interface Piece {
  text: string;
  /** Baseline of the piece's first item: the two halves of a row may sit a little apart. */
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** Width of the gap before this piece, in ems; 0 for the first piece of a line. */
  gapEm: number;
}

export interface Row {
  y: number;
  size: number;
  pieces: Piece[];
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
      // A bullet after a visible gap starts a list item (「…の更新 ・18.1.5 の更新」), and a gap
      // after a full stop ends a sentence (a line break set as a space), even between CJK.
      if (gap > SPACE_EM * em && a !== ' ' && b !== ' ' && (!(isCjk(a) && isCjk(b)) || LIST_MARK.test(b!) || /[。！？]/.test(a!))) out += ' ';
    }
    out += it.text;
    right = Math.max(right, it.x + it.width);
    size = it.size;
  }
  // C0 controls are never text (a broken ToUnicode entry yields them); TAB and LF are the
  // layout's own, between cells and for a line break inside a cell.
  return unspaceCjk(out.replace(/[\u0000-\u001f\u007f]/g, (ch) => (/\s/.test(ch) ? ' ' : '')).replace(/\s+/g, ' ').trim());
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
    gapEm: number;
    clear: boolean;
  }
  const starts: Start[] = [];
  rows.forEach((r, i) => {
    r.pieces.forEach((p, k) => {
      if (k > 0) starts.push({ row: i, x0: p.x0, x1: p.x1, gapEm: p.gapEm, clear: p.gapEm >= PIECE_EM });
    });
  });
  const byX0 = [...starts].sort((a, b) => a.x0 - b.x0);
  const byX1 = [...starts].sort((a, b) => a.x1 - b.x1);
  /** Pieces of other rows nearby with an edge at x (within ALIGN_PT); binary search, then the few neighbours. */
  const aligned = (list: Start[], key: 'x0' | 'x1', row: number, x: number, clearOnly: boolean): Start[] => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![key] < x - ALIGN_PT) lo = mid + 1;
      else hi = mid;
    }
    const out: Start[] = [];
    for (let k = lo; k < list.length && list[k]![key] <= x + ALIGN_PT; k++) {
      const s = list[k]!;
      if (s.row !== row && Math.abs(s.row - row) <= 12 && (s.clear || !clearOnly)) out.push(s);
    }
    return out;
  };
  const rowCount = (list: Start[]) => new Set(list.map((s) => s.row)).size;
  rows.forEach((r, i) => {
    // A line with a gap no word space is that wide is a table row: its other wide gaps part cells too.
    const tableRow = r.pieces.some((p) => p.gapEm >= STRONG_EM);
    const kept: Piece[] = [];
    for (const p of r.pieces) {
      const prev = kept.at(-1);
      let keep = true;
      if (prev && p.gapEm < STRONG_EM) {
        const faint = p.gapEm < PIECE_EM;
        const need = faint ? 2 : 1;
        // Right edges count only for short pieces (right-aligned page numbers, amounts): every
        // line of justified text ends at the same x.
        const byRight = Array.from(p.text).length <= 6 ? rowCount(aligned(byX1, 'x1', i, p.x1, true)) : 0;
        const left = aligned(byX0, 'x0', i, p.x0, faint);
        // An ideographic space after labels of one width (「5.1　…」「5.2　…」 in a table of
        // contents) lines the text up without making a column: a column's text starts at one x
        // whatever the length of the cell before it, so another row has another gap before the
        // very same x (not one that lines up by chance, a point off).
        const spaced = ideographic(p.gapEm) && !left.some((s) => !ideographic(s.gapEm) && Math.abs(s.x0 - p.x0) <= 0.5);
        // In a table row, two numbers half an em apart or more are two cells (「A.12.1.3」「8.6」 in narrow
        // columns): a space between numbers of one cell is a quarter of an em.
        const numbers = /\d$/.test(prev.text) && /^\d/.test(p.text) && p.gapEm >= 0.5;
        keep = (!spaced && (rowCount(left) >= need || byRight >= need)) || (tableRow && (p.gapEm > 1 + IDEOGRAPHIC_EM || numbers));
      }
      if (prev && !keep) {
        const a = lastChar(prev.text);
        const b = firstChar(p.text);
        // Between Japanese characters only a gap as wide as an ideographic space is a space.
        prev.text = isCjk(a) && isCjk(b) && p.gapEm < PIECE_EM ? prev.text + p.text : `${prev.text} ${p.text}`;
        prev.x1 = Math.max(prev.x1, p.x1);
        prev.size = Math.max(prev.size, p.size);
      } else {
        kept.push({ ...p });
      }
    }
    // Letter-spaced (justified) Japanese whose gaps were as wide as spaces: spacing, not text.
    for (const p of kept) p.text = unspaceCjk(p.text);
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

// ---------------------------------------------------------------- lines and tables

interface OutRow {
  cells: Cell[];
  y: number;
  lastY: number;
  size: number;
  right: number;
  /** The columns of the table the row is in; null for a line outside tables. */
  strips: readonly Strip[] | null;
}

/** A numbered heading of its own (`5.1.1 …`, `CLD.9.5.1 …`, `第3章`), never the tail of the one above. */
const NUMBERED_START = /^(?:(?:CLD|A)\s*\.?\s*)?\d{1,2}\s*[.．]|^第\s*\d+\s*[章節]/;

/**
 * Is `row` the second line of a heading that wrapped in `prev`? A heading is set larger than
 * the body text; when it wraps, its next line has the same size, follows at its own leading
 * and starts under it, and the line above reached the right edge.
 */
function continuesHeading(prev: OutRow, row: Row, regionRight: number, bodySize: number): boolean {
  if (prev.strips || prev.cells.length !== 1 || row.pieces.length !== 1) return false;
  if (prev.size < 1.05 * bodySize || Math.abs(row.size - prev.size) > 0.05 * prev.size) return false;
  const gap = row.y - prev.lastY;
  if (gap <= 0 || gap > 1.7 * prev.size) return false;
  const cell = prev.cells[0]!;
  const p = row.pieces[0]!;
  if (!wrapped(cell.lastX1, regionRight, p, prev.size)) return false;
  if (p.x0 < cell.x0 - ALIGN_PT || p.x0 > cell.x0 + 8 * prev.size) return false;
  // An id after an opening bracket the line above left open (「…［ISO/IEC 27017：」「16.1.1］」) is its tail.
  return !NUMBERED_START.test(p.text) || unclosed(cell.text);
}

/** Does the text end inside a bracket (more opened than closed)? */
function unclosed(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('[［(（【〔「'.includes(ch)) depth++;
    else if (']］)）】〕」'.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** A number set apart from its title (「5.23　クラウドサービスの利用…」「第5.1.1項　…」): one piece, not two cells. */
const LONE_NUMBER = /^(?:第?\s*(?:CLD\s*\.?\s*|A\s*\.\s*)?\d{1,2}(?:\s*\.\s*\d{1,2}){0,2}\s*[.．]?\s*[項条章節部]?|[(（]\d{1,2}[)）]|\d{1,2}[)）])$/i;

/** The rows with each numbered heading outside a table (no line of cells above or below it) made one piece. */
function numberedHeadings(rows: readonly Row[]): Row[] {
  return rows.map((row, i) => {
    const cells = (r: Row | undefined) => (r?.pieces.length ?? 0) >= 2;
    if (row.pieces.length !== 2 || !LONE_NUMBER.test(row.pieces[0]!.text.trim()) || cells(rows[i - 1]) || cells(rows[i + 1])) return row;
    const [num, title] = row.pieces as [Piece, Piece];
    return { ...row, pieces: [{ ...title, text: `${num.text.trim()} ${title.text}`, x0: num.x0 }] };
  });
}

/** Lines top to bottom: a table where one starts, else one line per baseline, a wrapped heading joined again. */
function assemble(band: readonly Row[], bodySize: number): OutRow[] {
  if (band.length === 0) return [];
  const rows = numberedHeadings(band);
  const regionRight = Math.max(...rows.flatMap((r) => r.pieces.map((p) => p.x1)));
  const out: OutRow[] = [];
  for (let i = 0; i < rows.length; ) {
    const table = readTable(rows, i);
    if (table) {
      out.push(...table.rows);
      i = table.end;
      continue;
    }
    const row = rows[i]!;
    const prev = out.at(-1);
    if (prev && continuesHeading(prev, row, regionRight, bodySize)) {
      const cell = prev.cells[0]!;
      for (const p of row.pieces) {
        cell.text = LIST_MARK.test(p.text) ? `${cell.text} ${p.text}` : joinPair(cell.text, p.text);
        cell.lastX1 = p.x1;
      }
      prev.lastY = row.y;
      prev.right = Math.max(prev.right, ...row.pieces.map((p) => p.x1));
    } else {
      out.push({
        cells: row.pieces.map((p) => ({ text: p.text, x0: p.x0, lastX1: p.x1 })),
        y: row.y,
        lastY: row.y,
        size: row.size,
        right: Math.max(...row.pieces.map((p) => p.x1)),
        strips: null,
      });
    }
    i++;
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
    text: r.cells.map((c) => c.text).join('\t'),
    ...(r.strips ? { table: { cells: r.cells.map(({ text, x0 }) => ({ text, x0 })), strips: r.strips } } : {}),
    x: r.cells.find((c) => c.text !== '')!.x0,
    right: r.right,
    y: r.y,
    size: r.size,
  }));
}
