// Text and Markdown input: detect the encoding, decode, split into lines.
import { InputError } from '../diagnostics.ts';
import type { Extracted, Line } from '../types.ts';
import { markdownHtml } from './markdown-html.ts';
import { joinQuotedRows, markdownTableRows } from './rows.ts';
import { textPages } from './text-pages.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

/**
 * Japanese files arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or Shift_JIS/CP932.
 * A BOM decides; otherwise the first strict decoder that accepts the bytes wins. UTF-8 is tried
 * first because valid multi-byte UTF-8 is very unlikely to be accidental; WHATWG's shift_jis
 * decoder is CP932 (Windows-31J), which is what Japanese Windows tools write.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const bomless16 = guessBomlessUtf16(bytes);
  if (bomless16) return { encoding: bomless16, bomLength: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    // not UTF-8
  }
  // Shift_JIS and EUC-JP bytes often decode without error as each other; the wrong one yields
  // replacement characters and runs of half-width katakana, so the fewer of those wins. UTF-8 with
  // a few damaged bytes competes too: it is read, with a warning, rather than rejected.
  let best: { encoding: Encoding; penalty: number } | null = null;
  for (const encoding of ['utf-8', 'shift_jis', 'euc-jp'] as const) {
    const text = new TextDecoder(encoding).decode(bytes);
    let penalty = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c === 0xfffd) penalty += 10;
      else if (c >= 0xff61 && c <= 0xff9f) penalty += 1;
    }
    if (!best || penalty < best.penalty) best = { encoding, penalty };
  }
  if (best && best.penalty < Math.max(8, bytes.length / 50)) return { encoding: best.encoding, bomLength: 0 };
  throw new InputError('not-text', 'the file is not text in any supported encoding (UTF-8, UTF-16, Shift_JIS, EUC-JP); if it is a PDF or another binary format, give it the right extension');
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero byte in every other position. */
function guessBomlessUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that no text file holds: C0 controls other than tab/newline, NUL, U+FFFD. */
function binaryShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, bomLength } = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  if (binaryShare(text) > 0.02) {
    throw new InputError('not-text', 'the file holds binary data, not text; check that it is really a text or Markdown whitepaper');
  }
  return { text, encoding };
}

/** `markdown`: the file is Markdown (.md), whose tables are read as tables. */
export function extractText(bytes: Uint8Array, { markdown = false }: { markdown?: boolean } = {}): Extracted {
  if (bytes.length === 0) throw new InputError('empty', 'the file is empty');
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new InputError('empty', 'the file holds only whitespace');
  const damaged = text.split('\ufffd').length - 1;
  const { lines: raw, pages } = textPages(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((t, i) => ({ text: t, page: null, line: i + 1 })),
  );
  // Table rows become one line each (cells by TAB), however the file wrote them.
  const lines = markdown ? markdownTableRows(markdownHtml(raw)) : joinQuotedRows(raw);
  const diagnostics: Extracted['diagnostics'] = damaged
    ? [{ path: '', severity: 'warning', rule: 'text-invalid-bytes', reason: `${damaged} byte sequence(s) are not valid ${encoding} and were replaced by U+FFFD; the rest of the file was read` }]
    : [];
  return { format: 'text', lines, pages, info: {}, diagnostics };
}
