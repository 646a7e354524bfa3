// Numbers and what they count. Values are read from the surface text (ASCII, full-width after
// NFKC, kanji numerals); what a number counts, and whether it is a bound, from the tokens around it.
import { isNumber, skipSpaces, skipSpacesBack, type Token } from './tokens.ts';

const KANJI_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壱: 1, 二: 2, 弐: 2, 三: 3, 参: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 億: 1e8 };

/**
 * 「35」「３５」「1,000」「1.5」「三」「十四」「二十四」「百八十」「二〇二四」「1万」 → the number;
 * null for anything else.
 */
export function parseNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return null;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let section = 0;
  let current: number | null = null;
  for (const ch of s) {
    if (/\d/.test(ch)) current = (current ?? 0) * 10 + Number(ch);
    else if (ch in KANJI_DIGITS) current = (current ?? 0) * 10 + KANJI_DIGITS[ch]!;
    else if (ch in SMALL_UNITS) {
      section += (current ?? 1) * SMALL_UNITS[ch]!;
      current = null;
    } else if (ch in BIG_UNITS) {
      total += (section + (current ?? 0) || 1) * BIG_UNITS[ch]!;
      section = 0;
      current = null;
    } else return null;
  }
  return total + section + (current ?? 0);
}

export type Counter = 'generation' | 'day' | 'business_day' | 'week' | 'month' | 'year' | 'hour' | 'times';
export type Bound = 'min' | 'max' | 'exact';
export type DayUnit = 'day' | 'business_day';

/** Days per unit, as FACTS.md normalises them. */
export const DAYS_PER = { day: 1, week: 7, month: 30, year: 365 } as const;

export interface Quantity {
  value: number;
  counter: Counter;
  bound: Bound;
  /** Days for a duration (営業日 stay business days, see unit); null for other counters. */
  days: number | null;
  unit: DayUnit | null;
  /** Characters from the number through its counter and suffixes, in the analysed text. */
  start: number;
  end: number;
  /** Token indexes of the first number token and of the last token read. */
  first: number;
  last: number;
  /** 「1 か月分」: the amount something covers, not a deadline. */
  portion: boolean;
  /** 「過去 1 か月」 */
  past: boolean;
  /** 「3 か月ごと」「1日1回」: an interval that says how often, not how long. */
  perInterval: boolean;
  /** 「3～5 日」: the low end; value is the high end. */
  rangeLow: number | null;
}

const MONTH_MARKS = new Set(['か', 'カ', 'ヶ', 'ヵ', 'ケ', '箇', '个']);
const ERA = /(?:令和|平成|昭和|大正|西暦)$/;
const RANGE = new Set(['~', '〜', '～', '-', '‐', '−', 'から']);
const MAX_AFTER = new Set(['以内', '以下', '未満', 'まで', '迄', 'までに']);
const MIN_AFTER = new Set(['以上', '超', '超え', '以降']);
const MIN_BEFORE = new Set(['最低', '最短', '少なくとも', '最低限']);
const MAX_BEFORE = new Set(['最大', '最長', '上限', '最高']);
const APPROX = new Set(['程度', 'ほど', 'くらい', 'ぐらい', '前後', '強', '弱']);
const INTERVAL = new Set(['ごと', '毎', 'おき', '置き', '毎に', 'ごとに', '単位']);

/** The counter at token j (「世代」「営業日」「か月」「年間」…) and the index after it. */
export function readCounter(tokens: readonly Token[], j: number): { counter: Counter; next: number } | null {
  const t = tokens[j];
  if (!t) return null;
  const s = t.surface;
  const n = tokens[j + 1]?.surface;
  let counter: Counter | null = null;
  let next = j + 1;
  if (s.startsWith('世代')) counter = 'generation';
  else if (s === '営業日') counter = 'business_day';
  else if (s === '営業' && (n === '日' || n === '日間')) (counter = 'business_day'), (next = j + 2);
  else if (s === '日' || s === '日間') counter = 'day';
  else if (/^[かカヶヵケ箇个]月(?:間)?$/.test(s)) counter = 'month';
  else if (MONTH_MARKS.has(s) && (n === '月' || n === '月間')) (counter = 'month'), (next = j + 2);
  else if (s === '年' || s === '年間') counter = 'year';
  else if (s === '週' || s === '週間') counter = 'week';
  else if (s === '時間') counter = 'hour';
  else if (s === '回' || s === '度') counter = 'times';
  if (!counter) return null;
  if (tokens[next]?.surface === '間') next++;
  return { counter, next };
}

/** Days for a duration counter; hours only when they make whole days. */
export function toDays(value: number, counter: Counter): { days: number; unit: DayUnit } | null {
  switch (counter) {
    case 'day':
      return { days: value, unit: 'day' };
    case 'business_day':
      return { days: value, unit: 'business_day' };
    case 'week':
      return { days: Math.round(value * DAYS_PER.week), unit: 'day' };
    case 'month':
      return { days: Math.round(value * DAYS_PER.month), unit: 'day' };
    case 'year':
      return { days: Math.round(value * DAYS_PER.year), unit: 'day' };
    case 'hour':
      return value % 24 === 0 ? { days: value / 24, unit: 'day' } : null;
    default:
      return null;
  }
}

/** Number tokens from i: digits, kanji numerals, a decimal point or thousands separator between digits. */
function numberRun(tokens: readonly Token[], i: number): number {
  let j = i;
  while (j < tokens.length) {
    if (isNumber(tokens[j])) j++;
    else if ((tokens[j]!.surface === '.' || tokens[j]!.surface === ',') && j > i && isNumber(tokens[j + 1]) && /\d$/.test(tokens[j - 1]!.surface)) j++;
    else break;
  }
  return j;
}

/** A number that is part of an id, a version, a date, a time or a phone number rather than a quantity. */
function isPartOfCode(tokens: readonly Token[], first: number, afterRun: number): boolean {
  const prev = tokens[first - 1];
  if (prev && /^[.\-/:_#]$/.test(prev.surface) && /\d$/.test(tokens[first - 2]?.surface ?? '')) return true;
  if (prev && /[A-Za-z]$/.test(prev.surface)) return true; // 「ISO27001」「TLSv1」
  const next = tokens[afterRun];
  if (next && /^[./:_]$/.test(next.surface) && isNumber(tokens[afterRun + 1])) return true;
  return false;
}

/** Every counted number in a token sequence (the text is the one the tokens were read from). */
export function readQuantities(tokens: readonly Token[], text: string): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // 「半年」「半月」: one token, no digits.
    if (t.surface === '半年' || t.surface === '半月') {
      const counter: Counter = t.surface === '半年' ? 'month' : 'day';
      const value = t.surface === '半年' ? 6 : 15;
      let next = i + 1;
      if (tokens[next]?.surface === '間') next++;
      out.push(finish(tokens, i, next, value, counter, null));
      continue;
    }
    if (!isNumber(t)) continue;
    const afterRun = numberRun(tokens, i);
    const prevIdx = skipSpacesBack(tokens, i - 1);
    const prev = tokens[prevIdx];
    if (prev && (prev.surface === '第' || prev.surface.endsWith('第'))) {
      i = afterRun - 1;
      continue; // ordinal: 第 34 条, 第 2 版
    }
    if (isPartOfCode(tokens, i, afterRun)) {
      i = afterRun - 1;
      continue;
    }
    let value = parseNumber(text.slice(t.start, tokens[afterRun - 1]!.end));
    if (value === null) {
      i = afterRun - 1;
      continue;
    }
    let rangeLow: number | null = null;
    let j = skipSpaces(tokens, afterRun);
    // 「3～5 日」: the counter follows the second number.
    if (tokens[j] && RANGE.has(tokens[j]!.surface)) {
      const k = skipSpaces(tokens, j + 1);
      if (isNumber(tokens[k])) {
        const end = numberRun(tokens, k);
        const high = parseNumber(text.slice(tokens[k]!.start, tokens[end - 1]!.end));
        if (high !== null && readCounter(tokens, skipSpaces(tokens, end))) {
          rangeLow = value;
          value = high;
          j = skipSpaces(tokens, end);
        }
      }
    }
    const c = readCounter(tokens, j);
    if (!c) {
      i = afterRun - 1;
      continue;
    }
    if (isDate(tokens, i, c.counter, c.next, value)) {
      i = c.next - 1;
      continue;
    }
    out.push(finish(tokens, i, c.next, value, c.counter, rangeLow));
    i = c.next - 1;
  }
  return mergeCompounds(out);
}

/** 「2024 年 5 月」「5 月 7 日」「令和 6 年」: dates, not durations. */
function isDate(tokens: readonly Token[], first: number, counter: Counter, next: number, value: number): boolean {
  const p = skipSpacesBack(tokens, first - 1);
  const prev = tokens[p];
  if (counter === 'year') {
    if (value >= 1000) return true;
    // 「令和」 postdates the dictionary and splits as 令 + 和.
    if (prev && ERA.test((tokens[p - 1]?.surface ?? '') + prev.surface)) return true;
    const k = skipSpaces(tokens, next);
    if (isNumber(tokens[k])) {
      const m = skipSpaces(tokens, numberRun(tokens, k));
      if (tokens[m]?.surface === '月' || tokens[m]?.surface === '月度') return true;
    }
    if (tokens[next]?.surface === '度') return true; // 年度
  }
  if (counter === 'day' && prev && /月$/.test(prev.surface) && !/[かカヶヵケ箇]月$/.test(prev.surface)) return true;
  return false;
}

function finish(tokens: readonly Token[], first: number, next: number, value: number, counter: Counter, rangeLow: number | null): Quantity {
  let bound: Bound = 'exact';
  let portion = false;
  let past = false;
  let perInterval = false;
  let k = skipSpaces(tokens, next);
  let last = next - 1;
  const take = () => {
    last = k;
    k = skipSpaces(tokens, k + 1);
  };
  // Suffixes in the order Japanese puts them: 分, 程度, then the bound.
  if (tokens[k]?.surface === '分') (portion = true), take();
  if (tokens[k] && APPROX.has(tokens[k]!.surface)) take();
  const b = tokens[k]?.surface;
  if (b === '前' && MAX_AFTER.has(tokens[skipSpaces(tokens, k + 1)]?.surface ?? '')) {
    // 「7 日前までに」: at least that long before.
    take();
    take();
    bound = 'min';
  } else if (b === '後' && MAX_AFTER.has(tokens[skipSpaces(tokens, k + 1)]?.surface ?? '')) {
    // 「45日後までに削除」: no later than that.
    take();
    take();
    bound = 'max';
  } else if (b && MAX_AFTER.has(b)) (bound = 'max'), take();
  else if (b && MIN_AFTER.has(b)) (bound = 'min'), take();
  if (tokens[k]?.surface === '分' && !portion) (portion = true), take();
  if (tokens[k] && INTERVAL.has(tokens[k]!.surface)) (perInterval = true), (last = k);
  else {
    // 「1日1回」「3か月に1回」: the duration is the period of a frequency.
    let m = tokens[k]?.surface === 'に' ? skipSpaces(tokens, k + 1) : k;
    if (isNumber(tokens[m])) {
      m = skipSpaces(tokens, numberRun(tokens, m));
      const s = tokens[m]?.surface;
      if (s === '回' || s === '度') perInterval = true;
    }
  }
  const before = tokens[skipSpacesBack(tokens, first - 1)]?.surface;
  if (before && MIN_BEFORE.has(before)) bound = 'min';
  else if (before && MAX_BEFORE.has(before)) bound = 'max';
  else if (before === '過去' || before === '直近') past = true;
  if (rangeLow !== null && bound === 'exact') bound = 'max';
  const d = toDays(value, counter);
  return {
    value,
    counter,
    bound,
    days: d?.days ?? null,
    unit: d?.unit ?? null,
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    first,
    last,
    portion,
    past,
    perInterval,
    rangeLow,
  };
}

const ORDER: Partial<Record<Counter, number>> = { year: 4, month: 3, week: 2, day: 1 };

/** 「1 年 6 か月」: a larger unit followed at once by a smaller one is one duration. */
function mergeCompounds(qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const p = out.at(-1);
    const po = p ? ORDER[p.counter] : undefined;
    const qo = ORDER[q.counter];
    if (p && po && qo && po > qo && p.bound === 'exact' && !p.portion && q.first === p.last + 1 && p.days !== null && q.days !== null) {
      out[out.length - 1] = { ...q, value: p.days + q.days, counter: 'day', days: p.days + q.days, unit: 'day', start: p.start, first: p.first };
      continue;
    }
    out.push(q);
  }
  return out;
}
