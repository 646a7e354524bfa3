// Character-level normalisation: what makes text from every producer compare equal.
import { mapRadicals } from './radicals.ts';

// Trademark signs are dropped before NFKC, which would turn 🄬 into a letter R glued to the name.
const TRADEMARKS = /[\u00ae\u2122\u00a9\u{1f12c}\u{1f16a}-\u{1f16c}]/gu;

/**
 * NFKC (full-width ASCII, half-width kana, Kangxi radicals such as ⽬ → 目), then the CJK Radicals
 * Supplement look-alikes NFKC leaves alone, then the few substitutes some ToUnicode maps use.
 */
export function normalizeChars(text: string): string {
  return mapRadicals(text.replace(TRADEMARKS, '').normalize('NFKC'))
    .replace(/\u2027/g, '・') // hyphenation point used for katakana middle dot
    .replace(/\u301c/g, '~') // wave dash; NFKC already made full-width tilde ~
    .replace(/\u00a0|\u3000/g, ' ')
    // Private-use code points in extracted text are symbol-font bullets (Wingdings U+F09E …).
    .replace(/[\ue000-\uf8ff]/g, '・')
    // 「5.3.2. バックアップ¶」: the permalink mark a documentation site (Sphinx, MkDocs) puts after each heading.
    .replace(/\s*¶\s*$/, '')
    // 「Section titled “通信の暗号化”」: the hidden label of a heading's anchor (Astro Starlight), which a
    // copied page glues to the paragraph after the heading.
    .replace(/^Section titled [“"][^”"]*[”"]\s*/, '');
}
