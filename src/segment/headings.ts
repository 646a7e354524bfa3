// What a heading line looks like, in every layout vendors use. Works on one normalised
// (NFKC, trimmed) line and says what it is; deciding what it means in context is sections.ts'.
import { canonicalId, titleSimilarity } from './catalog.ts';

export type LineKind =
  /** `12.3.1 情報のバックアップ`, `#### CLD6.3.1 …`, `8.13 情報のバックアップ（12.3.1）` */
  | { kind: 'control'; controlId: string; title: string; level: number | null; iso2022: string | null; similarity: number }
  /** `ISO/IEC 27017:2015 A. 6. 1. 3（ISO/IEC 27001:2022 管理策 5. 5）`: the id of the heading above. */
  | { kind: 'id-line'; controlId: string; iso2022: string | null }
  /** A heading without a 27017 id: `## 3. 用語の定義`, `1. クラウドサービスプロバイダの地理的所在地`. */
  | { kind: 'heading'; title: string; level: number | null; numbered: boolean }
  /** Table-of-contents entry (dot leaders or a trailing page number). */
  | { kind: 'toc' }
  /** 改訂履歴 / 変更履歴 / 更新履歴: the revision table follows. */
  | { kind: 'revisions' }
  /** Page furniture that slipped into text: bare page numbers, rules. */
  | { kind: 'furniture' }
  | { kind: 'text' };

const ID = String.raw`(?:A\s*\.\s*)?(?:CLD\s*\.?\s*)?\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}`;
const ID_AT_START = new RegExp(String.raw`^(${ID})(?![\d.])\s*(.*)$`, 'i');
const ID_LINE = new RegExp(String.raw`^ISO\s*/\s*IEC\s*27017(?:\s*:\s*2015)?\s*(${ID})(?![\d])\s*(.*)$`, 'i');
const ID_IN_BRACKETS = new RegExp(String.raw`[(\[【]\s*(?:ISO\s*/\s*IEC\s*27017(?:\s*:\s*2015)?\s*)?(?:旧\s*)?(${ID})\s*[)\]】]`, 'i');
// 「（新規格 5.1）」「(ISO/IEC 27001:2022 管理策 6.3)」
const MAPPING_2022 = /[(（]\s*(?:新規格|ISO\s*\/\s*IEC\s*27001\s*:\s*2022)\s*(?:管理策)?\s*(\d{1,2}\s*\.\s*\d{1,2})\s*[)）]/;
const TOC_TAIL = /(?:\.{3,}|…{2,}|‥{2,}|・{4,}|\t)\s*\d{1,3}\s*$|\s\d{1,3}$/;
const REVISIONS = /^(?:\d{1,2}\s*\.\s*)?(?:改訂履歴|変更履歴|更新履歴|改版履歴|改定履歴|版数管理)$/;
const FURNITURE = /^(?:-{3,}|\*{3,}|_{3,}|\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*\/\s*\d{1,3}|(?:page|p\.)\s*\d{1,3})$/i;
const NUMBERED = /^(?:第\s*\d{1,2}\s*[章節]|\d{1,2}(?:\.\d{1,2}){0,2}\.?(?=\s)|[IVX]{1,4}\.)\s*(\S.*)$/;
// A title that is really the middle of a sentence: it starts with a particle or is one.
const SENTENCE_TAIL = /^[にのをではがともへや、。）)」』]|[。]|です|ます/;

function compactNumber(s: string): string {
  return s.replace(/\s+/g, '');
}

export function mapping2022(text: string): string | null {
  const m = MAPPING_2022.exec(text);
  return m ? compactNumber(m[1]!) : null;
}

function stripMapping(title: string): string {
  return title
    .replace(MAPPING_2022, '')
    .replace(/【[^【】]*】/g, '')
    .trim();
}

/** Splits a leading run of `#` marks off a Markdown heading. */
function markdown(line: string): { level: number | null; rest: string } {
  const m = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
  if (!m) return { level: null, rest: line };
  return { level: m[1]!.length, rest: m[2]!.replace(/^\*\*(.*)\*\*$/, '$1').trim() };
}

/** Headings are short; a longer line is body text, which also bounds every pattern below. */
const MAX_HEADING = 300;

export function classifyLine(raw: string): LineKind {
  const line = raw.trim();
  if (line === '' || line.length > MAX_HEADING) return { kind: 'text' };
  if (FURNITURE.test(line)) return { kind: 'furniture' };
  const { level, rest } = markdown(line);
  if (REVISIONS.test(rest.replace(/\s+/g, ''))) return { kind: 'revisions' };

  const idLine = ID_LINE.exec(rest);
  if (idLine) {
    const controlId = canonicalId(idLine[1]!);
    const tail = idLine[2]!.trim();
    // Only a bare id, or an id with its 27001:2022 mapping, stands on a line of its own.
    if (controlId && (tail === '' || mapping2022(tail) !== null || /^[(（].*[)）]$/.test(tail))) {
      return { kind: 'id-line', controlId, iso2022: mapping2022(tail) };
    }
  }

  const atStart = ID_AT_START.exec(rest);
  if (atStart) {
    const controlId = canonicalId(atStart[1]!);
    const printedTitle = atStart[2]!;
    if (TOC_TAIL.test(printedTitle) || TOC_TAIL.test(raw.trimStart())) return controlId ? { kind: 'toc' } : { kind: 'text' };
    if (controlId && !SENTENCE_TAIL.test(printedTitle) && printedTitle.length <= 80) {
      const title = stripMapping(printedTitle);
      return {
        kind: 'control',
        controlId,
        title,
        level,
        iso2022: mapping2022(printedTitle),
        similarity: title ? titleSimilarity(controlId, title) : 0,
      };
    }
  }

  if (TOC_TAIL.test(rest) && (NUMBERED.test(rest) || /\.{3,}|…{2,}/.test(rest))) return { kind: 'toc' };

  const numbered = NUMBERED.exec(rest);
  const isHeadingShape = level !== null || (numbered !== null && !SENTENCE_TAIL.test(numbered[1]!) && numbered[1]!.length <= 60);
  if (isHeadingShape) {
    const title = numbered && !SENTENCE_TAIL.test(numbered[1]!) ? numbered[1]! : rest;
    // Own numbering (or ISO/IEC 27001:2022's) with the 27017 id in brackets: 「8.13 情報のバックアップ（12.3.1）」.
    const bracket = ID_IN_BRACKETS.exec(title);
    const bracketId = bracket ? canonicalId(bracket[1]!) : null;
    if (bracketId) {
      const clean = stripMapping(title.replace(bracket![0], ''));
      const lead = numbered && /^\d{1,2}\.\d{1,2}$/.test(rest.split(/\s/)[0]!.replace(/\.$/, '')) ? rest.split(/\s/)[0]!.replace(/\.$/, '') : null;
      return {
        kind: 'control',
        controlId: bracketId,
        title: clean,
        level,
        iso2022: mapping2022(title) ?? (lead && /^[5-8]\./.test(lead) ? lead : null),
        similarity: titleSimilarity(bracketId, clean),
      };
    }
    return { kind: 'heading', title: stripMapping(title), level, numbered: numbered !== null };
  }
  return { kind: 'text' };
}
