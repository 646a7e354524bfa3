// Dates and editions as whitepapers print them: 2024年7月1日, 令和6年7月1日, 2024.7.1, 2024/07/01,
// 2024-11-15; 第3版, 改訂第2.0版, 第四版, Ver.2.3, Version 3.1, Rev.3, 初版.
import { parseNumber } from '../facts/numbers.ts';

const DATE = String.raw`(?:(令和|平成)\s*(\d{1,2}|元)|(\d{4}))\s*[年/.\-]\s*(\d{1,2})\s*(?:[月/.\-]\s*(?:(\d{1,2})\s*日?)?)?`;
const DATE_RE = new RegExp(DATE);

const pad = (n: number) => String(n).padStart(2, '0');

/** Matched date groups → ISO date, `YYYY-MM` when no day is given. */
function isoDate(m: RegExpExecArray): string | null {
  const [, era, eraYear, western, monthText, dayText] = m;
  const year = era ? (era === '令和' ? 2018 : 1988) + (eraYear === '元' ? 1 : Number(eraYear)) : Number(western);
  const month = Number(monthText);
  const day = dayText ? Number(dayText) : null;
  if (!(year > 1980 && year < 2100 && month >= 1 && month <= 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/** The first date in the text, as an ISO date. */
export function parseDate(text: string): string | null {
  const m = DATE_RE.exec(text);
  return m ? isoDate(m) : null;
}

/** Where the first date stands in the text. */
export function findDate(text: string): { date: string; index: number; length: number } | null {
  const m = DATE_RE.exec(text);
  const date = m ? isoDate(m) : null;
  return m && date ? { date, index: m.index, length: m[0].length } : null;
}

// 「第 1.1 版」「改訂第2.0版」「第四版」「初版」「Ver.2.3」「Version 3.1」「Rev.3」「v2」
const EDITION = /(?:改訂)?第\s*([\d.]+|[一二三四五六七八九十〇]+)\s*版|(初版)|(?:Ver(?:sion)?\.?|Rev(?:ision)?\.?|\bv)\s*(\d+(?:\.\d+)*)/i;

/** The digits of an edition as printed (「第四版」 → 4, 「Ver.2.3」 → 2.3), or 初版. */
export function findEdition(text: string): { version: string; index: number; length: number } | null {
  const m = EDITION.exec(text);
  if (!m) return null;
  const printed = m[1] ?? m[2] ?? m[3]!;
  const version = /^[一二三四五六七八九十〇]+$/.test(printed) ? String(parseNumber(printed)) : printed.replace(/\.$/, '');
  if (version === '' || version === '.') return null;
  return { version, index: m.index, length: m[0].length };
}
