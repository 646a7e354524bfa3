// Text for the full-text index and queries against it, both split the same way: kuromoji tokens,
// space-joined, which FTS5's unicode61 tokenizer then reads as words. (unicode61 alone cannot
// split Japanese; trigram misses two-character words such as 世代.)
import { getTokenizer, type KuromojiTokenizer } from '../facts/tokenizer.ts';
import { normalizeChars } from '../normalize/characters.ts';
import type { Section } from '../types.ts';

/** Tokens that carry no word for unicode61: whitespace, punctuation and symbols only. */
const NOT_A_WORD = /^[\s\p{P}\p{S}]*$/u;

function words(tokenizer: KuromojiTokenizer, text: string): string[] {
  const out: string[] = [];
  // Line by line: kuromoji is faster and leaner on short inputs than on a whole body.
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    for (const t of tokenizer.tokenize(line)) {
      if (!NOT_A_WORD.test(t.surface_form)) out.push(t.surface_form);
    }
  }
  return out;
}

/** A body as the index stores it: its words, space-joined. */
export function searchText(tokenizer: KuromojiTokenizer, body: string): string {
  return words(tokenizer, body).join(' ');
}

/** Fills Section.searchText for every section; loads the tokenizer only when there is a section. */
export async function withSearchText(sections: Section[]): Promise<Section[]> {
  if (sections.length === 0) return sections;
  const tokenizer = await getTokenizer();
  return sections.map((s) => ({ ...s, searchText: searchText(tokenizer, s.body) }));
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
    const ws = words(tokenizer, term);
    if (ws.length === 0) continue;
    const quoted = `"${ws.join(' ').replace(/"/g, '""')}"`;
    phrases.push(/\d$/.test(ws.at(-1)!) ? quoted : `${quoted} *`);
  }
  if (phrases.length === 0) return null;
  return { match: phrases.join(' AND '), terms };
}
