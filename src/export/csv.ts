// CSV as RFC 4180 has it: CRLF line ends, a field quoted when it holds a comma, a quote, CR or
// LF (or starts or ends with a space, which some readers would trim), quotes doubled inside; text
// that a spreadsheet would take for a formula neutralised.

export type Cell = string | number | bigint | boolean | null | undefined | Uint8Array;

export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return: 「=HYPERLINK(…)」) gets a leading apostrophe, as OWASP's CSV-injection advice has it; the
 * spreadsheet shows the text. Numbers stay numbers (-5 is no formula).
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvField(v: Cell): string {
  const s = typeof v === 'string' ? neutralise(v) : cellText(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvRow(header) + rows.map(csvRow).join('');
}
