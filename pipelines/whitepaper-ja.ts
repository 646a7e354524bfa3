// The composition for Japanese ISO/IEC 27017 whitepapers: source bytes → Result.
// Pure apart from the lazily loaded tokenizer, so it runs the same in a worker or in-process.
import { InputError } from '../src/diagnostics.ts';
import { analyzeSections } from '../src/facts/index.ts';
import { extractText } from '../src/extract/text.ts';
import { normalizeLines } from '../src/normalize/lines.ts';
import { extractMetadata } from '../src/segment/metadata.ts';
import { rejectionMessages, segmentDocument, type Rejection, type SectionRule } from '../src/segment/sections.ts';
import { indexText } from '../src/search/tokens.ts';
import type { ProcessOptions } from '../src/batch/pipeline.ts';
import type { Result, Suppressed } from '../src/types.ts';
import { formatOf } from '../src/ingest/formats.ts';

export { formatOf };

export async function processFile(path: string, bytes: Uint8Array, options: ProcessOptions = {}): Promise<Result> {
  return (await readDocument(path, bytes, options)).result;
}

/** What the pipeline decided on the way to a Result, for `hakusho explain`: none of it is stored. */
export interface Trace {
  /** How each section (by ord) was found. */
  rules: SectionRule[];
  /** Heading-like lines that opened no section, and why. */
  rejected: Rejection[];
  /** Fact candidates read and not taken, and why. */
  suppressed: Suppressed[];
}

/** One file through every stage: the Result that is stored, and the trace of how it came about. */
export async function readDocument(path: string, bytes: Uint8Array, options: ProcessOptions = {}): Promise<{ result: Result; trace: Trace }> {
  const format = formatOf(path);
  if (!format) throw new InputError('unsupported', 'only .pdf, .txt and .md files are read');
  // pdfjs is loaded only when there is a PDF: it costs ~0.7 s and ~250 MB, which commands that
  // read no PDF (query, a run that skips everything) should not pay.
  const extracted = format === 'pdf' ? await (await import('../src/extract/pdf.ts')).extractPdf(bytes, { maxDecodedMb: options.maxDecodedMb }) : extractText(bytes, { markdown: /\.(?:md|markdown)$/i.test(path) });
  const lines = normalizeLines(extracted.lines);
  const { sections, passages, rejected, rules } = segmentDocument(lines);
  const meta = extractMetadata(lines, extracted.info);
  const diagnostics = extracted.diagnostics.map((d) => ({ ...d, path }));
  if (sections.length === 0) {
    diagnostics.push({
      path,
      severity: 'warning',
      rule: 'no-sections',
      reason: 'no ISO/IEC 27017 control sections found: is this a cloud-security whitepaper? It is stored with its metadata only',
    });
  }
  // Each sentence is tokenized once, here in the worker, for the facts and for the search index
  // alike (the store's transaction on the main thread cannot await kuromoji).
  const { facts, words, suppressed } = await analyzeSections(sections, passages);
  const indexed = sections.map((s, i) => ({ ...s, searchText: indexText(words[i]!) }));
  // The stages' decisions travel as diagnostics too, as vfile messages do.
  diagnostics.push(...rejectionMessages(rejected).map((d) => ({ ...d, path })));
  diagnostics.push(
    ...suppressed.map((x) => ({ path, page: x.page, severity: 'info' as const, rule: `facts/${x.reason}`, reason: `${x.kind} ${x.value ?? ''} not taken (${x.reason}): 「${x.evidence.slice(0, 60)}」` })),
  );
  return { result: { format, pages: extracted.pages, meta, sections: indexed, facts, diagnostics }, trace: { rules, rejected, suppressed } };
}
