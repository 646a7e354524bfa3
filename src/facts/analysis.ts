// One sentence read once: prepared text, tokens, clauses, quantities, frequencies and negation
// cues, shared by every kind of fact.
import { readFrequencies, type FrequencyMention } from './frequency.ts';
import { negationCues, negationOf, type Negation } from './negation.ts';
import { readQuantities, type Quantity } from './numbers.ts';
import type { KuromojiTokenizer } from './tokenizer.ts';
import { tokenize, within, type Span, type Token } from './tokens.ts';

export interface Analysis {
  /** The text the tokens were read from (see prepare). */
  text: string;
  /** The text lower-cased, for Latin terms (read once: every kind of fact looks terms up). */
  lower: string;
  tokens: Token[];
  /** Predicate clauses: split where a verb, auxiliary or conjunctive particle meets a comma, and at cells. */
  clauses: Span[];
  /** Split at every comma and cell. */
  segments: Span[];
  /** Table cells, when the sentence is a row. */
  cells: Span[] | null;
  quantities: Quantity[];
  frequencies: FrequencyMention[];
  cues: number[];
  tokenStarts: Set<number>;
  tokenEnds: Set<number>;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆';
const DIGIT_SPACE_CJK = new RegExp(`(\\d) +(?=[${CJK}])`, 'gu');
const CJK_SPACE_DIGIT = new RegExp(`([${CJK}]) +(?=\\d)`, 'gu');

/**
 * NFKC; link targets, URLs, mail addresses and ISBNs dropped (their digits and names are never
 * facts); spaces between digits and CJK closed, since 「30 日」 tags 日 as a proper noun.
 */
export function prepare(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(?:https?:|mailto:)[^>]*>/gi, ' ')
    .replace(/(?:https?:\/\/|www\.)[^\s<>"'()\u3000-\u30ff\u4e00-\u9fff]*/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/ISBN[:\s]*[\d-]+[\dX]/gi, ' ')
    .replace(/\\_/g, '_')
    .replace(/#{2,}/g, ' ')
    .replace(DIGIT_SPACE_CJK, '$1')
    .replace(CJK_SPACE_DIGIT, '$1')
    .replace(/ {2,}/g, ' ');
}

function isComma(t: Token): boolean {
  return t.pos1 === '読点' || /[、,，]$/.test(t.surface);
}

/** A comma after a predicate (「実施し、」「取得しており、」「行いますが、」) closes a clause. */
function closesClause(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.pos === '動詞' || prev.pos === '助動詞' || prev.pos === '形容詞') return true;
  return prev.pos === '助詞' && prev.pos1 === '接続助詞';
}

function spans(cuts: number[], length: number): Span[] {
  const sorted = [...new Set(cuts)].filter((c) => c > 0 && c < length).sort((a, b) => a - b);
  const out: Span[] = [];
  let from = 0;
  for (const c of sorted) {
    out.push({ start: from, end: c });
    from = c;
  }
  out.push({ start: from, end: length });
  return out;
}

export function analyze(tokenizer: KuromojiTokenizer, sentence: string, isRow = false): Analysis {
  const text = prepare(sentence);
  const tokens = tokenize(tokenizer, text);
  const clauseCuts: number[] = [];
  const segmentCuts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A table cell may hold several sentences: each full stop ends a clause.
    if (t.pos1 === '句点') {
      clauseCuts.push(t.end);
      segmentCuts.push(t.end);
      continue;
    }
    if (!isComma(t)) continue;
    segmentCuts.push(t.end);
    if (closesClause(tokens[i - 1]) && t.pos1 === '読点') clauseCuts.push(t.end);
  }
  // Table cells are clauses of their own.
  const tabCuts = [...text.matchAll(/\t/g)].map((m) => m.index + 1);
  clauseCuts.push(...tabCuts);
  segmentCuts.push(...tabCuts);
  const cells = isRow ? spans(tabCuts, text.length) : null;
  const quantities = readQuantities(tokens, text);
  return {
    text,
    lower: text.toLowerCase(),
    tokens,
    clauses: spans(clauseCuts, text.length),
    segments: spans(segmentCuts, text.length),
    cells,
    quantities,
    frequencies: readFrequencies(tokens, quantities),
    cues: negationCues(tokens),
    tokenStarts: new Set(tokens.map((t) => t.start)),
    tokenEnds: new Set(tokens.map((t) => t.end)),
  };
}

function spanAt(list: readonly Span[], offset: number): Span {
  return list.find((s) => within(s, offset)) ?? list.at(-1)!;
}

export function clauseAt(a: Analysis, offset: number): Span {
  return spanAt(a.clauses, offset);
}

export function segmentAt(a: Analysis, offset: number): Span {
  return spanAt(a.segments, offset);
}

export function cellAt(a: Analysis, offset: number): Span | null {
  return a.cells ? spanAt(a.cells, offset) : null;
}

/** Whether what is said at `offset` is denied in its clause. */
export function negatedAt(a: Analysis, offset: number): boolean {
  return negationAt(a, offset).negated;
}

/** What a draft says of where it was read and whether it is denied there: `{ ...claim(a, start, end) }`. */
export function claim(a: Analysis, start: number, end = start): { negated: boolean; at: number; end: number; denial: string | null } {
  const n = negationAt(a, start);
  return { negated: n.negated, at: start, end, denial: n.negated && n.cue !== null ? predicateAround(a, n.cue) : null };
}

/** The predicate a denying word belongs to, as written: 「提供していません」「対象外です」「無効化しています」. */
export function predicateAround(a: Analysis, cue: number): string {
  const inPredicate = (t: Token) =>
    t.pos === '助動詞' || t.pos === '動詞' || (t.pos === '助詞' && t.pos1 === '接続助詞' && (t.surface === 'て' || t.surface === 'で')) || t.pos1 === 'サ変接続' || t.pos1 === '接尾' || t.pos1 === '形容動詞語幹' || t.pos === '形容詞';
  // 「対象外」「範囲外」 split as 対象 + 外.
  let from = a.tokens[cue]!.surface === '外' && cue > 0 ? cue - 1 : cue;
  while (from > 0 && cue - from < 6 && inPredicate(a.tokens[from - 1]!) && !(a.tokens[from]!.pos1 === 'サ変接続')) from--;
  let to = cue;
  while (to + 1 < a.tokens.length && to - cue < 6 && inPredicate(a.tokens[to + 1]!) && a.tokens[to + 1]!.pos1 !== 'サ変接続') to++;
  return a.text.slice(a.tokens[from]!.start, a.tokens[to]!.end);
}

/** How what is said at `offset` is denied, or required, in its clause. */
export function negationAt(a: Analysis, offset: number): Negation {
  return negationOf(a.tokens, a.cues, clauseAt(a, offset), offset);
}

const ASCII_WORD = /^[\x20-\x7e]+$/;

/**
 * Where a term occurs as whole words: Latin terms not glued to other Latin letters or digits,
 * Japanese terms starting and ending on token boundaries (so 日本国 does not match 日本国外).
 */
export function find(a: Analysis, term: string, span?: Span): Span[] {
  const out: Span[] = [];
  const text = a.text;
  const ascii = ASCII_WORD.test(term);
  const hay = ascii ? a.lower : text;
  const needle = ascii ? term.toLowerCase() : term;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (span && (at < span.start || end > span.end)) continue;
    if (ascii) {
      if (/[A-Za-z0-9]/.test(text[at - 1] ?? '') && /[A-Za-z0-9]/.test(needle[0]!)) continue;
      if (/[A-Za-z0-9]/.test(text[end] ?? '') && /[A-Za-z0-9]/.test(needle.at(-1)!)) continue;
    } else if (!a.tokenStarts.has(at) || !a.tokenEnds.has(end)) continue;
    out.push({ start: at, end });
  }
  return out;
}

/** Every occurrence of any of the terms, in text order, longest first where they overlap. */
export function findAny(a: Analysis, terms: readonly string[], span?: Span): (Span & { term: string })[] {
  const all = terms.flatMap((term) => find(a, term, span).map((s) => ({ ...s, term })));
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: (Span & { term: string })[] = [];
  for (const m of all) if (!out.some((o) => m.start < o.end && m.end > o.start)) out.push(m);
  return out;
}

/** Whether any of the terms occurs in the span (substring match: for context words, not for facts). */
export function mentions(a: Analysis, span: Span, terms: readonly string[]): boolean {
  const s = a.text.slice(span.start, span.end);
  return terms.some((t) => s.includes(t));
}

export const WHOLE = (a: Analysis): Span => ({ start: 0, end: a.text.length });
