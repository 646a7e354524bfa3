// notification_days: how many (business) days until customers are told or a request is done,
// for incidents, account requests and maintenance.
import { claim, clauseAt, WHOLE } from '../analysis.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';
import { classify, durationRole } from './durations.ts';

type Subject = 'incident' | 'maintenance' | 'account';

const SUBJECTS: readonly (readonly [Subject, readonly string[]])[] = [
  ['incident', ['インシデント', '障害', '事故', '事象', '漏えい', '漏洩', '侵害', '違反']],
  ['maintenance', ['メンテナンス', '保守', 'バージョンアップ', 'アップデート', '計画停止', '変更']],
  ['account', ['アカウント', '登録', 'ID', '利用者', 'ユーザー', 'ユーザ', '設定', '権限']],
];

function subjectOfControl(controlId: string | null): Subject | null {
  if (controlId?.startsWith('16.1.')) return 'incident';
  if (controlId?.startsWith('9.2.')) return 'account';
  if (controlId === '12.1.2') return 'maintenance';
  return null;
}

export const notificationDays: Extractor = ({ a, section }) => {
  const out: Draft[] = [];
  for (const q of a.quantities) {
    if (durationRole(a, q) !== 'notification') continue;
    const subject = classify(a, clauseAt(a, q.start), SUBJECTS) ?? classify(a, WHOLE(a), SUBJECTS) ?? subjectOfControl(section.controlId);
    if (!subject) continue;
    out.push({ kind: 'notification_days', value: String(q.days), unit: q.unit, subject, bound: q.bound, ...claim(a, q.start, q.end) });
  }
  return out;
};

export const notificationDaysKind = defineKind({
  kind: 'notification_days',
  name: { ja: '通知までの日数', en: 'notification' },
  value: { type: 'integer', unit: { ja: '日', en: 'days' } },
  attributes: ['unit', 'subject', 'bound'],
  identity: ['subject'],
  extract: notificationDays,
});
