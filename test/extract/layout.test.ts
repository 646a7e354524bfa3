// Line reconstruction from positioned text items (src/extract/layout.ts, layout-table.ts),
// page furniture (src/extract/pdf-furniture.ts) and tables over page breaks (pdf-tables.ts), on
// item arrays dumped from real PDF pages (test/fixtures/pdf-items/, made by
// scripts/make-pdf-fixtures.ts) plus a few hand-made ones.
import { describe, expect, it } from 'vitest';
import { layoutPage, type LaidLine, type TextItem } from '../../src/extract/layout.ts';
import { findFurniture, furnitureKey } from '../../src/extract/pdf-furniture.ts';
import { tableTexts } from '../../src/extract/pdf-tables.ts';
import { normalizeChars } from '../../src/normalize/characters.ts';
import { itemPages } from './support.ts';

const texts = (lines: LaidLine[]) => lines.map((l) => l.text);

/** Lines of every page with furniture dropped, as pdf.ts does it. */
function withoutFurniture(name: string): string[][] {
  const pages = itemPages(name);
  const laid = pages.map((p) => layoutPage(p.items));
  const flags = findFurniture(laid.map((lines, i) => ({ lines, height: pages[i]!.height })));
  return laid.map((lines, i) => texts(lines.filter((_, k) => !flags[i]![k])));
}

/** Lines of every page as pdf.ts gives them: furniture dropped, tables joined over page breaks, characters normalised. */
function documentLines(name: string): string[][] {
  const pages = itemPages(name);
  const laid = pages.map((p) => layoutPage(p.items));
  const flags = findFurniture(laid.map((lines, i) => ({ lines, height: pages[i]!.height })));
  return tableTexts(laid, flags).map((texts) => texts.flatMap((t) => (t === null ? [] : [normalizeChars(t)])));
}

/** One item per character run, the way pdfjs splits text at every font change. */
function run(text: string, x: number, y: number, size = 10, advance = size): TextItem {
  return { text, x, y, width: Array.from(text).length * advance, size };
}

describe('joining items on a baseline', () => {
  const lines = texts(layoutPage(itemPages('cjk-latin')[0]!.items));

  it('joins the pieces pdfjs splits a Japanese line into, with no space between CJK characters', () => {
    // pdfjs gives 「本書において「利用」「者」「」と」「記載」… as separate items.
    expect(lines).toContain('本書において「利用者」と記載しているものは、①「契約利用者」②「一般利用者」の両方を');
    expect(lines).toContain('ュリティ方針並びにクラウドサービス情報セキュリティ方針に従いサービスを運用しています。');
  });

  it('keeps the space a Latin word has before and after it', () => {
    expect(lines).toContain('以下に ISO/IEC 27017:2015 (JIS Q27017:2016)が求める要求事項に対する管理');
    expect(lines).toContain('JAFTAS における責任分界点は下図のとおりです。');
    expect(lines).toContain('4. ISO/IEC 27017:2015 (JIS Q 27017:2016) への対応');
  });

  it('puts a heading that wrapped back on one line, but not the body line after it', () => {
    expect(lines).toContain('CLD.6.3.1 クラウドコンピューティング環境における役割および責任の共有および分担');
    expect(lines).not.toContain('分担');
    const i = lines.indexOf('CLD.6.3.1 クラウドコンピューティング環境における役割および責任の共有および分担');
    expect(lines[i + 1]).toBe('情報セキュリティの役割および責任について利用規約に定め、サービスを提供しています。');
  });

  it('reads lines top to bottom, one per baseline', () => {
    const ys = layoutPage(itemPages('cjk-latin')[0]!.items).map((l) => l.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(lines.indexOf('5.1.1 情報セキュリティのための方針群')).toBeLessThan(lines.indexOf('6.1.1 情報セキュリティの役割および責任'));
  });

  it('spaces Latin words by the gap between items and never CJK ones', () => {
    // Gaps of 0.3 em around the Latin words, none between を and 発行.
    const items = [run('利用者', 50, 100), run('ID', 83, 100, 10, 6), run('を', 98, 100), run('発行', 108, 100), run('TLS', 131, 100, 10, 6), run('1.2', 152, 100, 10, 5)];
    expect(texts(layoutPage(items))).toEqual(['利用者 ID を発行 TLS 1.2']);
    // Touching items: no space at all, whatever the script.
    expect(texts(layoutPage([run('ISO/', 50, 100, 10, 6), run('IEC', 74, 100, 10, 6), run('規格', 92, 100)]))).toEqual(['ISO/IEC規格']);
  });

  it('drops the second copy of text drawn twice for fake bold', () => {
    const items = [run('情報資産', 50, 100), run('情報資産', 50.3, 100), run('の管理', 90, 100)];
    expect(texts(layoutPage(items))).toEqual(['情報資産の管理']);
  });

  it('removes the spaces pdfjs writes into letter-spaced (justified) Japanese, not real ones', () => {
    const spaced = [run('を ご 覧 く だ さ い。', 50, 100)];
    expect(texts(layoutPage(spaced))).toEqual(['をご覧ください。']);
    const real = [run('お客様環境（PC 等） お客様の管理範囲', 50, 100)];
    expect(texts(layoutPage(real))).toEqual(['お客様環境（PC 等） お客様の管理範囲']);
  });

  it('keeps items written with a slight baseline shift on their line', () => {
    const items = [run('注', 50, 100), run('1', 60, 96.5, 6, 4), run('を参照', 64, 100)];
    expect(texts(layoutPage(items))).toEqual(['注1を参照']);
  });
});

describe('tables', () => {
  it('writes a row per line with its cells in order, separated by TAB', () => {
    const lines = texts(layoutPage(itemPages('toc-table')[0]!.items));
    expect(lines).toContain('12.4.1\tイベントログ取得\t8');
    expect(lines).toContain('18.1.5\t暗号化機能に対する規制\t10');
  });

  it('folds a cell that wrapped onto more lines back into its row', () => {
    const lines = texts(layoutPage(itemPages('toc-table')[0]!.items));
    // 「CLD.9.5.1 仮想コンピューティング環境におけ | 7」 + 「る分離」 on the next line.
    expect(lines).toContain('CLD.9.5.1 仮想コンピューティング環境における分離\t7');
    expect(lines).toContain('CLD.13.1.4\t仮想および物理ネットワークのセキュリティ管理の整合\t9');
    expect(lines).not.toContain('る分離');
    const revisions = texts(layoutPage(itemPages('revision-table')[0]!.items));
    expect(revisions).toEqual(
      expect.arrayContaining([
        '版数\t日付\t更新内容',
        '第 1.0 版\t2022/6/1\t初版公開',
        '第 1.1 版\t2023/7/1\t18.2.1 ISO/IEC 27017 認証取得による表記変更',
        '第 1.2 版\t2024/6/17\t5.1.1 情報セキュリティ基本方針の記載 URL 変更',
        '第 1.3 版\t2025/2/3\t12.3.1 バックアップに関する追記',
      ]),
    );
  });

  it('splits a cell whose text runs almost into the next column when the column lines up', () => {
    // 「…の使用」 ends 13 pt before the page-number column; other rows have a clear gap there.
    const lines = texts(layoutPage(itemPages('toc-table')[0]!.items));
    expect(lines).toContain('9.4.4 特権的なユーティリティプログラムの使用\t7');
  });

  it('gives a row whose first cell is merged from the row above its empty cell back', () => {
    const rows = [
      [run('版', 60, 100), run('日付', 160, 100), run('内容', 300, 100)],
      [run('第1版', 60, 123), run('2023/6/1', 160, 123, 10, 5), run('初版', 300, 123)],
      [run('2023/9/1', 160, 146, 10, 5), run('誤記修正', 300, 146)],
    ].flat();
    expect(texts(layoutPage(rows))).toEqual(['版\t日付\t内容', '第1版\t2023/6/1\t初版', '\t2023/9/1\t誤記修正']);
  });

  it('splits two numbers in a table row half an em apart: an id and a short 27001:2022 number in narrow columns', () => {
    // As a browser prints a table with 3 px cell padding at 9 pt: 「A.12.1.3」 and 「8.6」 5 pt apart.
    const rows = [
      [run('A.12.1.3', 36.7, 284, 9, 4.45), run('8.6', 77.5, 284, 9, 4.6), run('容量・能力の管理', 105.5, 284, 9), run('○', 235.6, 284, 9)],
      [run('A.12.4.1', 36.7, 307, 9, 4.45), run('8.15', 77.5, 307, 9, 4.85), run('イベントログ取得', 105.5, 307, 9), run('○', 235.6, 307, 9)],
    ].flat();
    expect(texts(layoutPage(rows))).toEqual(['A.12.1.3\t8.6\t容量・能力の管理\t○', 'A.12.4.1\t8.15\tイベントログ取得\t○']);
  });

  it('keeps two numbers a word space apart in one cell', () => {
    const items = [run('ISO/IEC', 50, 100, 10, 6), run('27017', 94.5, 100, 10, 6), run('2015', 127, 100, 10, 6), run('管理策', 200, 100), run('対応', 300, 100)];
    expect(texts(layoutPage(items))[0]).toMatch(/^ISO\/IEC 27017 2015/);
  });

  it('does not split justified text at a wide word space that lines up with nothing', () => {
    const items = [run('ISO/IEC', 50, 100, 10, 6), run('27017', 100, 100, 10, 6), run('に準拠します。', 140, 100)];
    expect(texts(layoutPage(items))).toEqual(['ISO/IEC 27017 に準拠します。']);
  });
});

describe('tables read by position', () => {
  const page = (name: string, n = 0) => layoutPage(itemPages(name)[n]!.items).map((l) => normalizeChars(l.text));

  it('reads a grid whose narrow cells wrap every few characters as one line per row, cells joined again', () => {
    // ReportLab, every column one width: 「顧客が登録し」「た資産データ、」「添付ファイル」… in one cell.
    expect(page('narrow-grid')).toContain('6\t8 資産の管理\t8.1.1\t資産目録\t顧客が登録した資産データ、添付ファイル及び監査ログを顧客データとして資産台帳に登録している。');
    expect(page('narrow-grid').some((l) => l.startsWith('\t\t\t\t'))).toBe(false);
  });

  it('keeps an empty cell where a category is merged down, so every cell stays in its column', () => {
    expect(page('narrow-grid')).toContain('8\t\t8.2.2\t情報のラベル付け\t資産データには、顧客が任意のラベル(部署、機密区分等)を設定できる。');
    // Chromium, the category cell merged down by rowspan.
    expect(page('rowspan-table')).toContain(
      '4\t\tCLD.6.3.1\tクラウドコンピューティング環境における役割及び責任の共有及び分担\t当社はアプリケーション及びIBM Cloud上の基盤の運用に責任を負い、顧客は利用者アカウント、資産データの内容及び外部連携の設定に責任を負う。\t利用規約第5条',
    );
  });

  it('breaks a cell\'s text after a sentence and before a list item, joins it elsewhere', () => {
    expect(page('narrow-grid')).toContain(
      '10\t\t9.2.3\t特権的アクセス権の管理\t現時点で多要素認証には対応していない。\n管理者権限は、顧客ごとに必要最小限の利用者に付与することを推奨する。\t2025年度に対応予定',
    );
    expect(page('rowspan-table')).toContain(
      '3\t\t6.1.3\t関係当局との連絡\t顧客データはIBM Cloudの東京リージョン(jp-tok)に保存し、バックアップは大阪リージョン(jp-osa)に保存する。\n通知メールの配信には米国の電子メール配信事業者を利用しており、宛先メールアドレス及び件名は米国のサーバで処理される。\t本社所在地:米国オレゴン州',
    );
  });

  it('reads a key/value table above the main table as a table of its own', () => {
    const lines = page('rowspan-table');
    expect(lines).toContain('対象サービス\tBrindlecove Asset Tracker');
    expect(lines).toContain('No.\t分類\t管理策番号\t管理策\t当社の実施内容\t備考');
  });

  it('does not take the ideographic space after numbers of one width for a column', () => {
    const lines = page('toc-ideographic');
    expect(lines).toContain('5.1 情報セキュリティのための方針群[ISO/IEC 27017:5.1.1] 3');
    expect(lines).toContain('8.3 情報へのアクセス制限[ISO/IEC 27017:9.4.1] 12');
    expect(lines.filter((l) => l.includes('\t'))).toEqual([]);
  });

  it('sets the rows of a table that goes on over a page break in the columns of both pages', () => {
    // The category column is empty all through the second page: its cells come back from the first.
    const [first, second] = documentLines('narrow-grid');
    expect(first).toContain('9\t9 アクセス制御\t9.2.1\t利用者登録及び登録削除\t利用者の登録・削除は、顧客の管理者が管理画面又はCSVインポートで行う。');
    expect(second).toEqual([
      '11\t\t9.2.4\t利用者の秘密認証情報の管理\tパスワードは12文字以上とし、ハッシュ化して保存している。',
      '12\t\t9.4.1\t情報へのアクセス制限\t管理画面へのアクセスは、IPアドレス制限機能により、顧客が許可したネットワークからに限定できる。\n資産データの閲覧範囲は拠点単位で設定できる。',
      '13\t\t9.4.4\t特権的なユーティリティプログラムの使用\t顧客に対して特権的なユーティリティプログラムは提供していない。',
      '14\t\tCLD.9.5.1\t仮想コンピューティング環境における分離\t顧客ごとに独立したデータベースを割り当て、アプリケーション層でもテナントIDによるアクセス制御を行っている。',
      '15\t\tCLD.9.5.2\t仮想マシンの要塞化\t仮想サーバはCISベンチマークに基づいて構成し、セキュリティグループで必要な通信のみを許可している。',
    ]);
  });

  it('keeps a heading number set apart from its title by a tab stop on the title\'s line, but not a number in a table', () => {
    const heading = [run('本文の行です。', 50, 80), run('5.1.1', 50, 110, 10, 5), run('情報セキュリティのための方針群', 110, 110), run('本文の行です。', 50, 140)];
    expect(texts(layoutPage(heading))).toEqual(['本文の行です。', '5.1.1 情報セキュリティのための方針群', '本文の行です。']);
    const table = [run('1', 50, 110, 10, 5), run('方針群', 110, 110), run('2', 50, 133, 10, 5), run('組織', 110, 133)];
    expect(texts(layoutPage(table))).toEqual(['1\t方針群', '2\t組織']);
  });

  it('lines hand-made cells up by their gaps, whatever their alignment', () => {
    // A responsibility matrix: marks centred in their columns, empty cells between.
    const rows = [
      [run('区分', 60, 100), run('お客様', 200, 100), run('当社', 300, 100), run('基盤', 400, 100)],
      [run('利用者アカウント', 60, 123), run('●', 215, 123)],
      [run('アプリケーション', 60, 146), run('●', 310, 146)],
      [run('物理設備', 60, 169), run('●', 410, 169)],
    ].flat();
    expect(texts(layoutPage(rows))).toEqual(['区分\tお客様\t当社\t基盤', '利用者アカウント\t●', 'アプリケーション\t\t●', '物理設備\t\t\t●']);
  });
});

describe('two columns', () => {
  const lines = texts(layoutPage(itemPages('two-columns')[0]!.items));

  it('reads the left column to its end before the right column', () => {
    const leftLast = lines.indexOf('ISO/IEC 27017:2015 A.8.1.1 (ISO/IEC 27001:2022 管理策 5.9)');
    const rightFirst = lines.indexOf('当社は、クラウドサービスデータ及び保存先を資産目録に特');
    expect(leftLast).toBeGreaterThan(0);
    expect(rightFirst).toBe(leftLast + 1);
    expect(lines.indexOf('5. クラウドサービスカスタマの資産の除去')).toBeGreaterThan(rightFirst);
  });

  it('never joins a left-column line with the right-column line on the same baseline', () => {
    expect(lines.some((l) => l.includes('要求事項の実現のために') && l.includes('仮想'))).toBe(false);
    expect(lines).toContain('要求事項の実現のために、当社がクラウドサービスプロバイ');
  });

  it('still rebuilds the table inside the left column', () => {
    expect(lines).toContain('電子認証センター\t日本国内');
    expect(lines).toContain('Amazon Web Services\tアジアパシフィック（東京）リージョン');
  });
});

describe('page furniture', () => {
  it('drops a running header and an "n / m" footer repeated on every page', () => {
    const pages = withoutFurniture('running-furniture');
    for (const page of pages) {
      expect(page.some((l) => l.includes('ISO/IEC 27017 ホワイトペーパー') && l.includes('サイバートラスト株式会社\t'))).toBe(false);
      expect(page.some((l) => /^\d+ \/ \d+$/.test(l))).toBe(false);
    }
    // The cover title, which repeats the header's words elsewhere on page 1, stays.
    expect(pages[0]).toContain('クラウドセキュリティホワイトペーパー');
    expect(pages[0]).toContain('サイバートラスト株式会社');
  });

  it('drops "- n -" page numbers and keeps numbers that are body text in mid-page', () => {
    const pages = withoutFurniture('numbers');
    expect(pages).toEqual([
      ['12.3.1 情報のバックアップ', 'バックアップは日次で取得し、35 世代保持します。', '保持世代数', '35', 'これは本文です。'],
      ['12.4.1 イベントログ取得', 'ログは 1 年間保存します。', '2024', '本文の続きです。'],
      ['12.4.4 クロックの同期', 'NTP サーバーと同期しています。', '第 3 版', '以上'],
    ]);
  });

  it('drops a page number at the page edge even on a single page, but not one mid-page', () => {
    const page = (lines: [string, number][]) => lines.map(([text, y]) => ({ text, x: 50, right: 100, y, size: 10 }));
    const single = findFurniture([{ lines: page([['本文', 100], ['42', 420], ['- 7 -', 820]]), height: 842 }]);
    expect(single).toEqual([[false, false, true]]);
    const slash = findFurniture([{ lines: page([['3 / 18', 30], ['本文', 100], ['3 / 18', 420]]), height: 842 }]);
    expect(slash).toEqual([[true, false, false]]);
  });

  it('drops bare page numbers at the same place on several pages, never a repeated line mid-page', () => {
    const page = (n: number): LaidLine[] => [
      { text: `本文 ${n}`, x: 50, right: 300, y: 200, size: 10 },
      { text: String(10 * n), x: 50, right: 70, y: 400, size: 10 },
      { text: String(n), x: 290, right: 300, y: 810, size: 9 },
    ];
    const flags = findFurniture([1, 2, 3, 4].map((n) => ({ lines: page(n), height: 842 })));
    // 「本文 n」 repeats at the top of every page too, but below the header margin: body.
    expect(flags).toEqual([1, 2, 3, 4].map(() => [false, false, true]));
  });

  it('compares headers with their digits ignored', () => {
    expect(furnitureKey('第 3 章　クラウド 2024')).toBe(furnitureKey('第12章 クラウド 2025'));
    expect(furnitureKey('3 / 18')).toBe('#/#');
  });
});
