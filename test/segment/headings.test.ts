// What one line is, taken alone: real lines from the corpus (file and line in the comment) and
// the shapes other vendors print. Context (revision tables, title-only documents) is sections.ts'
// and is covered by the fixtures.
import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../src/normalize/characters.ts';
import { classifyLine, type LineKind } from '../../src/segment/headings.ts';

const CASES: [string, Partial<LineKind> & Record<string, unknown>][] = [
  // Plain 「id title」 headings (000, 004), a leading space (000:183), 「CLD.」 with and without the dot.
  ['5.1.1 情報セキュリティのための方針群 ', { kind: 'control', controlId: '5.1.1', title: '情報セキュリティのための方針群', level: null, iso2022: null }],
  [' 6.1.3 関係当局との連絡 ', { kind: 'control', controlId: '6.1.3', title: '関係当局との連絡' }],
  ['CLD.6.3.1 クラウドコンピューティング環境における役割および責任の共有および分担 ', { kind: 'control', controlId: 'CLD.6.3.1' }],
  ['7.2.2 情報セキュリティの自覚、教育および訓練', { kind: 'control', controlId: '7.2.2', title: '情報セキュリティの自覚、教育および訓練' }],
  ['9.2.2 利用者アクセスの提供(provisioning)', { kind: 'control', controlId: '9.2.2', title: '利用者アクセスの提供(provisioning)' }],
  // Markdown (002, 003), with the 27001:2022 mapping (002).
  ['#### 5.1.1 情報セキュリティのための方針群（新規格 5.1）', { kind: 'control', controlId: '5.1.1', title: '情報セキュリティのための方針群', level: 4, iso2022: '5.1' }],
  ['#### CLD6.3.1 クラウドコンピューティング環境における役割及び責任の共有及び分担', { kind: 'control', controlId: 'CLD.6.3.1', level: 4, iso2022: null }],
  ['## 8.2.2 情報のラベル付け（新規格 5.13）', { kind: 'control', controlId: '8.2.2', level: 2, iso2022: '5.13' }],
  ['## CLD9.5.1 仮想コンピューティング環境における分離', { kind: 'control', controlId: 'CLD.9.5.1', level: 2 }],
  ['### CLD.6.3.1 クラウドコンピューティング環境における役割及び責任の分担', { kind: 'control', controlId: 'CLD.6.3.1', level: 3 }],
  ['#### 12.6.1 技術的ぜい弱性の管理', { kind: 'control', controlId: '12.6.1', level: 4 }],
  // The id on a line of its own, under a numbered heading (001).
  ['ISO/IEC 27017:2015 A. 6. 1. 3（ISO/IEC 27001:2022 管理策 5. 5）', { kind: 'id-line', controlId: '6.1.3', iso2022: '5.5' }],
  ['ISO/IEC 27017:2015 A.7.2.2 (ISO/IEC 27001:2022 管理策 6.3)', { kind: 'id-line', controlId: '7.2.2', iso2022: '6.3' }],
  ['ISO/IEC 27017:2015 CLD.8.1.5', { kind: 'id-line', controlId: 'CLD.8.1.5', iso2022: null }],
  ['1. クラウドサービスプロバイダの地理的所在地（関係当局との連絡）', { kind: 'heading', title: 'クラウドサービスプロバイダの地理的所在地(関係当局との連絡)', numbered: true }],
  // Other vendors: own numbering, 27001:2022 numbering with the 2013 id in brackets.
  ['3.12 情報のバックアップ', { kind: 'heading', title: '情報のバックアップ', numbered: true }],
  ['8.13 情報のバックアップ（12.3.1）', { kind: 'control', controlId: '12.3.1', title: '情報のバックアップ', iso2022: '8.13' }],
  ['### 5.23 クラウドサービスの利用における情報セキュリティ（CLD.6.3.1）', { kind: 'control', controlId: 'CLD.6.3.1', level: 3, iso2022: '5.23' }],
  // Tables of contents: dot leaders and a tab before the page (003), a tab only (004), id and title in cells (004).
  ['5.1.1 情報セキュリティのための方針群 .....\t9', { kind: 'toc' }],
  ['9.2.2 利用者アクセスの提供(provisioning) .....\t10', { kind: 'toc' }],
  ['CLD.12.1.5 実務管理者の運用のセキュリティ .....\t12', { kind: 'toc' }],
  ['5.1.1 情報セキュリティのための方針群\t5', { kind: 'toc' }],
  ['6.1.1 情報セキュリティの役割および責任.....\t5', { kind: 'toc' }],
  ['12.4.1\tイベントログ取得\t8', { kind: 'toc' }],
  ['CLD.12.4.5\tクラウドサービスの監視\t8', { kind: 'toc' }],
  ['2. ISO/IEC 27017:2015 (JIS Q 27017:2016) への対応.....\t8', { kind: 'toc' }],
  ['3.2 各管理策への対応について\t5', { kind: 'toc' }],
  // Cross references and list items inside body text (000).
  ['本サービスの責任分界点に関しては「6.1.1 情報セキュリティの役割および責任」をご参照', { kind: 'text' }],
  ['・ アクセス制限機能（9.4.1 情報へのアクセス制限、CLD.9.5.2 仮想マシンの要塞', { kind: 'text' }],
  ['・ バックアップ機能（12.3.1 情報のバックアップ）', { kind: 'text' }],
  ['ます。バックアップデータは暗号化を行い保管しています。（10.1.1 暗号による管理策', { kind: 'text' }],
  // Revision tables: headings (000, 003, 004) and rows whose cells mention ids (003, 004).
  [' 5. 変更履歴', { kind: 'revisions' }],
  ['## 改訂履歴', { kind: 'revisions' }],
  ['4. 更新履歴', { kind: 'revisions' }],
  ['改訂履歴', { kind: 'revisions' }],
  ['改訂履歴 .....\t18', { kind: 'toc' }],
  ['第 1.1 版\t2023/7/1\t18.2.1 ISO/IEC 27017 認証取得による表記変更', { kind: 'text' }],
  ['第3版\t2018/6/5\t・8.2.2 の更新 ・18.1.5 の更新', { kind: 'text' }],
  ['第 1.0 版 2021/8/1 初版作成 ', { kind: 'text' }],
  // Page furniture (000) and the footer URL repeated at a page break (000:405).
  ['8', { kind: 'furniture' }],
  ['---', { kind: 'furniture' }],
  ['https://aws.amazon.com/jp/blogs/news/data_disposal/', { kind: 'text' }],
  // Chapter headings that are no control (003, 002).
  ['#### 4.1 クラウドサービスを含む情報セキュリティマネジメントシステムの適用範囲の決定【JIS Q 27001 の 4.3】', { kind: 'heading', level: 4 }],
  ['## 5. 本サービスにおける責任分界', { kind: 'heading', level: 2, title: '本サービスにおける責任分界' }],
  ['#### <方法 1:クラウドサービスカスタマの時刻源に合わせる>', { kind: 'heading', level: 4 }],
];

describe('classifyLine', () => {
  it.each(CASES)('%s', (raw, expected) => {
    expect(classifyLine(normalizeChars(raw).trim())).toMatchObject(expected);
  });
});
