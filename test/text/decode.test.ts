import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.ts';
import { detectEncoding, extractText } from '../../src/extract/text.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/encodings/${name}`, import.meta.url));
const expected = fixture('expected.txt').toString('utf8').replace(/\n$/, '').split('\n');

// The cover of corpus 004 saved the ways Japanese tools save text.
const cases: [string, string][] = [
  ['expected.txt', 'utf-8'],
  ['utf8-bom.txt', 'utf-8'],
  ['utf8-crlf.txt', 'utf-8'],
  ['utf16le-bom.txt', 'utf-16le'],
  ['utf16be-bom.txt', 'utf-16be'],
  ['shift_jis.txt', 'shift_jis'],
  ['shift_jis-crlf.txt', 'shift_jis'],
  ['euc-jp.txt', 'euc-jp'],
];

describe('text input', () => {
  it.each(cases)('%s is read as %s, line for line', (name, encoding) => {
    const bytes = fixture(name);
    expect(detectEncoding(bytes).encoding).toBe(encoding);
    const lines = extractText(bytes).lines.map((l) => l.text);
    expect(lines.slice(0, expected.length)).toEqual(expected);
    expect(extractText(bytes).lines[0]).toMatchObject({ page: null, line: 1 });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['only whitespace', new TextEncoder().encode(' \n\r\n\t'), 'empty'],
    ['binary data', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'not-text'],
  ])('rejects %s with a reason', (_, bytes, rule) => {
    expect(() => extractText(bytes)).toThrow(InputError);
    try {
      extractText(bytes);
    } catch (e) {
      expect((e as InputError).rule).toBe(rule);
    }
  });
});

describe('damaged UTF-8', () => {
  it('reads a UTF-8 whitepaper with one bad byte, with a warning, rather than rejecting it', () => {
    const good = readFileSync(new URL('../../corpus/002_06e9b655fac815a7.txt', import.meta.url));
    const bytes = Buffer.concat([good.subarray(0, 500), Buffer.from([0xff]), good.subarray(500)]);
    const x = extractText(bytes);
    expect(detectEncoding(bytes).encoding).toBe('utf-8');
    expect(x.lines.map((l) => l.text).join('\n')).toContain('CHROFY株式会社');
    expect(x.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'text-invalid-bytes' })]);
  });
});
