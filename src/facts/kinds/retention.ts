// retention_days: how long backups, logs, records or customer data are kept, in days.
import { type Analysis, claim, clauseAt, segmentAt, WHOLE } from '../analysis.ts';
import type { Quantity } from '../numbers.ts';
import { generationFrequency } from './backup.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';
import { classify, durationRole } from './durations.ts';

type Subject = 'log' | 'backup' | 'record' | 'customer_data';

/** In priority order: 「ログデータ」 is a log, 「バックアップデータ」 a backup. */
const SUBJECTS: readonly (readonly [Subject, readonly string[]])[] = [
  ['log', ['ログ', 'log', '監査証跡', '操作履歴', 'アクセス履歴', '閲覧履歴']],
  ['backup', ['バックアップ', '世代', 'スナップショット', 'バージョニング', '変更前の版', '過去の版', '旧版', 'backup']],
  ['record', ['記録', '履歴']],
  ['customer_data', ['データ', '情報', '資産', 'アカウント', 'コンテンツ', 'ファイル', '文書', '書類']],
];

/**
 * What a sentence adds in passing does not say what is kept: 「お客様データ（バックアップを含む）を削除」
 * 「バックアップを含めて削除」 are about customer data.
 */
const ASIDE = /[(（][^()（）]*[)）]|[^、。\s()（）]{1,12}[をも]含め(?:て)?|[^、。\s()（）]{1,12}[をも]含む/g;

/** A law or a business the record is kept for: 「電子帳簿保存法に基づき」「問い合わせの記録」 (not 「方法」). */
const KEPT_FOR_BUSINESS = /(?<![方手])法(?:律|令)?(?:施行規則)?(?:に基づ|に従|の要件|で定め|により|上)|規則|条例|帳簿|帳票|取引|契約|請求|問い?合わせ|署名|証憑/;
const LEGAL_PERIOD = /(?:法令|法律|法)(?:で|に|の)?(?:定め|規定)|法定(?:の)?保存/;
/** What systems and people do: 「作業の記録」「構成の変更履歴」「呼出し履歴」 are logs. */
const ACTIVITY = /操作|作業|閲覧|アクセス|呼(?:び)?出|変更|ログイン|ダウンロード|参照|更新|実行|認証|通信/;

/**
 * 「記録」「履歴」 are records when kept for a law or a business (test/dev/README.md: 問い合わせ記録,
 * 電子帳簿の訂正削除履歴), and logs when they record activity on the system.
 */
function recordOrLog(a: Analysis, q: Quantity): Subject {
  if (KEPT_FOR_BUSINESS.test(a.text)) return 'record';
  // What is kept is named before its period, after any earlier period of the sentence.
  const from = a.quantities.filter((x) => x.end <= q.start).at(-1)?.end ?? 0;
  return ACTIVITY.test(a.text.slice(from, q.start)) ? 'log' : 'record';
}

/** The end of the contract or of the use of the service. */
const TERMINATION = /契約(?:が|の)?(?:終了|満了|解除)|解約|退会|利用(?:の)?終了|サービス(?:の)?終了|利用停止/;

/** What the control is about when the sentence does not say (ISO/IEC 27017 control titles). */
function subjectOfControl(controlId: string | null): Subject | null {
  if (controlId === '12.3.1') return 'backup';
  if (controlId?.startsWith('12.4.')) return 'log';
  if (controlId === '18.1.3') return 'record';
  if (controlId === 'CLD.8.1.5') return 'customer_data';
  return null;
}

/**
 * 「協定で定められる保管期間と 3 年を経過した日まで」: kept until another period and this one have
 * both passed, so this one is a lower bound, whatever まで says.
 */
function coordinatedWithPeriod(a: Analysis, q: Quantity): boolean {
  const before = a.text.slice(clauseAt(a, q.start).start, q.start);
  return /(?:期間|期限)(?:と|及び|および|並びに)\s*$/.test(before);
}

/** 「35 世代（1 カ月分）」: the span a count of generations covers belongs to that cycle. */
function annotatedGeneration(a: Analysis, q: Quantity): Quantity | null {
  const g = a.quantities.filter((x) => x.counter === 'generation' && x.end <= q.start).at(-1);
  if (!g) return null;
  return /^\s*[(（]\s*$/.test(a.text.slice(g.end, q.start)) ? g : null;
}

export const retentionDays: Extractor = ({ a, section }) => {
  const out: Draft[] = [];
  for (const q of a.quantities) {
    if (durationRole(a, q) !== 'retention') continue;
    const clause = clauseAt(a, q.start);
    // 「操作ログは１年間、電子帳簿の訂正・削除の履歴は７年間保管」: each period's own topic first.
    const subject =
      classify(a, segmentAt(a, q.start), SUBJECTS, ASIDE) ??
      classify(a, clause, SUBJECTS, ASIDE) ??
      // 「契約が終了した日から約2週間で、入力データ・バックアップデータを消去」: what goes when the
      // contract ends is the customer's data, its backups among it.
      (TERMINATION.test(a.text.slice(clause.start, q.start)) ? 'customer_data' : null) ??
      classify(a, WHOLE(a), SUBJECTS, ASIDE) ??
      subjectOfControl(section.controlId);
    if (!subject) continue;
    const g = annotatedGeneration(a, q);
    // Data kept for as long as a law says is a record (「法令の定める期間（最長7年）保管」).
    const kept = subject === 'record' ? recordOrLog(a, q) : subject === 'customer_data' && LEGAL_PERIOD.test(a.text) ? 'record' : subject;
    out.push({
      kind: 'retention_days',
      value: String(q.days),
      unit: q.unit,
      subject: kept,
      bound: coordinatedWithPeriod(a, q) ? 'min' : q.bound,
      // 「日次で取得し、過去30日分を保持」: a backup kept for a span belongs to the cycle it is taken in;
      // a minimum (「3か月以上の保管」) is a policy for every backup, not one cycle's span.
      frequency: g ? generationFrequency(a, g) : kept === 'backup' && q.bound === 'exact' ? generationFrequency(a, q) : null,
      ...claim(a, q.start, q.end),
    });
  }
  return out;
};

export const retentionDaysKind = defineKind({
  kind: 'retention_days',
  name: { ja: '保持期間', en: 'retention' },
  value: { type: 'integer', unit: { ja: '日', en: 'days' } },
  attributes: ['unit', 'frequency', 'subject', 'bound'],
  identity: ['subject', 'frequency'],
  extract: retentionDays,
});
