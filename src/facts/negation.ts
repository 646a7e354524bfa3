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
  // 「止めずに取得」「停止することなく取得」: the manner of the predicate that follows (without …), not its denial.
  if (t.surface === 'ず' && next?.surface === 'に') return false;
  if (t.surface === 'なく' && tokens[i - 1]?.surface === 'こと' && next && next.pos !== '助動詞' && next.surface !== '、') return false;
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

/** What a denial after a fact says of it. */
export interface Negation {
  /** The fact is denied. */
  negated: boolean;
  /**
   * Denied twice over: 「TLS 1.2 に対応していないブラウザではご利用いただけません」 (what lacks it is refused),
   * which makes the fact a requirement.
   */
  requirement: boolean;
  /** Token index of the denying word, when there is one. */
  cue: number | null;
}

/** Conjunctions after which a denial belongs to another clause: …ため、…ので、…から、…と、…ば、…が、. */
const BOUNDARY_PARTICLES = new Set(['ので', 'から', 'と', 'ば', 'が', 'けれど', 'けれども', 'けど', 'のに']);
/** After a denial, a condition: 「設定しないと」「満たさない場合」「ない限り」. */
const CONDITION_AFTER = new Set(['と', 'ば', '場合', '限り', 'かぎり', '際']);
/** A denial of these denies an obligation, not the thing: 「必須ではありません」. */
const OBLIGATION = new Set(['必須', '義務', '強制', '必要']);
/** Nouns after 「ない」 that make it no relative clause but a nominalisation or a condition. */
const NOT_RELATIVE = new Set(['こと', 'もの', 'ため', '場合', '限り', 'よう', 'ところ', '旨']);

/** The first token after a predicate's auxiliaries (「なく|なっ|た|場合」 → 場合). */
function afterPredicate(tokens: readonly Token[], from: number): Token | undefined {
  let k = from;
  while (k < tokens.length && k < from + 4 && (tokens[k]!.pos === '助動詞' || tokens[k]!.base === 'なる' || (tokens[k]!.pos === '動詞' && tokens[k]!.pos1 === '非自立'))) k++;
  return tokens[k];
}

function isBoundary(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos === '助詞' && t.pos1 === '接続助詞' && BOUNDARY_PARTICLES.has(t.surface)) return true;
  // 「暗号化しているため、」「必要なため」: a reason, whose own predicate came before.
  return t.surface === 'ため' && t.pos === '名詞' && tokens[i - 1]?.pos !== '名詞';
}

/**
 * How a denial after `from` in its clause bears on the fact there. Japanese puts the negation on the
 * predicate, after its arguments, so a cue after the fact denies it, unless:
 * - a conjunction comes first (ため、ので、から、と、ば、が): the denial is the next clause's
 *   (「TLS 1.2 で暗号化しているため、平文での通信は行いません」 affirms TLS 1.2);
 * - the denial is a condition (「設定しないとログインできません」 requires it);
 * - it denies an obligation (「必須ではありません」);
 * - it sits in brackets the fact is not in;
 * - it describes the noun after it (「…に対応していないブラウザ」): then a second denial later
 *   (「…ではご利用いただけません」) makes the fact a requirement.
 */
export function negationOf(tokens: readonly Token[], cues: readonly number[], clause: Span, from: number): Negation {
  const cueSet = new Set(cues);
  let depth = 0;
  let relative = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < from || t.start < clause.start) continue;
    if (t.end > clause.end) break;
    if (/^[(（「『【\[]$/.test(t.surface)) depth++;
    else if (/^[)）」』】\]]$/.test(t.surface)) depth = Math.max(0, depth - 1);
    if (isBoundary(tokens, i)) break;
    if (!cueSet.has(i) || depth > 0) continue;
    const next = tokens[i + 1];
    // 「有効にしない場合、…できません」「利用できなくなった場合は」: a condition (after the rest of its
    // predicate); what follows it is its consequence, not a denial.
    if (CONDITION_AFTER.has(afterPredicate(tokens, i + 1)?.surface ?? '')) break;
    // 「必須ではありません」「必須とする設定はありません」: an obligation between the fact and the denial.
    const before = tokens.slice(Math.max(0, i - 6), i);
    if (before.some((b) => OBLIGATION.has(b.surface)) || tokens.slice(0, i).some((b) => b.start >= from && OBLIGATION.has(b.surface))) continue;
    if (next && next.pos === '名詞' && next.pos1 !== '非自立' && !NOT_RELATIVE.has(next.surface) && (t.base === 'ない' || t.base === 'ぬ')) {
      relative = true;
      continue;
    }
    if (relative) return { negated: false, requirement: true, cue: i };
    return { negated: true, requirement: false, cue: i };
  }
  return { negated: false, requirement: false, cue: null };
}

/** Whether the fact at `from` is denied in its clause (see negationOf). */
export function isNegated(tokens: readonly Token[], cues: readonly number[], clause: Span, from: number): boolean {
  return negationOf(tokens, cues, clause, from).negated;
}
