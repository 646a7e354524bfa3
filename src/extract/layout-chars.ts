// Characters as the layout sees them: which are CJK (never spaced apart), and the ends of a string.

// Han, kana, CJK punctuation and full-width forms, radicals: no space is ever put between two of these.
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u2e80-\u2fdf\u3000-\u303f\u30fb\u30fc\uff00-\uffef]/u;

/** A list item (「・ISMS-AC 設立に伴う変更」) starts after a space, never glued to the text before. */
export const LIST_MARK = /^[・•●◆■□○◎※\-–]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

export function lastChar(s: string): string | undefined {
  const cp = s.codePointAt(s.length - 2);
  return cp !== undefined && cp > 0xffff ? String.fromCodePoint(cp) : s.at(-1);
}

export function firstChar(s: string): string | undefined {
  return s.length === 0 ? undefined : String.fromCodePoint(s.codePointAt(0)!);
}
