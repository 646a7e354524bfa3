// What a number of days is about: how long something is kept (retention_days) or how soon
// something is done or told (notification_days). Decided by the predicate that governs it: the
// first such word after it in its clause (「30 日以内に削除」「7 営業日を目標に…通知」), else the last before.
import { type Analysis, clauseAt } from '../analysis.ts';
import type { Quantity } from '../numbers.ts';
import type { Span } from '../tokens.ts';

export type Role = 'retention' | 'notification';

const WORDS: readonly (readonly [string, Role])[] = [
  ...['保管', '保存', '保持', '保有', '削除', '消去', '破棄', '廃棄', '抹消', '世代', 'アーカイブ'].map((w) => [w, 'retention'] as const),
  ...['通知', '連絡', '報告', '告知', '周知', '案内', 'お知らせ', '第一報', '完了', '回答', '返信', '反映', '対応', '発行'].map((w) => [w, 'notification'] as const),
];

function firstRole(text: string, fromEnd: boolean): Role | null {
  let best: { at: number; role: Role } | null = null;
  for (const [w, role] of WORDS) {
    const at = fromEnd ? text.lastIndexOf(w) : text.indexOf(w);
    if (at < 0) continue;
    if (!best || (fromEnd ? at > best.at : at < best.at)) best = { at, role };
  }
  return best?.role ?? null;
}

/**
 * 「24 時間 365 日」「24時間受け付けています」「24時間報告できる」: hours of service, not a duration of
 * anything. A day's worth of hours with no bound after it (以内, まで) says when, not how soon.
 */
function isServiceHours(a: Analysis, q: Quantity): boolean {
  if (q.counter === 'hour' && q.value === 24 && q.bound === 'exact' && !q.portion && !q.past) return true;
  return a.quantities.some((o) => o !== q && (o.first === q.last + 1 || q.first === o.last + 1) && (o.counter === 'hour' || q.counter === 'hour'));
}

export function durationRole(a: Analysis, q: Quantity): Role | null {
  if (q.days === null || q.perInterval || q.days <= 0 || !Number.isInteger(q.days) || isServiceHours(a, q)) return null;
  const clause = clauseAt(a, q.start);
  // 「14日を経過すると、データが削除されます」: a period that runs out in a condition; what follows says what it was.
  // 「約2週間で、入力データを消去します」: a period that closes its clause as when, told by the clause after it.
  if (/^\s*(?:を|が)?経過(?:すると|した(?:後|とき|時点)(?:に|で)?|後|次第)[、,\s]*$|^\s*(?:程度|ほど|くらい|ぐらい|前後)?(?:で|に|後に|以内に|までに)[、,]\s*$/.test(a.text.slice(q.end, clause.end))) {
    const next = a.clauses.find((c) => c.start === clause.end);
    if (next) return firstRole(a.text.slice(next.start, next.end), false);
  }
  const after = firstRole(a.text.slice(q.end, clause.end), false);
  if (after) return after;
  // 「過去 1 か月分のアクセスログを提供」: an amount of something kept.
  if (q.portion || q.past) return 'retention';
  const before = firstRole(a.text.slice(clause.start, q.start), true);
  if (before) return before;
  // 「30日間は閲覧のみ可能で、その後すべてのデータを削除します」: what happens after the period says what it was.
  const next = a.clauses.find((c) => c.start === clause.end);
  if (next && /^\s*(?:その後|その後に|経過後|以降|期間経過後)/.test(a.text.slice(next.start, next.end))) return firstRole(a.text.slice(next.start, next.end), false);
  return null;
}

/** The first class whose words occur in the span, in priority order. */
export function classify<T extends string>(a: Analysis, span: Span, classes: readonly (readonly [T, readonly string[]])[], aside?: RegExp): T | null {
  const s = aside ? a.text.slice(span.start, span.end).replace(aside, ' ') : a.text.slice(span.start, span.end);
  for (const [name, words] of classes) if (words.some((w) => s.includes(w))) return name;
  return null;
}
