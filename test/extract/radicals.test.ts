// CJK Radicals Supplement → unified ideographs (src/normalize/radicals.ts), and the whole
// character normalisation on text as Chromium-made PDFs carry it.
import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../src/normalize/characters.ts';
import { mapRadicals } from '../../src/normalize/radicals.ts';

describe('CJK Radicals Supplement', () => {
  it('maps the look-alikes PDF producers use to the unified ideographs', () => {
    expect(mapRadicals('⻑期保存')).toBe('長期保存');
    expect(mapRadicals('⻘⻄⻝⻤⻩⻭⻯')).toBe('青西食鬼黄歯竜');
    expect(mapRadicals('⺟⺠⺤')).toBe('母民爫');
  });

  it('covers every code point of the block that has an equivalent (114), and only those', () => {
    const mapped: number[] = [];
    for (let cp = 0x2e80; cp <= 0x2eff; cp++) {
      const c = String.fromCodePoint(cp);
      const out = mapRadicals(c);
      if (out !== c) {
        mapped.push(cp);
        expect(/^\p{Script=Han}$/u.test(out), `U+${cp.toString(16)} → ${out}`).toBe(true);
        expect(out.codePointAt(0)).toBeGreaterThanOrEqual(0x3400);
      }
    }
    expect(mapped).toHaveLength(114);
    expect(mapped).not.toContain(0x2e80); // no equivalent in Unicode's data
    expect(mapped).not.toContain(0x2e9a); // unassigned
    expect(mapped.at(-1)).toBe(0x2ef3);
  });

  it('leaves Kangxi radicals to NFKC and fixes the whole Chromium set in normalizeChars', () => {
    expect(mapRadicals('⽤')).toBe('⽤');
    expect(normalizeChars('利⽤者の⽬的‧⻑期〜')).toBe('利用者の目的・長期~');
  });
});
