// Deterministic benchmark and test corpora made from the five corpus whitepapers and the five
// fixture PDFs: every copy has its own content (vendor name, figures, a closing line; for PDFs a
// trailing comment), so every copy has its own hash and is really processed.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = join(ROOT, 'corpus');
export const PDF_FIXTURES = join(ROOT, 'test/fixtures/pdf');

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

/** A company name of its own for copy i: 株式会社 + 3 katakana. */
export function vendorName(i: number): string {
  const k = (n: number) => KANA[n % KANA.length]!;
  return `株式会社${k(i)}${k(Math.floor(i / KANA.length) + 7)}${k(i * 7 + 3)}クラウド`;
}

/** Known vendor names of the corpus files (the first that occurs is replaced). */
const VENDORS = [
  '株式会社東京共同トレード・コンプライアンス',
  'サイバートラスト株式会社',
  'CHROFY株式会社',
  '株式会社IDCフロンティア',
  '株式会社 IDC フロンティア',
  '株式会社インフォネット',
];

export function corpusTexts(): { name: string; text: string }[] {
  return readdirSync(CORPUS)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CORPUS, name), 'utf8') }));
}

/** Copy i of a whitepaper: another vendor, shifted figures (日, 時間, 年, 回), a closing line. */
export function variant(text: string, i: number): string {
  let out = text;
  for (const v of VENDORS) out = out.split(v).join(vendorName(i));
  out = out.replace(/(\d{1,3})(\s*)(日|時間|か月|ヶ月|回|世代)/g, (_, n: string, sp: string, unit: string) => `${Number(n) + (i % 7)}${sp}${unit}`);
  return `${out.trimEnd()}\n\n本書の管理番号は HK-${String(i).padStart(5, '0')} です。\n`;
}

/** Writes n distinct text whitepapers into dir; returns their paths. */
export function makeTextCorpus(dir: string, n: number, offset = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const bases = corpusTexts();
  const paths: string[] = [];
  for (let i = offset; i < offset + n; i++) {
    const base = bases[i % bases.length]!;
    const path = join(dir, `${String(i).padStart(4, '0')}_${base.name}`);
    writeFileSync(path, variant(base.text, i));
    paths.push(path);
  }
  return paths;
}

/**
 * Writes n distinct PDFs into dir: copies of the fixture PDFs, each with a unique comment after
 * %%EOF (readers ignore bytes after the last cross-reference section; pdfjs parses them all the
 * same), so the hashes differ and the text does not.
 */
export function makePdfCorpus(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const fixtures = readdirSync(PDF_FIXTURES).filter((f) => f.endsWith('.pdf')).sort();
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = fixtures[i % fixtures.length]!;
    const path = join(dir, `${String(i).padStart(4, '0')}_${base}`);
    copyFileSync(join(PDF_FIXTURES, base), path);
    appendFileSync(path, `\n%hakusho-bench copy ${i}\n`);
    paths.push(path);
  }
  return paths;
}
