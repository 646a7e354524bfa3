// backup_generations (「日次：35 世代」→ 35, daily) and backup_frequency (「日次又は週次でバックアップ」→
// daily, weekly).
import type { Frequency } from '../../types.ts';
import { type Analysis, claim, clauseAt, mentions, segmentAt, WHOLE } from '../analysis.ts';
import type { Quantity } from '../numbers.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';
import { isCustomersAct } from './responsibility.ts';

const BACKUP_WORDS = ['バックアップ', 'スナップショット', '世代', 'backup', 'レプリケーション', '複製'];
/** In the backup control, a sentence about taking or keeping something is about backups. */
const TAKING = ['取得', '保管', '保存', '保持'];
const BACKUP_CONTROL = '12.3.1';

// 「変更の都度、変更前の版を保存」: versions kept on every change are a cycle too.
const CYCLES = new Set<string>(['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_change']);
/** A topic that names the backup again, not another one. */
const SAME_BACKUP = /^(?:取得した|その|この|これらの?|当該)?\s*(?:バックアップ(?:データ)?|スナップショット)$/;

/**
 * The cycle of a count of generations: the frequency in its own comma-delimited segment, nearest
 * before it (「日次：35 世代、月次：24 世代」), else after it. A segment with a topic of its own
 * (「データバックアップは…6世代分」) states another backup, so a frequency elsewhere in the
 * sentence is not its; otherwise the one cycle said before it in the sentence is (「毎日取得し、
 * 3 世代を保持」). Two cycles before it (「日次又は週次で…」) leave it open.
 */
export function generationFrequency(a: Analysis, q: Quantity): Frequency | null {
  const cycles = a.frequencies.filter((f) => CYCLES.has(f.cadence));
  const seg = segmentAt(a, q.start);
  const inSeg = cycles.filter((f) => f.start >= seg.start && f.end <= seg.end);
  const f = inSeg.filter((x) => x.start < q.start).at(-1) ?? inSeg.find((x) => x.start >= q.end);
  if (f) return f.cadence as Frequency;
  // A segment with a topic of its own (「月次のバックアップは…」) does not take an earlier cadence, unless
  // the topic is just the backup again (「毎日バックアップしており、バックアップは7日間保持」).
  const topic = a.tokens.find((t) => t.start >= seg.start && t.end <= q.start && t.surface === 'は' && t.pos1 === '係助詞');
  if (topic && !SAME_BACKUP.test(a.text.slice(seg.start, topic.start).replace(/^[、,\s]+/, ''))) return null;
  const before = new Set(cycles.filter((x) => x.end <= seg.start).map((x) => x.cadence));
  return before.size === 1 ? ([...before][0] as Frequency) : null;
}

export const backupGenerations: Extractor = ({ a }) =>
  a.quantities
    .filter((q) => q.counter === 'generation' && !q.perInterval && Number.isInteger(q.value) && q.value > 0)
    .filter((q) => !isCustomersAct(a, clauseAt(a, q.start)))
    .map((q): Draft => ({
      kind: 'backup_generations',
      value: String(q.value),
      frequency: generationFrequency(a, q),
      ...claim(a, q.start, q.end),
    }));

export function isAboutBackup(a: Analysis, controlId: string | null): boolean {
  if (mentions(a, WHOLE(a), BACKUP_WORDS)) return true;
  return controlId === BACKUP_CONTROL && mentions(a, WHOLE(a), TAKING);
}

export const backupFrequency: Extractor = ({ a, section }) => {
  if (!isAboutBackup(a, section.controlId)) return [];
  return a.frequencies
    .filter((f) => f.cadence !== 'periodic' && !isCustomersAct(a, clauseAt(a, f.start)))
    .map((f): Draft => ({ kind: 'backup_frequency', value: f.cadence, ...claim(a, f.start, f.end) }));
};

export const backupGenerationsKind = defineKind({
  kind: 'backup_generations',
  name: { ja: 'バックアップ世代数', en: 'backup generations' },
  value: { type: 'integer', unit: { ja: '世代', en: 'generations' } },
  attributes: ['frequency'],
  identity: ['frequency'],
  extract: backupGenerations,
});

export const backupFrequencyKind = defineKind({
  kind: 'backup_frequency',
  name: { ja: 'バックアップ頻度', en: 'backup frequency' },
  value: { type: 'code' },
  attributes: [],
  identity: ['value'],
  extract: backupFrequency,
});
