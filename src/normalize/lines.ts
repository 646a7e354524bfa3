// Normalises every extracted line in place of the raw text, keeping provenance.
import type { Line } from '../types.ts';
import { normalizeChars } from './characters.ts';

export function normalizeLines(lines: readonly Line[]): Line[] {
  return lines.map((l) => ({ ...l, text: normalizeChars(l.text).trim() }));
}
