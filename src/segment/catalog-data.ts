// Seed: the controls the corpus whitepapers address (titles as JIS Q 27017 prints them).
export interface ControlEntry {
  id: string;
  title: string;
  /** Other wordings vendors print for the same title. */
  variants: string[];
  /** ISO/IEC 27001:2022 Annex A controls this one maps to (empty for CLD controls). */
  iso27001_2022: string[];
}

export const CONTROLS: ControlEntry[] = [
  { id: '5.1.1', title: '情報セキュリティのための方針群', variants: [], iso27001_2022: ['5.1'] },
  { id: '6.1.1', title: '情報セキュリティの役割及び責任', variants: [], iso27001_2022: ['5.2'] },
  { id: '6.1.3', title: '関係当局との連絡', variants: [], iso27001_2022: ['5.5'] },
  { id: 'CLD.6.3.1', title: 'クラウドコンピューティング環境における役割及び責任の分担', variants: [], iso27001_2022: [] },
  { id: '7.2.2', title: '情報セキュリティの意識向上、教育及び訓練', variants: ['情報セキュリティの自覚、教育及び訓練'], iso27001_2022: ['6.3'] },
  { id: '8.1.1', title: '資産目録', variants: [], iso27001_2022: ['5.9'] },
  { id: 'CLD.8.1.5', title: 'クラウドサービスカスタマの資産の除去', variants: [], iso27001_2022: [] },
  { id: '8.2.2', title: '情報のラベル付け', variants: [], iso27001_2022: ['5.13'] },
  { id: '9.2.1', title: '利用者登録及び登録削除', variants: [], iso27001_2022: ['5.16'] },
  { id: '9.2.2', title: '利用者アクセスの提供(provisioning)', variants: [], iso27001_2022: ['5.18'] },
  { id: '9.2.3', title: '特権的アクセス権の管理', variants: [], iso27001_2022: ['8.2'] },
  { id: '9.2.4', title: '利用者の秘密認証情報の管理', variants: [], iso27001_2022: ['5.17'] },
  { id: '9.4.1', title: '情報へのアクセス制限', variants: [], iso27001_2022: ['8.3'] },
  { id: '9.4.4', title: '特権的なユーティリティプログラムの使用', variants: [], iso27001_2022: ['8.18'] },
  { id: 'CLD.9.5.1', title: '仮想コンピューティング環境における分離', variants: [], iso27001_2022: [] },
  { id: 'CLD.9.5.2', title: '仮想マシンの要塞化', variants: [], iso27001_2022: [] },
  { id: '10.1.1', title: '暗号による管理策の利用方針', variants: [], iso27001_2022: ['8.24'] },
  { id: '11.2.7', title: '装置のセキュリティを保った処分又は再利用', variants: [], iso27001_2022: ['7.14'] },
  { id: '12.1.2', title: '変更管理', variants: [], iso27001_2022: ['8.32'] },
  { id: '12.1.3', title: '容量・能力の管理', variants: [], iso27001_2022: ['8.6'] },
  { id: 'CLD.12.1.5', title: '実務管理者の運用のセキュリティ', variants: [], iso27001_2022: [] },
  { id: '12.3.1', title: '情報のバックアップ', variants: [], iso27001_2022: ['8.13'] },
  { id: '12.4.1', title: 'イベントログ取得', variants: [], iso27001_2022: ['8.15'] },
  { id: '12.4.4', title: 'クロックの同期', variants: [], iso27001_2022: ['8.17'] },
  { id: 'CLD.12.4.5', title: 'クラウドサービスの監視', variants: [], iso27001_2022: [] },
  { id: '12.6.1', title: '技術的ぜい弱性の管理', variants: [], iso27001_2022: ['8.8'] },
  { id: '13.1.3', title: 'ネットワークの分離', variants: [], iso27001_2022: ['8.22'] },
  { id: 'CLD.13.1.4', title: '仮想及び物理ネットワークのセキュリティ管理の整合', variants: [], iso27001_2022: [] },
  { id: '14.1.1', title: '情報セキュリティ要求事項の分析及び仕様化', variants: [], iso27001_2022: ['5.8'] },
  { id: '14.2.1', title: 'セキュリティに配慮した開発のための方針', variants: [], iso27001_2022: ['8.25'] },
  { id: '15.1.2', title: '供給者との合意におけるセキュリティの取扱い', variants: [], iso27001_2022: ['5.20'] },
  { id: '15.1.3', title: 'ICT サプライチェーン', variants: [], iso27001_2022: ['5.21'] },
  { id: '16.1.1', title: '責任及び手順', variants: [], iso27001_2022: ['5.24'] },
  { id: '16.1.2', title: '情報セキュリティ事象の報告', variants: [], iso27001_2022: ['6.8'] },
  { id: '16.1.7', title: '証拠の収集', variants: [], iso27001_2022: ['5.28'] },
  { id: '18.1.1', title: '適用法令及び契約上の要求事項の特定', variants: [], iso27001_2022: ['5.31'] },
  { id: '18.1.2', title: '知的財産権', variants: [], iso27001_2022: ['5.32'] },
  { id: '18.1.3', title: '記録の保護', variants: [], iso27001_2022: ['5.33'] },
  { id: '18.1.5', title: '暗号化機能に対する規制', variants: [], iso27001_2022: ['8.24'] },
  { id: '18.2.1', title: '情報セキュリティの独立したレビュー', variants: [], iso27001_2022: ['5.35'] },
];
