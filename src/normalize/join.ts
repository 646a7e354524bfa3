// Joining wrapped lines back into paragraphs. PDFs (and text copied out of them) break lines
// wherever the page edge falls, often inside a Japanese word: 「情報セキ」「ュリティ」.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u30fc・]/u;

/** A line that starts something new rather than continuing the one before. */
const STARTS_BLOCK = /^(?:[・•●◆■□○◎※\-–*]|\d+[)）]|[(（]\d+[)）]|[①-⑳]|<|\|)/u;
/** A line that ends a sentence or a block, so the next line is not its continuation. */
const ENDS_BLOCK = /[。．！？!?：:]$|[。．][)）」』]$/u;

/**
 * What goes between a wrapped line's end and its continuation: nothing inside Japanese text, a
 * hyphenated Latin word or a URL; a space between Latin words. Looks only at the end of `left`,
 * so a paragraph of any length is joined in linear time.
 */
function separator(left: string, right: string): '' | ' ' {
  if (left === '' || right === '') return '';
  const a = left.at(-1)!;
  const b = right[0]!;
  // A hyphen at a wrap inside a Latin word ("E-" + "mail") is kept and glued.
  if (a === '-' && /[A-Za-z]/.test(left.at(-2) ?? '')) return '';
  if (CJK.test(a) || CJK.test(b)) return '';
  // A URL has no spaces: one that wrapped continues on the next line.
  if (/(?:https?:\/\/|www\.)\S*$/.test(left.slice(-300)) && /^[\w./%#?=&~+-]/.test(right)) return '';
  return ' ';
}

export function joinPair(left: string, right: string): string {
  return left + separator(left, right) + right;
}

/** Display width: CJK characters take two columns, so mixed lines compare fairly. */
function width(line: string): number {
  let w = 0;
  for (const ch of line) w += CJK.test(ch) ? 2 : 1;
  return w;
}

/**
 * Lines (already normalised, trimmed) into paragraphs separated by "\n". Blank lines are not
 * trusted as paragraph breaks (text extracted from PDFs often doubles every line), so a break
 * comes from punctuation, list markers, table rows, and lines that stop well short of the
 * right margin (the widest line of the block stands for the margin).
 */
export function joinLines(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  // The paragraph being built, as pieces: growing one string and reading its end on every line
  // would flatten it each time (quadratic on a long unpunctuated paragraph).
  let parts: string[] = [];
  let open = false;
  const margin = lines.reduce((m, l) => Math.max(m, width(l.trim())), 0);
  const flush = () => {
    if (parts.length) paragraphs.push(parts.join(''));
    parts = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const isRow = raw.includes('\t');
    if (open && !isRow && !STARTS_BLOCK.test(line)) {
      parts.push(separator(parts.at(-1)!, line), line);
    } else {
      flush();
      parts.push(isRow ? raw.replace(/^[^\S\t]+|\s+$/g, '').replace(/(?<=\S)\t+/g, '\t') : line);
    }
    open = !isRow && !ENDS_BLOCK.test(line) && width(line) >= margin * 0.6;
  }
  flush();
  return paragraphs.join('\n');
}
