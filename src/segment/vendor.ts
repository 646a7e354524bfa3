// The vendor: the legal name of the company that publishes the whitepaper, as printed.
//
// In order: a publisher field (「発行者	株式会社X」「作成者：X Inc.」); a cover line that is a company
// name, perhaps with a department after it (「株式会社X　情報セキュリティ委員会」 → 株式会社X); the
// company a sentence names as 「当社」 (「株式会社X（以下「当社」）」); the company named most often.
// Trademark notes name other companies (「…は Amazon.com, Inc. の商標です」): one is read only when
// nothing else names a company, for the owner of a service in scope.
import { fieldValue, type Field } from './fields.ts';

const LEGAL_FORM_JA = '(?:株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|独立行政法人|国立研究開発法人)';
/** English legal forms, last word(s) of the name: 「Inc.」「K.K.」「Co., Ltd.」「Corporation」「LLC」. */
const LEGAL_FORM_EN = String.raw`(?:Inc\.?|Incorporated|K\.\s?K\.|Co\.,?\s?Ltd\.?|Co\.|Ltd\.?|Limited|Corporation|Corp\.|L\.?L\.?C\.?|G\.K\.|GmbH|PLC|Pte\.\s?Ltd\.?|S\.A\.|B\.V\.|AG)`;
/** A Latin-script name before its legal form: a capitalised word, then words, digits, 「&」「-」「.」. */
const EN_NAME = String.raw`(?<![\w&.'-])[A-Z][\w&.'-]{0,30}(?:[ ,]+[A-Za-z0-9&][\w&.'-]{0,30}){0,6}?`;
const EN_COMPANY = new RegExp(String.raw`${EN_NAME},?\s+${LEGAL_FORM_EN}(?![A-Za-z])`, 'gu');
const JA_NAME_CHAR = String.raw`[A-Za-z0-9&\p{Script=Han}\p{Script=Katakana}ー・.\-]`;
/** A company name inside a sentence; names rarely hold hiragana, so a particle ends them. */
const JA_COMPANY = new RegExp(`${LEGAL_FORM_JA}${JA_NAME_CHAR}{1,30}|${JA_NAME_CHAR}{1,30}${LEGAL_FORM_JA}`, 'gu');

/**
 * A department after the company: a word ending in an organisational unit. Printed after a space
 * (「株式会社X　カスタマーサクセス部」) any such word counts; glued to the name (a PDF that lost the
 * space) only a unit named by its function, so that 「株式会社X計算センター」 keeps its name.
 */
const UNIT = '(?:委員会|事務局|推進室|推進部|本部|事業部|部|室|課|局|グループ|チーム|センター|担当)';
/** Units a company's own name does not end with (it may end with センター or グループ). */
const GLUED_ONLY_UNIT = '(?:委員会|事務局|推進室|推進部|本部|事業部|部|室|課)';
const FUNCTION = '(?:情報セキュリティ|セキュリティ|ISMS|個人情報保護|プライバシー|品質保証|品質管理|情報システム|コンプライアンス|リスク管理|内部監査|経営企画|総務|法務|カスタマーサクセス|カスタマーサポート|サポート|クラウド事業|サービス運用|システム運用|運用|開発|営業)';
const SPACED_UNIT = new RegExp(`^\\S*${UNIT}$`, 'u');
const GLUED_UNIT = new RegExp(`${FUNCTION}\\S{0,8}${GLUED_ONLY_UNIT}$`, 'u');

const TRADEMARK = /商標|trademark/i;

/** Spaces go, except between two Latin words (「株式会社 IDC フロンティア」 → 株式会社IDCフロンティア, 「Brindlecove Systems Inc.」 stays). */
export function compactName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?![A-Za-z0-9&(])|(?<![A-Za-z0-9.,&)]) /g, '');
}

/** 「Copyright © 2024 株式会社X All Rights Reserved.」 → 「株式会社X」 (normalizeChars has already dropped ©). */
function withoutCopyright(line: string): string {
  if (!/copyright|all\s+rights\s+reserved/i.test(line)) return line;
  return line.replace(/copyright|\(c\)|all\s+rights\s+reserved\.?|\b\d{4}(?:\s*[-–]\s*\d{4})?\b/gi, ' ').trim();
}

const LEGAL_FORM_ONLY = new RegExp(`^${LEGAL_FORM_JA}$`, 'u');
const LEGAL_FORM_FIRST = new RegExp(`^${LEGAL_FORM_JA}`, 'u');

/** Drops a department printed after the company's name (never the name itself: 「株式会社 Xセンター」). */
function withoutDepartment(words: string[]): string[] {
  const keep = LEGAL_FORM_ONLY.test(words[0]!) ? 2 : 1;
  let end = words.length;
  while (end > keep && SPACED_UNIT.test(words[end - 1]!)) end--;
  return words.slice(0, end);
}

const JA_LINE = new RegExp(`^(?:${LEGAL_FORM_JA}\\s*[^、。「」()（）:：\\s][^、。「」()（）:：]{0,40}|[^、。「」()（）:：]{1,40}?${LEGAL_FORM_JA})(?=\\s|$)`, 'u');
/** A full stop after 「Corporation」 ends the sentence of a footer; the one of 「Inc.」 is the name's. */
const EN_LINE = new RegExp(String.raw`^${EN_NAME},?\s+${LEGAL_FORM_EN}(?=\.?(?:\s|$))`, 'u');

/**
 * A line that is a company name and nothing else, perhaps followed by a department:
 * 「株式会社X」「X株式会社」「X Cloud Japan K.K.」「株式会社X 情報セキュリティ委員会」.
 */
export function companyLine(line: string): string | null {
  // 「2024 X Inc.」: a footer whose © normalizeChars dropped.
  const text = withoutCopyright(line.replace(/^#+\s*/, '')).replace(/\s+/g, ' ').trim().replace(/^\d{4}(?:\s*[-–]\s*\d{4})?\s+/, '');
  if (text === '' || text.length > 80 || /[。]/.test(text)) return null;
  const en = EN_LINE.exec(text);
  if (en) return onlyDepartmentAfter(text, en[0]) ? compactName(en[0]) : null;
  const ja = JA_LINE.exec(text);
  if (!ja) return null;
  // The legal form first: the name runs to the end, less a department (「株式会社X 情報セキュリティ委員会」).
  if (LEGAL_FORM_FIRST.test(text)) {
    const all = text.split(' ');
    const words = withoutDepartment(all);
    const name = compactName(words.join(' '));
    if (LEGAL_FORM_ONLY.test(name) || /[年月日版]$/.test(name)) return null;
    return words.length === all.length ? glued(name) : name;
  }
  // The legal form last: the name ends there (「X株式会社 クラウド事業部」).
  return onlyDepartmentAfter(text, ja[0]) && !/[年月日版]$/.test(ja[0]) ? compactName(ja[0]) : null;
}

/** A company name with a functional department glued to it (「…ラボ情報セキュリティ委員会」) loses the department. */
function glued(name: string): string {
  const m = GLUED_UNIT.exec(name);
  return m && m.index > 4 ? name.slice(0, m.index) : name;
}

function onlyDepartmentAfter(text: string, name: string): boolean {
  const rest = text.slice(name.length).replace(/^\./, '').trim();
  return rest === '' || rest.split(' ').every((w) => SPACED_UNIT.test(w));
}

/** 「株式会社X（以下「当社」）」: the company the document calls itself. */
function selfNamed(line: string): string | null {
  const m = /[(（]\s*以下[、,]?\s*[「『]?(?:当社|弊社)/u.exec(line);
  if (!m) return null;
  // A name is short: what stands just before the bracket is enough.
  const before = line.slice(Math.max(0, m.index - 80), m.index).trimEnd();
  const en = [...before.matchAll(EN_COMPANY)].at(-1);
  if (en && en.index + en[0].length === before.length) return compactName(en[0]);
  const ja = [...before.replace(/\s+/g, '').matchAll(JA_COMPANY)].at(-1);
  return ja ? ja[0] : null;
}

const PUBLISHER_KEYS = /^(?:発行者|発行元|発行|作成者|作成元|作成|著者|publisher|author|issued\s+by)$/i;
/** Keys a table in the body may use for another company (a data centre's 提供元): read on the cover only. */
const COMPANY_KEYS = /^(?:会社名|社名|企業名|事業者名?|提供者|提供元|提供会社|提供|company|vendor|provider)$/i;
const COVER_LINES = 40;

/** Companies named in a line, Japanese and English forms. */
function companiesIn(line: string): string[] {
  const text = withoutCopyright(line);
  return [...[...text.replace(/\s+/g, '').matchAll(JA_COMPANY)].map((m) => m[0]), ...[...text.matchAll(EN_COMPANY)].map((m) => compactName(m[0]))];
}

/**
 * `services`: the services in scope. A trademark note is read only when nothing else names a
 * company, and only the owner of a mark that is one of those services (「商標「X」は、株式会社Yの登録商標です」).
 */
export function findVendor(lines: readonly string[], fields: readonly Field[], services: readonly string[] = []): string | null {
  const onCover = fields.filter((f) => f.line < COVER_LINES);
  const published = fieldValue(fields, PUBLISHER_KEYS, companyLine) ?? fieldValue(onCover, COMPANY_KEYS, companyLine);
  if (published) return published;
  const cover = lines.slice(0, COVER_LINES).filter((l) => l.trim() !== '').slice(0, 20);
  for (const l of cover) {
    if (TRADEMARK.test(l)) continue;
    const name = companyLine(l);
    if (name) return name;
  }
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (TRADEMARK.test(l)) continue;
    const self = selfNamed(l);
    if (self) return self;
    for (const name of companiesIn(l)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  if (best) return best;
  const compact = services.map((s) => s.replace(/\s+/g, ''));
  for (const l of lines) {
    if (!TRADEMARK.test(l) || !compact.some((s) => l.replace(/\s+/g, '').includes(s))) continue;
    const owner = companiesIn(l)[0];
    if (owner) return owner;
  }
  return null;
}
