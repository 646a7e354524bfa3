// Bounded decoding of PDF streams (src/extract/pdf-decode-limit.mjs): a PDF whose streams decode
// past --max-decoded fails at once, whether one stream passes it or many together, through each
// decoder path pdfjs takes; PDFs under it read as before. The bombs are made here, small.
import { describe, expect, it } from 'vitest';
import { brotliOf, inflatesTo, pdfWithPages, TEXT } from '../../scripts/bench/bomb.ts';
import { extractPdf } from '../../src/extract/pdf.ts';

const MB = 2 ** 20;
const flate = (zeros: number, text = 'Hello') => ({ data: inflatesTo(zeros, TEXT(text)), filter: 'FlateDecode' });

const limitError = (mb: number) => ({
  rule: 'pdf-decode-limit',
  message: `the PDF's compressed streams decode to more than ${mb} MB, the limit per file (--max-decoded), and reading it was stopped: it may be a decompression bomb; if it is a genuine PDF, raise --max-decoded`,
});

describe('extractPdf with a decoding limit', () => {
  it('stops at once a stream that decodes past the limit', async () => {
    const pdf = pdfWithPages([flate(128 * MB)]);
    expect(pdf.length).toBeLessThan(200_000);
    const started = performance.now();
    await expect(extractPdf(pdf, { maxDecodedMb: 16 })).rejects.toMatchObject(limitError(16));
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops a PDF whose streams, each under the limit, decode past it together', async () => {
    const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett'];
    const pages = words.map((w) => flate(3 * MB, w));
    await expect(extractPdf(pdfWithPages(pages), { maxDecodedMb: 16 })).rejects.toMatchObject(limitError(16));
    const read = await extractPdf(pdfWithPages(pages), { maxDecodedMb: 64 });
    expect(read.lines.map((l) => l.text)).toEqual(words);
  });

  it('bounds Brotli streams too (decoded by node, told the room left)', async () => {
    await expect(extractPdf(pdfWithPages([{ data: brotliOf(64 * MB, TEXT('Hi')), filter: 'BrotliDecode' }]), { maxDecodedMb: 16 })).rejects.toMatchObject(limitError(16));
    const read = await extractPdf(pdfWithPages([{ data: brotliOf(MB, TEXT('Hi')), filter: 'BrotliDecode' }]), { maxDecodedMb: 16 });
    expect(read.lines.map((l) => l.text)).toEqual(['Hi']);
  });

  it('charges each PDF read at the same time in one thread with its own streams only', async () => {
    const bomb = pdfWithPages([flate(128 * MB)]);
    const good = pdfWithPages([flate(8 * MB, 'Fine')]);
    const [a, b] = await Promise.allSettled([extractPdf(bomb, { maxDecodedMb: 16 }), extractPdf(good, { maxDecodedMb: 16 })]);
    expect(a).toMatchObject({ status: 'rejected', reason: limitError(16) });
    expect(b).toMatchObject({ status: 'fulfilled', value: { lines: [{ text: 'Fine' }] } });
  });
});
