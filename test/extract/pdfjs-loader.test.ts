// src/extract/pdfjs.mjs: pdfjs loaded without leaving core-js's slow Array.prototype.push behind
// (kuromoji ran 1.8× slower in a thread that had loaded pdfjs). Each case runs in a fresh Node
// process, since the test runner's own process may have loaded pdfjs already.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PDF = fileURLToPath(new URL('../fixtures/pdf/001_54f9b4840afe051d.pdf', import.meta.url));

/** Runs an ES module body in a fresh process; `enginePush` is Array.prototype.push as Node starts. */
function run(body: string): string {
  const script = `const enginePush = Array.prototype.push;\n${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('loading pdfjs', () => {
  it('on its own, the legacy build replaces the engine push (the trap pdfjs.mjs undoes)', () => {
    // Should a pdfjs upgrade stop doing this, the workaround in pdfjs.mjs can go.
    expect(run(`await import('pdfjs-dist/legacy/build/pdf.mjs'); console.log(Array.prototype.push === enginePush);`)).toBe('false');
  });

  it('through pdfjs.mjs, leaves the engine push in place, also after a PDF is read (pdfjs worker code loaded)', () => {
    const out = run(`
      import { readFileSync } from 'node:fs';
      const { openPdf } = await import('./src/extract/pdfjs.mjs');
      const task = openPdf(readFileSync(${JSON.stringify(PDF)}));
      const doc = await task.promise;
      const text = await (await doc.getPage(1)).getTextContent();
      await task.destroy();
      console.log(JSON.stringify({ native: Array.prototype.push === enginePush, items: text.items.length > 0, pages: doc.numPages }));
    `);
    expect(JSON.parse(out)).toEqual({ native: true, items: true, pages: 4 });
  });
});
