// Text printed from a PDF (pdftotext) keeps its pages apart with form feeds, and with them each
// page's running header, footer and page number. Such text gets page numbers, and its furniture
// is found as in a PDF, with each line's place on its page standing in for its position.
import type { Line } from '../types.ts';
import { findFurniture } from './pdf-furniture.ts';

/** A line's height in the stand-in geometry (points). */
const LINE = 12;

/** Lines with their page (1-based) and the furniture dropped; lines as they are when there is no form feed. */
export function textPages(lines: readonly Line[]): { lines: Line[]; pages: number | null } {
  if (!lines.some((l) => l.text.includes('\f'))) return { lines: [...lines], pages: null };
  const pages: Line[][] = [[]];
  for (const line of lines) {
    const parts = line.text.split('\f');
    parts.forEach((text, k) => {
      if (k > 0) pages.push([]);
      if (k === parts.length - 1 || text.trim() !== '') pages.at(-1)!.push({ ...line, text, page: pages.length });
    });
  }
  const flags = findFurniture(
    pages.map((page) => ({
      height: page.length * LINE,
      lines: page.flatMap((l, i) => (l.text.trim() === '' ? [] : [{ text: l.text, x: 0, right: 0, y: (i + 0.5) * LINE, size: LINE }])),
    })),
  );
  const out: Line[] = [];
  pages.forEach((page, p) => {
    const furniture = new Set(
      page
        .map((l, i) => i)
        .filter((i) => page[i]!.text.trim() !== '')
        .filter((_, k) => flags[p]![k]),
    );
    page.forEach((l, i) => furniture.has(i) || out.push(l));
  });
  return { lines: out, pages: pages.length };
}
