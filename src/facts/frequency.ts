// How often something happens: 「日次」「毎月」「年に一回」「四半期に1回以上」「3 か月ごと」「定期的に」「変更時」.
import type { Frequency } from '../types.ts';
import type { Quantity } from './numbers.ts';
import { isNumber, skipSpacesBack, type Token } from './tokens.ts';

/** A frequency, or `periodic` when the text says only that it recurs (定期的に, 年 2 回). */
export type Cadence = Frequency | 'periodic';

export interface FrequencyMention {
  cadence: Cadence;
  start: number;
  end: number;
}

// Maps, not object literals: they are looked up by token, and a token may be 「constructor」.
const WORDS = new Map<string, Cadence>(Object.entries({
  日次: 'daily',
  毎日: 'daily',
  日毎: 'daily',
  毎晩: 'daily',
  毎夜: 'daily',
  デイリー: 'daily',
  週次: 'weekly',
  毎週: 'weekly',
  ウィークリー: 'weekly',
  月次: 'monthly',
  毎月: 'monthly',
  マンスリー: 'monthly',
  四半期: 'quarterly',
  年次: 'yearly',
  毎年: 'yearly',
  毎年度: 'yearly',
  年毎: 'yearly',
  定期: 'periodic',
} satisfies Record<string, Cadence>));

const ASCII = new Map<string, Cadence>(Object.entries({
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  yearly: 'yearly',
  annually: 'yearly',
  annual: 'yearly',
} satisfies Record<string, Cadence>));

/** Days of a bare period noun before 「に 1 回」. */
const PERIOD_DAYS = new Map(Object.entries({ 日: 1, 週: 7, 月: 30, 年: 365, 四半期: 91, 半年: 182, 半期: 182 }));

/** An interval in days → the nearest named frequency, else periodic. */
export function cadenceOfInterval(days: number): Cadence {
  if (days <= 0) return 'periodic';
  if (days === 1) return 'daily';
  if (days === 7) return 'weekly';
  if (days >= 28 && days <= 31) return 'monthly';
  if (days >= 89 && days <= 92) return 'quarterly';
  if (days >= 364 && days <= 366) return 'yearly';
  return 'periodic';
}

const CHANGE = new Set(['変更', '更新', '改修', 'リリース']);
const OCCASION = new Set(['時', '都度', 'たび', '度', 'ごと', '毎']);

export function readFrequencies(tokens: readonly Token[], quantities: readonly Quantity[]): FrequencyMention[] {
  const out: FrequencyMention[] = [];
  const used = new Set<number>();
  // 「年に一回」「1日1回」「3か月に1回」「週2回」: a count of times per period.
  for (const q of quantities) {
    if (q.counter !== 'times' || q.value <= 0) continue;
    let p = skipSpacesBack(tokens, q.first - 1);
    if (tokens[p]?.surface === 'に' || tokens[p]?.surface === 'で') p = skipSpacesBack(tokens, p - 1);
    const period = quantities.find((d) => d.last === p && d.days !== null && d.unit === 'day');
    let days: number | null = null;
    let start = q.start;
    if (period) (days = period.days), (start = period.start);
    else if (tokens[p] && PERIOD_DAYS.has(tokens[p]!.surface)) (days = PERIOD_DAYS.get(tokens[p]!.surface)!), (start = tokens[p]!.start);
    else if (tokens[p]?.surface === '毎日' || tokens[p]?.surface === '毎週' || tokens[p]?.surface === '毎月' || tokens[p]?.surface === '毎年') {
      days = PERIOD_DAYS.get(tokens[p]!.surface.slice(1))!;
      start = tokens[p]!.start;
      used.add(p);
    }
    if (days === null) continue;
    const cadence = q.value === 1 ? cadenceOfInterval(days) : cadenceOfInterval(Math.round(days / q.value));
    out.push({ cadence, start, end: q.end });
    if (tokens[p]) used.add(p);
  }
  // 「3 か月ごと」「毎 3 か月」
  for (const q of quantities) {
    if (!q.perInterval || q.days === null || q.unit !== 'day') continue;
    if (out.some((m) => m.start <= q.start && m.end >= q.end)) continue;
    out.push({ cadence: cadenceOfInterval(q.days), start: q.start, end: q.end });
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    const s = t.surface;
    if (out.some((m) => t.start >= m.start && t.start < m.end)) continue;
    let cadence: Cadence | undefined = WORDS.get(s) ?? (s.charCodeAt(0) < 0x80 ? ASCII.get(s.toLowerCase()) : undefined);
    // 「週次」 (週 + 次), 「日ごと」「週ごと」「月毎」「年ごと」「半期ごと」
    let end = t.end;
    if (!cadence && PERIOD_DAYS.has(s) && !isNumber(tokens[i - 1])) {
      const n = tokens[i + 1];
      if (n && (n.surface === '次' || n.surface === 'ごと' || n.surface === '毎' || n.surface === 'ごとに')) {
        cadence = cadenceOfInterval(PERIOD_DAYS.get(s)!);
        end = n.end;
      }
    }
    // 「変更時」「更新の都度」: whenever something changes.
    if (!cadence && CHANGE.has(s)) {
      const k = tokens[i + 1]?.surface === 'の' ? i + 2 : i + 1;
      if (tokens[k] && OCCASION.has(tokens[k]!.surface)) cadence = 'on_change';
    }
    if (s === '変更時' || s === '更新時') cadence = 'on_change';
    if (!cadence) continue;
    out.push({ cadence, start: t.start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
