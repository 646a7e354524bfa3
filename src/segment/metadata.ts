// Document metadata: vendor, title, services in scope, edition, publication date, revision table.
import { joinLines } from '../normalize/join.ts';
import type { DocumentMeta, Line, Revision } from '../types.ts';

const LEGAL_FORM = '(?:株式会社|有限会社|合同会社|合資会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|独立行政法人|国立研究開発法人)';
/** A cover line that is only a company name: 「株式会社 IDC フロンティア」「サイバートラスト株式会社」. */
const COMPANY_LINE = new RegExp(`^(?:${LEGAL_FORM}[^、。「」()（）:：]{1,40}|[^、。「」()（）:：]{1,40}${LEGAL_FORM})$`);
/** A company name inside a sentence; names rarely hold hiragana, so a particle ends them. */
const COMPANY_INLINE = new RegExp(
  `${LEGAL_FORM}[A-Za-z0-9&\\p{Script=Han}\\p{Script=Katakana}ー・.\\-]{1,30}|[A-Za-z0-9&\\p{Script=Katakana}ー・.\\-][A-Za-z0-9&\\p{Script=Han}\\p{Script=Katakana}ー・.\\-]{0,29}${LEGAL_FORM}`,
  'gu',
);

const DATE = String.raw`(?:(令和|平成)\s*(\d{1,2}|元)|(\d{4}))\s*[年/.\-]\s*(\d{1,2})\s*(?:[月/.\-]\s*(?:(\d{1,2})\s*日?)?)?`;
const DATE_RE = new RegExp(DATE);
const EDITION = String.raw`(?:第\s*(\d+(?:\.\d+)*)\s*版|(初版)|(?:Ver(?:sion)?\.?|v)\s*(\d+(?:\.\d+)*))`;
const REVISION_ROW = new RegExp(String.raw`^${EDITION}\s+${DATE}\s*(.*)$`, 'i');
const COVER_EDITION = new RegExp(EDITION, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

/** Matched date groups → ISO date, `YYYY-MM` when no day is given. */
function isoDate(m: RegExpExecArray, offset: number): string | null {
  const era = m[offset];
  const eraYear = m[offset + 1];
  const year = era ? (era === '令和' ? 2018 : 1988) + (eraYear === '元' ? 1 : Number(eraYear)) : Number(m[offset + 2]);
  const month = Number(m[offset + 3]);
  const day = m[offset + 4] ? Number(m[offset + 4]) : null;
  if (!(year > 1980 && year < 2100 && month >= 1 && month <= 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

export function parseDate(text: string): string | null {
  const m = DATE_RE.exec(text);
  return m ? isoDate(m, 1) : null;
}

function edition(m: RegExpExecArray): string {
  return m[1] ?? m[2] ?? m[3]!;
}

export function parseRevisions(lines: readonly string[]): Revision[] {
  const rows: Revision[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    const m = REVISION_ROW.exec(text);
    if (!m) continue;
    let description = m[9]!.trim();
    // A description that wrapped onto the following lines (PDF table cells).
    for (let j = i + 1; description === '' || j <= i + 3; j++) {
      const next = lines[j]?.trim();
      if (next === undefined || next === '' || REVISION_ROW.test(next) || /^以上$/.test(next) || j > i + 3) break;
      description = description ? `${description} ${next}` : next;
    }
    rows.push({ version: edition(m), date: isoDate(m, 4), description: description.replace(/\t+/g, ' ') });
  }
  return rows;
}

/** The cover: lines before the table of contents or the first chapter. */
function coverLines(lines: readonly string[]): string[] {
  return lines.slice(0, 40).filter((l) => l.trim() !== '');
}

/** 「Copyright © 2024 株式会社X All Rights Reserved.」 → 「株式会社X」 (normalizeChars has already dropped ©). */
function withoutCopyright(line: string): string {
  if (!/copyright|all\s+rights\s+reserved/i.test(line)) return line;
  return line.replace(/copyright|\(c\)|all\s+rights\s+reserved\.?|\b\d{4}(?:\s*[-–]\s*\d{4})?\b/gi, ' ');
}

export function findVendor(lines: readonly string[]): string | null {
  for (const l of coverLines(lines).slice(0, 20)) {
    const compact = withoutCopyright(l).replace(/^#+\s*/, '').replace(/\s+/g, '');
    if (COMPANY_LINE.test(compact) && !/[年月日版]$/.test(compact)) return compact;
  }
  const counts = new Map<string, number>();
  for (const l of lines) {
    for (const m of withoutCopyright(l).replace(/\s+/g, '').matchAll(COMPANY_INLINE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

export function findTitle(lines: readonly string[], fallback: string | null): string | null {
  const cover = coverLines(lines).slice(0, 15);
  const i = cover.findIndex((l) => /ホワイトペーパー|white\s*paper/i.test(l) && l.length <= 40 && !/[。、]/.test(l));
  if (i === -1) return fallback;
  return cover[i]!.replace(/^#+\s*/, '').trim();
}

function cleanService(s: string): string {
  return s
    .replace(/^[-*・•●◆■□]\s*/u, '')
    .replace(/^[-*・•●◆■□]\s*/u, '')
    .replace(/[※*]+$/u, '')
    .split(/[：:]/)
    .at(-1)!
    .replace(/\s+/g, '');
}

/** Services in scope; a sentence wrapped across PDF lines is tried again as joined paragraphs. */
export function findServices(lines: readonly string[]): string[] {
  const found = servicesIn(lines);
  return found.length ? found : servicesIn(joinLines(lines.slice(0, 400)).split('\n'));
}

function servicesIn(lines: readonly string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!/適用範囲|適用され/.test(l) || !/[。]/.test(l) || /[.…]{3,}/.test(l)) continue;
    const quoted = /「([^」]+)」\s*(?:が|は)[、,]?\s*本書/.exec(l);
    if (quoted) return [cleanService(quoted[1]!)];
    if (/以下/.test(l)) {
      const found: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j]!.trim();
        if (next === '') continue;
        // The list ends at a sentence, a heading, a note, or page furniture (footer, page number).
        if (/[。]/.test(next) || /^#/.test(next) || /^※/.test(next) || next.length > 60) break;
        if (/^\d{1,3}$/.test(next) || /^\d{1,2}(?:\.\d{1,2})*\.?\s/.test(next) || /copyright|all\s+rights\s+reserved/i.test(next)) break;
        const s = cleanService(next);
        if (s) found.push(s);
      }
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
  const revisions = parseRevisions(texts);
  const cover = coverLines(texts);
  const coverEdition = cover.map((l) => COVER_EDITION.exec(l)).find((m) => m !== null);
  // 「2021年10月1日 制定」「2023年4月1日 改訂」: the current edition is the revised one.
  const coverDates = cover.filter((l) => !REVISION_ROW.test(l.trim()));
  const revised = coverDates.find((l) => /改訂|改定|改版|更新/.test(l) && parseDate(l) !== null);
  const coverDate = parseDate(revised ?? '') ?? coverDates.map((l) => parseDate(l)).find((d) => d !== null) ?? null;

  const latest = revisions.at(-1);
  const version = latest?.version ?? (coverEdition ? edition(coverEdition) : null);
  let published = coverDate;
  if (latest?.date && (!coverDate || latest.date.startsWith(coverDate) || latest.date > coverDate)) published = latest.date;

  return {
    vendor: findVendor(texts),
    title: findTitle(texts, info.title ?? null),
    services: findServices(texts),
    version,
    published,
    revisions,
  };
}
