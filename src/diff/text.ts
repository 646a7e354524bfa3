// Comparing section bodies between editions. Japanese has no spaces between words, so bodies are
// compared after whitespace normalisation and changed bodies are diffed sentence by sentence.

const NON_ASCII = String.raw`[^\x00-\x7f]`;
const SPACE_BY_NON_ASCII = new RegExp(String.raw` (?=${NON_ASCII})|(?<=${NON_ASCII}) `, 'g');

/**
 * Whitespace runs become one space, and a space next to a non-ASCII character goes: line wraps,
 * re-flowed paragraphs and 「TLS 通信」 vs 「TLS通信」 do not count as changes; a space between
 * two ASCII characters (「TLS 1.2」 vs 「TLS1.2」) still does.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').replace(SPACE_BY_NON_ASCII, '').trim();
}

export interface Sentence {
  /** As printed, whitespace runs collapsed. */
  text: string;
  /** What is compared: `normalizeSpace(text)`. */
  key: string;
}

/** Sentences of a body: split after 。 and at paragraph breaks (the body's lines are paragraphs). */
export function sentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  for (const paragraph of body.split(/\n/)) {
    for (const piece of paragraph.split(/(?<=。)/)) {
      const text = piece.replace(/\s+/g, ' ').trim();
      if (text) out.push({ text, key: normalizeSpace(text) });
    }
  }
  return out;
}

export interface Hunk {
  /** Sentences of the old body that the new one does not have, in order. */
  removed: string[];
  /** Sentences of the new body that the old one does not have, in order. */
  added: string[];
}

/** The old and new sentence lists aligned by their longest common subsequence; each run of differences is a hunk. */
export function diffSentences(oldBody: string, newBody: string): Hunk[] {
  const a = sentences(oldBody);
  const b = sentences(newBody);
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i]!.key === b[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  const hunk = () => {
    if (!open) hunks.push((open = { removed: [], added: [] }));
    return open;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.key === b[j]!.key) {
      open = null;
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      hunk().removed.push(a[i++]!.text);
    } else {
      hunk().added.push(b[j++]!.text);
    }
  }
  return hunks;
}

export interface Span {
  /** Shared with the other sentence, shortened to `context` characters at the far end. */
  before: string;
  /** The part that differs. */
  changed: string;
  after: string;
}

/**
 * Two versions of one sentence split into common prefix, differing middle and common suffix, the
 * common parts shortened to at most `context` characters (with … where cut), so that
 * 「…を、日次で3世代を取得/保持しています。」 shows what changed in a long sentence.
 */
export function changedSpans(oldText: string, newText: string, context = 12): [Span, Span] {
  const a = [...oldText];
  const b = [...newText];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const before = a.slice(0, p);
  const after = a.slice(a.length - s);
  const head = before.length > context ? `…${before.slice(-context).join('')}` : before.join('');
  const tail = after.length > context ? `${after.slice(0, context).join('')}…` : after.join('');
  return [
    { before: head, changed: a.slice(p, a.length - s).join(''), after: tail },
    { before: head, changed: b.slice(p, b.length - s).join(''), after: tail },
  ];
}

/** A text cut to `max` characters (whole code points), with … where cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
