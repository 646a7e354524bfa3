// The policy's verdicts in the report (`hakusho report --policy FILE`): whitepapers in rows,
// requirements in columns, ✓ ✗ ?, the deciding sentence on hover.
import { NO_CONTROL_LABEL } from '../facts/attributes.ts';
import type { CheckResult } from '../policy/check.ts';
import type { Policy } from '../policy/policy.ts';

const SIGN = { pass: '✓', fail: '✗', unknown: '?' } as const;

export interface PolicyVerdicts {
  policy: Policy;
  results: CheckResult[];
}

/** The table as an HTML fragment; `h` escapes text, `name` says which whitepaper a document is. */
export function policyTable(v: PolicyVerdicts, h: (s: string | number | null) => string, name: (documentId: number) => string, lang: 'ja' | 'en'): string {
  const words = lang === 'ja' ? { pass: '適合', fail: '不適合', unknown: '不明', doc: 'ホワイトペーパー' } : { pass: 'pass', fail: 'fail', unknown: 'unknown', doc: 'whitepaper' };
  const docs = [...new Set(v.results.map((r) => r.document_id))];
  const cell = (r: CheckResult) => {
    const at = r.status === 'unknown' ? '' : ` (${[r.control_id ?? NO_CONTROL_LABEL[lang], r.page !== null ? `p. ${r.page}` : null].filter(Boolean).join(' · ')})`;
    const tip = r.evidence ? `${r.evidence}${at}` : words[r.status];
    return `<td class="verdict ${r.status}" title="${h(tip)}"><span aria-label="${h(words[r.status])}">${SIGN[r.status]}</span></td>`;
  };
  const head = v.policy.requirements.map((q) => `<th scope="col" title="${h(q.id)}">${h(q.title)}</th>`).join('');
  const rows = docs
    .map((id) => `<tr><th scope="row">${h(name(id))}</th>${v.policy.requirements.map((q) => cell(v.results.find((r) => r.document_id === id && r.requirement === q.id)!)).join('')}</tr>`)
    .join('\n');
  return `<table class="policy"><thead><tr><th scope="col">${words.doc}</th>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}
