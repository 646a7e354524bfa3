// Whose act a sentence states: 「お客様の責任において実施いただく」「お客様ご自身で取得」 describe what
// the customer must do, not what the provider does, so they are not the provider's backup or
// encryption claims.
import { type Analysis, mentions } from '../analysis.ts';
import type { Span } from '../tokens.ts';

const CUSTOMER_DOES = [
  'お客様の責任', 'お客様ご自身', 'お客様自身', 'お客様側で', 'お客様にて', '利用者の責任', '利用者自身', 'ご利用者様自身',
  'カスタマ自身', 'カスタマの責任', '実施いただく必要', '取得いただく必要', '行っていただく必要', 'ご自身で',
];

export function isCustomersAct(a: Analysis, span: Span): boolean {
  return mentions(a, span, CUSTOMER_DOES);
}
