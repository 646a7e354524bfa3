// numbers.ts: number forms, units in days, and quantities read from kuromoji tokens.
import { beforeAll, describe, expect, test } from 'vitest';
import { prepare } from '../../src/facts/analysis.ts';
import { parseNumber, readQuantities, toDays } from '../../src/facts/numbers.ts';
import { getTokenizer, type KuromojiTokenizer } from '../../src/facts/tokenizer.ts';
import { tokenize } from '../../src/facts/tokens.ts';

describe('parseNumber', () => {
  test.each([
    ['35', 35],
    ['３５', 35],
    ['1,000', 1000],
    ['1.5', 1.5],
    ['一', 1],
    ['三', 3],
    ['十', 10],
    ['十四', 14],
    ['二十四', 24],
    ['三十', 30],
    ['百八十', 180],
    ['三百六十五', 365],
    ['千', 1000],
    ['二〇二四', 2024],
    ['1万', 10000],
    ['十万', 100000],
  ])('%s → %d', (text, value) => expect(parseNumber(text)).toBe(value));

  test.each(['', '世代', '1.2.3', 'TLS'])('%j is not a number', (text) => expect(parseNumber(text)).toBeNull());
});

describe('toDays', () => {
  test.each([
    [1, 'day', 1, 'day'],
    [7, 'business_day', 7, 'business_day'],
    [2, 'week', 14, 'day'],
    [1, 'month', 30, 'day'],
    [3, 'month', 90, 'day'],
    [2, 'year', 730, 'day'],
    [72, 'hour', 3, 'day'],
  ] as const)('%d %s → %d %s', (value, counter, days, unit) => expect(toDays(value, counter)).toEqual({ days, unit }));

  test('hours that are not whole days, and counts that are not durations, have no days', () => {
    expect(toDays(36, 'hour')).toBeNull();
    expect(toDays(35, 'generation')).toBeNull();
    expect(toDays(1, 'times')).toBeNull();
  });
});

describe('readQuantities', () => {
  let tokenizer: KuromojiTokenizer;
  beforeAll(async () => {
    tokenizer = await getTokenizer();
  });
  const read = (text: string) => {
    const prepared = prepare(text);
    return readQuantities(tokenize(tokenizer, prepared), prepared).map((q) => ({
      value: q.value,
      counter: q.counter,
      days: q.days,
      unit: q.unit,
      bound: q.bound,
      ...(q.portion ? { portion: true } : {}),
      ...(q.past ? { past: true } : {}),
      ...(q.perInterval ? { perInterval: true } : {}),
    }));
  };

  test.each([
    ['日次:35 世代', [{ value: 35, counter: 'generation', days: null, unit: null, bound: 'exact' }]],
    ['三世代', [{ value: 3, counter: 'generation', days: null, unit: null, bound: 'exact' }]],
    ['(1 カ月分)', [{ value: 1, counter: 'month', days: 30, unit: 'day', bound: 'exact', portion: true }]],
    ['(2 年間分)', [{ value: 2, counter: 'year', days: 730, unit: 'day', bound: 'exact', portion: true }]],
    ['3か月以上の保管', [{ value: 3, counter: 'month', days: 90, unit: 'day', bound: 'min' }]],
    ['最低 1 カ月以上', [{ value: 1, counter: 'month', days: 30, unit: 'day', bound: 'min' }]],
    ['30 日以内に削除', [{ value: 30, counter: 'day', days: 30, unit: 'day', bound: 'max' }]],
    ['7 営業日を目標に', [{ value: 7, counter: 'business_day', days: 7, unit: 'business_day', bound: 'exact' }]],
    ['３営業日以内', [{ value: 3, counter: 'business_day', days: 3, unit: 'business_day', bound: 'max' }]],
    ['十四日以内', [{ value: 14, counter: 'day', days: 14, unit: 'day', bound: 'max' }]],
    ['二十四時間以内', [{ value: 24, counter: 'hour', days: 1, unit: 'day', bound: 'max' }]],
    ['一週間', [{ value: 1, counter: 'week', days: 7, unit: 'day', bound: 'exact' }]],
    ['六ヶ月間', [{ value: 6, counter: 'month', days: 180, unit: 'day', bound: 'exact' }]],
    ['1箇月', [{ value: 1, counter: 'month', days: 30, unit: 'day', bound: 'exact' }]],
    ['半年間', [{ value: 6, counter: 'month', days: 180, unit: 'day', bound: 'exact' }]],
    ['最長1年間', [{ value: 1, counter: 'year', days: 365, unit: 'day', bound: 'max' }]],
    ['１年６か月', [{ value: 545, counter: 'day', days: 545, unit: 'day', bound: 'exact' }]],
    ['3～5日間', [{ value: 5, counter: 'day', days: 5, unit: 'day', bound: 'max' }]],
    ['過去 1 か月分', [{ value: 1, counter: 'month', days: 30, unit: 'day', bound: 'exact', portion: true, past: true }]],
    ['7日前までに', [{ value: 7, counter: 'day', days: 7, unit: 'day', bound: 'min' }]],
    ['3か月ごと', [{ value: 3, counter: 'month', days: 90, unit: 'day', bound: 'exact', perInterval: true }]],
    ['1日1回', [
      { value: 1, counter: 'day', days: 1, unit: 'day', bound: 'exact', perInterval: true },
      { value: 1, counter: 'times', days: null, unit: null, bound: 'exact' },
    ]],
    ['年に一回', [{ value: 1, counter: 'times', days: null, unit: null, bound: 'exact' }]],
    ['四半期に1回以上', [{ value: 1, counter: 'times', days: null, unit: null, bound: 'min' }]],
  ] as const)('%s', (text, expected) => expect(read(text)).toEqual(expected));

  test.each([
    ['第 34 条', 'a clause number'],
    ['第4.1版', 'an edition'],
    ['2024年5月7日', 'a date'],
    ['令和6年', 'an era year'],
    ['2025 年度', 'a fiscal year'],
    ['TLS 1.2', 'a version'],
    ['03-5219-8761', 'a phone number'],
    ['10:00 ～ 17:00', 'a time of day'],
    ['ISBN: 978-4-87783-405-0', 'an ISBN'],
    ['12.3.1 情報のバックアップ', 'a control number'],
    ['https://example.jp/30日', 'a URL'],
  ])('%s is not a quantity (%s)', (text) => expect(read(text)).toEqual([]));
});
