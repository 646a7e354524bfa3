// The services a whitepaper covers. Only services: plans, editions and options are not
// (「X（スタンダードプラン／エンタープライズプラン）」 → X), nor a service the document declares 対象外.
//
// In order, the first that names something:
//  1. a field 「対象サービス	X」「対象サービス：X」「Scope / 適用範囲：X（… Edition）」;
//  2. a scope sentence: 「「X」が本書の適用範囲です」「適用範囲は「X」です」「本書は「X」に適用されます」,
//     「X が本書の適用範囲となります」, or one that announces a list (「以下のサービスを対象とします。」)
//     followed by 「・X」 or 「category：X」 lines;
//  3. the service a sentence names 本サービス (「「X」（以下「本サービス」）」), else the one the opening
//     sentence is about (「本書は、当社が提供する「X」について…」);
//  4. a help-centre page's title, 「X ヘルプセンター」;
//  5. a cover that opens with a name and the whitepaper's title under it (「X」「クラウドセキュリティホワイトペーパー」).
// Sentences are read as paragraphs (joinLines), so a sentence a PDF wrapped is read whole.
import { joinLines } from '../normalize/join.ts';
import { findDate } from './dates.ts';
import { findEdition } from './editions.ts';
import { companyLine, compactName } from './vendor.ts';
import { keyIs, type Field } from './fields.ts';

const SCOPE_KEYS = /^(?:対象(?:クラウド)?サービス(?:名)?|提供サービス(?:名)?|対象となるサービス|適用範囲|適用対象|本書の適用範囲|対象製品|scope|services?\s+in\s+scope|target\s+services?)$/i;
/** Keys a table in the body may use for another service (a provider's): read on the cover only. */
const NAME_KEYS = /^(?:(?:クラウド)?サービス(?:の)?名(?:称)?|製品名|service\s+name|product\s+name)$/i;
const COVER_LINES = 40;
/** What a scope names that is not a service of its own. */
const NOT_A_SERVICE = /(?:プラン|エディション|オプション|plan|edition|option)$|^(?:オプション|option)/i;
/** Characters a service name is written in; anything else (a trademark glyph a PDF mis-mapped) is dropped. */
const NAME_CHARS = /[^\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Nd}ー・々〆ヶ&+\-.'/ ]/gu;

/** Bracketed parts dropped, innermost first: 「X（プラン（年額）…）」 → X. */
function withoutBrackets(text: string, by: string): string {
  let s = text;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/[(（[［【〔][^()（）[\]［］【】〔〕]*[)）\]］】〕]/gu, by);
  }
  return s;
}

/** 「・X」「- X」「(1) X」 → X; brackets (plans, editions, 以下「…」), notes and trademark signs go. */
export function cleanService(raw: string): string {
  let s = raw
    .replace(/^(?:[-*・•●◆■□○◎▪]\s*)+/u, '')
    .replace(/^(?:\(?\d{1,2}[).]|[①-⑳])\s*/u, '')
    .split(/[：:]/)
    .at(-1)!;
  // 「クラウド勤怠「ハヤブサ」」: a short description of the kind, then the quoted name.
  s = s.replace(/^[^「『」』]{1,20}?[「『]([^」』]{2,40})[」』]$/u, '$1');
  s = withoutBrackets(s, ' ')
    .replace(/[※*]+.*$/u, '')
    .replace(/等$/, '')
    .replace(NAME_CHARS, '');
  return compactName(s.replace(/[\s/・]+$/u, ''));
}

/** A scope value may hold several services: 「A、B」「A／B」「A 及び B」, or one per line of a cell. */
function splitServices(value: string): string[] {
  return value
    .split('\n')
    .flatMap((line) => withoutBrackets(line, '').split(/[、,]|\s*[/／]\s*|\s*(?:及び|および|並びに)\s*|\s+and\s+/u))
    .map(cleanService)
    .filter(isService);
}

/** Words that stand for the service or the document, not a name: 「本サービス」「以下のとおり」. */
const NOT_A_NAME = /^(?:本サービス|本書|当社|弊社|お客様|以下|次|下記)|全体$|すべて|全て/u;

const isService = (s: string) => s.length >= 2 && s.length <= 60 && !NOT_A_SERVICE.test(s) && !NOT_A_NAME.test(s);

/** 「X」 quoted in Japanese brackets (or 『X』). */
const QUOTED = /[「『]([^」』]{1,60})[」』]/gu;

/** Names a sentence declares out of scope (「オプションサービス「X」は本書の対象外です」) or calls an option. */
function excludedNames(sentences: readonly Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const { text } of sentences) {
    const outOfScope = /対象外|適用外|対象としません|含みません|除きます|除く/.test(text);
    for (const m of text.matchAll(QUOTED)) {
      // 「「X」のうち、…オンプレミス版は対象外」: a part of X is out of scope, not X.
      if (/^\s*(?:のうち|の一部|の中の)/.test(text.slice(m.index + m[0].length))) continue;
      const option = /(?:オプション|option)(?:サービス|機能)?\s*$/i.test(text.slice(0, m.index));
      if (outOfScope || option) out.add(cleanService(m[1]!));
    }
  }
  return out;
}

/** One quoted name, or several joined: 「A」及び「B」, 「A」、「B」. Group 1 holds them all. */
// Between two names, a word for what the second is: 「「A」及び動画配信サービス「B」」.
const KIND_OF = String.raw`(?:[^「『」』。、]{0,20}?(?:サービス|システム|ツール|アプリ(?:ケーション)?|ソフトウェア|製品|プラットフォーム))?`;
const NAMES = String.raw`((?:[「『][^」』]{1,60}[」』]\s*(?:及び|および|並びに|と|、|,)\s*${KIND_OF}\s*)*[「『][^」』]{1,60}[」』])`;
const THIS_DOCUMENT = '本(?:書|ホワイトペーパー|資料|説明書|文書|ページ)';

/** A bracket after the name: 「「X」（以下「本サービス」）を対象とします」. */
const ASIDE = String.raw`(?:\s*\([^()]{0,30}\))?`;

/** Sentence forms that name the scope: group 1 holds quoted names, or the bare name. */
const SCOPE_SENTENCES: RegExp[] = [
  // 「X」が本書の適用範囲です／「X」は本書の対象です
  new RegExp(String.raw`${NAMES}${ASIDE}\s*(?:が|は)[、,]?\s*${THIS_DOCUMENT}の(?:適用範囲|対象(?!外))`, 'u'),
  // 本書の適用範囲は「X」です／対象となるサービスは、当社が提供する「X」です
  new RegExp(String.raw`(?:適用範囲|対象(?:と(?:する|なる))?(?:サービス|製品)|対象)は[、,]?[^「『。]{0,30}?${NAMES}${ASIDE}\s*(?:です|となります|であり|で[、,]|に限ります|とします)`, 'u'),
  // 本書は「X」に適用されます／「X」を対象とします
  new RegExp(String.raw`${NAMES}${ASIDE}\s*(?:のみ)?(?:に(?:適用され|適用し|対して適用)|を(?:対象|適用範囲)と)`, 'u'),
  // X が本書の適用範囲となります (no quotes: the subject from the start of the sentence)
  new RegExp(String.raw`^(?:当社の|弊社の)?([^、。「」]{2,60}?)\s*が[、,]?\s*${THIS_DOCUMENT}の(?:適用範囲|対象(?!外))`, 'u'),
  // 本書の適用範囲は、当社が提供する X です (no quotes: the name before です)
  new RegExp(String.raw`${THIS_DOCUMENT}の(?:適用範囲|対象(?:となる)?サービス)は[、,]?\s*(?:当社|弊社)(?:が提供する|の)\s*([^、。「」]{2,40}?)\s*(?:です|となります)。`, 'u'),
];

/** The services a matched group names: its quoted names, or the group itself. */
function namesIn(group: string): string[] {
  const quoted = [...group.matchAll(QUOTED)].map((m) => m[1]!);
  return quoted.length ? quoted.flatMap(splitServices) : splitServices(group);
}

/** A sentence that announces a list of services on the following lines, or a 「対象サービス」 label alone. */
const LIST_INTRO = /(?:以下|次)の(?:サービス|製品|クラウドサービス)[^。]*(?:対象|適用|対する|です|とします|とおり)|(?:適用範囲|対象(?:と(?:する|なる))?(?:サービス|製品)?)は[、,]?\s*(?:以下|次)/u;
const LIST_LABEL = /^(?:#+\s*)?(?:対象サービス|対象となるサービス|本書の適用範囲|適用範囲|対象製品)\s*:?$/u;

/** How a list item is marked: 「・」「-」「1.」, a 「category：name」 pair, or nothing. */
function itemShape(item: string): string {
  const mark = /^(?:[-*・•●◆■□○◎▪]|\(?\d{1,2}[).]|[①-⑳])/u.exec(item);
  if (mark) return /\d/.test(mark[0]) ? 'number' : mark[0];
  return /^[^:：]{1,30}[:：]\s*\S/u.test(item) ? 'pair' : 'plain';
}

/** The list after an announcing sentence: items of one shape, up to a sentence, heading, note or page furniture. */
function listAfter(paragraphs: readonly string[], i: number): string[] {
  // A table of services under the label: 「サービス名	概要」, then a name in each row's first cell.
  const header = paragraphs[i + 1]?.split('\t').map((c) => c.trim());
  if (header && header.length > 1 && /^(?:サービス名|サービス|製品名|名称|service(?:\s+name)?)$/i.test(header[0]!)) {
    const rows = paragraphs.slice(i + 2).filter((_, k, all) => all.slice(0, k + 1).every((p) => p.includes('\t')));
    return rows.map((r) => cleanService(r.split('\t')[0]!)).filter(isService);
  }
  const found: string[] = [];
  let shape: string | null = null;
  for (let j = i + 1; j < paragraphs.length && found.length < 20; j++) {
    const item = paragraphs[j]!.trim();
    if (/[。、]/.test(item) || /^#/.test(item) || /^※/.test(item) || item.length > 60 || item.includes('\t')) break;
    if (/^\d{1,3}$/.test(item) || /^\d{1,2}(?:\.\d{1,2})*\.?\s/.test(item) || /copyright|all\s+rights\s+reserved/i.test(item)) break;
    if ((shape ??= itemShape(item)) !== itemShape(item)) break;
    const s = cleanService(item);
    if (isService(s)) found.push(s);
  }
  return found;
}

function fromSentences(sentences: readonly Sentence[], paragraphs: readonly string[]): string[] {
  for (const { text, paragraph, last } of sentences) {
    const intro = LIST_LABEL.test(text) || (LIST_INTRO.test(text) && /[。:]$/.test(text));
    if (intro && last) {
      const list = listAfter(paragraphs, paragraph);
      if (list.length) return list;
    }
    for (const re of SCOPE_SENTENCES) {
      const m = re.exec(text);
      const names = m ? namesIn(m[1]!) : [];
      if (names.length) return names;
    }
  }
  return [];
}

const SELF_NAMED = new RegExp(String.raw`${NAMES}\s*[(（]\s*以下[、,]?\s*[「『]?本サービス`, 'u');
/** 「本書は、当社が提供する「X」について…」: the opening sentence names what the document is about. */
const ABOUT = new RegExp(String.raw`^${THIS_DOCUMENT}は[、,]?(?:[^。「」()]|\([^()]{0,20}\)){0,60}?${NAMES}\s*(?:について|に関して|における)`, 'u');

/** 「X は、株式会社Yが提供しています」「Xは株式会社Yの提供するサービスです」: a name its maker is said to provide. */
const PROVIDED = /^[「『]?([^。「」『』、,はがの]{2,40}?)[」』]?は[、,]?\s*([^。、]{2,60}?)(?:が|の)提供(?:する|している|しています|しております|いたします)/u;

/** The service the document calls 本サービス (「「X」（以下「本サービス」）」), else the one it is about, else the one its maker provides. */
function namedService(sentences: readonly Sentence[]): string[] {
  for (const re of [SELF_NAMED, ABOUT]) {
    for (const { text } of sentences) {
      const m = re.exec(text);
      if (m) return namesIn(m[1]!);
    }
  }
  for (const { text } of sentences.slice(0, 10)) {
    const m = PROVIDED.exec(text);
    if (m && companyLine(m[2]!) !== null) return splitServices(m[1]!);
  }
  return [];
}

/** 「# X ヘルプセンター」: a help-centre page names its service in its title. */
function helpCentreTitle(lines: readonly string[]): string[] {
  // 「# X ドキュメント › セキュリティ」: the page's place in its site after the title goes first.
  const first = lines.find((l) => l.trim() !== '')?.replace(/\s*[›»>＞].*$/u, '');
  const m = first && first.length <= 80 && /^(?:#+\s*)?(.+?)\s*(?:ヘルプセンター|ヘルプ|サポートサイト|サポートセンター|よくある(?:ご)?質問|FAQ|ドキュメント|help\s*cent(?:er|re)|docs|documentation)$/iu.exec(first.trim());
  return m ? splitServices(m[1]!) : [];
}

const TITLE_WORDS = /ホワイトペーパー|white\s*paper|説明書|説明資料|情報開示|開示資料|セキュリティ|対応表|一覧/iu;

/**
 * A cover that opens with the service's name, the whitepaper's title under it (「X」 then
 * 「クラウドセキュリティホワイトペーパー」) or after it on the same line (「X セキュリティホワイトペーパー」).
 */
function coverTitle(lines: readonly string[]): string[] {
  const [first, second] = lines
    .slice(0, 20)
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .filter((l) => l !== '');
  // 「X　ISO/IEC 27017:2015 管理策対応表」: the name, then the standard and what the document is.
  const withStandard = first && first.length <= 120 && /^(.+?)\s+(?:ISO\s*\/\s*IEC|JIS\s*Q)\s*27017(?::\d{4})?\s*\S{0,12}?(?:対応表|対応一覧|一覧|説明書|ホワイトペーパー)$/iu.exec(first);
  if (withStandard && companyLine(withStandard[1]!) === null) return splitServices(withStandard[1]!);
  // 「クラウドサービス「X」のセキュリティ」「「X」セキュリティホワイトペーパー」: the title quotes the name.
  const quoted = first && first.length <= 80 && TITLE_WORDS.test(first) ? /[「『]([^」』]{2,40})[」』]/u.exec(first) : null;
  if (quoted && companyLine(quoted[1]!) === null) return splitServices(quoted[1]!);
  // A heading (「1. 目的」「第1章」) opens a document without a cover.
  if (!first || first.length > 60 || /ISO|IEC|JIS|27017|27001/i.test(first) || /^(?:\d|第\s*\d|[■□●◆【])/u.test(first)) return [];
  const sameLine = /^(.+?)\s+(?:クラウド)?(?:情報)?セキュリティ\s*(?:ホワイトペーパー|white\s*paper|説明書)$/iu.exec(first);
  if (sameLine) return splitServices(sameLine[1]!);
  const plain = !TITLE_WORDS.test(first) && companyLine(first) === null && findDate(first) === null && findEdition(first) === null;
  // The title under it is a short line, not a sentence (「ホワイトペーパー（以下本書）は、…」).
  const title = second !== undefined && second.length <= 40 && !/[。、]/.test(second) && TITLE_WORDS.test(second);
  return plain && title ? splitServices(first) : [];
}

/**
 * Paragraphs, with each table row kept as it is. The text between two tables is joined on its
 * own, so that a long row does not stand for the page's right margin (see joinLines).
 */
function paragraphsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) for (const p of joinLines(run).split('\n')) out.push(p);
    run = [];
  };
  for (const l of lines) {
    if (!l.includes('\t')) run.push(l);
    else flush(), out.push(l);
  }
  flush();
  return out.filter((p) => p.trim() !== '');
}

/** A sentence longer than this states no scope; the bound also keeps every pattern here linear. */
const MAX_SENTENCE = 400;

interface Sentence {
  text: string;
  /** Index of its paragraph. */
  paragraph: number;
  /** Whether it ends its paragraph (a list can follow it). */
  last: boolean;
}

function sentencesOf(paragraphs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    if (/[.…・]{4,}/.test(p)) return; // a table-of-contents line
    const parts = p.split(/(?<=。)/);
    parts.forEach((part, k) => {
      const text = part.trim();
      if (text !== '' && text.length <= MAX_SENTENCE) out.push({ text, paragraph, last: k === parts.length - 1 });
    });
  });
  return out;
}

export function findServices(lines: readonly string[], fields: readonly Field[]): string[] {
  const paragraphs = paragraphsOf(lines);
  const sentences = sentencesOf(paragraphs);
  const excluded = excludedNames(sentences);
  const kept = (names: string[]) => names.filter((n) => !excluded.has(n));
  for (const f of fields) {
    if (!keyIs(f, SCOPE_KEYS) && !(f.line < COVER_LINES && keyIs(f, NAME_KEYS))) continue;
    const names = kept(splitServices(f.value));
    if (names.length && !/[。]/.test(f.value)) return names;
  }
  const finders = [() => fromSentences(sentences, paragraphs), () => namedService(sentences), () => helpCentreTitle(lines), () => coverTitle(lines)];
  for (const find of finders) {
    const names = kept(find());
    if (names.length) return names;
  }
  return [];
}
