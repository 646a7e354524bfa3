// The kinds of fact, each declared once beside its extractor (src/facts/kinds/): its names, the
// type of its value, the attributes it sets, what identifies it for diff, how a policy compares
// it, and how it reads as a label. The facts stage, the store, the exports, diff, report, check
// and explain all ask this registry; a new kind is one module that calls defineKind.
import { ATTRIBUTES, codeLabel, type AttributeColumn, type FactAttributes, type Lang } from './attributes.ts';
import type { Extractor } from './kinds/context.ts';

export interface FactKind {
  kind: string;
  name: { ja: string; en: string };
  /**
   * The value: `integer` (a count or a number of days, with its unit's words), `version` (TLS),
   * `code` (daily, JP, aws:ap-northeast-1, aws), `flag` (true: the feature is there).
   */
  value: { type: 'integer' | 'version' | 'code' | 'flag'; unit?: { ja: string; en: string } };
  /** The attributes this kind sets; the others stay null. */
  attributes: readonly AttributeColumn[];
  /** Attribute values a fact of this kind has unless it says otherwise (third_party: false). */
  defaults?: Partial<FactAttributes>;
  /**
   * What tells two facts of this kind in one control apart, so that diff finds the same fact in
   * two editions: generations by frequency, retention by subject and frequency, tls by value.
   */
  identity: readonly ('value' | AttributeColumn)[];
  /** An attribute the same claim may state once with and once without: the fact with it stays. */
  detail?: AttributeColumn;
  /** Other values a policy may name for this value (a provider region: its country, aws:ap-northeast-1 → JP). */
  equivalents?: (value: string) => readonly string[];
  extract: Extractor;
}

const KINDS = new Map<string, FactKind>();

/** Declares a kind (again: replaces it). Called by each kind's module, and by tests for a toy kind. */
export function defineKind(spec: FactKind): FactKind {
  KINDS.set(spec.kind, spec);
  return spec;
}

/** Removes a kind a test declared. */
export function forgetKind(kind: string): void {
  KINDS.delete(kind);
}

export function kinds(): readonly FactKind[] {
  return [...KINDS.values()];
}

export function kindOf(kind: string): FactKind | undefined {
  return KINDS.get(kind);
}

export function kindName(kind: string, lang: Lang): string {
  return KINDS.get(kind)?.name[lang] ?? kind;
}

/** What a label is made of: the fact's kind, value, denial and attributes by column name. */
export type LabelFact = { kind: string; value: string | null; negated: boolean | number } & Partial<Record<AttributeColumn, string | number | boolean | null>>;

/**
 * A short readable label. English as the fact_labels view writes it (「35 (daily)」「30 (backup
 * max)」「not tls」); Japanese as a reader expects it (「35世代（日次）」「最大30日（顧客データ）」
 * 「否定：TLS 1.1」).
 */
export function factLabel(f: LabelFact, lang: Lang = 'en'): string {
  const spec = KINDS.get(f.kind);
  const negated = Boolean(f.negated);
  if (lang === 'en') {
    const quals = [f.frequency, f.subject, f.bound === 'exact' ? null : f.bound, f.unit === 'day' ? null : f.unit].filter((x) => x !== null && x !== undefined);
    return `${negated ? 'not ' : ''}${f.value ?? f.kind}${quals.length ? ` (${quals.join(' ')})` : ''}`;
  }
  return readableLabel(f, 'ja');
}

const WORDS = {
  ja: { max: '最大', min: '最低', atLeast: '以上', atMost: '以下', businessDays: '営業日', yes: 'あり', no: 'なし', denied: '否定：', noVersion: 'TLS（バージョンの記載なし）', noValue: '（値の記載なし）', open: '（', close: '）', sep: '・' },
  en: { max: 'at most ', min: 'at least ', atLeast: ' or later', atMost: ' or earlier', businessDays: ' business days', yes: 'yes', no: 'no', denied: 'not ', noVersion: 'TLS (no version stated)', noValue: ' (no value stated)', open: ' (', close: ')', sep: ', ' },
} as const;

/**
 * A label for readers, in Japanese or English words (the report): 「最大30日（顧客データ）」 / 「at most 30
 * days (customer data)」, 「TLS 1.2以上」 / 「TLS 1.2 or later」, a flag as あり/なし (yes/no), a denial
 * of anything else marked 否定 (not).
 */
export function readableLabel(f: LabelFact, lang: Lang): string {
  const spec = KINDS.get(f.kind);
  const w = WORDS[lang];
  const type = spec?.value.type;
  let negated = Boolean(f.negated);
  let core: string;
  if (type === 'flag') {
    // A flag's denial is its value: the feature is not there.
    core = negated ? w.no : w.yes;
    negated = false;
  } else if (f.value === null) core = type === 'version' ? w.noVersion : `${spec?.name[lang] ?? f.kind}${w.noValue}`;
  else if (type === 'integer') {
    const unit = f.unit === 'business_day' ? w.businessDays : lang === 'ja' ? (spec?.value.unit?.ja ?? '') : ` ${spec?.value.unit?.en ?? ''}`.trimEnd();
    core = `${f.bound === 'max' ? w.max : f.bound === 'min' ? w.min : ''}${f.value}${unit}`;
  } else if (type === 'version') {
    core = `${f.value.startsWith('ssl') ? `SSL ${f.value.slice(3)}` : `TLS ${f.value}`}${f.bound === 'min' ? w.atLeast : f.bound === 'max' ? w.atMost : ''}`;
  } else core = codeLabel(f.value, lang);
  const quals = ATTRIBUTES.filter((a) => a.column !== 'unit' && a.column !== 'bound' && spec?.attributes.includes(a.column))
    .map((a) => {
      const v = f[a.column];
      if (v === null || v === undefined || v === false || v === 0) return null;
      return a.type === 'boolean' ? a.name[lang] : codeLabel(String(v), lang);
    })
    .filter((x) => x !== null);
  return `${negated ? w.denied : ''}${core}${quals.length ? `${w.open}${quals.join(w.sep)}${w.close}` : ''}`;
}
