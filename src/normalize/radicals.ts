// CJK Radicals Supplement (U+2E80–U+2EFF) characters that PDF producers put in ToUnicode maps
// instead of the unified ideograph. NFKC does not fold them; Unicode's
// EquivalentUnifiedIdeograph.txt gives the ideograph each one stands for.
const EQUIVALENT: Record<string, string> = {
  '\u2ed1': '\u9577', // ⻑ → 長
};

const BLOCK = /[\u2e80-\u2eff]/g;

export function mapRadicals(text: string): string {
  return text.replace(BLOCK, (c) => EQUIVALENT[c] ?? c);
}
