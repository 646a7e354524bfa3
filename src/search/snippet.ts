// A readable snippet of a section body around the first match of the search terms, with every
// match in it marked. Built from the original body, not from the indexed tokens, so it reads as
// the document does (FTS5's snippet() would show the tokens with spaces between them).

export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

export interface SnippetOptions {
  /** Characters shown before the first match. */
  before?: number;
  /** Characters in the whole snippet, at most (markers and ellipses not counted). */
  length?: number;
  open?: string;
  close?: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 「35世代」 also matches 「35 世代」 in the body: whitespace is allowed between any two characters. */
function termPattern(term: string): string {
  return [...term.replace(/\s+/g, '')].map(escapeRegExp).join('\\s*');
}

interface Span {
  start: number;
  end: number;
}

function matches(body: string, terms: readonly string[]): Span[] {
  const patterns = terms.map(termPattern).filter(Boolean);
  if (patterns.length === 0) return [];
  // Longer terms first, so that a term inside another does not cut the longer match short.
  patterns.sort((a, b) => b.length - a.length);
  const re = new RegExp(patterns.join('|'), 'giu');
  const spans: Span[] = [];
  for (const m of body.matchAll(re)) {
    if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** The body flattened to one line, cut around the first match, matches marked. */
export function makeSnippet(body: string, terms: readonly string[], opts: SnippetOptions = {}): string {
  const before = opts.before ?? 30;
  const length = opts.length ?? 120;
  const open = opts.open ?? MARK_OPEN;
  const close = opts.close ?? MARK_CLOSE;
  const text = body.replace(/\s+/g, ' ').trim();
  const spans = matches(text, terms);
  let start = spans.length ? Math.max(0, spans[0]!.start - before) : 0;
  let end = Math.min(text.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  // Do not split a surrogate pair at either edge.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start]!)) start--;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end++;
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    const a = Math.max(s.start, start);
    const b = Math.min(s.end, end);
    out += text.slice(at, a) + open + text.slice(a, b) + close;
    at = b;
  }
  out += text.slice(at, end);
  if (end < text.length) out += '…';
  return out;
}
