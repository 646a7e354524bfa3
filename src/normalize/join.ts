// Joining wrapped lines back into paragraphs. PDFs (and text copied out of them) break lines
// wherever the page edge falls, often inside a Japanese word: 「情報セキ」「ュリティ」.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u30fc・]/u;

/** A line that starts something new rather than continuing the one before. */
const STARTS_BLOCK = /^(?:[・•●◆■□○◎※\-–*]|\d+[)）]|[(（]\d+[)）]|[①-⑳]|<|\|)/u;
/** A line that ends a sentence or a block, so the next line is not its continuation. */
const ENDS_BLOCK = /[。．！？!?：:]$|[。．][)）」』]$/u;

export function joinPair(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const a = left.at(-1)!;
  const b = right[0]!;
  // A hyphen at a wrap inside a Latin word ("E-" + "mail") is kept and glued.
  if (a === '-' && /[A-Za-z]/.test(left.at(-2) ?? '')) return left + right;
  if (CJK.test(a) || CJK.test(b)) return left + right;
  // A URL has no spaces: one that wrapped continues on the next line.
  if (/(?:https?:\/\/|www\.)\S*$/.test(left) && /^[\w./%#?=&~+-]/.test(right)) return left + right;
  return `${left} ${right}`;
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
  let current = '';
  let open = false;
  const margin = Math.max(0, ...lines.map((l) => width(l.trim())));
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const isRow = raw.includes('\t');
    if (open && !isRow && !STARTS_BLOCK.test(line)) {
      current = joinPair(current, line);
    } else {
      if (current) paragraphs.push(current);
      current = isRow ? raw.replace(/^[^\S\t]+|\s+$/g, '').replace(/(?<=\S)\t+/g, '\t') : line;
    }
    open = !isRow && !ENDS_BLOCK.test(current) && width(line) >= margin * 0.6;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n');
}
