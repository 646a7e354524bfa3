import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../src/normalize/characters.ts';

// Each row: what a producer put in the text layer → what the pipeline works on.
const cases: [string, string, string][] = [
  ['full-width digits and Latin', '１２．３．１　ＴＬＳ１．２', '12.3.1 TLS1.2'],
  ['Kangxi radicals from Chromium ToUnicode maps', '⽇次で⽉次のバックアップを⾏う', '日次で月次のバックアップを行う'],
  ['CJK Radicals Supplement, which NFKC leaves alone', '⻑期保存', '長期保存'],
  ['trademark sign dropped, not turned into a letter', 'JAFTAS\u{1f12c}Lite', 'JAFTASLite'],
  ['registered sign dropped', 'infoCMS®', 'infoCMS'],
  ['half-width katakana', 'ﾊﾞｯｸｱｯﾌﾟ', 'バックアップ'],
  ['symbol-font bullet in the private use area', '\uf09e JAFTAS', '・ JAFTAS'],
  ['wave dash', '9:00〜18:00', '9:00~18:00'],
];

describe('normalizeChars', () => {
  it.each(cases)('%s', (_, input, expected) => {
    expect(normalizeChars(input)).toBe(expected);
  });
});
