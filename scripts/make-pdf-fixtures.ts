// Dumps the text items of chosen PDF pages (as src/extract/pdf-items.ts makes them) into
// test/fixtures/pdf-items/*.json, so the layout tests run on real item arrays without pdfjs.
// Run by scripts/make-pdf-fixtures.sh after the PDFs exist: `npx tsx scripts/make-pdf-fixtures.ts`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toTextItems } from '../src/extract/pdf-items.ts';
import { openPdf } from '../src/extract/pdfjs.mjs';

const root = join(dirname(new URL(import.meta.url).pathname), '..');

/** fixture name → source PDF and the pages to take. */
const DUMPS: Record<string, { source: string; pages: number[] }> = {
  // CJK/Latin joining, a heading that wraps (CLD.6.3.1), figure labels.
  'cjk-latin': { source: 'test/fixtures/pdf/000_0e3f9a925e004c1f.pdf', pages: [2] },
  // Three-column table of contents whose title cells wrap.
  'toc-table': { source: 'test/fixtures/pdf/004_6a6be46e2bd93d57.pdf', pages: [2] },
  // Revision table whose last column wraps.
  'revision-table': { source: 'test/fixtures/pdf/004_6a6be46e2bd93d57.pdf', pages: [8] },
  // Two columns with headings, id lines and a small table in the left column.
  'two-columns': { source: 'test/fixtures/pdf-producers/001_54f9b4840afe051d.two-columns.pdf', pages: [1] },
  // Vendor-name header and "n / m" footer on every page.
  'running-furniture': { source: 'test/fixtures/pdf-producers/001_54f9b4840afe051d.cid-heisei.pdf', pages: [1, 2, 3, 4] },
  // "- n -" footers, a header, and body lines that are only a number in mid-page.
  numbers: { source: 'test/fixtures/pdf-layout/numbers.pdf', pages: [1, 2, 3] },
  // A ReportLab grid whose columns all have one width: cells wrap every six characters, a
  // category column empty on the second page, a running header and a company footer.
  'narrow-grid': { source: 'test/dev/pdf/reportlab/dev10_excel-tsv.pdf', pages: [3, 4] },
  // Chromium: a category merged down by rowspan, <br> inside cells, key/value rows above.
  'rowspan-table': { source: 'test/dev/pdf/chromium/dev10_excel-tsv.pdf', pages: [1] },
  // Chromium: a table of contents whose numbers and titles are parted by an ideographic space.
  'toc-ideographic': { source: 'test/dev/pdf/chromium/dev08_iso27001-2022-first.pdf', pages: [1] },
};

const round = (v: number) => Math.round(v * 1000) / 1000;

async function dump(name: string, source: string, pages: number[]): Promise<void> {
  const task = openPdf(readFileSync(join(root, source)));
  try {
    const doc = await task.promise;
    const out = [];
    for (const n of pages) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const { items, height } = toTextItems((await page.getTextContent()).items, viewport.transform, viewport.width, viewport.height);
      out.push({
        page: n,
        height: round(height),
        items: items.map((it) => ({ text: it.text, x: round(it.x), y: round(it.y), width: round(it.width), size: round(it.size) })),
      });
    }
    mkdirSync(join(root, 'test/fixtures/pdf-items'), { recursive: true });
    writeFileSync(join(root, `test/fixtures/pdf-items/${name}.json`), JSON.stringify({ source, pages: out }, null, 1) + '\n');
  } finally {
    await task.destroy();
  }
}

for (const [name, { source, pages }] of Object.entries(DUMPS)) await dump(name, source, pages);
