// Text that is present but unreadable: a font without a usable Unicode map makes pdfjs return
// private-use code points, control characters or U+FFFD instead of words.

export interface CharStats {
  /** Characters other than whitespace. */
  chars: number;
  /** Of those, characters no real text consists of. */
  bad: number;
}

function isBad(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0xe000 && cp <= 0xf8ff) ||
    cp >= 0xf0000 ||
    cp === 0xfffd ||
    (cp >= 0xfdd0 && cp <= 0xfdef) ||
    (cp & 0xfffe) === 0xfffe
  );
}

export function charStats(text: string): CharStats {
  let chars = 0;
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || cp === 0xa0) continue;
    chars++;
    if (isBad(cp)) bad++;
  }
  return { chars, bad };
}

export function addStats(a: CharStats, b: CharStats): CharStats {
  return { chars: a.chars + b.chars, bad: a.bad + b.bad };
}

/**
 * A page is unreadable when a good share of its characters are garbage. A few private-use
 * characters are normal (Wingdings and Symbol bullets map there), so small counts never are.
 */
export function isUnreadable(s: CharStats): boolean {
  return s.bad >= 8 && s.bad > 0.3 * s.chars;
}

/** One garbled line on an otherwise readable page (one broken font among good ones). */
export function isGarbledLine(s: CharStats): boolean {
  return s.bad >= 3 && s.bad > 0.5 * s.chars;
}
