// The attributes a fact may carry beyond its kind and value, declared once: the Fact type, the
// facts table's columns, the exports, diff and the eval all follow this list. Adding an attribute
// is a line here and a migration that adds its column.

export const ATTRIBUTES = [
  { column: 'unit', field: 'unit', type: 'text', name: { ja: '単位', en: 'unit' } },
  { column: 'frequency', field: 'frequency', type: 'text', name: { ja: '頻度', en: 'frequency' } },
  { column: 'subject', field: 'subject', type: 'text', name: { ja: '対象', en: 'subject' } },
  { column: 'bound', field: 'bound', type: 'text', name: { ja: '範囲', en: 'bound' } },
  { column: 'key_management', field: 'keyManagement', type: 'text', name: { ja: '鍵管理', en: 'key management' } },
  { column: 'timezone', field: 'timezone', type: 'text', name: { ja: 'タイムゾーン', en: 'time zone' } },
  { column: 'third_party', field: 'thirdParty', type: 'boolean', name: { ja: '第三者', en: 'third party' } },
] as const;

type Spec = (typeof ATTRIBUTES)[number];
export type AttributeColumn = Spec['column'];
export type AttributeField = Spec['field'];

/** A fact's attributes as the pipeline holds them (booleans as booleans). */
export type FactAttributes = { [A in Spec as A['field']]: A['type'] extends 'boolean' ? boolean | null : string | null };

/** The same as the facts table stores them (booleans as 0/1). */
export type StoredAttributes = { [A in Spec as A['column']]: A['type'] extends 'boolean' ? number | null : string | null };

/** The same under the table's column names, booleans read back as booleans. */
export type AttributeColumns = { [A in Spec as A['column']]: A['type'] extends 'boolean' ? boolean | null : string | null };

export const ATTRIBUTE_COLUMNS: readonly AttributeColumn[] = ATTRIBUTES.map((a) => a.column);
export const BOOLEAN_COLUMNS: readonly AttributeColumn[] = ATTRIBUTES.filter((a) => a.type === 'boolean').map((a) => a.column);

/** A stored row's attributes, booleans back from 0/1. */
export function readAttributes(row: StoredAttributes): AttributeColumns {
  const out = {} as Record<string, unknown>;
  for (const a of ATTRIBUTES) {
    const v = row[a.column];
    out[a.column] = a.type === 'boolean' ? (v === null || v === undefined ? null : Boolean(v)) : (v ?? null);
  }
  return out as AttributeColumns;
}

/** A fact's attributes under their column names, as the facts table stores them. */
export function storedAttributes(f: FactAttributes): StoredAttributes {
  const out = {} as Record<string, unknown>;
  for (const a of ATTRIBUTES) {
    const v = f[a.field];
    out[a.column] = a.type === 'boolean' ? (v === null ? null : v ? 1 : 0) : v;
  }
  return out as StoredAttributes;
}

/** `f.unit, f.frequency, …`: the attribute columns for a SELECT. */
export function attributeSelect(alias = 'f'): string {
  return ATTRIBUTE_COLUMNS.map((c) => `${alias}.${c}`).join(', ');
}

/**
 * Words for the codes attributes and values hold (daily → 日次, customer_data → 顧客データ,
 * aws:ap-northeast-1 → 東京 (aws:ap-northeast-1): the place, and the region as the provider names
 * it), in Japanese and English; a code not listed is shown as it is.
 */
export const CODE_LABELS: Record<string, { ja: string; en: string }> = {
  daily: { ja: '日次', en: 'daily' },
  weekly: { ja: '週次', en: 'weekly' },
  monthly: { ja: '月次', en: 'monthly' },
  quarterly: { ja: '四半期', en: 'quarterly' },
  yearly: { ja: '年次', en: 'yearly' },
  annual: { ja: '年1回', en: 'annual' },
  periodic: { ja: '定期', en: 'periodic' },
  on_change: { ja: '変更時', en: 'on change' },
  day: { ja: '日', en: 'days' },
  business_day: { ja: '営業日', en: 'business days' },
  backup: { ja: 'バックアップ', en: 'backup' },
  log: { ja: 'ログ', en: 'logs' },
  customer_data: { ja: '顧客データ', en: 'customer data' },
  record: { ja: '記録', en: 'records' },
  incident: { ja: 'インシデント', en: 'incident' },
  account: { ja: 'アカウント', en: 'account' },
  maintenance: { ja: 'メンテナンス', en: 'maintenance' },
  max: { ja: '最大', en: 'at most' },
  min: { ja: '最低', en: 'at least' },
  exact: { ja: 'ちょうど', en: 'exactly' },
  JST: { ja: '日本時間', en: 'JST' },
  UTC: { ja: 'UTC', en: 'UTC' },
  JP: { ja: '日本', en: 'Japan' },
  US: { ja: '米国', en: 'United States' },
  true: { ja: 'あり', en: 'yes' },
  ntp: { ja: 'NTP', en: 'NTP' },
  aws: { ja: 'AWS', en: 'AWS' },
  azure: { ja: 'Microsoft Azure', en: 'Microsoft Azure' },
  gcp: { ja: 'Google Cloud', en: 'Google Cloud' },
  oracle: { ja: 'Oracle Cloud', en: 'Oracle Cloud' },
  ibm: { ja: 'IBM Cloud', en: 'IBM Cloud' },
  sakura: { ja: 'さくらのクラウド', en: 'Sakura Cloud' },
  'aws-kms': { ja: 'AWS KMS', en: 'AWS KMS' },
  'gcp-kms': { ja: 'Google Cloud KMS', en: 'Google Cloud KMS' },
  'azure-key-vault': { ja: 'Azure Key Vault', en: 'Azure Key Vault' },
  'oci-vault': { ja: 'OCI Vault', en: 'OCI Vault' },
  'ibm-key-protect': { ja: 'IBM Key Protect', en: 'IBM Key Protect' },
  'aws:ap-northeast-1': { ja: '東京 (aws:ap-northeast-1)', en: 'Tokyo (aws:ap-northeast-1)' },
  'aws:ap-northeast-3': { ja: '大阪 (aws:ap-northeast-3)', en: 'Osaka (aws:ap-northeast-3)' },
  'gcp:asia-northeast1': { ja: '東京 (gcp:asia-northeast1)', en: 'Tokyo (gcp:asia-northeast1)' },
  'gcp:asia-northeast2': { ja: '大阪 (gcp:asia-northeast2)', en: 'Osaka (gcp:asia-northeast2)' },
  'azure:japaneast': { ja: '東日本 (azure:japaneast)', en: 'Japan East (azure:japaneast)' },
  'azure:japanwest': { ja: '西日本 (azure:japanwest)', en: 'Japan West (azure:japanwest)' },
  'oracle:ap-tokyo-1': { ja: '東京 (oracle:ap-tokyo-1)', en: 'Tokyo (oracle:ap-tokyo-1)' },
  'oracle:ap-osaka-1': { ja: '大阪 (oracle:ap-osaka-1)', en: 'Osaka (oracle:ap-osaka-1)' },
  'ibm:jp-tok': { ja: '東京 (ibm:jp-tok)', en: 'Tokyo (ibm:jp-tok)' },
  'ibm:jp-osa': { ja: '大阪 (ibm:jp-osa)', en: 'Osaka (ibm:jp-osa)' },
  'sakura:ishikari': { ja: '石狩 (sakura:ishikari)', en: 'Ishikari (sakura:ishikari)' },
  'sakura:tokyo': { ja: '東京 (sakura:tokyo)', en: 'Tokyo (sakura:tokyo)' },
};

export type Lang = 'ja' | 'en';

/** What a fact outside any control section is shown under, in place of a control id. */
export const NO_CONTROL_LABEL: Record<Lang, string> = { ja: '管理策外', en: 'outside any control' };

export function codeLabel(code: string, lang: Lang): string {
  return CODE_LABELS[code]?.[lang] ?? code;
}
