// What one line holds, taken alone: real lines from the corpus (file in the comment), the dev set and
// the shapes other vendors print. Whether a line opens a section is decided in context (sections.ts)
// and covered by the fixtures in test/fixtures/segment/.
import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../src/normalize/characters.ts';
import { parseLine, type Parsed } from '../../src/segment/grammar.ts';

const CASES: [string, Partial<Parsed>][] = [
  // Plain 「id title」 headings (000, 004), Markdown with the 27001:2022 mapping (002), CLD without its dot.
  ['5.1.1 情報セキュリティのための方針群 ', { id: '5.1.1', idAt: 'start', title: '情報セキュリティのための方針群', level: null }],
  ['#### 5.1.1 情報セキュリティのための方針群（新規格 5.1）', { id: '5.1.1', title: '情報セキュリティのための方針群', level: 4, mapping2022: '5.1' }],
  ['#### CLD6.3.1 クラウドコンピューティング環境における役割及び責任の共有及び分担', { id: 'CLD.6.3.1', level: 4, mapping2022: null }],
  // The id on a line of its own under a numbered heading (001), spaced digits, the mapping in brackets.
  ['ISO/IEC 27017:2015 A. 6. 1. 3（ISO/IEC 27001:2022 管理策 5. 5）', { id: '6.1.3', idAt: 'start', title: '', mapping2022: '5.5' }],
  ['ISO/IEC 27017:2015 CLD.8.1.5', { id: 'CLD.8.1.5', title: '' }],
  ['1. クラウドサービスプロバイダの地理的所在地（関係当局との連絡）', { id: null, number: '1', shape: 'num:n' }],
  // dev01: a label and a colon; dev02: full-width digits in 【】, CLD too; dev03: a mark and 「A.」.
  ['管理策 12.3.1：情報のバックアップ', { id: '12.3.1', idAt: 'start', title: '情報のバックアップ' }],
  ['【１２．３．１】情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ', shape: 'bracket:【' }],
  ['【ＣＬＤ．９．５．１】仮想コンピューティング環境における分離', { id: 'CLD.9.5.1', title: '仮想コンピューティング環境における分離' }],
  ['■ A.12.3.1 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ', shape: 'mark:■' }],
  // dev04: the id in brackets; dev05: 第…項 and …項; dev06: the standard before the id.
  ['(12.3.1) 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ', shape: 'bracket:(' }],
  ['第9.2.1項　利用者登録及び登録削除', { id: '9.2.1', title: '利用者登録及び登録削除' }],
  ['CLD.9.5.1項　仮想コンピューティング環境における分離', { id: 'CLD.9.5.1', title: '仮想コンピューティング環境における分離' }],
  ['#### ISO/IEC 27017 A.5.1.1 情報セキュリティのための方針群', { id: '5.1.1', level: 4, title: '情報セキュリティのための方針群' }],
  // dev07: bilingual; other hands: a slash between the languages.
  ['12.3.1 Information backup（情報のバックアップ）', { id: '12.3.1', title: 'Information backup(情報のバックアップ)' }],
  ['A.12.3.1 Information backup / 情報のバックアップ', { id: '12.3.1', title: 'Information backup / 情報のバックアップ' }],
  // dev08: 27001:2022 numbering first, the 27017 id in brackets; no 27017 control; the cloud controls introduced.
  ['8.13　情報のバックアップ［ISO/IEC 27017：12.3.1］', { id: '12.3.1', idAt: 'end', number: '8.13', title: '情報のバックアップ' }],
  ['8.13 情報のバックアップ（12.3.1）', { id: '12.3.1', idAt: 'end', number: '8.13' }],
  ['### 5.23 クラウドサービスの利用における情報セキュリティ（CLD.6.3.1）', { id: 'CLD.6.3.1', idAt: 'end', number: '5.23', level: 3 }],
  ['8.13 情報のバックアップ（対応する27017管理策：12.3.1）', { id: '12.3.1', idAt: 'end', number: '8.13' }],
  ['5.7　脅威インテリジェンス［27017 該当なし］', { id: null, notApplicable: true, number: '5.7', title: '脅威インテリジェンス' }],
  ['5.7 脅威インテリジェンス（対応する27017管理策なし）', { id: null, notApplicable: true }],
  ['5.23　クラウドサービスの利用における情報セキュリティ［ISO/IEC 27017：CLD管理策］', { id: null, introducesCloudControls: true, number: '5.23' }],
  ['（1）クラウドコンピューティング環境における役割及び責任の共有及び分担', { id: null, number: '1', shape: 'num:(n)', title: 'クラウドコンピューティング環境における役割及び責任の共有及び分担' }],
  // 27001:2022 numbers printed 「A.5.9」 or 「［5.9］」: the document's own number, whatever the title says.
  ['A.5.9　情報及びその他の関連資産の目録（27017：8.1.1）', { id: '8.1.1', idAt: 'end', number: '5.9', shape: 'num:A.n.n', title: '情報及びその他の関連資産の目録' }],
  ['［8.13］情報のバックアップ（ISO/IEC 27017 A.12.3.1）', { id: '12.3.1', idAt: 'end', number: '8.13', shape: 'num:[n.n]' }],
  ['A.5.23 クラウドサービスの利用における情報セキュリティ（27017：クラウドサービス拡張管理策）', { id: null, introducesCloudControls: true, number: '5.23' }],
  ['［5.7］脅威インテリジェンス（ISO/IEC 27017 対応管理策なし）', { id: null, notApplicable: true, number: '5.7' }],
  // A lettered item before the id (the cloud controls listed under 5.23).
  ['（b）CLD.8.1.5 クラウドサービスカスタマの資産の除去', { id: 'CLD.8.1.5', idAt: 'start', title: 'クラウドサービスカスタマの資産の除去' }],
  // Other hands: other marks, the title inside the brackets, 条, a dash, an id after the title, a dot after the id.
  ['◆ A.12.3.1 情報のバックアップ', { id: '12.3.1', shape: 'mark:◆' }],
  ['【12.3.1 情報のバックアップ】', { id: '12.3.1', title: '情報のバックアップ' }],
  ['第12.3.1条 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['管理策番号 12.3.1 － 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['12.3.1. 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['【管理策 12.3.1】情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['〔12.3.1〕情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['▼12.3.1 情報のバックアップ', { id: '12.3.1', shape: 'mark:▼' }],
  ['No.12.3.1 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  // Other labels vendors print before the id.
  ['項番 12.3.1 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['管理項目 12.3.1 情報のバックアップ', { id: '12.3.1', title: '情報のバックアップ' }],
  ['項目番号：CLD.9.5.1 仮想コンピューティング環境における分離', { id: 'CLD.9.5.1', title: '仮想コンピューティング環境における分離' }],
  ['Control No. 12.3.1 Information backup', { id: '12.3.1', title: 'Information backup' }],
  ['■情報のバックアップ（A.12.3.1）', { id: '12.3.1', idAt: 'end', number: null, title: '情報のバックアップ' }],
  // Not ids of a heading: a reference in brackets, a cross reference, a revision row, list items (000).
  ['バックアップの取得（12.3.1参照）', { id: null }],
  ['第12.3.1項に記載のとおり', { id: '12.3.1', title: 'に記載のとおり' }],
  ['2023/04/03　第2版　【９．２．３】【１２．４．１】の記載を変更', { id: null }],
  ['本サービスの責任分界点に関しては「6.1.1 情報セキュリティの役割および責任」をご参照', { id: null }],
  ['・ バックアップ機能（12.3.1 情報のバックアップ）', { id: null, bullet: true }],
  ['・情報のバックアップ', { bullet: true, title: '情報のバックアップ' }],
  // Tables of contents: leaders and a page (dev01), a tab before the page (003, 004).
  ['　管理策 5.1.1：情報セキュリティのための方針群 ………… 4', { id: '5.1.1', toc: true, title: '情報セキュリティのための方針群' }],
  ['5.1.1 情報セキュリティのための方針群 .....\t9', { id: '5.1.1', toc: true }],
  ['12.4.1\tイベントログ取得\t8', { id: '12.4.1', toc: true }],
  // Chapters (dev05, dev07) and headings of the document's own (002).
  ['第９章　アクセス制御', { chapter: true, id: null }],
  ['第9章 アクセス制御（Chapter 9 Access control）', { chapter: true }],
  ['## 5. 本サービスにおける責任分界', { level: 2, number: '5', title: '本サービスにおける責任分界' }],
  ['**Q. バックアップの保持期間は？**', { shape: 'bold', id: null }],
];

describe('parseLine', () => {
  it.each(CASES)('%s', (raw, expected) => {
    expect(parseLine(normalizeChars(raw).trim())).toMatchObject(expected);
  });
});
