// encryption_at_rest: stored data is encrypted, with the key management service when the sentence
// names one. Encryption of communication (通信, TLS) is tls, not this; a crypto "feature"
// (暗号化機能, as in export-control sections) is not a claim about stored data.
import { claim, clauseAt, find, findAny, mentions } from '../analysis.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';
import { isCustomersAct } from './responsibility.ts';

const ENCRYPT = ['暗号化', '暗号化処理', 'encrypt', 'encrypted', 'encryption'];
/** Nouns after 暗号化 that make it a function, product or topic, not an act on data. */
const NOT_ACT = /^(?:機能|方式|アルゴリズム|強度|技術|規制|製品|ソフト|ツール|通信|不可)/;
const TRANSIT = ['通信', '転送', '伝送', '送受信', 'やり取り', 'やりとり', 'TLS', 'SSL', 'HTTPS', 'https', 'VPN', '経路', '回線'];
const STORED = ['データ', '保存', '保管', '格納', 'ディスク', 'ストレージ', 'ボリューム', 'バックアップ', '仮想マシン', 'データベース', 'DB', 'ファイル', '資産', 'サーバ', 'マイナンバー', '個人番号', '個人情報', 'カード番号', 'パスワード'];
/** 「保存データは…の暗号化機能で保護しています」: a feature that protects stored data is the claim. */
const PROTECTS = /保護|暗号化され/;

const KEY_SERVICES: readonly (readonly [string, string])[] = [
  ['AWS Key Management Service', 'aws-kms'], ['AWS KMS', 'aws-kms'], ['Azure Key Vault', 'azure-key-vault'],
  ['Key Vault', 'azure-key-vault'], ['Cloud KMS', 'gcp-kms'], ['Cloud Key Management', 'gcp-kms'], ['OCI Vault', 'oci-vault'], ['Key Protect', 'ibm-key-protect'],
  ['CloudHSM', 'aws-cloudhsm'], ['HSM', 'hsm'], ['ハードウェアセキュリティモジュール', 'hsm'],
];

function keyManagement(a: Parameters<Extractor>[0]['a']): string | null {
  const hit = findAny(a, KEY_SERVICES.map(([n]) => n))[0];
  if (hit) return KEY_SERVICES.find(([n]) => n === hit.term)![1];
  // 「AWS … KMS(Key Management Service)」: KMS named after the provider.
  if (find(a, 'KMS').length > 0 || find(a, 'Key Management Service').length > 0) {
    if (find(a, 'AWS').length > 0 || find(a, 'Amazon').length > 0) return 'aws-kms';
    if (find(a, 'Google').length > 0 || find(a, 'GCP').length > 0) return 'gcp-kms';
  }
  return null;
}

export const encryptionAtRest: Extractor = ({ a }) => {
  const out: Draft[] = [];
  for (const m of findAny(a, ENCRYPT)) {
    const clause = clauseAt(a, m.start);
    const feature = /^機能/.test(a.text.slice(m.end)) && PROTECTS.test(a.text.slice(m.end)) && mentions(a, clause, ['保存データ', '保管データ', '格納データ']);
    if (NOT_ACT.test(a.text.slice(m.end)) && !feature) continue;
    if (mentions(a, clause, TRANSIT)) continue;
    if (!mentions(a, clause, STORED)) continue;
    if (isCustomersAct(a, clause)) continue;
    out.push({ kind: 'encryption_at_rest', value: 'true', keyManagement: keyManagement(a), ...claim(a, m.start, m.end) });
  }
  return out;
};

export const encryptionAtRestKind = defineKind({
  kind: 'encryption_at_rest',
  name: { ja: '保存データの暗号化', en: 'encryption at rest' },
  value: { type: 'flag' },
  attributes: ['key_management'],
  identity: [],
  detail: 'key_management',
  extract: encryptionAtRest,
});
