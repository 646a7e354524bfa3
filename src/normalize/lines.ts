// Normalises every extracted line in place of the raw text, keeping provenance.
import type { Line } from '../types.ts';
import { normalizeChars } from './characters.ts';

export function normalizeLines(lines: readonly Line[]): Line[] {
  return lines.map((l) => ({ ...l, text: trimKeepingCells(normalizeChars(l.text)) }));
}

/** Trims spaces but keeps tabs at either end: they are the empty first or last cells of a table row (a merged cell). */
function trimKeepingCells(text: string): string {
  return text.replace(/^[^\S\t]+|[^\S\t]+$/g, '');
}
