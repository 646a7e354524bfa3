// The ISO/IEC 27017:2015 control catalog: every control of ISO/IEC 27002:2013 (clauses 5–18,
// 114 controls) plus the seven cloud controls of 27017 Annex A, with the Japanese titles of
// JIS Q 27002:2014 / JIS Q 27017:2016. JIS prints 「，」 as the comma; titles here use 「、」 as
// whitepapers do (titleKey drops both).
//
// `variants` holds wordings whitepapers print instead of the JIS title: older JIS editions
// (JIS Q 27002:2006), 使用/利用, ぜい弱性/脆弱性, 順守/遵守, 取扱い/取り扱い, and the English
// title of ISO/IEC 27002:2013. titleKey already folds 及び/および, spaces, brackets and
// punctuation, so variants differ in words, not in those.
//
// `iso27001_2022` follows ISO/IEC 27002:2022 Annex B (Table B.2, 2013 → 2022).

export interface ControlEntry {
  id: string;
  title: string;
  /** Other wordings vendors print for the same title. */
  variants: string[];
  /** ISO/IEC 27001:2022 Annex A controls this one maps to (empty for CLD controls). */
  iso27001_2022: string[];
}

export const CONTROLS: ControlEntry[] = [
  // 5 情報セキュリティのための方針群
  { id: '5.1.1', title: '情報セキュリティのための方針群', variants: ['Policies for information security'], iso27001_2022: ['5.1'] },
  { id: '5.1.2', title: '情報セキュリティのための方針群のレビュー', variants: ['Review of the policies for information security'], iso27001_2022: ['5.1'] },

  // 6 情報セキュリティのための組織
  { id: '6.1.1', title: '情報セキュリティの役割及び責任', variants: ['Information security roles and responsibilities'], iso27001_2022: ['5.2'] },
  { id: '6.1.2', title: '職務の分離', variants: ['職務の分割', 'Segregation of duties'], iso27001_2022: ['5.3'] },
  { id: '6.1.3', title: '関係当局との連絡', variants: ['Contact with authorities'], iso27001_2022: ['5.5'] },
  { id: '6.1.4', title: '専門組織との連絡', variants: ['Contact with special interest groups'], iso27001_2022: ['5.6'] },
  { id: '6.1.5', title: 'プロジェクトマネジメントにおける情報セキュリティ', variants: ['Information security in project management'], iso27001_2022: ['5.8'] },
  { id: '6.2.1', title: 'モバイル機器の方針', variants: ['モバイル機器方針', 'Mobile device policy'], iso27001_2022: ['8.1'] },
  { id: '6.2.2', title: 'テレワーキング', variants: ['テレワーク', 'Teleworking'], iso27001_2022: ['6.7'] },
  { id: 'CLD.6.3.1', title: 'クラウドコンピューティング環境における役割及び責任の共有及び分担', variants: ['クラウドコンピューティング環境における役割及び責任の分担', 'Shared roles and responsibilities within a cloud computing environment'], iso27001_2022: [] },

  // 7 人的資源のセキュリティ
  { id: '7.1.1', title: '選考', variants: ['Screening'], iso27001_2022: ['6.1'] },
  { id: '7.1.2', title: '雇用条件', variants: ['Terms and conditions of employment'], iso27001_2022: ['6.2'] },
  { id: '7.2.1', title: '経営陣の責任', variants: ['Management responsibilities'], iso27001_2022: ['5.4'] },
  { id: '7.2.2', title: '情報セキュリティの意識向上、教育及び訓練', variants: ['情報セキュリティの自覚、教育及び訓練', 'Information security awareness, education and training'], iso27001_2022: ['6.3'] },
  { id: '7.2.3', title: '懲戒手続', variants: ['懲戒手続き', 'Disciplinary process'], iso27001_2022: ['6.4'] },
  { id: '7.3.1', title: '雇用の終了又は変更に関する責任', variants: ['Termination or change of employment responsibilities'], iso27001_2022: ['6.5'] },

  // 8 資産の管理
  { id: '8.1.1', title: '資産目録', variants: ['Inventory of assets'], iso27001_2022: ['5.9'] },
  { id: '8.1.2', title: '資産の管理責任', variants: ['Ownership of assets'], iso27001_2022: ['5.9'] },
  { id: '8.1.3', title: '資産利用の許容範囲', variants: ['資産使用の許容範囲', 'Acceptable use of assets'], iso27001_2022: ['5.10'] },
  { id: '8.1.4', title: '資産の返却', variants: ['Return of assets'], iso27001_2022: ['5.11'] },
  { id: 'CLD.8.1.5', title: 'クラウドサービスカスタマの資産の除去', variants: ['クラウドサービス利用者の資産の除去', 'Removal of cloud service customer assets'], iso27001_2022: [] },
  { id: '8.2.1', title: '情報の分類', variants: ['Classification of information'], iso27001_2022: ['5.12'] },
  { id: '8.2.2', title: '情報のラベル付け', variants: ['Labelling of information', 'Labeling of information'], iso27001_2022: ['5.13'] },
  { id: '8.2.3', title: '資産の取扱い', variants: ['資産の取り扱い', 'Handling of assets'], iso27001_2022: ['5.10'] },
  { id: '8.3.1', title: '取外し可能な媒体の管理', variants: ['取り外し可能な媒体の管理', 'Management of removable media'], iso27001_2022: ['7.10'] },
  { id: '8.3.2', title: '媒体の処分', variants: ['Disposal of media'], iso27001_2022: ['7.10'] },
  { id: '8.3.3', title: '物理的媒体の輸送', variants: ['Physical media transfer'], iso27001_2022: ['7.10'] },

  // 9 アクセス制御
  { id: '9.1.1', title: 'アクセス制御方針', variants: ['Access control policy'], iso27001_2022: ['5.15'] },
  { id: '9.1.2', title: 'ネットワーク及びネットワークサービスへのアクセス', variants: ['Access to networks and network services'], iso27001_2022: ['5.15'] },
  { id: '9.2.1', title: '利用者登録及び登録削除', variants: ['User registration and de-registration'], iso27001_2022: ['5.16'] },
  { id: '9.2.2', title: '利用者アクセスの提供(provisioning)', variants: ['User access provisioning'], iso27001_2022: ['5.18'] },
  { id: '9.2.3', title: '特権的アクセス権の管理', variants: ['Management of privileged access rights'], iso27001_2022: ['8.2'] },
  { id: '9.2.4', title: '利用者の秘密認証情報の管理', variants: ['Management of secret authentication information of users'], iso27001_2022: ['5.17'] },
  { id: '9.2.5', title: '利用者アクセス権のレビュー', variants: ['Review of user access rights'], iso27001_2022: ['5.18'] },
  { id: '9.2.6', title: 'アクセス権の削除又は修正', variants: ['Removal or adjustment of access rights'], iso27001_2022: ['5.18'] },
  { id: '9.3.1', title: '秘密認証情報の利用', variants: ['秘密認証情報の使用', 'Use of secret authentication information'], iso27001_2022: ['5.17'] },
  { id: '9.4.1', title: '情報へのアクセス制限', variants: ['Information access restriction'], iso27001_2022: ['8.3'] },
  { id: '9.4.2', title: 'セキュリティに配慮したログオン手順', variants: ['Secure log-on procedures'], iso27001_2022: ['8.5'] },
  { id: '9.4.3', title: 'パスワード管理システム', variants: ['Password management system'], iso27001_2022: ['5.17'] },
  { id: '9.4.4', title: '特権的なユーティリティプログラムの使用', variants: ['特権的なユーティリティプログラムの利用', 'Use of privileged utility programs'], iso27001_2022: ['8.18'] },
  { id: '9.4.5', title: 'プログラムソースコードへのアクセス制御', variants: ['Access control to program source code'], iso27001_2022: ['8.4'] },
  { id: 'CLD.9.5.1', title: '仮想コンピューティング環境における分離', variants: ['Segregation in virtual computing environments'], iso27001_2022: [] },
  { id: 'CLD.9.5.2', title: '仮想マシンの要塞化', variants: ['仮想マシンの堅牢化', 'Virtual machine hardening'], iso27001_2022: [] },

  // 10 暗号
  { id: '10.1.1', title: '暗号による管理策の利用方針', variants: ['暗号による管理策の使用方針', 'Policy on the use of cryptographic controls'], iso27001_2022: ['8.24'] },
  { id: '10.1.2', title: '鍵管理', variants: ['Key management'], iso27001_2022: ['8.24'] },

  // 11 物理的及び環境的セキュリティ
  { id: '11.1.1', title: '物理的セキュリティ境界', variants: ['Physical security perimeter'], iso27001_2022: ['7.1'] },
  { id: '11.1.2', title: '物理的入退管理策', variants: ['Physical entry controls'], iso27001_2022: ['7.2'] },
  { id: '11.1.3', title: 'オフィス、部屋及び施設のセキュリティ', variants: ['Securing offices, rooms and facilities'], iso27001_2022: ['7.3'] },
  { id: '11.1.4', title: '外部及び環境の脅威からの保護', variants: ['Protecting against external and environmental threats'], iso27001_2022: ['7.5'] },
  { id: '11.1.5', title: 'セキュリティを保つべき領域での作業', variants: ['Working in secure areas'], iso27001_2022: ['7.6'] },
  { id: '11.1.6', title: '受渡場所', variants: ['受け渡し場所', 'Delivery and loading areas'], iso27001_2022: ['7.2'] },
  { id: '11.2.1', title: '装置の設置及び保護', variants: ['Equipment siting and protection'], iso27001_2022: ['7.8'] },
  { id: '11.2.2', title: 'サポートユーティリティ', variants: ['Supporting utilities'], iso27001_2022: ['7.11'] },
  { id: '11.2.3', title: 'ケーブル配線のセキュリティ', variants: ['Cabling security'], iso27001_2022: ['7.12'] },
  { id: '11.2.4', title: '装置の保守', variants: ['Equipment maintenance'], iso27001_2022: ['7.13'] },
  { id: '11.2.5', title: '資産の移動', variants: ['Removal of assets'], iso27001_2022: ['7.10'] },
  { id: '11.2.6', title: '構外にある装置及び資産のセキュリティ', variants: ['Security of equipment and assets off-premises'], iso27001_2022: ['7.9'] },
  { id: '11.2.7', title: '装置のセキュリティを保った処分又は再利用', variants: ['装置の安全な処分又は再利用', 'Secure disposal or re-use of equipment'], iso27001_2022: ['7.14'] },
  { id: '11.2.8', title: '無人状態にある利用者装置', variants: ['Unattended user equipment'], iso27001_2022: ['8.1'] },
  { id: '11.2.9', title: 'クリアデスク・クリアスクリーン方針', variants: ['Clear desk and clear screen policy'], iso27001_2022: ['7.7'] },

  // 12 運用のセキュリティ
  { id: '12.1.1', title: '操作手順書', variants: ['Documented operating procedures'], iso27001_2022: ['5.37'] },
  { id: '12.1.2', title: '変更管理', variants: ['Change management'], iso27001_2022: ['8.32'] },
  { id: '12.1.3', title: '容量・能力の管理', variants: ['Capacity management'], iso27001_2022: ['8.6'] },
  { id: '12.1.4', title: '開発環境、試験環境及び運用環境の分離', variants: ['Separation of development, testing and operational environments'], iso27001_2022: ['8.31'] },
  { id: 'CLD.12.1.5', title: '実務管理者の運用のセキュリティ', variants: ["Administrator's operational security"], iso27001_2022: [] },
  { id: '12.2.1', title: 'マルウェアに対する管理策', variants: ['悪意のあるコードに対する管理策', 'Controls against malware'], iso27001_2022: ['8.7'] },
  { id: '12.3.1', title: '情報のバックアップ', variants: ['Information backup'], iso27001_2022: ['8.13'] },
  { id: '12.4.1', title: 'イベントログ取得', variants: ['イベントログの取得', 'Event logging'], iso27001_2022: ['8.15'] },
  { id: '12.4.2', title: 'ログ情報の保護', variants: ['Protection of log information'], iso27001_2022: ['8.15'] },
  { id: '12.4.3', title: '実務管理者及び運用担当者の作業ログ', variants: ['Administrator and operator logs'], iso27001_2022: ['8.15'] },
  { id: '12.4.4', title: 'クロックの同期', variants: ['Clock synchronisation', 'Clock synchronization'], iso27001_2022: ['8.17'] },
  { id: 'CLD.12.4.5', title: 'クラウドサービスの監視', variants: ['Monitoring of cloud services'], iso27001_2022: [] },
  { id: '12.5.1', title: '運用システムに関わるソフトウェアの導入', variants: ['Installation of software on operational systems'], iso27001_2022: ['8.19'] },
  { id: '12.6.1', title: '技術的ぜい弱性の管理', variants: ['技術的脆弱性の管理', 'Management of technical vulnerabilities'], iso27001_2022: ['8.8'] },
  { id: '12.6.2', title: 'ソフトウェアのインストールの制限', variants: ['Restrictions on software installation'], iso27001_2022: ['8.19'] },
  { id: '12.7.1', title: '情報システムの監査に対する管理策', variants: ['Information systems audit controls'], iso27001_2022: ['8.34'] },

  // 13 通信のセキュリティ
  { id: '13.1.1', title: 'ネットワーク管理策', variants: ['Network controls'], iso27001_2022: ['8.20'] },
  { id: '13.1.2', title: 'ネットワークサービスのセキュリティ', variants: ['Security of network services'], iso27001_2022: ['8.21'] },
  { id: '13.1.3', title: 'ネットワークの分離', variants: ['Segregation in networks'], iso27001_2022: ['8.22'] },
  { id: 'CLD.13.1.4', title: '仮想及び物理ネットワークのセキュリティ管理の整合', variants: ['Alignment of security management for virtual and physical networks'], iso27001_2022: [] },
  { id: '13.2.1', title: '情報転送の方針及び手順', variants: ['Information transfer policies and procedures'], iso27001_2022: ['5.14'] },
  { id: '13.2.2', title: '情報転送に関する合意', variants: ['Agreements on information transfer'], iso27001_2022: ['5.14'] },
  { id: '13.2.3', title: '電子的メッセージ通信', variants: ['Electronic messaging'], iso27001_2022: ['5.14'] },
  { id: '13.2.4', title: '秘密保持契約又は守秘義務契約', variants: ['Confidentiality or non-disclosure agreements', 'Confidentiality or nondisclosure agreements'], iso27001_2022: ['6.6'] },

  // 14 システムの取得、開発及び保守
  { id: '14.1.1', title: '情報セキュリティ要求事項の分析及び仕様化', variants: ['Information security requirements analysis and specification'], iso27001_2022: ['5.8'] },
  { id: '14.1.2', title: '公衆ネットワーク上のアプリケーションサービスのセキュリティの考慮', variants: ['Securing application services on public networks'], iso27001_2022: ['8.26'] },
  { id: '14.1.3', title: 'アプリケーションサービスのトランザクションの保護', variants: ['Protecting application services transactions'], iso27001_2022: ['8.26'] },
  { id: '14.2.1', title: 'セキュリティに配慮した開発のための方針', variants: ['Secure development policy'], iso27001_2022: ['8.25'] },
  { id: '14.2.2', title: 'システムの変更管理手順', variants: ['System change control procedures'], iso27001_2022: ['8.32'] },
  { id: '14.2.3', title: 'オペレーティングプラットフォーム変更後のアプリケーションの技術的レビュー', variants: ['Technical review of applications after operating platform changes'], iso27001_2022: ['8.32'] },
  { id: '14.2.4', title: 'パッケージソフトウェアの変更に対する制限', variants: ['Restrictions on changes to software packages'], iso27001_2022: ['8.32'] },
  { id: '14.2.5', title: 'セキュリティに配慮したシステム構築の原則', variants: ['Secure system engineering principles'], iso27001_2022: ['8.27'] },
  { id: '14.2.6', title: 'セキュリティに配慮した開発環境', variants: ['Secure development environment'], iso27001_2022: ['8.31'] },
  { id: '14.2.7', title: '外部委託による開発', variants: ['外部委託によるソフトウェア開発', 'Outsourced development'], iso27001_2022: ['8.30'] },
  { id: '14.2.8', title: 'システムセキュリティの試験', variants: ['System security testing'], iso27001_2022: ['8.29'] },
  { id: '14.2.9', title: 'システムの受入れ試験', variants: ['システムの受け入れ試験', 'System acceptance testing'], iso27001_2022: ['8.29'] },
  { id: '14.3.1', title: '試験データの保護', variants: ['Protection of test data'], iso27001_2022: ['8.33'] },

  // 15 供給者関係
  { id: '15.1.1', title: '供給者関係のための情報セキュリティの方針', variants: ['Information security policy for supplier relationships'], iso27001_2022: ['5.19'] },
  { id: '15.1.2', title: '供給者との合意におけるセキュリティの取扱い', variants: ['供給者との合意におけるセキュリティの取り扱い', 'Addressing security within supplier agreements'], iso27001_2022: ['5.20'] },
  { id: '15.1.3', title: 'ICTサプライチェーン', variants: ['情報通信技術サプライチェーン', 'Information and communication technology supply chain', 'ICT supply chain'], iso27001_2022: ['5.21'] },
  { id: '15.2.1', title: '供給者のサービス提供の監視及びレビュー', variants: ['Monitoring and review of supplier services'], iso27001_2022: ['5.22'] },
  { id: '15.2.2', title: '供給者のサービス提供の変更に対する管理', variants: ['Managing changes to supplier services'], iso27001_2022: ['5.22'] },

  // 16 情報セキュリティインシデント管理
  { id: '16.1.1', title: '責任及び手順', variants: ['Responsibilities and procedures'], iso27001_2022: ['5.24'] },
  { id: '16.1.2', title: '情報セキュリティ事象の報告', variants: ['Reporting information security events'], iso27001_2022: ['6.8'] },
  { id: '16.1.3', title: '情報セキュリティ弱点の報告', variants: ['Reporting information security weaknesses'], iso27001_2022: ['6.8'] },
  { id: '16.1.4', title: '情報セキュリティ事象の評価及び決定', variants: ['Assessment of and decision on information security events'], iso27001_2022: ['5.25'] },
  { id: '16.1.5', title: '情報セキュリティインシデントへの対応', variants: ['Response to information security incidents'], iso27001_2022: ['5.26'] },
  { id: '16.1.6', title: '情報セキュリティインシデントからの学習', variants: ['Learning from information security incidents'], iso27001_2022: ['5.27'] },
  { id: '16.1.7', title: '証拠の収集', variants: ['Collection of evidence'], iso27001_2022: ['5.28'] },

  // 17 事業継続マネジメントにおける情報セキュリティの側面
  { id: '17.1.1', title: '情報セキュリティ継続の計画', variants: ['Planning information security continuity'], iso27001_2022: ['5.29'] },
  { id: '17.1.2', title: '情報セキュリティ継続の実施', variants: ['Implementing information security continuity'], iso27001_2022: ['5.29'] },
  { id: '17.1.3', title: '情報セキュリティ継続の検証、レビュー及び評価', variants: ['Verify, review and evaluate information security continuity'], iso27001_2022: ['5.29'] },
  { id: '17.2.1', title: '情報処理施設の可用性', variants: ['Availability of information processing facilities'], iso27001_2022: ['8.14'] },

  // 18 順守
  { id: '18.1.1', title: '適用法令及び契約上の要求事項の特定', variants: ['Identification of applicable legislation and contractual requirements'], iso27001_2022: ['5.31'] },
  { id: '18.1.2', title: '知的財産権', variants: ['Intellectual property rights'], iso27001_2022: ['5.32'] },
  { id: '18.1.3', title: '記録の保護', variants: ['Protection of records'], iso27001_2022: ['5.33'] },
  { id: '18.1.4', title: 'プライバシー及び個人を特定できる情報(PII)の保護', variants: ['個人データ及び個人情報の保護', 'Privacy and protection of personally identifiable information'], iso27001_2022: ['5.34'] },
  // Table B.2 maps 18.1.5 to 5.31 (legal and regulatory requirements, which covers cryptography
  // regulation); whitepapers also map it to 8.24 (use of cryptography), as corpus 002 does.
  { id: '18.1.5', title: '暗号化機能に対する規制', variants: ['暗号化に対する規制', 'Regulation of cryptographic controls'], iso27001_2022: ['5.31', '8.24'] },
  { id: '18.2.1', title: '情報セキュリティの独立したレビュー', variants: ['Independent review of information security'], iso27001_2022: ['5.35'] },
  { id: '18.2.2', title: '情報セキュリティのための方針群及び標準の順守', variants: ['情報セキュリティのための方針群及び標準の遵守', 'Compliance with security policies and standards'], iso27001_2022: ['5.36'] },
  { id: '18.2.3', title: '技術的順守のレビュー', variants: ['技術的遵守のレビュー', 'Technical compliance review'], iso27001_2022: ['5.36', '8.8'] },
];

/** A clause or control objective (category) of ISO/IEC 27002:2013 / 27017:2015. */
export interface CategoryEntry {
  /** `9` (clause), `9.1` (control objective), `CLD.6.3` (objective 27017 adds). */
  id: string;
  title: string;
  variants: string[];
}

// Whitepapers that print no ids often group controls under these names. They are chapters, not
// controls, although several resemble one (「アクセス制御」 ~ 「アクセス制御方針」, 「資産の管理」 ~
// 「資産の管理責任」), so title matching needs to know them. Titles as JIS Q 27002:2014 prints them.
export const CATEGORIES: CategoryEntry[] = [
  { id: '5', title: '情報セキュリティのための方針群', variants: ['Information security policies'] },
  { id: '5.1', title: '情報セキュリティのための経営陣の方向性', variants: ['Management direction for information security'] },
  { id: '6', title: '情報セキュリティのための組織', variants: ['Organization of information security'] },
  { id: '6.1', title: '内部組織', variants: ['Internal organization'] },
  { id: '6.2', title: 'モバイル機器及びテレワーキング', variants: ['Mobile devices and teleworking'] },
  { id: 'CLD.6.3', title: 'クラウドサービスカスタマとクラウドサービスプロバイダとの関係', variants: ['Relationship between cloud service customer and cloud service provider'] },
  { id: '7', title: '人的資源のセキュリティ', variants: ['Human resource security'] },
  { id: '7.1', title: '雇用前', variants: ['Prior to employment'] },
  { id: '7.2', title: '雇用期間中', variants: ['During employment'] },
  { id: '7.3', title: '雇用の終了及び変更', variants: ['Termination and change of employment'] },
  { id: '8', title: '資産の管理', variants: ['Asset management'] },
  { id: '8.1', title: '資産に対する責任', variants: ['Responsibility for assets'] },
  { id: '8.2', title: '情報分類', variants: ['Information classification'] },
  { id: '8.3', title: '媒体の取扱い', variants: ['Media handling'] },
  { id: '9', title: 'アクセス制御', variants: ['Access control'] },
  { id: '9.1', title: 'アクセス制御に対する業務上の要求事項', variants: ['Business requirements of access control'] },
  { id: '9.2', title: '利用者アクセスの管理', variants: ['User access management'] },
  { id: '9.3', title: '利用者の責任', variants: ['User responsibilities'] },
  { id: '9.4', title: 'システム及びアプリケーションのアクセス制御', variants: ['System and application access control'] },
  { id: 'CLD.9.5', title: '共有する仮想環境におけるクラウドサービスカスタマデータのアクセス制御', variants: ['Access control of cloud service customer data in shared virtual environment'] },
  { id: '10', title: '暗号', variants: ['Cryptography'] },
  { id: '10.1', title: '暗号による管理策', variants: ['Cryptographic controls'] },
  { id: '11', title: '物理的及び環境的セキュリティ', variants: ['Physical and environmental security'] },
  { id: '11.1', title: 'セキュリティを保つべき領域', variants: ['Secure areas'] },
  { id: '11.2', title: '装置', variants: ['Equipment'] },
  { id: '12', title: '運用のセキュリティ', variants: ['Operations security'] },
  { id: '12.1', title: '運用の手順及び責任', variants: ['Operational procedures and responsibilities'] },
  { id: '12.2', title: 'マルウェアからの保護', variants: ['Protection from malware'] },
  { id: '12.3', title: 'バックアップ', variants: ['Backup'] },
  { id: '12.4', title: 'ログ取得及び監視', variants: ['Logging and monitoring'] },
  { id: '12.5', title: '運用ソフトウェアの管理', variants: ['Control of operational software'] },
  { id: '12.6', title: '技術的ぜい弱性管理', variants: ['技術的脆弱性管理', 'Technical vulnerability management'] },
  { id: '12.7', title: '情報システムの監査に対する考慮事項', variants: ['Information systems audit considerations'] },
  { id: '13', title: '通信のセキュリティ', variants: ['Communications security'] },
  { id: '13.1', title: 'ネットワークセキュリティ管理', variants: ['Network security management'] },
  { id: '13.2', title: '情報の転送', variants: ['Information transfer'] },
  { id: '14', title: 'システムの取得、開発及び保守', variants: ['System acquisition, development and maintenance'] },
  { id: '14.1', title: '情報システムのセキュリティ要求事項', variants: ['Security requirements of information systems'] },
  { id: '14.2', title: '開発及びサポートプロセスにおけるセキュリティ', variants: ['Security in development and support processes'] },
  { id: '14.3', title: '試験データ', variants: ['Test data'] },
  { id: '15', title: '供給者関係', variants: ['Supplier relationships'] },
  { id: '15.1', title: '供給者関係における情報セキュリティ', variants: ['Information security in supplier relationships'] },
  { id: '15.2', title: '供給者のサービス提供の管理', variants: ['Supplier service delivery management'] },
  { id: '16', title: '情報セキュリティインシデント管理', variants: ['Information security incident management'] },
  { id: '16.1', title: '情報セキュリティインシデントの管理及びその改善', variants: ['Management of information security incidents and improvements'] },
  { id: '17', title: '事業継続マネジメントにおける情報セキュリティの側面', variants: ['Information security aspects of business continuity management'] },
  { id: '17.1', title: '情報セキュリティ継続', variants: ['Information security continuity'] },
  { id: '17.2', title: '冗長性', variants: ['Redundancies'] },
  { id: '18', title: '順守', variants: ['遵守', 'Compliance'] },
  { id: '18.1', title: '法的及び契約上の要求事項の順守', variants: ['法的及び契約上の要求事項の遵守', 'Compliance with legal and contractual requirements'] },
  { id: '18.2', title: '情報セキュリティのレビュー', variants: ['Information security reviews'] },
];
