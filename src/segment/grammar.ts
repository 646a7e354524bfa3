// One grammar for every heading-like line, whatever the layout: an optional mark, an optional label,
// a control id in any spelling, a title in Japanese, English or both. This module reads one
// normalised line (NFKC, trimmed) and says what it holds; sections.ts decides in context whether it
// opens a section, and why not when it does not.
//
//   【12.3.1】情報のバックアップ          ■ A.12.3.1 情報のバックアップ      管理策 12.3.1：情報のバックアップ
//   (12.3.1) 情報のバックアップ          第12.3.1項 情報のバックアップ      CLD.9.5.1項 仮想コンピューティング…
//   ISO/IEC 27017 A.12.3.1 …             12.3.1 Information backup(情報のバックアップ)
//   8.13 情報のバックアップ[ISO/IEC 27017:12.3.1]                          #### CLD6.3.1 …
import { canonicalId, titleSimilarity } from './catalog.ts';

/** How a heading-like line is dressed, for telling siblings apart (the 「###」 articles, the 「(n)」 items). */
export type Shape = string;

export interface Parsed {
  /** The line as read (trimmed). */
  text: string;
  /** Markdown heading level, null when the line is not one. */
  level: number | null;
  /** Siblings share a shape: `md3`, `bold`, `mark:■`, `num:(n)`, `num:n.n`, `plain`. */
  shape: Shape;
  /** A list bullet (・ - * •) before the text: a list item, not a heading. */
  bullet: boolean;
  /** The ISO/IEC 27017 id the line names as its own, canonical, or null. */
  id: string | null;
  /** Where the id stands: leading the line, or in brackets after a number of the document's own. */
  idAt: 'start' | 'end' | null;
  /** The line's own number when it leads (「8.13」「2.1」「3」), without the id. */
  number: string | null;
  /** The title as printed, marks, label, id and brackets with a mapping aside. */
  title: string;
  /** 「（新規格 5.1）」「(ISO/IEC 27001:2022 管理策 6.3)」: the 27001:2022 control the line maps itself to. */
  mapping2022: string | null;
  /** 「[27017 該当なし]」: a heading of the document's own scheme with no 27017 control. */
  notApplicable: boolean;
  /** 「[ISO/IEC 27017:CLD管理策]」: a heading that introduces the cloud controls listed under it by title. */
  introducesCloudControls: boolean;
  /** Dot leaders or a trailing page number: a table-of-contents entry. */
  toc: boolean;
  /** 「第9章 …」「Chapter 9」「第1部」: a chapter line. */
  chapter: boolean;
}

const ID = String.raw`(?:A\s*\.\s*)?(?:CLD\s*\.?\s*)?\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}`;
/** 「ISO/IEC 27017:2015」「JIS Q 27017:2016」 before an id. */
const STANDARD = String.raw`(?:(?:ISO\s*/\s*IEC|JIS\s*Q)\s*27017(?:\s*:\s*20\d\d)?\s*(?:附属書\s*A\s*)?)`;
const LABEL = String.raw`(?:管理策(?:番号|項目|No\.?)?|管理(?:項目|番号)|項目(?:番号)?|項番|No\.?|番号|Control(?:\s+No\.?)?)`;
const OPEN = '【\\[(<〈《〔';
const CLOSE = '】\\])>〉》〕';

/** Leading id: [label] [standard] [第] [bracket] id [項|条] [bracket] title. */
const LEADING_ID = new RegExp(
  String.raw`^(?:[(（][a-zA-Z][)）]\s*|[a-zA-Z][)）]\s*)?(?:${LABEL}\s*[:：]?\s*)?(?:${STANDARD}\s*)?(?:第\s*)?([${OPEN}])?\s*(?:${LABEL}\s*[:：]?\s*)?(?:${STANDARD}\s*)?(${ID})(?!\.?\d)\s*(?:項|条|節)?\s*([${CLOSE}])?(.*)$`,
  'iu',
);
/** An id in brackets at the end, after a number of the document's own: 「8.13 情報のバックアップ[ISO/IEC 27017:12.3.1]」. */
const TRAILING_ID = new RegExp(String.raw`[${OPEN}](?:[^${OPEN}${CLOSE}]{0,24}?(?:${STANDARD}|27017|管理策|旧)\s*[:：]?)?\s*(${ID})\s*[${CLOSE}]\s*$`, 'iu');
/** 「[27017 該当なし]」「(ISO/IEC 27017:対応なし)」「[27017: N/A]」 */
const NOT_APPLICABLE = new RegExp(String.raw`[${OPEN}][^${OPEN}${CLOSE}]{0,24}?27017[^${OPEN}${CLOSE}]{0,12}?(?:該当なし|該当する管理策なし|対応なし|対応する管理策なし|なし|対象外|N/?A|-|―)\s*[${CLOSE}]\s*$`, 'iu');
/** 「[ISO/IEC 27017:CLD管理策]」: the cloud controls follow, by title. */
const CLOUD_CONTROLS = new RegExp(String.raw`[${OPEN}]\s*(?:${STANDARD}|27017)\s*[:：]?\s*(?:CLD|クラウド(?:サービス)?拡張)\s*(?:管理策|controls?)?\s*[${CLOSE}]\s*$`, 'iu');
// 「（新規格 5.1）」「(ISO/IEC 27001:2022 管理策 6.3)」
const MAPPING_2022 = /[(（]\s*(?:新規格|ISO\s*\/\s*IEC\s*27001\s*:\s*2022)\s*(?:管理策)?\s*(\d{1,2}\s*\.\s*\d{1,2})\s*[)）]/;
/** Dot leaders, or a page number after a tab or a space. */
const TOC_TAIL = /(?:\.{3,}|…{2,}|‥{2,}|・{3,}|･{3,}|-{4,}|_{4,})\s*\d{1,3}\s*$|\t\s*\d{1,3}\s*$|\s\d{1,3}$/;
const LEADERS = /\.{3,}|…{2,}|‥{2,}|・{4,}/;
const CHAPTER = /^(?:第\s*\d{1,2}\s*[章部編]|Chapter\s+\d{1,2}\b|Part\s+\d{1,2}\b)/i;
/** The document's own number leading a heading: 「2.」「2」「2.1」「(3)」「3)」「①」. */
// Also a 27001:2022 Annex A number, 「A.5.9」 or 「[5.9]」, in documents ordered by that standard.
const OWN_NUMBER = /^(?:(\d{1,2}(?:\.\d{1,2}){0,2})\.?(?=\s)|[(（](\d{1,2})[)）]|(\d{1,2})[)）]|([①-⑳])|A\s*\.\s*(\d{1,2}\.\d{1,2})(?=\s)|[[［](\d{1,2}\.\d{1,2})[\]］])\s*/u;
const HEADING_MARK = /^([■□●○◆◇◎▶▷►▸❖◼◻▼▽★☆◉])\s*/u;
const BULLET = /^[・•\-*+‐]\s*/u;
/** A title that is really the middle of a sentence: it starts with a particle or is one. */
const SENTENCE_TAIL = /^(?:[にのをでがともへや、。）)」』]|は(?!じめ))|[。]|です|ます/;

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

export function mapping2022(text: string): string | null {
  const m = MAPPING_2022.exec(text);
  return m ? compact(m[1]!) : null;
}

/** The title without a 27001:2022 mapping in brackets or an 【annotation】. */
export function cleanTitle(title: string): string {
  return title
    .replace(MAPPING_2022, '')
    .replace(/【[^【】]*】/g, '')
    .replace(/^[\s:：\-–—|/.]+/, '')
    .trim();
}

/** Markdown heading marks and whole-line emphasis, peeled off. */
function unwrap(line: string): { level: number | null; bold: boolean; rest: string } {
  let level: number | null = null;
  let rest = line;
  const md = /^(#{1,6})\s+(.*?)\s*#*$/.exec(rest);
  if (md) (level = md[1]!.length), (rest = md[2]!);
  const bold = /^(\*\*|__)(.+)\1$/.exec(rest);
  if (bold) rest = bold[2]!.trim();
  return { level, bold: bold !== null, rest };
}

/** Headings are short; a longer line is body text, which also bounds every pattern below. */
export const MAX_HEADING = 300;

export function parseLine(raw: string): Parsed {
  const text = raw.trim();
  const base: Parsed = {
    text,
    level: null,
    shape: 'plain',
    bullet: false,
    id: null,
    idAt: null,
    number: null,
    title: text,
    mapping2022: null,
    notApplicable: false,
    introducesCloudControls: false,
    toc: false,
    chapter: false,
  };
  if (text === '' || text.length > MAX_HEADING) return base;
  const { level, bold, rest: unwrapped } = unwrap(text);
  let rest = unwrapped;
  let shape: Shape = level !== null ? `md${level}` : bold ? 'bold' : 'plain';
  const bullet = BULLET.test(rest) && !/^[-*]{3,}$/.test(rest);
  if (bullet) (rest = rest.replace(BULLET, '')), (shape = 'bullet');
  const mark = HEADING_MARK.exec(rest);
  if (mark) (rest = rest.slice(mark[0].length)), (shape = `mark:${mark[1]}`);
  const toc = TOC_TAIL.test(text) && (LEADERS.test(text) || /\t\s*\d{1,3}\s*$/.test(text) || /[\d\])）」』】]\s+\d{1,3}$/.test(text) || !/[。、]/.test(text));
  const parsed: Parsed = { ...base, level, shape, bullet, toc, chapter: CHAPTER.test(rest), mapping2022: mapping2022(rest) };

  const leading = LEADING_ID.exec(rest);
  if (leading) {
    const [, open, printedId, close, tail] = leading;
    const id = canonicalId(printedId!);
    // A bracket opened before the id closes after it, or after the title (「【12.3.1 情報のバックアップ】」).
    let title = tail!;
    if (open && !close) title = title.replace(new RegExp(`[${CLOSE}]\\s*$`), '');
    if (id && (!open || close || title !== tail)) {
      return { ...parsed, id, idAt: 'start', title: cleanTitle(stripLeaders(title)), shape: open ? `bracket:${open}` : parsed.shape };
    }
  }

  const own = OWN_NUMBER.exec(rest);
  const number = own ? (own[1] ?? own[2] ?? own[3] ?? own[4] ?? own[5] ?? own[6] ?? null) : null;
  if (own && (own[5] || own[6])) parsed.shape = parsed.shape === 'plain' ? (own[5] ? 'num:A.n.n' : 'num:[n.n]') : parsed.shape;
  else if (own && own[2]) parsed.shape = parsed.shape === 'plain' ? 'num:(n)' : parsed.shape;
  else if (own && own[3]) parsed.shape = parsed.shape === 'plain' ? 'num:n)' : parsed.shape;
  else if (own && own[4]) parsed.shape = parsed.shape === 'plain' ? 'num:①' : parsed.shape;
  else if (own && own[1]) parsed.shape = parsed.shape === 'plain' ? `num:${own[1].split('.').map(() => 'n').join('.')}` : parsed.shape;
  const afterNumber = own ? rest.slice(own[0].length) : rest;
  const titled = stripLeaders(afterNumber);
  if (NOT_APPLICABLE.test(titled)) {
    return { ...parsed, number, notApplicable: true, title: cleanTitle(titled.replace(NOT_APPLICABLE, '')) };
  }
  if (CLOUD_CONTROLS.test(titled)) {
    return { ...parsed, number, introducesCloudControls: true, title: cleanTitle(titled.replace(CLOUD_CONTROLS, '')) };
  }
  const trailing = TRAILING_ID.exec(titled);
  const trailingId = trailing ? canonicalId(trailing[1]!) : null;
  if (trailingId && !SENTENCE_TAIL.test(titled) && !/[。]/.test(titled)) {
    const title = cleanTitle(titled.slice(0, trailing!.index));
    // After a number of the document's own the bracket is the heading's id; without one, only when the
    // title before it is that control's (「■情報のバックアップ（A.12.3.1）」, not 「…の取得（12.3.1参照）」).
    if (number !== null || (title.length <= 60 && titleSimilarity(trailingId, title) >= 0.5)) {
      return { ...parsed, number, id: trailingId, idAt: 'end', title };
    }
  }
  return { ...parsed, number, title: cleanTitle(titled) };
}

/** 「情報のバックアップ ………… 11」 → 「情報のバックアップ」 */
function stripLeaders(s: string): string {
  return s.replace(TOC_TAIL, '').replace(/(?:\.{3,}|…{2,}|‥{2,}|・{3,})\s*$/, '').trim();
}

/** A title that reads as the rest of a sentence (「の記載を更新」「に記載のとおり」). */
export function isSentenceTail(title: string): boolean {
  return SENTENCE_TAIL.test(title);
}
