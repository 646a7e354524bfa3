// PDF input via pdfjs-dist: pages of positioned text items → lines in reading order.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError, type Diagnostic } from '../diagnostics.ts';
import type { Extracted, Line } from '../types.ts';
import { findFurniture } from './pdf-furniture.ts';
import { readInfo } from './pdf-info.ts';
import { toTextItems } from './pdf-items.ts';
import { charStats, isGarbledLine, isUnreadable, type CharStats } from './pdf-readability.ts';
import { tableTexts } from './pdf-tables.ts';
import { withWarnings, type WarningSink } from './pdf-warnings.ts';
import { layoutPage, type LaidLine } from './layout.ts';
import { DEFAULT_MAX_DECODED_MB, withDecodeLimit, type Budget } from './pdf-decode-limit.mjs';
import { openPdf, pdfjs } from './pdfjs.mjs';

export interface PdfOptions {
  /** Give up on a document after this long (ms); pdfjs is stopped and `pdf-timeout` thrown. */
  timeoutMs?: number;
  /**
   * The most the PDF's streams may decode to, in MB, each stream and all together (default 256):
   * past it, pdfjs is stopped and `pdf-decode-limit` thrown.
   */
  maxDecodedMb?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

function damaged(detail: string): InputError {
  return new InputError('pdf-damaged', `the file is not a readable PDF (${detail})`);
}

/** The header may follow some junk, as Acrobat allows, but must be near the start. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function loadError(err: unknown): InputError {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new InputError(
      'pdf-encrypted',
      'the PDF is protected by a password that is needed to open it; give an unprotected copy (for example saved again without a password, or `qpdf --decrypt --password=… in.pdf out.pdf`)',
    );
  }
  return damaged(message || name || 'pdfjs could not open it');
}

interface PageText {
  lines: LaidLine[];
  height: number;
  stats: CharStats;
  /** Items running in another direction than the page's text, left out of the lines. */
  skipped: number;
}

async function readPage(doc: PDFDocumentProxy, n: number): Promise<PageText> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const { items, height, stats, skipped } = toTextItems(content.items, viewport.transform, viewport.width, viewport.height);
    return { lines: layoutPage(items), height, stats, skipped };
  } finally {
    page.cleanup();
  }
}

/** Lets a promise run at most `ms`; never keeps the process alive by itself. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function decodeLimitError(mb: number): InputError {
  return new InputError(
    'pdf-decode-limit',
    `the PDF's compressed streams decode to more than ${mb} MB, the limit per file (--max-decoded), and reading it was stopped: it may be a decompression bomb; if it is a genuine PDF, raise --max-decoded`,
  );
}

async function read(bytes: Uint8Array, sink: WarningSink, timeoutMs: number, budget: Budget, maxDecodedMb: number): Promise<Extracted> {
  // Warnings are caught by withWarnings, never printed; errors only would hide them.
  const task: PDFDocumentLoadingTask = openPdf(bytes, pdfjs.VerbosityLevel.WARNINGS);
  let stopped = false;
  const work = readDocument(task, sink, () => stopped);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stopped = true;
      const took = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
      reject(new InputError('pdf-timeout', `reading the PDF took longer than ${took} and was stopped; the file may be damaged or unusually complex`));
    }, timeoutMs);
  });
  try {
    // Racing, not awaiting: a pdfjs promise that never settles must not hold the batch. pdfjs
    // catches most errors inside a page and goes on: the decoding limit ends the race itself.
    return await Promise.race([work, limit, budget.whenExceeded]);
  } catch (e) {
    throw budget.exceeded ? decodeLimitError(maxDecodedMb) : e;
  } finally {
    clearTimeout(timer);
    stopped = true;
    work.catch(() => undefined); // settles after destroy(), or never; either way nobody waits
    await Promise.race([task.destroy().catch(() => undefined), sleep(2000)]);
  }
}

async function readDocument(task: PDFDocumentLoadingTask, sink: WarningSink, stopped: () => boolean): Promise<Extracted> {
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    throw loadError(err);
  }
  if (doc.numPages === 0) throw new InputError('pdf-no-pages', 'the PDF has no pages');

  let meta: Awaited<ReturnType<PDFDocumentProxy['getMetadata']>> | null = null;
  try {
    meta = await doc.getMetadata();
  } catch {
    meta = null; // broken metadata is no reason to lose the text
  }
  const info = meta ? readInfo({ info: (meta.info ?? {}) as Record<string, unknown>, xmp: meta.metadata ?? null }) : {};

  const diagnostics: Diagnostic[] = [];
  const pages: (PageText | null)[] = [];
  let failed = 0;
  let firstFailure = '';
  for (let n = 1; n <= doc.numPages && !stopped(); n++) {
    sink.page = n;
    try {
      pages.push(await readPage(doc, n));
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      firstFailure ||= message;
      pages.push(null);
      diagnostics.push({ path: '', page: n, severity: 'warning', rule: 'pdf-damaged', reason: `page ${n} could not be read (${message}); it is left out` });
    }
  }
  sink.page = null;
  if (failed === doc.numPages) throw damaged(`no page could be read: ${firstFailure}`);
  return assemble(pages, info, diagnostics);
}

/** Pages → lines: drops unreadable pages and furniture, reports empty pages, numbers lines. */
function assemble(pages: (PageText | null)[], info: Extracted['info'], diagnostics: Diagnostic[]): Extracted {
  const withText = pages.filter((p) => p && p.stats.chars > 0).length;
  const unreadable = pages.map((p) => p !== null && isUnreadable(p.stats));
  if (withText === 0) {
    throw new InputError(
      'pdf-no-text',
      'the PDF has no text layer: it looks like a scanned image. Run OCR on it first (for example `ocrmypdf -l jpn in.pdf out.pdf`) and give the result',
    );
  }
  if (unreadable.filter(Boolean).length === withText) {
    throw new InputError(
      'pdf-unreadable-text',
      'the PDF has text, but its fonts carry no usable Unicode map, so it reads as garbage; export it again with fonts embedded (or run OCR on it, for example `ocrmypdf --force-ocr -l jpn`)',
    );
  }

  pages.forEach((p, i) => {
    if (!p) return;
    const n = i + 1;
    if (unreadable[i]) {
      diagnostics.push({
        path: '',
        page: n,
        severity: 'warning',
        rule: 'pdf-unreadable-text',
        reason: `the text on page ${n} is unreadable (its font has no usable Unicode map: ${p.stats.bad} of ${p.stats.chars} characters are private-use or control characters); the page is left out`,
      });
    } else if (p.stats.chars === 0) {
      diagnostics.push({
        path: '',
        page: n,
        severity: 'warning',
        rule: 'pdf-empty-page',
        reason: `page ${n} has no text (an image or a scan?); its content is not read`,
      });
    }
  });
  // Text at an angle (stamps, vertical writing, a sideways label): one note for the document.
  const sideways = pages.map((p, i) => (p && p.skipped > 0 && !unreadable[i] ? i + 1 : 0)).filter((n) => n > 0);
  if (sideways.length > 0) {
    const list = sideways.length > 10 ? `${sideways.slice(0, 10).join(', ')}…` : sideways.join(', ');
    diagnostics.push({
      path: '',
      page: sideways[0]!,
      severity: 'info',
      rule: 'pdf-rotated-text',
      reason: `text running in another direction than the rest of its page (vertical writing, a rotated stamp or label) was left out on page(s) ${list}`,
    });
  }

  const readable = pages.map((p, i) => (p && !unreadable[i] ? p : null));
  const flags = findFurniture(readable.map((p) => ({ lines: p?.lines ?? [], height: p?.height ?? 0 })));
  const texts = tableTexts(readable.map((p) => p?.lines ?? []), flags);
  const lines: Line[] = [];
  readable.forEach((p, i) => {
    if (!p) return;
    let garbled = 0;
    p.lines.forEach((l, k) => {
      const text = texts[i]![k];
      if (text === null || text === undefined) return;
      if (isGarbledLine(charStats(text))) {
        garbled++;
        return;
      }
      lines.push({ text, page: i + 1, line: k + 1 });
    });
    if (garbled > 0) {
      diagnostics.push({
        path: '',
        page: i + 1,
        severity: 'warning',
        rule: 'pdf-unreadable-text',
        reason: `${garbled} line(s) on page ${i + 1} are unreadable (a font without a usable Unicode map) and were left out`,
      });
    }
  });
  diagnostics.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return { format: 'pdf', lines, pages: pages.length, info, diagnostics };
}

/**
 * Reads a PDF's text as lines in reading order, each with its page and its line number on the
 * page (numbered before headers and footers are dropped, so numbers match what is printed).
 * Throws InputError (pdf-damaged, pdf-encrypted, pdf-no-pages, pdf-no-text,
 * pdf-unreadable-text, pdf-timeout, pdf-decode-limit) for a file that cannot give text.
 */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Extracted> {
  if (bytes.length === 0) throw damaged('the file is empty');
  if (!hasPdfHeader(bytes)) throw damaged('no %PDF- header: this is not a PDF file');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxDecodedMb = options.maxDecodedMb ?? DEFAULT_MAX_DECODED_MB;
  return withWarnings(async (sink) => {
    const extracted = await withDecodeLimit(maxDecodedMb * 2 ** 20, (budget) => read(bytes, sink, timeoutMs, budget, maxDecodedMb));
    const warnings = sink.diagnostics
      .filter((d) => !extracted.diagnostics.some((e) => e.rule === d.rule && e.page === d.page))
      .map((d) => ({ path: '', ...d }));
    extracted.diagnostics = [...warnings, ...extracted.diagnostics].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
    return extracted;
  });
}
