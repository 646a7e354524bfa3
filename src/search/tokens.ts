// Text for the full-text index and queries against it, both split the same way: kuromoji tokens,
// space-joined, which FTS5's unicode61 tokenizer then reads as words. (unicode61 alone cannot
// split Japanese; trigram misses two-character words such as 世代.)
import type { KuromojiTokenizer } from '../facts/tokenizer.ts';
import { normalizeChars } from '../normalize/characters.ts';

/** Tokens that carry no word for unicode61: whitespace, punctuation and symbols only. */
const NOT_A_WORD = /^[\s\p{P}\p{S}]*$/u;

function words(tokenizer: KuromojiTokenizer, text: string): string[] {
  const surfaces: string[] = [];
  // Line by line: kuromoji is faster and leaner on short inputs than on a whole body.
  for (const line of text.split(/\r?\n/)) {
    if (line.trim()) for (const t of tokenizer.tokenize(line)) surfaces.push(t.surface_form);
  }
  return surfaces;
}

/** Token surfaces as the index stores them: the words, space-joined. */
export function indexText(surfaces: readonly string[]): string {
  return surfaces.filter((s) => !NOT_A_WORD.test(s)).join(' ');
}

/** A body as the index stores it (queries and tests; the pipeline reuses the facts' tokens). */
export function searchText(tokenizer: KuromojiTokenizer, body: string): string {
  return indexText(words(tokenizer, body));
}

export interface SearchQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  /** The user's terms (NFKC, whitespace-separated chunks), for marking matches in snippets. */
  terms: string[];
}

/**
 * 「バックアップ 世代」 → `"バックアップ" * AND "世代" *`. Each whitespace-separated chunk is a
 * phrase of its kuromoji words (so 「世代管理」 must appear as those words in that order); chunks
 * are ANDed. The last word of each phrase matches as a prefix (クラウド finds the single token
 * クラウドサービスカスタマ) unless it is a number (1 must not find 12). Null when the text has no
 * word to look for.
 */
export function buildQuery(tokenizer: KuromojiTokenizer, text: string): SearchQuery | null {
  const terms = normalizeChars(text)
    .split(/\s+/)
    .filter((t) => t && !NOT_A_WORD.test(t));
  const phrases: string[] = [];
  for (const term of terms) {
    const ws = words(tokenizer, term).filter((w) => !NOT_A_WORD.test(w));
    if (ws.length === 0) continue;
    const quoted = `"${ws.join(' ').replace(/"/g, '""')}"`;
    phrases.push(/\d$/.test(ws.at(-1)!) ? quoted : `${quoted} *`);
  }
  if (phrases.length === 0) return null;
  return { match: phrases.join(' AND '), terms };
}
