// Facts: each section split into sentences, each sentence tokenized once and read by one module
// per kind of fact; the same fact stated twice in a section is kept once.
import type { Fact, Passage, Section, Suppressed } from '../types.ts';
import type { FactAttributes } from './attributes.ts';
import { analyze, clauseAt, prepare, type Analysis } from './analysis.ts';
import { ATTRIBUTES } from './attributes.ts';
import type { Ctx, Draft, Scope, SectionState } from './kinds/context.ts';
import './kinds/all.ts';
import { carry } from './kinds/region.ts';
import { documentProviders } from './kinds/provider.ts';
import { kindOf, kinds } from './registry.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { getTokenizer, type KuromojiTokenizer } from './tokenizer.ts';

/**
 * Advice to the customer is no claim of the vendor's: 「…暗号化することを推奨します」「エクスポートしてください」
 * (a pointer to read something, 「ご参照ください」「ご確認ください」, is none).
 */
const ADVICE = /推奨(?:します|する|しています|いたします|しております)|お勧め(?:します|する)|おすすめ(?:します|する)|(?<!参照|確認|覧|問い合わせ|問合せ|連絡)(?:して|で|を)?(?:ください|下さい)|お願い(?:します|いたします|する)/;
/** A plan is no fact yet: 「2025年中に対応予定」「今後の対応を検討しています」. */
const PLAN = /(?:対応|導入|提供|実施|開始|追加|移行|リリース|公開|予定)(?:を)?予定|予定(?:です|である|しております|しています)|(?:検討|計画)(?:中|しています|しております|を進めて)/;
/** Trademark notes name companies and places that say nothing of the service. */
const TRADEMARK = /商標|trademark/i;

/** Why a draft is not a fact, or null when it is one. */
function suppression(a: Analysis, d: Draft): Suppressed['reason'] | null {
  if (TRADEMARK.test(a.text)) return 'trademark';
  const clause = clauseAt(a, d.at ?? 0);
  const text = a.text.slice(clause.start, clause.end);
  // 「未対応です（2026年度に対応予定）」: what is denied today stays denied; the plan is an aside.
  if (PLAN.test(d.negated ? text.replace(/[(（][^()（）]*[)）]/g, '') : text)) return 'plan';
  if (ADVICE.test(text)) return 'advice';
  return null;
}

function cueOf(a: Analysis, d: Draft): string {
  const words = d.at === undefined ? '' : a.text.slice(d.at, Math.max(d.end ?? d.at, d.at + 1)).trim();
  return d.denial ? `${words} … ${d.denial}` : words;
}

function toFact(d: Draft, section: Scope, sentence: Sentence, a: Analysis): Fact {
  const defaults = kindOf(d.kind)?.defaults ?? {};
  const attributes = Object.fromEntries(ATTRIBUTES.map((x) => [x.field, d[x.field] ?? defaults[x.field] ?? null])) as FactAttributes;
  return {
    ...attributes,
    kind: d.kind,
    sectionOrd: section.ord,
    controlId: section.controlId,
    value: d.value,
    negated: d.negated ?? false,
    evidence: sentence.text,
    page: sentence.page,
    rule: d.rule ?? d.kind,
    cue: cueOf(a, d),
  };
}

function key(f: Fact): string {
  return JSON.stringify([f.kind, f.value, f.negated, ...ATTRIBUTES.map((x) => f[x.field])]);
}

/**
 * One fact per distinct claim in a section. A claim stated once with a detail its kind declares
 * (the key service of encryption, the time zone of NTP) and once without is the same claim: the
 * detailed one stays.
 */
function consolidate(facts: Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of facts) if (!seen.has(key(f))) seen.set(key(f), f);
  const kept = [...seen.values()];
  return kept.filter((f) => {
    const detail = ATTRIBUTES.find((x) => x.column === kindOf(f.kind)?.detail)?.field;
    if (!detail || f[detail] !== null) return true;
    return !kept.some((o) => o.kind === f.kind && o.negated === f.negated && o[detail] !== null);
  });
}

/** What reading the sections yields: their facts, and each section's words (token surfaces) in order. */
export interface SectionAnalysis {
  facts: Fact[];
  /** `words[i]` holds the token surfaces of `sections[i]`, so the search index need not tokenize again. */
  words: string[][];
  /** Candidates read and not taken (advice, plans, trademark notes), for explain. */
  suppressed: Suppressed[];
}

/**
 * Tokenizes every sentence of every section, and of every passage outside them, once and reads the
 * facts out of it. A passage's facts have no section; all of them count as one section when the same
 * fact is stated twice. Async because the tokenizer loads lazily: a document with no sentences never
 * loads the dictionary.
 */
export async function analyzeSections(sections: readonly Section[], passages: readonly Passage[] = []): Promise<SectionAnalysis> {
  const scopes: Scope[] = [...sections, ...passages.map((p) => ({ ...p, ord: null, controlId: null }))];
  const work = scopes.map((section) => ({ section, sentences: splitSentences(section) }));
  const words: string[][] = sections.map(() => []);
  if (work.every((w) => w.sentences.length === 0)) return { facts: [], words, suppressed: [] };
  const tokenizer = await getTokenizer();
  const document = { providers: documentProviders(scopes.map((s) => s.body)) };
  const facts: Fact[] = [];
  const outside: Fact[] = [];
  const suppressed: Suppressed[] = [];
  work.forEach(({ section, sentences }, i) => {
    const state: SectionState = { provider: null, regionTable: false, located: false };
    let prepared: string | undefined;
    const sectionText = () => (prepared ??= prepare(section.body));
    const found: Fact[] = [];
    for (const sentence of sentences) {
      const a = analyze(tokenizer, sentence.cells ? sentence.cells.join('\t') : sentence.text, sentence.cells !== null);
      if (i < sections.length) for (const t of a.tokens) words[i]!.push(t.surface);
      const ctx: Ctx = { section, document, sentence, a, state, sectionText };
      for (const { draft: d, reason } of candidates(ctx)) {
        if (reason) suppressed.push({ kind: d.kind, value: d.value, reason, controlId: section.controlId, evidence: sentence.text, page: sentence.page });
        else found.push(toFact(d, section, sentence, a));
      }
      carry(state, a);
    }
    if (i < sections.length) found.push(...answeredQuestion(sections[i]!.heading, section, sentences, found, tokenizer, document));
    if (section.ord === null) outside.push(...found);
    else facts.push(...consolidate(found));
  });
  facts.push(...consolidate(outside));
  return { facts, words, suppressed };
}

/** Every kind's drafts from one sentence, each with why it is not a claim (advice, a plan…), or null. */
function candidates(ctx: Ctx): { draft: Draft; reason: ReturnType<typeof suppression> }[] {
  return kinds().flatMap(({ extract }) => extract(ctx).map((draft) => ({ draft, reason: suppression(ctx.a, draft) })));
}

/** 「はい」「いいえ」 opening an answer: it affirms or denies the question. */
const YES = /^(?:はい|ええ|yes)(?:[、。,.!！\s]|$)/i;
const NO = /^(?:いいえ|いえ|no)(?:[、。,.!！\s]|$)/i;

/**
 * 「Q. 二段階認証は使えますか？」「A. はい。管理画面から設定できます。」: an answer that only says yes or
 * no states the question's fact. The question is read for the kinds the answer does not state itself,
 * affirmed by はい, denied by いいえ; the evidence is the question and the answer's first sentence.
 */
function answeredQuestion(heading: string, section: Scope, sentences: readonly Sentence[], found: readonly Fact[], tokenizer: KuromojiTokenizer, document: Ctx['document']): Fact[] {
  const question = heading.trim();
  const first = sentences[0];
  if (!/[?？]$/.test(question) || !first) return [];
  const yes = YES.test(first.text);
  if (!yes && !NO.test(first.text)) return [];
  const sentence: Sentence = { text: `${question} ${first.text}`, start: 0, page: first.page, cells: null };
  const a = analyze(tokenizer, question, false);
  const ctx: Ctx = { section, document, sentence: { ...sentence, text: question }, a, state: { provider: null, regionTable: false, located: false }, sectionText: () => prepare(question) };
  const stated = new Set(found.map((f) => f.kind));
  return candidates(ctx)
    .filter(({ draft, reason }) => !reason && !draft.negated && !stated.has(draft.kind))
    .map(({ draft }) => toFact({ ...draft, negated: !yes }, section, sentence, a));
}

/** Extracts the facts of every section (and passage). */
export async function extractFacts(sections: readonly Section[], passages: readonly Passage[] = []): Promise<Fact[]> {
  return (await analyzeSections(sections, passages)).facts;
}
