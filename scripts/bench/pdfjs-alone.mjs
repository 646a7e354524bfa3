// Benchmark (c): every PDF in <dir> through pdfjs getTextContent alone, one thread, pdfjs loaded
// and each PDF opened exactly as the pipeline's workers do (src/extract/pdfjs.mjs, imported
// natively, its loading inside the timing). Plain JavaScript, run without tsx, like that import
// in the workers. Prints one JSON line, as scripts/bench/child.ts does.
//   node scripts/bench/pdfjs-alone.mjs <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pdfjs-alone.mjs <dir>');
const t0 = performance.now();
const { openPdf } = await import('../../src/extract/pdfjs.mjs');
let pages = 0;
let items = 0;
const errors = [];
for (const name of readdirSync(dir).filter((f) => /\.pdf$/i.test(f)).sort()) {
  const task = openPdf(readFileSync(join(dir, name)));
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
      pages++;
    }
  } catch (e) {
    errors.push(`${name}: ${e.message}`);
  } finally {
    await task.destroy();
  }
}
const out = { mode: 'pdfjs', ms: performance.now() - t0, pages, items, errors: errors.slice(0, 3), maxRssMb: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(out)}\n`);
