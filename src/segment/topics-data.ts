// The topics vendors name in headings, help-centre articles, FAQ questions and table rows instead of
// a control (「データの保管場所」「責任共有モデル」「バックアップの保持期間は？」), and the control whose
// ISO/IEC 27017 guidance for cloud service providers is about that topic. A rule holds groups of
// words; a text is about the rule's control when it holds a word of every group.
//
// The controls are those ISO/IEC 27017 gives cloud-specific guidance for; the words are the ones that
// guidance is about (JIS Q 27017:2016), in the wordings whitepapers and help centres use.

export interface TopicRule {
  control: string;
  /** Every group must be present: a word of each, as a substring of the compacted text. */
  groups: readonly (readonly string[])[];
}

const DATA = ['データ', '情報', '資産', 'コンテンツ', 'ファイル'];
const INCIDENT = ['セキュリティインシデント', 'インシデント', 'セキュリティ事象', '情報漏えい', '情報漏洩', '事故'];

export const TOPICS: readonly TopicRule[] = [
  // 6.1.3: the provider tells the customer where it is and in which countries customer data may be stored.
  { control: '6.1.3', groups: [[...DATA, 'サーバ', 'システム'], ['保管場所', '保存場所', '保管先', '保存先', '所在地', '所在', '設置場所', '保管地', '保存地', 'ロケーション', 'どこ', '保管国', '保存国', 'どの国', '国内', '国外', '海外']] },
  { control: '6.1.3', groups: [['データセンター', 'データセンタ'], ['所在地', '所在', '場所', '立地', '拠点', 'どこ', '国', '地域', 'ロケーション']] },
  { control: '6.1.3', groups: [['リージョン', '関係当局', 'data location', 'data residency']] },
  // CLD.6.3.1: shared roles and responsibilities.
  { control: 'CLD.6.3.1', groups: [['責任分界', '責任共有', '責任分担', '責任範囲', '責任の分界', '責任の範囲', '共有責任', '役割分担', '責任の所在', 'お客様の責任', '利用者の責任', 'カスタマの責任', 'shared responsibility']] },
  // 6.1.1: information security roles.
  { control: '6.1.1', groups: [['セキュリティ体制', '推進体制', '管理体制', '組織体制', 'セキュリティ責任者', '役割及び責任', '役割と責任']] },
  // CLD.8.1.5: return and removal of customer assets when the agreement ends.
  { control: 'CLD.8.1.5', groups: [DATA, ['削除', '消去', '返却', '返還', '廃棄', '抹消', '破棄']] },
  { control: 'CLD.8.1.5', groups: [['契約終了', '契約の終了', '解約', '退会', '利用終了', 'サービス終了', '契約満了', '終了時', '終了後'], [...DATA, 'アカウント', '削除', '消去', '返却', 'エクスポート', '取扱', '取り扱']] },
  // 12.3.1: backup capability.
  { control: '12.3.1', groups: [['バックアップ', 'backup', 'リストア', 'スナップショット']] },
  { control: '12.3.1', groups: [DATA, ['復旧', '復元']] },
  // 10.1.1 and 10.1.2: where cryptography protects information; key management.
  { control: '10.1.1', groups: [['暗号', 'encryption', 'TLS', 'SSL', 'HTTPS']] },
  { control: '10.1.2', groups: [['鍵管理', '鍵の管理', '暗号鍵', 'キー管理', 'key management']] },
  { control: '18.1.5', groups: [['暗号'], ['規制', '輸出']] },
  // 12.4: logging, protection of logs, administrators' logs, clocks.
  { control: '12.4.1', groups: [['ログ', 'log', '監査証跡']] },
  { control: '12.4.2', groups: [['ログ'], ['保護', '改ざん', '改竄']] },
  { control: '12.4.3', groups: [['管理者', '実務管理者', '運用担当者', 'オペレータ'], ['操作ログ', '作業ログ', '操作記録', '作業記録']] },
  { control: '12.4.4', groups: [['時刻', 'クロック', '時計', 'NTP', 'clock']] },
  { control: 'CLD.12.4.5', groups: [['監視', 'モニタリング', 'monitoring'], ['サービス', '稼働', '状況', '性能']] },
  { control: 'CLD.12.4.5', groups: [['稼働監視', '死活監視', 'サービス監視']] },
  // 12.6.1: technical vulnerabilities.
  { control: '12.6.1', groups: [['脆弱性', 'ぜい弱性', 'vulnerab', 'ペネトレーション', '侵入テスト', 'パッチ']] },
  // 16.1.2 and 16.1.1: reporting events both ways; responsibilities and procedures.
  { control: '16.1.2', groups: [INCIDENT, ['連絡', '報告', '通知', 'お知らせ', '発生時', '発生した場合', '窓口']] },
  { control: '16.1.1', groups: [INCIDENT, ['対応', '管理', '手順', '体制']] },
  { control: '16.1.1', groups: [['セキュリティインシデント']] },
  { control: '16.1.7', groups: [['証拠', '開示請求', '開示要求', '法執行', '捜査機関', '令状', 'フォレンジック']] },
  // CLD.9.5.1, CLD.9.5.2, CLD.13.1.4, 13.1.3, 12.1.4: segregation and hardening.
  { control: 'CLD.9.5.1', groups: [['分離', '隔離'], ['仮想', 'テナント', '環境', 'お客様', '顧客', '利用者', 'データ', '他社', '他の', '他団体', '他組織', '他契約者']] },
  { control: 'CLD.9.5.1', groups: [['マルチテナント', 'テナント分離', 'テナント間']] },
  { control: 'CLD.9.5.2', groups: [['要塞化', 'ハードニング', '堅牢化', 'hardening']] },
  { control: 'CLD.13.1.4', groups: [['仮想ネットワーク', '物理ネットワーク'], ['整合', '管理', 'セキュリティ']] },
  { control: '13.1.3', groups: [['ネットワーク'], ['分離', '分割', 'セグメント']] },
  { control: '12.1.4', groups: [['本番環境', '開発環境', '検証環境', 'テスト環境', '試験環境'], ['分離', '分割']] },
  // CLD.12.1.5: procedures for administrators' critical operations.
  { control: 'CLD.12.1.5', groups: [['管理者', '実務管理者'], ['操作', '運用']] },
  { control: 'CLD.12.1.5', groups: [['重要な操作', '重要操作', '危険な操作', '元に戻せない操作', '取り消せない操作']] },
  // 9: access control.
  { control: '9.4.1', groups: [['アクセス制限', 'IPアドレス', 'IP制限', '接続元', 'アクセス元', '送信元']] },
  { control: '9.2.3', groups: [['多要素認証', '二要素認証', '2要素認証', '二段階認証', '2段階認証', 'MFA', '2FA', 'ワンタイムパスワード', '特権', '管理者権限']] },
  { control: '9.4.2', groups: [['ログオン', 'ログイン', 'サインイン', 'シングルサインオン', 'SSO'], ['手順', '認証', '方法']] },
  { control: '9.4.2', groups: [['シングルサインオン', 'SAML']] },
  { control: '9.2.1', groups: [['利用者', 'ユーザー', 'ユーザ', 'アカウント'], ['登録', '追加', '作成', '発行', '削除', '管理']] },
  { control: '9.2.2', groups: [['アクセス権', '権限', 'ロール'], ['付与', '設定', '管理', '提供']] },
  { control: '9.2.4', groups: [['パスワード', '認証情報', 'パスフレーズ']] },
  { control: '9.4.4', groups: [['ユーティリティ']] },
  { control: '9.1.2', groups: [['ネットワークへのアクセス', 'ネットワーク接続', '閉域網', 'VPN接続']] },
  // 5–8: policies, organisation, people, assets.
  { control: '5.1.1', groups: [['セキュリティ方針', '基本方針', 'ポリシー', '方針']] },
  { control: '7.2.2', groups: [['教育', '研修', '訓練', 'トレーニング', '意識向上', '啓発']] },
  { control: '8.1.1', groups: [['資産目録', '資産管理', '資産台帳', '情報資産']] },
  { control: '8.2.2', groups: [['ラベル']] },
  { control: '11.2.7', groups: [['装置', '機器', '媒体', 'ディスク', 'ハードウェア'], ['廃棄', '処分', '再利用', '破壊', '消去']] },
  // 12.1–12.2: operations.
  { control: '12.1.2', groups: [['変更管理', 'メンテナンス', '仕様変更', '機能変更', '計画停止', 'バージョンアップ']] },
  { control: '12.1.3', groups: [['容量', 'キャパシティ', 'リソース', '性能', 'スケーリング']] },
  { control: '12.2.1', groups: [['マルウェア', 'ウイルス', '不正プログラム', 'malware']] },
  // 14, 15, 17, 18.
  { control: '14.1.1', groups: [['セキュリティ要件', 'セキュリティ要求', '要求事項']] },
  { control: '14.2.1', groups: [['開発'], ['方針', 'セキュア', '安全', 'セキュリティ']] },
  { control: '14.2.1', groups: [['セキュア開発', 'セキュアコーディング', '安全な開発']] },
  { control: '15.1.3', groups: [['サプライチェーン', 'サブプロセッサ', '委託先', '再委託', '外部委託', '供給者', 'サードパーティ']] },
  { control: '17.1.1', groups: [['事業継続', 'BCP', '災害対策']] },
  { control: '17.2.1', groups: [['冗長', '可用性']] },
  { control: '18.1.1', groups: [['準拠法', '適用法令', '法令', '法規制', '管轄']] },
  { control: '18.1.2', groups: [['知的財産', '著作権']] },
  { control: '18.1.3', groups: [['記録の保護', '記録管理']] },
  { control: '18.1.4', groups: [['個人情報', 'プライバシー', '個人データ']] },
  { control: '18.2.1', groups: [['認証', '審査'], ['取得', '第三者', '外部', '認証機関']] },
  { control: '18.2.1', groups: [['第三者認証', '認証取得', '取得認証', '外部監査', '内部監査', '独立したレビュー', '第三者評価', '監査報告', 'ISMS認証', '認証の取得', '認証状況', 'SOC']] },
];

/**
 * Topics that are no control: a heading about them is not a section, whatever else it mentions
 * (「推奨環境」 mentions TLS, 「稼働率・SLA」 mentions monitoring).
 */
export const NO_CONTROL: readonly string[] = [
  '推奨環境', '動作環境', '利用環境', '推奨ブラウザ', '対応ブラウザ', '料金', '価格', 'プラン', '稼働率', 'SLA',
  'お問い合わせ', '問い合わせ', 'よくあるご質問', 'よくある質問', 'FAQ', '会社概要', '用語', '改訂履歴', '目次',
];
