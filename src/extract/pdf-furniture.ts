// Page furniture: running headers and footers repeated across pages, and page numbers. Pure:
// takes the laid-out lines of every page and says which ones are furniture.
import type { LaidLine } from './layout.ts';

export interface FurniturePage {
  lines: readonly LaidLine[];
  /** Page height, in the units of the lines' y. */
  height: number;
}

/** How many lines at the top and at the bottom of a page can be a running header or footer. */
const EDGE_LINES = 3;
/** Repeated lines must sit within this distance (points) of each other from page to page. */
const POSITION_TOLERANCE = 4;
/** Running headers and footers live in the outer fifth of the page, top or bottom… */
const REPEAT_ZONE = 0.2;
/** …and page numbers in its outer eighth. */
const OUTER_ZONE = 0.12;

// Distinctive page-number shapes, on text with whitespace removed and NFKC applied.
const PAGE_NUMBER = [
  /^[-‐‑–—−―]\d{1,4}[-‐‑–—−―]$/, // - 3 -
  /^\d{1,4}\/\d{1,4}$/, // 3 / 18
  /^(?:page|p\.?)\d{1,4}(?:(?:of|\/)\d{1,4})?$/i, // Page 3, p. 3, Page 3 of 18
  /^\d{1,4}(?:of)\d{1,4}$/i, // 3 of 18
  /^第?\d{1,4}(?:ページ|頁)$/, // 3 ページ, 第3頁
  /^[(（]\d{1,4}[)）]$/, // (3)
];
const BARE_NUMBER = /^\d{1,4}$/;

/** Text of a header or footer with its digits (page numbers, dates) made equal. */
export function furnitureKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/\d+/g, '#');
}

interface Candidate {
  page: number;
  index: number;
  /** Distance from the page edge the line belongs to. */
  pos: number;
}

function edgeIndexes(lines: readonly LaidLine[]): { top: number[]; bottom: number[] } {
  const order = lines.map((_, i) => i).sort((a, b) => lines[a]!.y - lines[b]!.y);
  return { top: order.slice(0, EDGE_LINES), bottom: order.slice(-EDGE_LINES).reverse() };
}

/** Pages (of the candidates) sharing the most common position: that cluster, if large enough. */
function positionCluster(cands: Candidate[], minPages: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.pos - b.pos);
  let best: Candidate[] = [];
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]!.pos - sorted[lo]!.pos > 2 * POSITION_TOLERANCE) lo++;
    if (hi - lo + 1 > best.length) best = sorted.slice(lo, hi + 1);
  }
  const pages = new Set(best.map((c) => c.page));
  return pages.size >= minPages ? best : [];
}

/**
 * For every page, which of its lines are furniture:
 * - a line among the first or last EDGE_LINES, in the outer fifth of the page, whose text
 *   (digits ignored) recurs at the same place on at least 40 % of the pages with text (all of
 *   them for two or three pages);
 * - a page number (`- 3 -`, `3 / 18`, `Page 3`) as the first or last two lines, in the outer
 *   part of the page; a bare number only if other pages have one at the same place too.
 * A line in the middle of the page is never furniture, whatever it says.
 */
export function findFurniture(pages: readonly FurniturePage[]): boolean[][] {
  const flags = pages.map((p) => p.lines.map(() => false));
  const textPages = pages.filter((p) => p.lines.length > 0).length;
  const minRepeat = textPages <= 1 ? Infinity : textPages <= 3 ? textPages : Math.max(3, Math.ceil(0.4 * textPages));

  const groups = new Map<string, Candidate[]>();
  const bare: { top: Candidate[]; bottom: Candidate[] } = { top: [], bottom: [] };
  pages.forEach((page, p) => {
    const { top, bottom } = edgeIndexes(page.lines);
    const zones: ['top' | 'bottom', number[]][] = [
      ['top', top],
      ['bottom', bottom],
    ];
    for (const [zone, indexes] of zones) {
      indexes.forEach((index, rank) => {
        const line = page.lines[index]!;
        const pos = zone === 'top' ? line.y : page.height - line.y;
        const key = furnitureKey(line.text);
        if (key === '' || pos > REPEAT_ZONE * page.height) return;
        const list = groups.get(`${zone}\u0000${key}`) ?? [];
        list.push({ page: p, index, pos });
        groups.set(`${zone}\u0000${key}`, list);
        if (rank >= 2 || pos > OUTER_ZONE * page.height) return;
        const compact = line.text.normalize('NFKC').replace(/\s+/g, '');
        if (PAGE_NUMBER.some((re) => re.test(compact))) flags[p]![index] = true;
        else if (BARE_NUMBER.test(compact)) bare[zone].push({ page: p, index, pos });
      });
    }
  });

  for (const cands of groups.values()) {
    if (new Set(cands.map((c) => c.page)).size < minRepeat) continue;
    for (const c of positionCluster(cands, minRepeat)) flags[c.page]![c.index] = true;
  }
  for (const cands of [bare.top, bare.bottom]) {
    const cluster = textPages === 1 ? cands : positionCluster(cands, 2);
    for (const c of cluster) flags[c.page]![c.index] = true;
  }
  return flags;
}
