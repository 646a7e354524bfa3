// The composition for Japanese ISO/IEC 27017 whitepapers: source bytes → Result.
// Pure apart from the lazily loaded tokenizer, so it runs the same in a worker or in-process.
import { InputError } from '../src/diagnostics.ts';
import { extractFacts } from '../src/facts/index.ts';
import { extractPdf } from '../src/extract/pdf.ts';
import { extractText } from '../src/extract/text.ts';
import { normalizeLines } from '../src/normalize/lines.ts';
import { extractMetadata } from '../src/segment/metadata.ts';
import { segment } from '../src/segment/sections.ts';
import type { Result } from '../src/types.ts';

/** Bumped whenever a change to any stage changes what is stored; stored documents of an older version are redone. */
export const PIPELINE_VERSION = 'whitepaper-ja/1';

export function formatOf(path: string): 'pdf' | 'text' | null {
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (/\.(txt|md|markdown)$/i.test(path)) return 'text';
  return null;
}

export async function processFile(path: string, bytes: Uint8Array): Promise<Result> {
  const format = formatOf(path);
  if (!format) throw new InputError('unsupported', 'only .pdf, .txt and .md files are read');
  const extracted = format === 'pdf' ? await extractPdf(bytes) : extractText(bytes);
  const lines = normalizeLines(extracted.lines);
  const sections = segment(lines);
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
  const facts = await extractFacts(sections);
  return { format, pages: extracted.pages, meta, sections, facts, diagnostics };
}
