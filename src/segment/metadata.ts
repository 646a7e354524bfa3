// Document metadata: vendor, title, services in scope, edition, publication date, revision table.
// Read from the cover, from key/value rows (「発行者 | 株式会社X」「対象サービス：X」) and sentences
// (「本書は「X」に適用されます」), in the forms Japanese and foreign vendors print them.
import { joinLines, joinPair } from '../normalize/join.ts';
import type { DocumentMeta, Line } from '../types.ts';
import { findEdition, parseDate } from './editions.ts';
import { isRevisionHeading, readRevisions } from './revisions.ts';

export { parseDate } from './editions.ts';

const LEGAL_FORM = '(?:株式会社|有限会社|合同会社|合資会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|独立行政法人|国立研究開発法人)';
/** A cover line that is only a company name: 「株式会社 IDC フロンティア」「サイバートラスト株式会社」. */
const COMPANY_LINE = new RegExp(`^(?:${LEGAL_FORM}[^、。「」()（）:：]{1,40}|[^、。「」()（）:：]{1,40}${LEGAL_FORM})$`);
/** A company name inside a sentence; names rarely hold hiragana, so a particle ends them. */
const COMPANY_INLINE = new RegExp(
  `${LEGAL_FORM}[A-Za-z0-9&\\p{Script=Han}\\p{Script=Katakana}ー・.\\-]{1,30}|[A-Za-z0-9&\\p{Script=Katakana}ー・.\\-][A-Za-z0-9&\\p{Script=Han}\\p{Script=Katakana}ー・.\\-]{0,29}${LEGAL_FORM}`,
  'gu',
);
/** 「Lanternfish Cloud Japan K.K.」「Brindlecove Systems Inc.」「Example Co., Ltd.」: a company named in English. */
const ENGLISH_COMPANY = /(?:^|[^A-Za-z0-9])((?:[A-Z][A-Za-z0-9&'.\-]*\s+){0,5}[A-Z][A-Za-z0-9&'.\-]*,?\s+(?:Inc\.|K\.K\.|G\.K\.|Co\.,?\s*Ltd\.|Ltd\.|Limited|Corporation|Corp\.|LLC|GmbH|S\.A\.|Pte\.\s*Ltd\.))/;

/** Keys of key/value rows and 「key：value」 lines. */
const VENDOR_KEYS = /^(?:発行者|発行元|作成者|作成元|会社名|提供者|提供元|事業者名?|ベンダー|Publisher|Company|Vendor|Author)$/i;
const SERVICE_KEYS = /^(?:対象サービス|サービス名|対象|適用範囲|本書の適用範囲|Scope|Service|Scope\s*\/\s*適用範囲|適用範囲\s*\/\s*Scope)$/i;
const VERSION_KEYS = /^(?:版数|版|バージョン|Version|Ver\.?|改訂版|文書版数)$/i;
const DATE_KEYS = /^(?:発行日|作成日|最終更新日|更新日|改訂日|公開日|制定日|Date|Last\s+updated|Updated)$/i;

/** A key and its value, from a row (「版数	1.6」) or a line (「対象サービス：X」「Scope / 適用範囲：X」). */
function keyValue(text: string): { key: string; value: string } | null {
  const cells = text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length === 2 && cells[0]!.length <= 20) return { key: cells[0]!, value: cells[1]! };
  const m = /^([^:：]{1,24}?)\s*[:：]\s*(\S.{0,120})$/.exec(text.trim());
  return m ? { key: m[1]!.trim(), value: m[2]!.trim() } : null;
}

function keyValues(lines: readonly string[]): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  let last: { key: string; value: string } | null = null;
  for (const line of lines.slice(0, 200)) {
    // 「	Tracker」 under 「対象サービス	Brindlecove Asset」: a value a PDF cell wrapped onto the next line.
    const cells = line.split('\t');
    if (last && cells.length >= 2 && cells[0]!.trim() === '' && cells.filter((c) => c.trim() !== '').length === 1) {
      last.value = joinPair(last.value, cells.find((c) => c.trim() !== '')!.trim());
      continue;
    }
    last = keyValue(line);
    if (last) out.push(last);
  }
  return out;
}

/** The cover: the first lines, before the contents. */
function coverLines(lines: readonly string[]): string[] {
  return lines.slice(0, 40).filter((l) => l.trim() !== '');
}

/** 「Copyright © 2024 株式会社X All Rights Reserved.」 → 「株式会社X」 (normalizeChars has already dropped ©). */
function withoutCopyright(line: string): string {
  if (!/copyright|all\s+rights\s+reserved/i.test(line)) return line;
  return line.replace(/copyright|\(c\)|all\s+rights\s+reserved\.?|\b\d{4}(?:\s*[-–]\s*\d{4})?\b/gi, ' ');
}

/** The last words of a department or committee after a company's name. */
const DEPARTMENT = /(?:部|室|課|委員会|センター|本部|事業部|グループ|チーム|局|推進室|事務局)$/;

const GLUED_DEPARTMENT = /(?:情報)?セキュリティ(?:委員会|推進室|推進部|統括部)$|(?:クラウド|情報システム|システム)?事業(?:本部|部)$|[^・]{2,8}委員会$|事務局$/;

/** Trademark notes name other companies (「…は Amazon.com, Inc. の商標です」): never the vendor. */
const TRADEMARK = /商標|trademark/i;

/** The company a line names, alone or before a department (「株式会社X　情報セキュリティ委員会」). */
function companyOf(line: string): string | null {
  if (TRADEMARK.test(line)) return null;
  const clean = withoutCopyright(line).replace(/^#+\s*/, '').trim();
  const english = ENGLISH_COMPANY.exec(clean);
  if (english && clean.replace(english[1]!, '').replace(/[\s|｜]/g, '').length <= 20) return english[1]!.replace(/\s+/g, ' ').trim();
  // 「株式会社X 情報セキュリティ委員会」「株式会社X クラウド事業本部」: the company, then its department.
  const words = clean.split(/\s+/);
  while (words.length > 1 && DEPARTMENT.test(words.at(-1)!)) words.pop();
  let compact = words.join('');
  // The same with the space lost (a PDF drops spaces between Japanese words): a committee or a
  // division named after the company.
  const glued = GLUED_DEPARTMENT.exec(compact);
  if (glued && COMPANY_LINE.test(compact.slice(0, glued.index))) compact = compact.slice(0, glued.index);
  return COMPANY_LINE.test(compact) && !/[年月日版]$/.test(compact) ? compact : null;
}

export function findVendor(lines: readonly string[], pairs: { key: string; value: string }[] = keyValues(lines), services: readonly string[] = []): string | null {
  for (const { key, value } of pairs) if (VENDOR_KEYS.test(key)) return companyOf(value) ?? value;
  for (const l of coverLines(lines).slice(0, 20)) {
    const company = companyOf(l);
    if (company) return company;
  }
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (TRADEMARK.test(l)) continue;
    for (const m of withoutCopyright(l).replace(/\s+/g, '').matchAll(COMPANY_INLINE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  if (best) return best;
  for (const l of lines) {
    if (TRADEMARK.test(l)) continue;
    const english = ENGLISH_COMPANY.exec(l);
    if (english) return english[1]!.replace(/\s+/g, ' ').trim();
  }
  // Named nowhere else: the owner of a service's trademark (「「JAFTAS」は、株式会社Xの登録商標です」).
  for (const l of lines) {
    for (const sentence of l.split('。')) {
      const compact = sentence.replace(/\s+/g, '');
      // The mark as quoted (「JAFTAS」) may be shorter than the service's name as printed (JAFTAS Lite).
      const marks = [...compact.matchAll(/「([^」]+)」/g)].map((m) => m[1]!);
      const names = services.map((n) => n.replace(/\s+/g, ''));
      if (!TRADEMARK.test(sentence) || !names.some((n) => compact.includes(n) || marks.some((mark) => n.startsWith(mark)))) continue;
      const m = compact.match(COMPANY_INLINE);
      if (m) return m[0];
    }
  }
  return null;
}

export function findTitle(lines: readonly string[], fallback: string | null): string | null {
  const cover = coverLines(lines).slice(0, 15);
  const i = cover.findIndex((l) => /ホワイトペーパー|white\s*paper|ヘルプセンター/i.test(l) && l.length <= 40 && !/[。、]/.test(l));
  if (i === -1) return fallback;
  return cover[i]!.replace(/^#+\s*/, '').trim();
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・';
const SPACE_BY_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');

/**
 * A service name as the document gives it: list marks, notes, trademark signs (already dropped),
 * plans and editions in brackets (「（スタンダードプラン／エンタープライズプラン）」「（… Edition）」) and the
 * category of a 「category：name」 line aside; spaces beside Japanese dropped, between Latin words kept.
 */
function cleanService(s: string): string {
  return s
    .replace(/^[-*・•●◆■□]\s*/u, '')
    .replace(/^[-*・•●◆■□]\s*/u, '')
    .replace(/[※*]+$/u, '')
    .replace(/[(（][^()（）]*(?:プラン|エディション|Edition|Plan|版|オプション)[^()（）]*[)）]/giu, '')
    .split(/[：:]/)
    .at(-1)!
    .replace(/[「」『』]/g, '')
    .replace(SPACE_BY_CJK, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names in 「」 that the sentence declares out of scope: 「オプションサービス「X」は本書の対象外です」. */
function excludedNames(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (!/対象外|適用外|含みません|含まれません/.test(l)) continue;
    for (const m of l.matchAll(/「([^」]+)」[^「」。]{0,10}(?:は|を)[^「」。]{0,12}(?:対象外|適用外|含みません|含まれません)/g)) out.add(cleanService(m[1]!));
  }
  return out;
}

/** Services in scope; a sentence wrapped across PDF lines is tried again as joined paragraphs. */
export function findServices(lines: readonly string[], pairs: { key: string; value: string }[] = keyValues(lines)): string[] {
  const excluded = excludedNames(lines);
  const keep = (names: string[]) => names.filter((n) => n !== '' && !excluded.has(n));
  for (const { key, value } of pairs) {
    if (!SERVICE_KEYS.test(key)) continue;
    const names = keep(value.split(/[、,／/]\s*(?![^(（]*[)）])/).map(cleanService));
    if (names.length) return names;
  }
  const found = keep(servicesIn(lines, excluded));
  if (found.length) return found;
  const joined = keep(servicesIn(joinLines(lines.slice(0, 400)).split('\n'), excluded));
  if (joined.length) return joined;
  // A sentence a PDF broke where the paragraph joiner would not rejoin it: each line with the next.
  const paired = lines.slice(0, 400).map((l, i) => (/[。]/.test(l) ? l : l.trim() + (lines[i + 1]?.trim() ?? '')));
  const fromPairs = keep(servicesIn(paired, excluded));
  if (fromPairs.length) return fromPairs;
  // A help centre names its service in its title: 「X ヘルプセンター」.
  for (const l of coverLines(lines).slice(0, 5)) {
    const m = /^#*\s*(.+?)\s*(?:ヘルプセンター|ヘルプ|サポートサイト|Help\s*Center)\s*$/i.exec(l.trim());
    if (m) return [cleanService(m[1]!)];
  }
  return [];
}

/** The list after 「以下のサービスを対象とします。」: marked items or 「category：name」 lines. */
function listAfter(lines: readonly string[], i: number): string[] {
  const found: string[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const next = lines[j]!.trim();
    if (next === '') continue;
    // The list ends at a sentence (a PDF may have wrapped it before its 。), a heading, a note, or page
    // furniture (footer, page number).
    if (/[。、]/.test(next) || /^#/.test(next) || /^※/.test(next) || next.length > 40) break;
    if (/^\d{1,3}$/.test(next) || /^\d{1,2}(?:\.\d{1,2})*\.?\s/.test(next) || /copyright|all\s+rights\s+reserved/i.test(next)) break;
    const s = cleanService(next);
    if (s) found.push(s);
  }
  return found;
}

/** 「本ホワイトペーパーの適用範囲は「X」です」「「X」が本書の適用範囲」「本書は「X」に適用されます」「「X」（以下「本サービス」）」 */
const QUOTED_SERVICE = [
  /「([^」]+)」\s*(?:が|は)[、,]?\s*本書/g,
  /適用範囲は[、,]?\s*「([^」]+)」/g,
  /「([^」]+)」\s*(?:に|を)(?:対象として)?[^。「」]{0,6}(?:適用され|対象と)/g,
  /「([^」]+)」\s*[(（]以下[、,]?\s*「?本サービス/g,
];

function servicesIn(lines: readonly string[], excluded: ReadonlySet<string>): string[] {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!/適用範囲|適用され|対象と(?:し|する)|対象サービス|以下「本サービス」|以下、「本サービス」/.test(l) || !/[。]/.test(l) || /[.…]{3,}/.test(l)) continue;
    const quoted = QUOTED_SERVICE.flatMap((re) => [...l.matchAll(re)]).sort((a, b) => a.index - b.index).map((m) => cleanService(m[1]!)).find((n) => !excluded.has(n));
    if (quoted) return [quoted];
    if (/以下/.test(l)) {
      const found = listAfter(lines, i);
      if (found.length) return found;
      continue;
    }
    const subject = /^(.+?)\s*が[、,]?\s*本書の適用範囲/.exec(l.trim());
    if (subject) return [cleanService(subject[1]!)];
  }
  return [];
}

export function extractMetadata(lines: readonly Line[], info: { title?: string } = {}): DocumentMeta {
  const texts = lines.map((l) => l.text);
  const pairs = keyValues(texts);
  const revisions = readRevisions(texts);
  // The cover ends where the revision history starts, if that comes first (a one-sheet table).
  const historyAt = texts.findIndex((t) => isRevisionHeading(t.split('\t').find((c) => c.trim() !== '') ?? ''));
  const cover = coverLines(historyAt > 0 ? texts.slice(0, historyAt) : texts);
  const keyed = (keys: RegExp) => pairs.find((p) => keys.test(p.key))?.value;
  const keyedVersion = keyed(VERSION_KEYS);
  const coverEdition = (keyedVersion ? (findEdition(keyedVersion)?.version ?? (/^\d+(?:\.\d+)*$/.test(keyedVersion) ? keyedVersion : null)) : null) ??
    cover.map((l) => findEdition(l)).find((e) => e !== null)?.version ?? null;
  // 「2021年10月1日 制定」「2023年4月1日 改訂」: the current edition is the revised one.
  const keyedDate = keyed(DATE_KEYS);
  const coverDates = cover.filter((l) => !/^(?:(?:改訂)?第\s*[\d.]+\s*版|Ver)/i.test(l.trim()) || parseDate(l) !== null);
  const revised = coverDates.find((l) => /改訂|改定|改版|更新/.test(l) && parseDate(l) !== null);
  const coverDate = (keyedDate ? parseDate(keyedDate) : null) ?? parseDate(revised ?? '') ?? coverDates.map((l) => parseDate(l)).find((d) => d !== null) ?? null;

  const latest = revisions.at(-1);
  const version = latest?.version ?? coverEdition;
  let published = coverDate;
  if (latest?.date && (!coverDate || latest.date.startsWith(coverDate) || latest.date > coverDate)) published = latest.date;

  const services = findServices(texts, pairs);
  return {
    vendor: findVendor(texts, pairs, services),
    title: findTitle(texts, info.title ?? null),
    services,
    version,
    published,
    revisions,
  };
}
