// governing_law: the country whose law governs the contract (「準拠法は日本法」「適用される法令は「日本法」」).
import { claim, mentions, WHOLE } from '../analysis.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';
import { COUNTRIES } from './countries.ts';

const COUNTRY: Record<string, string> = Object.fromEntries(COUNTRIES);
// 「日本法」「日本国の法律」「米国ニューヨーク州法」: a state's law is its country's.
const LAW = new RegExp(`(${COUNTRIES.map(([n]) => n).join('|')})(?:国内)?の?(?:[\\p{Script=Katakana}\\p{Script=Han}ー・]{1,16}?州)?(?:法律|法令|法)(?![人案規則務])`, 'gu');
/** The sentence must be about the law that applies, not any mention of a law. */
const CUES = ['準拠', 'が適用され', '適用される法', '適用法', '適用する法', '管轄法', '法令は', '法は', '従って解釈', 'に従って解決', 'に従い解釈', '紛争'];

export const governingLaw: Extractor = ({ a }) => {
  if (!mentions(a, WHOLE(a), CUES)) return [];
  const out: Draft[] = [];
  for (const m of a.text.matchAll(LAW)) {
    if (!a.tokenStarts.has(m.index)) continue;
    out.push({ kind: 'governing_law', value: COUNTRY[m[1]!]!, ...claim(a, m.index, m.index + m[0].length) });
  }
  return out;
};

export const governingLawKind = defineKind({
  kind: 'governing_law',
  name: { ja: '準拠法', en: 'governing law' },
  value: { type: 'code' },
  attributes: [],
  identity: ['value'],
  extract: governingLaw,
});
