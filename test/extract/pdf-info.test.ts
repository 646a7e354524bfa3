// Info dictionary / XMP values → ISO dates and a usable title; readability counts.
import { describe, expect, it } from 'vitest';
import { cleanTitle, pdfDateToIso, readInfo, xmpDateToIso } from '../../src/extract/pdf-info.ts';
import { charStats, isGarbledLine, isUnreadable } from '../../src/extract/pdf-readability.ts';

describe('PDF dates', () => {
  it.each([
    ["D:20210118103000+09'00'", '2021-01-18T10:30:00+09:00'],
    ["D:20210118103000+09'00", '2021-01-18T10:30:00+09:00'],
    ['D:20210118103000Z', '2021-01-18T10:30:00Z'],
    ["D:20261123062615+00'00'", '2026-11-23T06:26:15+00:00'],
    ['D:20210118103000', '2021-01-18T10:30:00'],
    ['D:202101181030', '2021-01-18T10:30:00'],
    ['D:20210118', '2021-01-18'],
    ['D:202101', '2021-01'],
    ['20210118103000+09\'00\'', '2021-01-18T10:30:00+09:00'],
  ])('%s → %s', (raw, iso) => {
    expect(pdfDateToIso(raw)).toBe(iso);
  });

  it('refuses what is not a date', () => {
    for (const raw of ['', 'D:', 'yesterday', 'D:20211318', 'D:20210132', 'D:00000101', undefined, 42]) expect(pdfDateToIso(raw)).toBeUndefined();
  });

  it('tidies XMP dates to the same shape', () => {
    expect(xmpDateToIso('2021-01-18T10:30:00+09:00')).toBe('2021-01-18T10:30:00+09:00');
    expect(xmpDateToIso('2021-01-18T10:30:00.123Z')).toBe('2021-01-18T10:30:00Z');
    expect(xmpDateToIso('2021-01-18T10:30+09:00')).toBe('2021-01-18T10:30:00+09:00');
    expect(xmpDateToIso('2021-01-18')).toBe('2021-01-18');
    expect(xmpDateToIso('18/01/2021')).toBeUndefined();
  });
});

describe('titles and authors', () => {
  it('drops placeholders and the application-and-file-name titles converters write', () => {
    expect(cleanTitle('Microsoft Word - 27017ホワイトペーパー_v4.docx')).toBe('27017ホワイトペーパー_v4');
    expect(cleanTitle('(unspecified)')).toBeUndefined();
    expect(cleanTitle('Untitled')).toBeUndefined();
    expect(cleanTitle('  ISO/IEC 27017   ホワイトペーパー ')).toBe('ISO/IEC 27017 ホワイトペーパー');
    expect(cleanTitle('IDCFクラウド\nIDCF Cloud')).toBe('IDCFクラウド');
  });

  it('takes XMP first, then the info dictionary, leaving out what neither says', () => {
    const xmp = new Map<string, unknown>([['dc:creator', ['株式会社A', '株式会社B']], ['xmp:createdate', '2020-02-18T09:00:00+09:00']]);
    const info = readInfo({
      info: { Title: 'ISO/IEC 27017 ホワイトペーパー', Author: '', ModDate: "D:20210118103000+09'00'" },
      xmp: { get: (k: string) => xmp.get(k) ?? null },
    });
    expect(info).toEqual({ title: 'ISO/IEC 27017 ホワイトペーパー', author: '株式会社A、株式会社B', created: '2020-02-18T09:00:00+09:00', modified: '2021-01-18T10:30:00+09:00' });
    expect(readInfo({ info: {}, xmp: null })).toEqual({});
  });
});

describe('unreadable text', () => {
  it('counts private-use, control and replacement characters as garbage', () => {
    expect(charStats('\ue000\ue001\u0003\ufffd 本文')).toEqual({ chars: 6, bad: 4 });
    expect(charStats('情報 セキュリティ\t方針')).toEqual({ chars: 10, bad: 0 });
  });

  it('lets a few Wingdings bullets through but not a page of them', () => {
    expect(isUnreadable(charStats('\uf09e JAFTAS\n\uf09e JAFTAS Lite\n' + '本文'.repeat(50)))).toBe(false);
    expect(isUnreadable(charStats('\ue041\ue042\ue043 \ue044\ue045\ue046\ue047\ue048\ue049'))).toBe(true);
    expect(isGarbledLine(charStats('\ue041\ue042\ue043\ue044 ab'))).toBe(true);
    expect(isGarbledLine(charStats('\uf09e 箇条書きの項目です'))).toBe(false);
  });
});
