// Dates as whitepapers print them, to ISO: 「2024年7月1日」「令和6年7月1日」「R6.7.1」「2024/07/01」
// 「2024.7.1」「2024-11-15」「July 1, 2024」; a month without a day gives `YYYY-MM`.

const ERA_START: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

/**
 * One pattern, tried left to right. Digits are not glued to other digits on either side, so a
 * control id (12.3.1) or a version (2.3) is never read as a date.
 */
const DATE = new RegExp(
  [
    // 令和6年7月1日, 令和元年, R6.7.1 (an era letter needs the dotted or slashed form)
    String.raw`(?<era>令和|平成)\s*(?<eraYear>\d{1,2}|元)\s*年\s*(?<eraMonth>\d{1,2})\s*月(?:\s*(?<eraDay>\d{1,2})\s*日)?`,
    String.raw`(?<![A-Za-z])(?<eraLetter>[RH])\s*(?<eraLetterYear>\d{1,2})[./](?<eraLetterMonth>\d{1,2})[./](?<eraLetterDay>\d{1,2})(?!\d)`,
    // 2024年7月1日, 2024年7月
    String.raw`(?<!\d)(?<kYear>\d{4})\s*年\s*(?<kMonth>\d{1,2})\s*月(?:\s*(?<kDay>\d{1,2})\s*日)?`,
    // 2024/07/01, 2024.7.1, 2024-11-15, 2024/7
    String.raw`(?<![\d.])(?<year>\d{4})\s*(?<sep>[/.\-])\s*(?<month>\d{1,2})(?:\s*\k<sep>\s*(?<day>\d{1,2}))?(?![\d.]*\d)`,
    // July 1, 2024 / 1 July 2024
    String.raw`(?<![A-Za-z])${MONTH_NAME.replace('(', '(?<enMonth>')}\s+(?<enDay>\d{1,2}),?\s+(?<enYear>\d{4})(?!\d)`,
    String.raw`(?<!\d)(?<enDay2>\d{1,2})\s+${MONTH_NAME.replace('(', '(?<enMonth2>')}\s+(?<enYear2>\d{4})(?!\d)`,
  ].join('|'),
  'i',
);

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number | null): string | null {
  if (!(year > 1980 && year < 2100 && month >= 1 && month <= 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

function fromGroups(g: Record<string, string | undefined>): string | null {
  const num = (s: string | undefined) => (s === undefined ? null : Number(s));
  if (g.era) return iso(ERA_START[g.era]! + (g.eraYear === '元' ? 1 : Number(g.eraYear)), Number(g.eraMonth), num(g.eraDay));
  if (g.eraLetter) return iso(ERA_START[g.eraLetter.toUpperCase()]! + Number(g.eraLetterYear), Number(g.eraLetterMonth), Number(g.eraLetterDay));
  if (g.kYear) return iso(Number(g.kYear), Number(g.kMonth), num(g.kDay));
  if (g.year) return iso(Number(g.year), Number(g.month), num(g.day));
  const month = g.enMonth ?? g.enMonth2;
  if (month) return iso(Number(g.enYear ?? g.enYear2), MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1, Number(g.enDay ?? g.enDay2));
  return null;
}

const ANY = new RegExp(DATE.source, 'gi');
const AT_START = new RegExp(DATE.source, 'iy');

/** The first date in `text`, with where it stands. */
export function findDate(text: string): DateMatch | null {
  ANY.lastIndex = 0;
  for (let m = ANY.exec(text); m; m = ANY.exec(text)) {
    const date = fromGroups(m.groups ?? {});
    if (date) return { iso: date, index: m.index, length: m[0].length };
  }
  return null;
}

/** A date that `text` starts with. */
export function dateAtStart(text: string): DateMatch | null {
  AT_START.lastIndex = 0;
  const m = AT_START.exec(text);
  const date = m ? fromGroups(m.groups ?? {}) : null;
  return m && date ? { iso: date, index: 0, length: m[0].length } : null;
}

export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}
