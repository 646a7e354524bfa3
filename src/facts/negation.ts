// Denials: 「提供していません」「行っておりません」「ありません」「対象外」「しない」「できません」「非対応」.
// A fact is negated when a cue stands in the clause that holds it, after it (Japanese puts the
// negation on the predicate, which follows its arguments).
import type { Span, Token } from './tokens.ts';

/** Auxiliaries that negate: ない, ぬ (ず), ん (ません). */
const NEG_AUX = new Set(['ない', 'ぬ', 'ん', 'ず', 'まい']);
/** Words that deny by themselves. */
const NEG_WORDS = new Set(['対象外', '範囲外', '不可', '不能', '非対応', '未対応', '未実施', '未提供', '無効', '禁止', '廃止', '無し', 'なし']);
const NEG_PREFIX = new Set(['未', '非', '不']);
const PREFIXED = new Set(['対応', '提供', '実施', '使用', '利用', '採用', 'サポート', '適用', '対象']);

function isCue(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.pos === '助動詞' && NEG_AUX.has(t.base)) {
    // 「しなければならない」: obligation, not denial.
    if (next?.surface === 'ば' || next?.surface === 'ねば') return false;
    if (t.surface === 'なけれ' || t.surface === 'ね') return false;
    // The ない of 「ならない」「いけない」 after a conditional closes the obligation.
    const prev = tokens[i - 1];
    if (prev && (prev.base === 'なる' || prev.base === 'いける') && tokens[i - 2]?.surface === 'ば') return false;
    // 「〜ないよう」: a purpose (so that … not), not the predicate.
    if (next?.surface === 'よう' || next?.surface === 'ように') return false;
    // 「〜に限らず」「のみならず」: not only.
    if (prev && (prev.base === '限る' || prev.surface === 'なら' && tokens[i - 2]?.surface === 'のみ')) return false;
    return true;
  }
  // 「ない」「なし」 as an adjective: 「機能がない」「提供なし」.
  if (t.pos === '形容詞' && (t.base === 'ない' || t.base === '無い')) return true;
  if (t.pos === '名詞' && NEG_WORDS.has(t.surface)) return true;
  // 「対象外」 splits as 対象 + 外.
  if (t.surface === '外' && t.pos1 === '接尾' && (tokens[i - 1]?.surface === '対象' || tokens[i - 1]?.surface === '範囲')) return true;
  if (t.surface === '無効') return true;
  if (t.pos === '接頭詞' && NEG_PREFIX.has(t.surface) && next && PREFIXED.has(next.surface)) return true;
  return false;
}

/** Token indexes of the negation cues in a sentence. */
export function negationCues(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isCue(tokens, i)) out.push(i);
  return out;
}

/** Whether the clause holds a negation cue at or after `from` (a character offset). */
export function isNegated(tokens: readonly Token[], cues: readonly number[], clause: Span, from: number): boolean {
  return cues.some((i) => {
    const t = tokens[i]!;
    return t.start >= from && t.start >= clause.start && t.end <= clause.end;
  });
}
