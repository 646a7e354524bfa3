// Lines → control sections. Every heading-like line is read by one grammar (grammar.ts); here the
// document decides which of them open a section, where each body starts and ends, and why a line
// that looks like a heading is not one (kept as a rejection with its reason, for `hakusho explain`).
//
// A section starts at a heading that names a control by id, by its official title or by a topic
// (「データの保管場所」), at a table row for a control, or at a question whose related control is
// given or whose topic maps to one. It ends at the next section, a chapter line, a Markdown heading
// of its level or above, the revision history, or a heading that maps to no control.
import { joinLines } from '../normalize/join.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Line, Passage, Section } from '../types.ts';
import { canonicalId, completesTitle, getControl, isCategoryTitle, matchTitle, titleSimilarity } from './catalog.ts';
import { isSentenceTail, parseLine, type Parsed } from './grammar.ts';
import { isRevisionHeading } from './revisions.ts';
import { readControlTable, is2022Control, type ControlTable, type TableRow } from './tables.ts';
import { isNoControl, mapHeading, mapInContext, type TopicMatch } from './topics.ts';

/** Why a heading-like line opened no section. */
export type RejectReason =
  | 'toc'
  | 'cross_reference'
  | 'revision_row'
  | 'chapter'
  | 'unknown_title'
  | 'duplicate'
  | 'not_applicable'
  | 'cloud_controls_intro'
  | 'overview'
  | 'bullet'
  | 'inside_section'
  | 'isolated_topic'
  | 'correspondence_table'
  | 'category_row'
  | 'question_without_control'
  | 'sentence'
  | 'low_similarity';

export interface Rejection {
  line: number;
  page: number | null;
  text: string;
  reason: RejectReason;
}

/** How a section was found, for `hakusho explain`. */
export type SectionRule = 'heading' | 'id-line' | 'table' | 'qa';

/** What each reason says, for the decision's message. */
const REASON_TEXT: Record<RejectReason, string> = {
  toc: 'a table-of-contents entry, not a heading',
  cross_reference: 'a reference to a control inside the text, not a heading',
  revision_row: 'a row of the revision history',
  chapter: 'a chapter or part heading: it ends the section before it',
  unknown_title: 'a heading that names no control',
  duplicate: 'the open section\'s heading again',
  not_applicable: 'a heading the document marks as having no ISO/IEC 27017 control',
  cloud_controls_intro: 'introduces the cloud controls listed under it by title',
  overview: 'overview material before the first control section',
  bullet: 'a list item that repeats a control title',
  inside_section: 'a sub-heading inside a section that is already open',
  isolated_topic: 'a topic heading whose sibling headings mostly name no control',
  correspondence_table: 'a row of a table of ids and numbers without the vendor\'s own text',
  category_row: 'a category row of a table',
  question_without_control: 'a question whose topic maps to no control',
  sentence: 'a sentence that starts with a control id',
  low_similarity: 'an id whose title is unlike the control\'s, in a document that prints few ids',
};

/** The rejections as diagnostics (rule `segment/<reason>`), as the other stages report theirs. */
export function rejectionMessages(rejected: readonly Rejection[]): Diagnostic[] {
  return rejected.map((r) => ({ path: '', page: r.page, line: r.line, severity: 'info', rule: `segment/${r.reason}`, reason: `${REASON_TEXT[r.reason]}: 「${r.text.slice(0, 60)}」` }));
}

export interface Segmented {
  sections: Section[];
  /** Text outside every section that is still read for facts (not tables of contents, revision tables or glossaries). */
  passages: Passage[];
  rejected: Rejection[];
  /** How each section (by ord) was found. */
  rules: SectionRule[];
}

type Kind = 'blank' | 'furniture' | 'toc' | 'revisions' | 'row' | 'question' | 'answer' | 'related' | 'heading' | 'text';

interface Item {
  line: Line;
  text: string;
  kind: Kind;
  parsed: Parsed;
  cells: string[] | null;
  /** For a question: the question; for an answer: the answer without its label; for related: the control. */
  value: string | null;
}

/** A help-centre article's date line (「更新日：2024/03/01」「Last updated: 2024-03-01」「2022-05-25 10:30:05 UTC 2022-07-16 02:35:34 UTC」): about the page, not the control. */
const DATE_STAMP = /^(?:最終)?(?:更新|公開|掲載|投稿|作成)(?:日|日時)?\s*[:：]\s*\d{4}\s*[/.\-年]\s*\d{1,2}\s*[/.\-月]\s*\d{1,2}\s*日?$|^(?:last\s+)?(?:updated|published)(?:\s+on)?\s*:?\s*\d{4}-\d{1,2}-\d{1,2}$|^(?:\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?\s*(?:UTC|JST|Z|[+-]\d{2}:?\d{2})?\s*){1,3}$/i;
const FURNITURE = /^(?:-{3,}|\*{3,}|_{3,}|\d{1,3}|[-–—―]\s*\d{1,3}\s*[-–—―]|\d{1,3}\s*\/\s*\d{1,3}|(?:page|p\.)\s*\d{1,3})$/i;
/** 「ホーム > セキュリティ > データの取り扱い」: a web page's navigation, not its content. */
const BREADCRUMB = /^[^。>＞»›]{1,40}(?:\s*[>＞»›]\s*[^。>＞»›]{1,40}){2,}$/;
const QUESTION = /^(?:Q|質問|問)\s*\d{0,3}\s*(?:[.:：)）]\s*|\s+)(\S.*)$/i;
// 「A.5.23 …」 is an Annex A number, not an answer.
// 「A 利用できます。」: a bare A and a space before Japanese text is a label too.
const ANSWER = /^(?:(?:A|回答|答え?)\s*\d{0,3}\s*[.:：)）](?!\d)\s*|A\s+(?=[^\x00-\x7f]))(.*)$/i;
// 「関連管理策：12.3.1」「対応するISO/IEC 27017管理策：12.3.1」「該当する27017の管理策: CLD.9.5.1」
const RELATED = /^(?:関連|対応|該当|参照)(?:する)?\s*(?:(?:ISO\/IEC\s*)?27017(?::2015)?\s*の?\s*)?(?:管理策|規格)(?:番号)?\s*[:：]?\s*(.+)$/;
const ID_ANYWHERE = /(?:A\s*\.\s*)?(?:CLD\s*\.?\s*)?\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}/gi;
/** Chapter titles whose headings and tables are overview, not controls. */
const OVERVIEW = /はじめに|概要|本書について|本書の|目的|適用範囲|凡例|総則|基本情報|前提|序|About|Overview|Introduction/i;
/** A glossary describes words, not the service: its examples are no facts. */
const GLOSSARY = /用語|定義|Glossary|Definitions/i;
/** Line starts that make a line a revision row: a date or an edition. */
const DATED = /^(?:(?:令和|平成)\s*\d|\d{4}\s*[年/.\-]|第?\s*\d+(?:\.\d+)*\s*版|改訂第|Ver(?:sion)?\.?\s*\d|Rev\.?\s*\d|v\d)/i;

/** Below this, an id line unlike its catalog title in a document that prints few ids is no heading. */
const TITLE_MODE_SIMILARITY = 0.3;
/** Below this, a printed id inside a revision table is a row, not a heading. */
const REVISION_ROW_SIMILARITY = 0.8;
/** Topic headings count where they form a run: at least this many siblings map to controls. */
const TOPIC_SUPPORT = 3;

function classify(line: Line): Item {
  const text = line.text.trim();
  const item: Item = { line, text, kind: 'text', parsed: parseLine(text), cells: null, value: null };
  if (text === '') return { ...item, kind: 'blank' };
  if (line.text.includes('\t')) {
    const cells = line.text.split('\t');
    const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
    if (filled.length === 0) return { ...item, kind: 'blank' };
    // A row with one filled cell is a line that happens to sit in a sheet (「改訂履歴」 as a row).
    if (filled.length === 1) return { ...classify({ ...line, text: filled[0]! }), line };
    // 「12.4.1	イベントログ取得	8」「第5.1.1項	情報セキュリティのための方針群 ・・・ 3」: an entry of a table of contents.
    const joined = filled.join(' ');
    if (filled.length <= 3 && filled.slice(0, -1).every((c) => c.length <= 80 && !/[。]/.test(c))) {
      if (/^\d{1,3}$/.test(filled.at(-1)!) || /(?:\.{3,}|…{2,}|‥{2,}|・{3,})\s*\d{1,3}$/.test(joined)) return { ...item, kind: 'toc', text: joined };
    }
    // 「第5.1.1項	情報セキュリティのための方針群」: a heading whose number and title a PDF set apart.
    if (filled.length === 2 && filled[0]!.length <= 16 && /^(?:第?\s*[\dA-Z.]+\s*[項条節章部]?|CLD[\d.]+\s*[項条]?|[(（]?\d{1,2}[)）.]?)$/i.test(filled[0]!) && !/[。]/.test(filled[1]!)) {
      return classify({ ...line, text: joined });
    }
    return { ...item, kind: 'row', cells };
  }
  if (FURNITURE.test(text) || BREADCRUMB.test(text) || DATE_STAMP.test(text)) return { ...item, kind: 'furniture' };
  const parsed = item.parsed;
  const bare = parsed.level !== null || parsed.shape === 'bold' ? parsed.title : text;
  if (isRevisionHeading(bare)) return { ...item, kind: 'revisions' };
  // 「**Q. …**」「### Q. …」「【Q1】…」「［回答］…」: the label may sit inside emphasis, a Markdown heading or brackets.
  const unbold = text.replace(/^#{1,6}\s+/, '').replace(/^(\*\*|__)(.+)\1$/, '$2').replace(/^[【\[［〔]\s*(Q|A|質問|回答|問|答)\s*(\d{0,3})\s*[】\]］〕]\s*/i, '$1$2. ').trim();
  // 「（関連する管理策：A.9.4.2）」: the line may stand in brackets.
  const related = RELATED.exec(unbold.replace(/^[(（【\[]\s*(.*?)\s*[)）】\]]$/, '$1'));
  if (related) {
    const id = [...related[1]!.matchAll(ID_ANYWHERE)].map((m) => canonicalId(m[0])).find((x) => x !== null);
    if (id) return { ...item, kind: 'related', value: id };
  }
  const question = QUESTION.exec(unbold);
  if (question && !parsed.id) return { ...item, kind: 'question', value: question[1]!.trim() };
  // 「## データはどこに保存されますか？」: a help centre's question as a heading, with no Q label.
  if ((parsed.level !== null || parsed.shape === 'bold') && !parsed.id && /[?？]$/.test(parsed.title)) return { ...item, kind: 'question', value: parsed.title };
  const answer = ANSWER.exec(unbold);
  if (answer && !parsed.id) return { ...item, kind: 'answer', value: answer[1]!.trim() };
  // 「目次：[保存場所](#保存場所) ／ [責任共有モデル](#…)」: a page's links to its own headings.
  if (/^目次\s*[:：]/.test(text) || (text.match(/\]\(#[^)]*\)/g)?.length ?? 0) >= 3) return { ...item, kind: 'toc' };
  if (parsed.toc && (parsed.id || parsed.number !== null || parsed.level !== null || /\.{3,}|…{2,}|‥{2,}|・{4,}/.test(text))) return { ...item, kind: 'toc' };
  if (parsed.id) return { ...item, kind: 'heading' };
  // A sentence after a number or a mark (「24 世代(2 年間分)保持しています。」「□ 当社は…」) is text.
  if (isSentence(parsed.title)) return item;
  if (parsed.level !== null || parsed.shape !== 'plain' || parsed.number !== null || parsed.chapter) return { ...item, kind: 'heading' };
  return item;
}

/**
 * Headings are short and end without a sentence's end. A number followed by a counter (「3 か月以上の
 * バックアップを」「30 日以内に」) is a wrapped line of body text, not a numbered heading.
 */
function isSentence(title: string): boolean {
  return (
    title.length > 60 ||
    /[。]|(?:ます|です|ません|した|ている|である|できる)[。]?$/.test(title) ||
    isSentenceTail(title) ||
    /^(?:[かヵヶケ箇]月|月(?![次末])|日(?![本次常時])|年(?![次度])|週(?!次)|時間|分(?![離類析散野担])|秒|世代|件|回(?![線復答])|名(?!称)|つ|個|台(?!帳)|倍|営業日|%|％|桁|文字)/.test(title)
  );
}

const TOC_HEADING = /^(?:目次|もくじ|目 次|Contents|Table of Contents|INDEX)$/i;
/** 「............ 5」: the leaders and page of an entry whose title filled the line above. */
const LEADERS_ONLY = /^(?:\.{3,}|…{2,}|‥{2,}|・{3,})\s*\d{1,3}$/;

/**
 * A table of contents, as a region: after 「目次」, every heading-like line is an entry (its page
 * number may have wrapped onto the next line, or be missing) until body text starts or an entry
 * comes round again as the body's first heading.
 */
function markTableOfContents(items: Item[]): Item[] {
  // An entry as printed without its page: two entries may share a title (「5.31 法令…[…:18.1.1]」「…[…:18.1.5]」).
  const keyOf = (it: Item) => it.text.replace(/(?:\.{3,}|…{2,}|‥{2,}|・{3,}|\t)?\s*\d{1,3}\s*$/, '').replace(/\s+/g, '');
  for (let i = 0; i < items.length; i++) {
    if (LEADERS_ONLY.test(items[i]!.text)) {
      items[i] = { ...items[i]!, kind: 'toc' };
      const j = i - 1;
      if (j >= 0 && (items[j]!.kind === 'heading' || items[j]!.kind === 'text')) items[j] = { ...items[j]!, kind: 'toc' };
    }
    if (!TOC_HEADING.test(items[i]!.parsed.title.replace(/\s+/g, ' ').trim())) continue;
    const seen = new Set<string>();
    for (let j = i + 1; j < items.length; j++) {
      const it = items[j]!;
      if (it.kind === 'blank' || it.kind === 'furniture') continue;
      if (it.kind === 'toc') {
        seen.add(keyOf(it));
        continue;
      }
      if (it.kind !== 'heading' || seen.has(keyOf(it))) break;
      // A heading with text under it is the body's first: the contents ended above it.
      let k = j + 1;
      while (k < items.length && (items[k]!.kind === 'blank' || items[k]!.kind === 'furniture')) k++;
      const next = items[k];
      if (next && next.kind === 'text' && /。/.test(next.text)) break;
      seen.add(keyOf(it));
      items[j] = { ...it, kind: 'toc' };
    }
  }
  return items;
}

/** Between paragraphs: what comes before ends a sentence, is a heading, a row or a breadcrumb (「ホーム > …」). */
function isPlainHeading(items: readonly Item[], i: number): boolean {
  const t = items[i]!.text;
  if (t.length > 25 || /[。、,:：;；!?！？]/.test(t) || /[をにがはでとの]$/.test(t)) return false;
  let n = i + 1;
  while (n < items.length && (items[n]!.kind === 'blank' || items[n]!.kind === 'furniture')) n++;
  const after = items[n];
  if (!after || after.kind !== 'text' || after.text.length <= t.length) return false;
  let p = i - 1;
  let breadcrumb = false;
  for (; p >= 0 && (items[p]!.kind === 'blank' || items[p]!.kind === 'furniture'); p--) {
    if (BREADCRUMB.test(items[p]!.text)) breadcrumb = true;
  }
  const before = items[p];
  if (!before || breadcrumb) return true;
  return before.kind !== 'text' || /[。.!?！？」)）]$/.test(before.text);
}

/** A short line ending in a question mark that starts a paragraph, with text after it. */
function isPlainQuestion(items: readonly Item[], i: number): boolean {
  const it = items[i]!;
  if (it.kind !== 'text' || it.text.length > 60 || !/[?？]$/.test(it.text) || it.parsed.id) return false;
  // It starts a paragraph: after a blank line, or, where a PDF leaves none, after a paragraph that ended.
  const before = items[i - 1];
  if (before && before.kind !== 'blank' && before.kind !== 'furniture' && !(before.kind === 'text' && /[。.!！?？」)）]$/.test(before.text))) return false;
  let n = i + 1;
  while (n < items.length && (items[n]!.kind === 'blank' || items[n]!.kind === 'furniture')) n++;
  return items[n]?.kind === 'text' || items[n]?.kind === 'answer';
}

/** The number of a numbered heading (「2. お問い合わせ窓口」 → [2], 「6.2 技術的な対策」 → [6, 2]). */
function headingNumber(p: Parsed): number[] | null {
  return p.number && /^\d{1,2}(?:\.\d{1,2}){0,2}$/.test(p.number) ? p.number.split('.').map(Number) : null;
}

/** a after b in document order (1 < 1.1 < 1.2 < 2). */
function follows(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return a.length > b.length;
}

/**
 * The title of the heading this one sits under: the nearest before it at a higher Markdown level, or
 * whose number its own extends (「5.3 データ管理」 for 「5.3.1 所在地」).
 */
function parentTitle(items: readonly Item[], i: number): string | null {
  const p = items[i]!.parsed;
  const number = headingNumber(p);
  if (p.level === null && (number === null || number.length < 2)) return null;
  for (let j = i - 1; j >= 0; j--) {
    const q = items[j]!;
    if (q.kind !== 'heading' || q.parsed.id) continue;
    if (p.level !== null && q.parsed.level !== null && q.parsed.level < p.level) return q.parsed.title;
    const up = headingNumber(q.parsed);
    if (number && up && up.length < number.length && up.every((n, k) => n === number[k])) return q.parsed.title;
  }
  return null;
}

/** A heading's control: by its own title or topic, else read under the heading it sits under. */
function mapAt(items: readonly Item[], i: number, title: string): TopicMatch | null {
  return mapHeading(title) ?? mapInContext(title, parentTitle(items, i));
}

/** A line whose bracket is still open: 「1. クラウドサービスプロバイダの地理的所在地(関係当局と」. */
function opensBracket(text: string): boolean {
  return (text.match(/[(（[【]/g)?.length ?? 0) > (text.match(/[)）\]】]/g)?.length ?? 0) && !/[。]/.test(text);
}

/**
 * Joins a heading or id line whose bracket wrapped onto the next line (「…(関係当局と」 + 「の連絡)」,
 * 「ISO/IEC 27017:2015 A. 6. 1. 3（ISO/IEC 27001:2022 管理」 + 「策 5. 5）」), so they read as one.
 */
function joinWrappedBrackets(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    const text = l.text.trim();
    if (next && text.length <= 120 && !text.includes('\t') && opensBracket(text) && /^[^（(【[]{1,20}[）)\]】]\s*$/.test(next.text.trim())) {
      out.push({ ...l, text: text + next.text.trim() });
      i++;
    } else {
      out.push(l);
    }
  }
  return out;
}

/** The control a leading-id heading stands for: own numbering can look like a 27002 id (「6.2.1 情報のバックアップ」). */
function titledAs(id: string, title: string, similarity: number): string {
  if (similarity === 1 || !title) return id;
  return matchTitle(title, 1)?.id ?? id;
}

/** A heading's title compared with the catalog: the best of the whole, its bracketed part and its halves. */
function similarityOf(id: string, title: string): number {
  const parts = [title, ...title.split(/\s*\/\s*/), ...[...title.matchAll(/[(（]([^()（）]+)[)）]/g)].map((m) => m[1]!)];
  return Math.max(0, ...parts.filter((p) => p.trim() !== '').map((p) => titleSimilarity(id, p)));
}

interface Open {
  controlId: string;
  heading: string;
  level: number | null;
  line: Line;
  iso2022: string | null;
  matchedBy: NonNullable<Section['matchedBy']>;
  rule: SectionRule;
  body: Line[];
  /** A section that came from a table row or an answer has its body already. */
  fixedBody?: string;
  /** The document's own number of the heading that opened it (「5.3.1 所在地」): its next sibling ends it. */
  number?: number[];
}

export function segment(input: Line[]): Section[] {
  return segmentDocument(input).sections;
}

export function segmentDocument(input: readonly Line[]): Segmented {
  const lines = joinWrappedBrackets(input);
  const items = markTableOfContents(lines.map(classify));
  const sections: Section[] = [];
  const rules: SectionRule[] = [];
  const passages: Passage[] = [];
  /** Rejections by item index: a heading rejected at first may be taken back by an id line under it. */
  const rejections = new Map<number, Rejection>();
  const reject = (i: number, reason: RejectReason) => {
    const item = items[i]!;
    rejections.set(i, { line: item.line.line, page: item.line.page, text: item.text, reason });
  };

  // The document prints ids when a few headings lead with one; only then are its other headings
  // chapters and its overview overview. A document printing none is read by titles and topics.
  // 「5.1.1 取得頻度」: a bare number whose title is nothing like the catalog's for that id is the
  // document's own numbering, which happens to look like a control id; it says nothing of ids.
  const ownNumber = (it: Item) =>
    it.kind === 'heading' && it.parsed.id !== null && !it.parsed.id.startsWith('CLD') && /^\d/.test(it.text) && it.parsed.title !== '' && similarityOf(it.parsed.id, it.parsed.title) < TITLE_MODE_SIMILARITY;
  const idHeadings = items.filter((it) => it.kind === 'heading' && it.parsed.id && !ownNumber(it) && !isSentenceTail(it.parsed.title) && !DATED.test(it.text));
  const idRows = items.filter((it) => it.kind === 'row' && it.cells!.some((c) => /^(?:A\s*\.\s*)?(?:CLD\s*\.?\s*)?\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}$/i.test(c.trim())));
  const idMode = idHeadings.length + idRows.length >= 3;
  // Where the document prints no ids, such numbers are its own: headings numbered like 「5.1」.
  if (!idMode) items.forEach((it, i) => ownNumber(it) && (items[i] = { ...it, parsed: { ...it.parsed, id: null, idAt: null, number: it.parsed.id } }));
  // Questions printed as plain lines (「データはどこに保存されますか？」 above its answer, no Q label),
  // in a document that prints no ids (there a rhetorical question is text): a run of them is an FAQ;
  // one alone is an article's title only where nothing else is a heading, else a line of text.
  const plainQuestions = items.flatMap((_, i) => (isPlainQuestion(items, i) ? [i] : []));
  const article = plainQuestions.length === 1 && !items.some((it) => it.kind === 'heading' || it.kind === 'question' || it.kind === 'row');
  if (!idMode && (plainQuestions.length >= 2 || article)) for (const i of plainQuestions) items[i] = { ...items[i]!, kind: 'question', value: items[i]!.text };

  // Topic headings need siblings: headings dressed alike (「### …」, 「(n) …」), at least TOPIC_SUPPORT of
  // them mapping to controls and most of them doing so. A document of topic articles is made of them;
  // a document with one 「責任分界点について」 among its chapters is not.
  const mappedByShape = new Map<string, number>();
  const allByShape = new Map<string, number>();
  const count = (shape: string, mapped: boolean) => {
    allByShape.set(shape, (allByShape.get(shape) ?? 0) + 1);
    if (mapped) mappedByShape.set(shape, (mappedByShape.get(shape) ?? 0) + 1);
  };
  // Plain lines that stand as headings: short, between the end of one paragraph and the start of another.
  const plainHeadings = new Set<number>();
  items.forEach((it, i) => {
    if (it.kind !== 'text' || !isPlainHeading(items, i)) return;
    plainHeadings.add(i);
    count('plain', mapHeading(it.text) !== null);
  });
  items.forEach((it, i) => {
    if (it.kind !== 'heading' || it.parsed.id || it.parsed.chapter || it.parsed.notApplicable || it.parsed.introducesCloudControls) return;
    count(it.parsed.shape, mapAt(items, i, it.parsed.title) !== null);
  });
  // A document that prints no control ids and has no table of controls (a help page, a security page)
  // is read by its topics, however few of its headings name one.
  const topicPage = !idMode && !items.some((it) => it.kind === 'row');
  const supported = (shape: string) => {
    const mapped = mappedByShape.get(shape) ?? 0;
    if (topicPage && mapped >= 1) return true;
    return mapped >= TOPIC_SUPPORT && mapped * 2 >= (allByShape.get(shape) ?? 0);
  };


  let open: Open | null = null;
  let loose: Line[] = [];
  let region: 'body' | 'revisions' | 'glossary' = 'body';
  let overview = false;
  let overviewDepth: number | null = null;
  let seenIdSection = false;
  /** The 27001:2022 number of a heading that introduces cloud controls by title (「5.23 …[ISO/IEC 27017:CLD管理策]」). */
  let group: string | null = null;
  let chapter: number[] = [];

  const flushLoose = () => {
    const kept = loose.filter((l) => l.text.trim() !== '');
    if (kept.length) passages.push({ body: joinLines(kept.map((l) => l.text)), page: kept[0]!.page, line: kept[0]!.line, lines: kept });
    loose = [];
  };
  const close = () => {
    flushLoose();
    if (!open) return;
    const body = open.fixedBody ?? joinLines(open.body.map((l) => l.text));
    sections.push({
      ord: sections.length,
      controlId: open.controlId,
      heading: open.heading,
      body,
      page: open.line.page,
      line: open.line.line,
      iso27001_2022: open.iso2022,
      matchedBy: open.matchedBy,
      lines: open.fixedBody !== undefined ? [{ ...open.line, text: body }] : open.body,
    });
    rules.push(open.rule);
    if (open.matchedBy === 'id') seenIdSection = true;
    open = null;
  };
  let openedByPlainTopic = false;
  const start = (o: Omit<Open, 'body'>) => {
    close();
    openedByPlainTopic = false;
    open = { ...o, body: [] };
    if (o.fixedBody !== undefined) close();
  };
  /** A line of text: the open section's body, else a passage (not inside revisions or a glossary). */
  const text = (line: Line) => {
    if (region === 'revisions') return;
    if (open) open.body.push(line);
    else if (region !== 'glossary') loose.push(line);
  };
  /** Topic sections are read only where the document is made of them, not in its overview. */
  const topicsAllowed = () => !open && !(idMode && overview && !seenIdSection);

  /** The last line read; a heading whose title runs on reads further. */
  let cursor = 0;
  for (let i = 0; i < items.length; i = cursor + 1) {
    cursor = i;
    const it = items[i]!;
    switch (it.kind) {
      case 'blank':
      case 'furniture':
        continue;
      case 'toc':
        reject(i, 'toc');
        continue;
      case 'revisions':
        close();
        region = 'revisions';
        group = null;
        continue;
      case 'related':
        // A related-control line outside a question: say nothing of it.
        continue;
      case 'row': {
        if (region === 'revisions') continue;
        // The whole table at once: a table of controls opens a section per row.
        let j = i;
        const rows: TableRow[] = [];
        // A row with one filled cell (a category: 「**9 アクセス制御**」) stays in its table.
        const inTable = (k: number) => items[k]!.kind === 'row' || ((items[k]!.kind === 'heading' || items[k]!.kind === 'text') && items[k]!.line.text.includes('\t'));
        while (j < items.length && (inTable(j) || items[j]!.kind === 'blank')) {
          if (inTable(j)) rows.push({ index: j, cells: items[j]!.cells ?? items[j]!.line.text.split('\t') });
          j++;
        }
        // What ends the table is not part of it: trailing category lines go back to the document.
        while (rows.length && items[rows.at(-1)!.index]!.kind !== 'row') rows.pop();
        j = rows.length ? rows.at(-1)!.index + 1 : i + 1;
        const table: ControlTable | null = readControlTable(rows, { topics: topicsAllowed() || (open === null && !idMode) || (open !== null && !idMode) });
        cursor = j - 1;
        if (!table) {
          // A table of topics where topics are not read (an overview before the first control) says why.
          const overviewTable = !topicsAllowed() && !open ? readControlTable(rows, { topics: true }) : null;
          overviewTable?.decisions.forEach((d, k) => d.kind === 'section' && reject(rows[k]!.index, 'overview'));
          for (const r of rows) text(items[r.index]!.line);
          continue;
        }
        close();
        table.decisions.forEach((d, k) => {
          const row = items[rows[k]!.index]!;
          if (d.kind === 'section') {
            start({ controlId: d.control, heading: d.heading, level: null, line: row.line, iso2022: d.iso2022, matchedBy: d.by, rule: 'table', fixedBody: d.body });
          } else if (d.kind === 'skip') {
            reject(rows[k]!.index, d.reason);
            if (d.reason !== 'toc' && d.reason !== 'correspondence_table') loose.push(row.line);
          } else if (d.kind === 'text') {
            loose.push(row.line);
          }
        });
        flushLoose();
        continue;
      }
      case 'question': {
        close();
        // The answer runs to the next question or heading; a 「関連管理策」 line before or after it names the control.
        let j = i + 1;
        let related: string | null = null;
        const answer: Line[] = [];
        for (; j < items.length; j++) {
          const n = items[j]!;
          if (n.kind === 'question' || n.kind === 'revisions' || n.kind === 'toc') break;
          if (n.kind === 'heading' && (n.parsed.level !== null || n.parsed.id || n.parsed.chapter)) break;
          if (n.kind === 'related') {
            related ??= n.value;
            continue;
          }
          if (n.kind === 'answer') {
            if (n.value) answer.push({ ...n.line, text: n.value });
            continue;
          }
          if (n.kind === 'blank' || n.kind === 'furniture') continue;
          if (answer.length === 0 && n.kind !== 'text') break;
          answer.push(n.line);
        }
        const topic = related ? null : mapHeading(it.value!);
        const control = related ?? topic?.control ?? null;
        if (!control || isNoControl(it.value!) && !related) {
          reject(i, 'question_without_control');
          for (const l of answer) text(l);
          flushLoose();
        } else {
          start({
            controlId: control,
            heading: it.value!,
            level: null,
            line: it.line,
            iso2022: null,
            matchedBy: related ? 'id' : topic!.by,
            rule: 'qa',
            fixedBody: joinLines(answer.map((l) => l.text)),
          });
        }
        cursor = j - 1;
        continue;
      }
      case 'answer':
        text({ ...it.line, text: it.value ?? '' });
        continue;
      case 'text':
        if (titleOnlyHeading(i)) continue;
        text(it.line);
        continue;
      case 'heading':
        if (headingLine(i)) continue;
        text(it.line);
        continue;
    }
  }
  close();
  flushLoose();
  const rejected = [...rejections.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  return { sections, passages, rejected, rules };

  /** A plain line that is exactly a control title, in a document read by titles. Returns whether it was taken. */
  function titleOnlyHeading(i: number): boolean {
    const it = items[i]!;
    const t = it.text.replace(/^[(（]\d{1,2}[)）]\s*/u, '');
    if (region !== 'body' || t.length > 40 || /[。、]/.test(t)) return false;
    const entry = matchTitle(t, 1);
    if (entry) {
      if (idMode && group === null) {
        if (open === null) reject(i, 'unknown_title');
        return false;
      }
      start({ controlId: entry.id, heading: t, level: null, line: it.line, iso2022: group, matchedBy: 'title', rule: 'heading' });
      return true;
    }
    // A plain line naming a topic between paragraphs (a help centre printed or copied without its marks).
    if (!plainHeadings.has(i)) return false;
    const mapped = mapHeading(t);
    if (mapped && supported('plain')) {
      const closable = open === null || openedByPlainTopic;
      if (closable && !(idMode && overview && !seenIdSection)) {
        start({ controlId: mapped.control, heading: t, level: null, line: it.line, iso2022: null, matchedBy: mapped.by, rule: 'heading' });
        openedByPlainTopic = true;
        return true;
      }
      return false;
    }
    // Among such headings, one that maps to no control ends the article before it.
    if (!mapped && openedByPlainTopic && supported('plain')) {
      close();
      reject(i, 'unknown_title');
      return true;
    }
    return false;
  }

  /** A line the grammar reads as a heading. Returns whether it was taken as one (opening or closing something). */
  function headingLine(i: number): boolean {
    const it = items[i]!;
    const p = it.parsed;
    if (p.id) return idHeading(i);
    if (p.notApplicable) {
      close();
      group = null;
      reject(i, 'not_applicable');
      return true;
    }
    if (p.introducesCloudControls) {
      close();
      group = p.number && is2022Control(p.number) ? p.number : null;
      reject(i, 'cloud_controls_intro');
      return true;
    }
    if (p.bullet) {
      if (mapHeading(p.title)?.by === 'title') reject(i, 'bullet');
      return false;
    }
    // 「A.8.13 情報のバックアップ」 over 「対応するISO/IEC 27017管理策：12.3.1」: the line below names the control.
    const below = nextContent(i + 1);
    if (below !== -1 && items[below]!.kind === 'related' && !isSentence(p.title)) {
      close();
      const iso2022 = p.number && is2022Control(p.number) ? p.number : group;
      start({ controlId: items[below]!.value!, heading: p.title, level: p.level, line: it.line, iso2022, matchedBy: 'id', rule: 'heading' });
      seenIdSection = true;
      cursor = below;
      return true;
    }
    // 「1. クラウドサービスプロバイダの地理的所在地」 followed by 「ISO/IEC 27017:2015 A. 6. 1. 3」: the id line takes it.
    const next = nextContent(i + 1);
    if (next !== -1 && items[next]!.kind === 'heading' && items[next]!.parsed.id && items[next]!.parsed.title === '' && items[next]!.parsed.idAt === 'start') {
      text(it.line);
      return true;
    }
    const number = p.level === null ? headingNumber(p) : null;
    const isChapter = p.chapter || (number !== null && follows(number, chapter));
    // A Markdown heading at the open section's level or above ends it, whatever it is.
    if (p.level !== null && open && (open.level === null || p.level <= open.level)) close();
    // 「5.3.2 バックアップ」 after the section 「5.3.1 所在地」: a numbered heading no deeper than the open one ends it.
    if (number && open?.number && number.length <= open.number.length && follows(number, open.number)) close();
    // 「5.1.1 取得頻度」 under the section 「5.1 バックアップ」: a part of it.
    if (number && open?.number && number.length > open.number.length && open.number.every((n, k) => n === number[k])) {
      text(it.line);
      return true;
    }
    const mapped = region === 'revisions' || (p.chapter && isCategoryTitle(p.title)) ? null : mapAt(items, i, p.title);
    let reason: RejectReason | null = null;
    if (mapped?.by === 'title') {
      // An official title opens a section unless it sits inside one, or, in a document that prints ids,
      // unless it is a chapter line (「2. 情報セキュリティのための方針群」) or stands outside a list of cloud controls.
      if (open && (open.matchedBy === 'id' || (idMode && group === null))) reason = 'inside_section';
      else if (idMode && group === null && (isChapter || p.level === null)) reason = 'unknown_title';
      else {
        start({ controlId: mapped.control, heading: p.title, level: p.level, line: it.line, iso2022: group, matchedBy: 'title', rule: 'heading', ...(number ? { number } : {}) });
        return true;
      }
    } else if (mapped?.by === 'topic') {
      reason = open ? 'inside_section' : !topicsAllowed() ? 'overview' : !supported(p.shape) ? 'isolated_topic' : null;
      if (!reason) {
        start({ controlId: mapped.control, heading: p.title, level: p.level, line: it.line, iso2022: null, matchedBy: 'topic', rule: 'heading', ...(number ? { number } : {}) });
        return true;
      }
    }
    if (isChapter || (p.level !== null && !open)) {
      // A chapter, or a Markdown heading outside any section: ends what was open and says what follows.
      if (number) chapter = number;
      close();
      group = null;
      enterChapter(number?.length ?? p.level ?? 1, p.title);
      reject(i, reason ?? 'chapter');
      return true;
    }
    if (reason && !open) reject(i, reason);
    return false;
  }

  /** What a chapter says of what follows it: an overview (and its sub-chapters), a glossary. */
  function enterChapter(depth: number, title: string) {
    if (overviewDepth !== null && depth <= overviewDepth) overviewDepth = null;
    if (overviewDepth === null && OVERVIEW.test(title)) overviewDepth = depth;
    overview = overviewDepth !== null;
    region = GLOSSARY.test(title) ? 'glossary' : 'body';
  }

  /** A heading that names a control by id. Returns whether it was taken as one. */
  function idHeading(i: number): boolean {
    const it = items[i]!;
    const p = it.parsed;
    const id = p.id!;
    if (isSentenceTail(p.title)) {
      reject(i, region === 'revisions' || DATED.test(it.text) ? 'revision_row' : 'cross_reference');
      return false;
    }
    if (DATED.test(it.text) || (region === 'revisions' && similarityOf(id, p.title) < REVISION_ROW_SIMILARITY)) {
      reject(i, 'revision_row');
      return region === 'revisions';
    }
    if (p.title.length > 80 || /。/.test(p.title)) {
      reject(i, 'sentence');
      return false;
    }
    // The id alone on its line: the heading is the line above (「1. クラウドサービスプロバイダの地理的所在地」),
    // which went into the previous body or, before the first section, into a passage: take it back.
    if (p.title === '' && p.idAt === 'start') {
      const prev = previousContent(i - 1);
      if (prev !== -1 && items[prev]!.kind === 'heading' && !items[prev]!.parsed.id) {
        const headingItem = items[prev]!;
        const takeBack = (list: Line[]) => {
          const at = list.indexOf(headingItem.line);
          if (at !== -1) list.length = at;
        };
        if (open) takeBack((open as Open).body);
        takeBack(loose);
        rejections.delete(prev);
        start({ controlId: id, heading: headingItem.parsed.title, level: null, line: headingItem.line, iso2022: p.mapping2022, matchedBy: 'id', rule: 'id-line' });
        seenIdSection = true;
        region = 'body';
        group = null;
        return true;
      }
    }
    let title = p.title;
    let similarity = similarityOf(id, title);
    const controlId = p.idAt === 'start' ? titledAs(id, title, similarity) : id;
    if (!idMode && controlId === id && title !== '' && similarity < TITLE_MODE_SIMILARITY) {
      reject(i, 'low_similarity');
      return false;
    }
    const o = open as Open | null;
    if (o && o.controlId === controlId && o.heading === title && o.body.every((l) => l.text.trim() === '')) {
      reject(i, 'duplicate');
      return true;
    }
    // The title may stand on the next line (「CLD.6.3.1」 / 「クラウド…」), wrap onto it, or follow in brackets
    // (「CLD.6.3.1 Shared roles …」 / 「（クラウドコンピューティング環境における…）」).
    let j = nextContent(i + 1);
    while (j !== -1 && items[j]!.kind === 'text' && items[j]!.text.length <= 80 && !/[。]/.test(items[j]!.text)) {
      const nextText = items[j]!.text;
      const bracketed = /^[(（][^()（）]+[)）]$/.test(nextText) && similarityOf(id, nextText) >= 0.5;
      const joined = title + nextText;
      const better = nextText.length <= 40 && similarityOf(id, joined) >= similarityOf(id, title) + 0.05;
      // A bilingual title broken after its slash (「… environment /」 / 「クラウド…」).
      const afterSlash = /[/／]$/.test(title) && nextText.length <= 60 && similarityOf(id, nextText) >= 0.5;
      if (!bracketed && !better && !afterSlash && !(nextText.length <= 40 && completesTitle(id, title, joined))) break;
      title = bracketed ? `${title}${nextText}` : joined;
      similarity = Math.max(similarity, similarityOf(id, title));
      cursor = j;
      j = nextContent(j + 1);
    }
    // A cloud control listed by id under the 27001:2022 control that introduced them (「（a）CLD.6.3.1 …」) stays in its group.
    const inGroup = group !== null && p.idAt === 'start' && controlId.startsWith('CLD.');
    const iso2022 = p.mapping2022 ?? (p.idAt === 'end' && p.number && is2022Control(p.number) ? p.number : inGroup ? group : null);
    start({ controlId, heading: title || (getControl(controlId)?.title ?? controlId), level: p.level, line: it.line, iso2022, matchedBy: controlId === id ? 'id' : 'title', rule: 'heading' });
    region = 'body';
    if (!inGroup) group = null;
    return true;
  }

  function previousContent(from: number): number {
    for (let j = from; j >= 0; j--) if (items[j]!.kind !== 'blank' && items[j]!.kind !== 'furniture') return j;
    return -1;
  }

  function nextContent(from: number): number {
    for (let j = from; j < items.length; j++) if (items[j]!.kind !== 'blank' && items[j]!.kind !== 'furniture') return j;
    return -1;
  }
}
