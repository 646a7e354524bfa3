// Editions as printed, to the digits the gold keeps: 「第2.3版」「改訂第2.0版」「第四版」「Ver.2.3」
// 「Version 3.1」「Rev.3」「改訂3版」「版数3」 → 2.3, 2.0, 4, 2.3, 3.1, 3, 3, 3; 「初版」 stays 初版.

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「四」→4, 「十二」→12, 「二十」→20 (editions do not run higher). */
function kanjiNumber(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([〇一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  if (!m[2]) return m[1] && !m[3] ? KANJI_DIGITS[m[1]]! : null;
  return (m[1] ? KANJI_DIGITS[m[1]]! : 1) * 10 + (m[3] ? KANJI_DIGITS[m[3]]! : 0);
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3}){0,3}`;
/**
 * An edition with a marker. Groups: `num…` (digits), `kanji` (第四版), `first` (初版). A version
 * word needs a boundary before it and a 「v」 no word before it, so 「Server 2.0」 and 「SAML v2.0」
 * are not editions of the document.
 */
const MARKED = String.raw`(?:改訂|改定)?第\s*(?:(?<num>${NUMBER})|(?<kanji>[〇一二三四五六七八九十]{1,3}))\s*版|(?:改訂|改定)\s*(?<num5>${NUMBER})\s*版|版数\s*[:：]?\s*(?<num6>${NUMBER})(?![\d.]*\d)|(?<first>初版)|(?:(?<![A-Za-z])(?:Ver(?:sion)?|Rev(?:ision)?)|バージョン)\s*\.?\s*(?<num2>${NUMBER})(?![\d.]*\d)|(?<![A-Za-z0-9]\s?)v\.?\s?(?<num3>${NUMBER})(?![\d.]*\d)|(?<![\d.])(?<num4>${NUMBER})\s*版`;
const MARKED_RE = new RegExp(MARKED, 'i');
const MARKED_AT_START = new RegExp(MARKED, 'iy');
const BARE_RE = new RegExp(String.raw`^(?:${MARKED}|(?<bare>${NUMBER}))$`, 'i');

export interface EditionMatch {
  version: string;
  index: number;
  length: number;
}

function version(g: Record<string, string | undefined>): string | null {
  if (g.first) return '初版';
  const digits = g.num ?? g.num2 ?? g.num3 ?? g.num4 ?? g.num5 ?? g.num6 ?? g.bare;
  if (digits) return digits;
  const n = g.kanji ? kanjiNumber(g.kanji) : null;
  return n === null ? null : String(n);
}

/** The first marked edition in `text` (「…第2版…」, 「Ver.1.0」), with where it stands. */
export function findEdition(text: string): EditionMatch | null {
  const m = MARKED_RE.exec(text);
  if (!m) return null;
  const v = version(m.groups ?? {});
  return v === null ? null : { version: v, index: m.index, length: m[0].length };
}

/** A marked edition that `text` starts with. */
export function editionAtStart(text: string): EditionMatch | null {
  MARKED_AT_START.lastIndex = 0;
  const m = MARKED_AT_START.exec(text);
  const v = m ? version(m.groups ?? {}) : null;
  return m && v !== null ? { version: v, index: 0, length: m[0].length } : null;
}

/**
 * A cell that is an edition and nothing else: a marked one, or bare digits (「1.0」), which only a
 * version column or a 版数 row may hold.
 */
export function parseEditionCell(text: string): string | null {
  const m = BARE_RE.exec(text.trim());
  return m ? version(m.groups ?? {}) : null;
}
