// Tables that run over a page break. Each page's layout reads its part of a table alone, with
// the columns that part fills: a column empty on one page (a merged 「分類」 cell) is missing
// from its grid, and the header may be printed again at the top of the next page. A table that
// ends one page and starts the next with columns that line up is one table: its rows are set
// in the columns of all its parts, a header printed again is dropped, and a row the page break
// cut is joined again.
import { joinPair } from '../normalize/join.ts';
import type { LaidLine } from './layout.ts';
import { columnAt, type Strip } from './layout-table.ts';

type Table = NonNullable<LaidLine['table']>;

const overlap = (a: Strip, b: Strip) => a.lo < b.hi && a.hi > b.lo;

/**
 * The columns of two parts of one table, or null when they are not: every strip of the part
 * with fewer columns must lie over a strip of the other, and the table must start at one x.
 */
function combine(a: Table, b: Table): Strip[] | null {
  const [few, many] = a.strips.length <= b.strips.length ? [a.strips, b.strips] : [b.strips, a.strips];
  if (few.length === 0 || !few.every((s) => many.some((t) => overlap(s, t)))) return null;
  if (Math.abs(a.cells[0]!.x0 - b.cells[0]!.x0) > 3) return null;
  const out = a.strips.map((s) => ({ ...s }));
  for (const s of b.strips) {
    const hit = out.filter((t) => overlap(s, t));
    if (hit.length === 0) out.push({ ...s });
    else if (hit.length === 1) {
      // The same strip, seen on two pages: narrowed to what both leave free.
      const t = hit[0]!;
      t.lo = Math.max(t.lo, s.lo);
      t.hi = Math.min(t.hi, s.hi);
      if (t.hi - t.lo < 1) return null;
    }
    // A strip over several: a column left empty on that page.
  }
  return out.sort((x, y) => x.lo - y.lo);
}

/** The row's cells in the columns `strips` make. */
function rowCells(table: Table, strips: readonly Strip[]): string[] {
  const cells: string[] = [];
  for (const cell of table.cells) {
    if (cell.text === '') continue;
    const c = columnAt(strips, cell.x0);
    while (cells.length <= c) cells.push('');
    cells[c] = cells[c] === '' ? cell.text : `${cells[c]} ${cell.text}`;
  }
  return cells;
}

const filled = (cells: readonly string[]) => cells.flatMap((c, i) => (c === '' ? [] : [i]));

/**
 * Is `next`, the first row of a page, the rest of `prev`, a row the page break cut? Its first
 * cell is empty and it has text only in columns where `prev` has text, and not in all of them
 * but the first: the cells that ran on are the long ones. (A row whose first cell is merged from
 * the row above fills the other columns.)
 */
function runsOn(prev: readonly string[], next: readonly string[]): boolean {
  const cols = filled(next);
  const before = filled(prev);
  return (next[0] ?? '') === '' && cols.length > 0 && cols.every((c) => before.includes(c)) && cols.length < before.filter((c) => c > 0).length;
}

/** Joins the two parts of a cell cut by a page break, as the lines of a cell are joined. */
function joinCut(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  return /[。．！？!?][)）」』]?$/u.test(a) || /^[・•●◆■□○◎※▲△▼▽]/u.test(b) ? `${a}\n${b}` : joinPair(a, b);
}

/**
 * The text of every line of every page (null: the line is left out), with `furniture` lines
 * (running headers and footers) left out already: a table part that is the last line of one
 * page and one that is the first of the next are joined when their columns line up.
 */
export function tableTexts(pages: readonly (readonly LaidLine[])[], furniture: readonly (readonly boolean[])[]): (string | null)[][] {
  const texts: (string | null)[][] = pages.map((lines, p) => lines.map((l, k) => (furniture[p]![k] ? null : l.text)));
  /** The lines of each table part, by its strips (every row of one part shares them). */
  const parts = new Map<readonly Strip[], { page: number; index: number }[]>();
  pages.forEach((lines, p) =>
    lines.forEach((l, k) => {
      if (!l.table || furniture[p]![k]) return;
      const list = parts.get(l.table.strips) ?? [];
      list.push({ page: p, index: k });
      parts.set(l.table.strips, list);
    }),
  );
  const kept = (p: number) => pages[p]!.map((_, k) => k).filter((k) => !furniture[p]![k]);

  // Chains of parts: the table on the last line of a page goes on in the table on the first line of the next.
  let chain: { strips: Strip[]; parts: (readonly Strip[])[] } | null = null;
  const chains: { strips: Strip[]; parts: (readonly Strip[])[] }[] = [];
  for (let p = 0; p + 1 < pages.length; p++) {
    const last = kept(p).at(-1);
    const first = kept(p + 1)[0];
    const a = last === undefined ? undefined : pages[p]![last]!.table;
    const b = first === undefined ? undefined : pages[p + 1]![first]!.table;
    const strips: Strip[] | null = a && b ? combine(chain && chain.parts.at(-1) === a.strips ? { ...a, strips: chain.strips } : a, b) : null;
    if (!a || !b || !strips) {
      chain = null;
      continue;
    }
    if (chain && chain.parts.at(-1) === a.strips) {
      chain.strips = strips;
      chain.parts.push(b.strips);
    } else {
      chain = { strips, parts: [a.strips, b.strips] };
      chains.push(chain);
    }
  }

  for (const { strips, parts: ids } of chains) {
    let header: string | null = null;
    /** The last row written, to take the rest of a row the page break cut. */
    let last: { page: number; index: number; cells: string[] } | null = null;
    ids.forEach((id, n) => {
      const rows = parts.get(id)!;
      rows.forEach(({ page, index }, row) => {
        const cells = rowCells(pages[page]![index]!.table!, strips);
        const text = cells.join('\t');
        if (n === 0 && row === 0) header = text;
        // The header printed again at the top of the next page.
        const repeated = n > 0 && row === 0 && text === header;
        const first = n > 0 && (row === 0 || (row === 1 && texts[page]![rows[0]!.index] === null));
        if (repeated) texts[page]![index] = null;
        else if (first && last && runsOn(last.cells, cells)) {
          last.cells = last.cells.map((c, i) => joinCut(c, cells[i] ?? ''));
          texts[last.page]![last.index] = last.cells.join('\t');
          texts[page]![index] = null;
        } else {
          texts[page]![index] = text;
          last = { page, index, cells };
        }
      });
    });
  }
  return texts;
}
