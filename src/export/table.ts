// An aligned text table for terminals. East Asian wide and full-width characters take two
// columns, combining marks none, so Japanese text lines up under its header.

/** Display width of one code point in a monospace terminal. */
function codePointWidth(cp: number): number {
  if (cp === 0) return 0;
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  // Combining marks, zero-width characters, variation selectors.
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x3099 && cp <= 0x309a) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, ideographic punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B…
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += codePointWidth(ch.codePointAt(0)!);
  return w;
}

/** Cuts `s` to at most `max` columns, ending with … when cut. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = codePointWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export interface TableOptions {
  /** Longest cell, in columns; longer values are cut with … (default 60). */
  maxWidth?: number;
  /** Shown for NULL (default empty). */
  nullText?: string;
}

/**
 * header / separator / rows, columns separated by ` | `; columns of numbers right-aligned. Line breaks and
 * tabs inside a value are shown as ↵ and a space so that every row stays on one line.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  opts: TableOptions = {},
): string {
  const max = opts.maxWidth ?? 60;
  const nullText = opts.nullText ?? '';
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return nullText;
    if (v instanceof Uint8Array) return truncate(`x'${Buffer.from(v).toString('hex')}'`, max);
    return truncate(String(v).replace(/\r?\n/g, '↵').replace(/\t/g, ' '), max);
  };
  const cells = rows.map((r) => header.map((_, i) => text(r[i])));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number' || typeof r[i] === 'bigint'));
  const widths = header.map((h, i) => Math.max(displayWidth(truncate(h, max)), ...cells.map((r) => displayWidth(r[i]!))));
  const line = (cs: readonly string[]) => cs.map((c, i) => pad(c, widths[i]!, numeric[i]!)).join(' | ').replace(/\s+$/, '');
  const out = [line(header.map((h) => truncate(h, max))), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const r of cells) out.push(line(r));
  return `${out.join('\n')}\n`;
}
