// Tokens with their character offsets in the analysed text, and small helpers to read them.
import type { KuromojiTokenizer } from './tokenizer.ts';

export interface Token {
  surface: string;
  /** Part of speech and its first two details (名詞 / 数 / *), as IPADIC gives them. */
  pos: string;
  pos1: string;
  pos2: string;
  /** Base form; the surface when the dictionary has none (unknown words, digits). */
  base: string;
  conj: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

export function tokenize(tokenizer: KuromojiTokenizer, text: string): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  for (const t of tokenizer.tokenize(text)) {
    // Offsets are found in the text itself: kuromoji's word_position is unreliable around
    // characters outside the BMP.
    const at = text.indexOf(t.surface_form, cursor);
    const start = at < 0 ? cursor : at;
    const end = start + t.surface_form.length;
    cursor = end;
    out.push({
      surface: t.surface_form,
      pos: t.pos,
      pos1: t.pos_detail_1,
      pos2: t.pos_detail_2,
      base: t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form,
      conj: t.conjugated_form,
      start,
      end,
    });
  }
  return out;
}

export function isSpace(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === '記号' && t.pos1 === '空白' || /^\s+$/.test(t.surface));
}

export function isNumber(t: Token | undefined): boolean {
  return t !== undefined && t.pos === '名詞' && t.pos1 === '数';
}

/** Index of the next token that is not whitespace, from i (inclusive). */
export function skipSpaces(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && isSpace(tokens[i])) i++;
  return i;
}

/** Index of the previous token that is not whitespace, from i (inclusive), or -1. */
export function skipSpacesBack(tokens: readonly Token[], i: number): number {
  while (i >= 0 && isSpace(tokens[i])) i--;
  return i;
}

export function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset < span.end;
}
