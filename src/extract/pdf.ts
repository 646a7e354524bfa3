// PDF input via pdfjs-dist: pages of positioned text items → lines in reading order.
import { InputError } from '../diagnostics.ts';
import type { Extracted } from '../types.ts';

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  void bytes;
  throw new InputError('pdf-unsupported', 'PDF reading is not built yet');
}
