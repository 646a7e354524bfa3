// pdfjs text content → layout's TextItems, in top-down page space. Kept apart from pdf.ts so
// the fixture script can dump the very items the layout tests are fed.
import { addStats, charStats, type CharStats } from './pdf-readability.ts';
import type { TextItem } from './layout.ts';
import { pdfjs } from './pdfjs.mjs';

/** The fields of a pdfjs text item that are read (marked-content entries have no `str`). */
export interface PdfjsItem {
  str: string;
  dir?: string;
  transform: number[];
  width: number;
}

export interface PageItems {
  items: TextItem[];
  /** Height of the page in the frame the items are given in (the width, for sideways text). */
  height: number;
  /** Character counts over all text on the page, the skipped items included. */
  stats: CharStats;
  /** Items in another direction than the page's text (a rotated stamp, vertical writing), left out. */
  skipped: number;
}

type Matrix = [number, number, number, number, number, number];

/**
 * Which way the text runs on the display: 0 left to right, 1 top to bottom (turned a quarter
 * clockwise), 2 upside down, 3 bottom to top; null at an angle.
 */
function quadrant(m: Matrix): 0 | 1 | 2 | 3 | null {
  const [a, b] = m;
  const len = Math.hypot(a, b);
  if (len === 0) return null;
  if (Math.abs(b) <= 0.05 * len) return a > 0 ? 0 : 2;
  if (Math.abs(a) <= 0.05 * len) return b > 0 ? 1 : 3;
  return null;
}

/**
 * Applies the page's viewport transform (rotation, crop box, y flipped), then turns the page
 * so that its dominant text direction reads left to right: a page printed sideways still
 * gives lines. x grows rightwards and y downwards from the top-left corner of that frame.
 */
export function toTextItems(raw: readonly (PdfjsItem | object)[], viewportTransform: number[], width: number, height: number): PageItems {
  let stats: CharStats = { chars: 0, bad: 0 };
  const placed: { item: PdfjsItem; m: Matrix; q: 0 | 1 | 2 | 3 | null }[] = [];
  const weight = [0, 0, 0, 0];
  for (const item of raw) {
    if (!('str' in item) || item.str === '') continue;
    stats = addStats(stats, charStats(item.str));
    const m = pdfjs.Util.transform(viewportTransform, item.transform) as Matrix;
    // Vertical writing (tategaki) would need its own layout; it is counted, not laid out.
    const q = item.dir === 'ttb' ? null : quadrant(m);
    if (q !== null) weight[q]! += item.str.length;
    placed.push({ item, m, q });
  }
  const main = weight.indexOf(Math.max(...weight)) as 0 | 1 | 2 | 3;
  const turn = (x: number, y: number): [number, number] =>
    main === 0 ? [x, y] : main === 1 ? [y, width - x] : main === 2 ? [width - x, height - y] : [height - y, x];
  const items: TextItem[] = [];
  let skipped = 0;
  for (const { item, m, q } of placed) {
    if (q !== main) {
      skipped++;
      continue;
    }
    const [x, y] = turn(m[4], m[5]);
    items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(m[2], m[3]) });
  }
  return { items, height: main === 1 || main === 3 ? width : height, stats, skipped };
}
