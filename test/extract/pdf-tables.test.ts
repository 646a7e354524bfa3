// Tables in PDFs, end to end through extractPdf: one table printed by two producers
// (test/fixtures/pdf-tables/, made by scripts/make-pdf-fixtures.py from the same rows): a
// ReportLab grid with every column one width and its header repeated on each page, and a
// Chromium table with a <thead>, a category merged down by rowspan and a row cut by the page
// break. Both must read as the same rows: one line per row, cells joined by TAB, a line break
// inside a cell as "\n", an empty cell kept, the header once.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../src/extract/pdf.ts';
import { normalizeLines } from '../../src/normalize/lines.ts';
import type { Line } from '../../src/types.ts';
import { fixture } from './support.ts';

const ROWS = [
  '分類\t管理策番号\t管理策\t当社の対応\t備考',
  '組織\t5.1.1\t情報セキュリティのための方針群\t情報セキュリティ基本方針を定め、当社ウェブサイトで公開しています。',
  '\t6.1.1\t情報セキュリティの役割及び責任\t情報セキュリティ委員会を設け、委員長を最高情報セキュリティ責任者としています。\n委員会は四半期ごとに開催します。\t委員会規程',
  '\tCLD.6.3.1\tクラウドコンピューティング環境における役割及び責任の共有及び分担\t当社はアプリケーション及び基盤の運用に責任を負い、お客様は利用者アカウントと登録データの管理に責任を負います。\t利用規約第8条',
  '資産\t8.1.1\t資産目録\tお客様が登録したデータ及び添付ファイルを、お客様データとして資産台帳に記録しています。',
  '\tCLD.8.1.5\tクラウドサービスカスタマの資産の除去\t契約終了後、お客様データは30日間保持した後に削除します。\n保持期間中は管理画面からエクスポートできます。',
  'アクセス制御\t9.2.1\t利用者登録及び登録削除\t利用者の登録・削除は、お客様の管理者が管理画面から行います。',
  '\t9.4.1\t情報へのアクセス制限\t管理画面へのアクセスは、IPアドレス制限機能により、お客様が許可したネットワークからに限定できます。\tオプション',
  '暗号\t10.1.1\t暗号による管理策の利用方針\t通信はTLS 1.2以上で暗号化しています。\n保存データはAES-256で暗号化しています。',
  '運用\t12.1.2\t変更管理\tサービス停止を伴うメンテナンスは、5営業日前までにお知らせします。',
  '\t12.3.1\t情報のバックアップ\tバックアップは次のとおり取得しています。\n・日次:14世代\n・週次:8世代\nバックアップデータは別の地域のデータセンターに保管します。',
  '\t12.4.1\tイベントログ取得\t操作ログは1年間保管し、お客様は管理画面から検索できます。',
  '\t12.4.4\tクロックの同期\tサーバの時刻はNTPで同期しており、ログは日本標準時で記録します。',
  '\t12.6.1\t技術的ぜい弱性の管理\t年1回、外部の専門業者による脆弱性診断を受けています。\n重大な脆弱性は判明から7日以内に修正します。\n修正の状況はお客様向けポータルでお知らせします。\n診断の結果の概要は、秘密保持契約を結んだお客様にご提供します。\n診断の範囲には、ウェブアプリケーション、サーバ及びネットワーク機器を含みます。\n診断の手法は、自動化されたスキャンと専門家による手動の検査を組み合わせたものです。\t診断報告書',
  '通信\t13.1.3\tネットワークの分離\t本番環境と開発環境は、別のネットワークで運用しています。',
  '\tCLD.13.1.4\t仮想及び物理ネットワークのセキュリティ管理の整合\t仮想ネットワークの設定は構成管理ツールで管理し、変更時にはレビューを行います。',
  'インシデント\t16.1.1\t責任及び手順\t重大なインシデントは、判明から24時間以内にお客様の管理者へ連絡します。',
  '\t16.1.2\t情報セキュリティ事象の報告\tお客様はサポート窓口から、セキュリティ事象を24時間報告できます。',
  '順守\t18.1.1\t適用法令及び契約上の要求事項の特定\t利用規約の準拠法は日本法です。',
  '\t18.2.1\t情報セキュリティの独立したレビュー\tISMS認証及びISMSクラウドセキュリティ認証を取得しています。',
];

describe.each([
  // file, pages, the page the 12.6.1 row starts on, the footer left on no page
  ['grid-page-break.pdf', 4, 3, /^\d+ \/ \d+$/],
  ['table-page-break.pdf', 2, 1, /^- \d+ -$/],
] as const)('%s', (file, pages, page1261, footer) => {
  let lines: Line[];
  beforeAll(async () => {
    const extracted = await extractPdf(fixture(`pdf-tables/${file}`));
    expect(extracted.pages).toBe(pages);
    lines = normalizeLines(extracted.lines);
  });

  it('reads every row of the table as one line, in order, its header once', () => {
    expect(lines.filter((l) => l.text.includes('\t')).map((l) => l.text)).toEqual(ROWS);
  });

  it('keeps the text around the table as lines of their own', () => {
    const texts = lines.map((l) => l.text);
    expect(texts[0]).toBe('3. 管理策ごとの対応');
    expect(texts.at(-1)).toBe('以上');
    expect(texts.indexOf(ROWS[0]!)).toBeGreaterThan(texts.findIndex((t) => t.startsWith('記載のない管理策')));
  });

  it('gives each row the page it starts on', () => {
    const row = (id: string) => lines.find((l) => l.text.split('\t')[1] === id)!;
    expect(row('5.1.1').page).toBe(1);
    expect(row('12.6.1').page).toBe(page1261);
    expect(row('18.2.1').page).toBe(pages);
  });

  it('drops the running header and the page numbers, on every page', () => {
    expect(lines.filter((l) => l.text.includes('セキュリティ説明書') || footer.test(l.text))).toEqual([]);
  });
});

// A check sheet printed by Chromium with its cells vertically centred (the browser's default): the
// short cells of a row (No., the control id) sit between the two lines of the cells that wrapped,
// and the header over the answer column is centred, so the gap after the answer's short second line
// runs under it. The table is still one table, each row with its id (check-sheet-centred-cells.html).
describe('a table whose cells are centred in their rows', () => {
  let lines: Line[];
  beforeAll(async () => {
    lines = normalizeLines((await extractPdf(fixture('pdf-tables/check-sheet-centred-cells.chromium.pdf'))).lines);
  });

  it('reads as one table: every row of the body with its number and its control id', () => {
    const rows = lines.filter((l) => /^\d\t/.test(l.text)).map((l) => l.text.split('\t'));
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['1', '6.1.3'],
      ['2', '12.3.1'],
      ['3', 'CLD.8.1.5'],
      ['4', '10.1.1'],
    ]);
    expect(rows[0]!.slice(1, 3)).toEqual(['データの保管場所はどこですか。', '国内のデータセンター(東京・大阪)に保管しています。']);
  });
});
