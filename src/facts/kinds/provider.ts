// cloud_provider: a public cloud the service runs on or uses, from a dictionary of their names.
import { type Analysis, claim, findAny } from '../analysis.ts';
import type { Span } from '../tokens.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';

/** Names as vendors write them; where names overlap (Microsoft Azure, Azure) the longest counts once. */
const PROVIDERS: readonly { id: string; names: readonly string[] }[] = [
  // A provider named by one of its services counts: Amazon Time Sync Service, Azure Storage, IBM Key Protect.
  { id: 'aws', names: ['Amazon Web Services', 'アマゾンウェブサービス', 'アマゾン ウェブ サービス', 'AWS', 'Amazon EC2', 'Amazon S3', 'Amazon RDS', 'Amazon Aurora', 'Amazon Time Sync', 'Amazon CloudFront', 'Amazon DynamoDB', 'Amazon GuardDuty', 'Amazon CloudWatch'] },
  { id: 'azure', names: ['Microsoft Azure', 'マイクロソフト Azure', 'Azure'] },
  { id: 'gcp', names: ['Google Cloud Platform', 'Google Cloud', 'GCP', 'グーグルクラウド', 'Google Compute Engine', 'Google Kubernetes Engine'] },
  { id: 'sakura', names: ['さくらのクラウド', 'さくらのレンタルサーバ', 'さくらインターネット'] },
  { id: 'oracle', names: ['Oracle Cloud Infrastructure', 'Oracle Cloud', 'OCI', 'オラクルクラウド'] },
  { id: 'ibm', names: ['IBM Cloud', 'IBMクラウド', 'IBM Key Protect', 'Key Protect'] },
  { id: 'alibaba', names: ['Alibaba Cloud', 'アリババクラウド'] },
  { id: 'nifcloud', names: ['ニフクラ', 'NIFCLOUD', 'ニフティクラウド'] },
  { id: 'salesforce', names: ['Salesforce Platform', 'Heroku'] },
];

const ALL = PROVIDERS.flatMap((p) => p.names.map((n) => ({ id: p.id, name: n })));
const NAMES = ALL.map((x) => x.name);
const ID_OF = new Map(ALL.map((x) => [x.name, x.id]));
/** A sentence's providers, read once: the region and provider kinds and the carry-over all ask. */
const WHOLE_SENTENCE = new WeakMap<Analysis, ProviderMention[]>();

export interface ProviderMention extends Span {
  id: string;
}

export function findProviders(a: Analysis, span?: Span): ProviderMention[] {
  const cached = span ? undefined : WHOLE_SENTENCE.get(a);
  if (cached) return cached;
  const found = findAny(a, NAMES, span).map((m) => ({ start: m.start, end: m.end, id: ID_OF.get(m.term)! }));
  if (!span) WHOLE_SENTENCE.set(a, found);
  return found;
}

/**
 * A provider's company named alone (「Google の NTP サーバー」「物理ネットワークは Google が管理」) is that
 * provider in a document that names its cloud elsewhere; not in a product name (Google Workspace,
 * Microsoft 365), which a particle does not follow.
 */
const COMPANIES: readonly { id: string; names: readonly string[] }[] = [
  { id: 'aws', names: ['Amazon', 'アマゾン'] },
  { id: 'azure', names: ['Microsoft', 'マイクロソフト'] },
  { id: 'gcp', names: ['Google', 'グーグル'] },
  { id: 'oracle', names: ['Oracle', 'オラクル'] },
  { id: 'ibm', names: ['IBM'] },
];
const COMPANY_OF = new Map(COMPANIES.flatMap((c) => c.names.map((n) => [n, c.id] as const)));

/** The providers a document names by one of their cloud's names. */
export function documentProviders(texts: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) {
    const t = text.normalize('NFKC');
    for (const { id, name } of ALL) if (!found.has(id) && t.includes(name.normalize('NFKC'))) found.add(id);
  }
  return found;
}

function companyMentions(a: Analysis, providers: ReadonlySet<string>, named: readonly Span[]): ProviderMention[] {
  if (providers.size === 0) return [];
  return findAny(a, [...COMPANY_OF.keys()])
    .filter((m) => providers.has(COMPANY_OF.get(m.term)!) && !named.some((n) => m.start < n.end && m.end > n.start))
    .filter((m) => {
      const next = a.tokens.find((t) => t.start >= m.end && t.surface.trim() !== '');
      // A particle, by its surface: after a space kuromoji may tag が as a conjunction.
      return next !== undefined && next.start === m.end + (a.text[m.end] === ' ' ? 1 : 0) && /^(?:の|が|は|と|に|で|も|により|による)$/.test(next.surface);
    })
    .map((m) => ({ start: m.start, end: m.end, id: COMPANY_OF.get(m.term)! }));
}

export const cloudProvider: Extractor = ({ a, document }) => {
  const out: Draft[] = [];
  const named = findProviders(a);
  for (const m of [...named, ...companyMentions(a, document.providers, named)]) out.push({ kind: 'cloud_provider', value: m.id, ...claim(a, m.start, m.end) });
  return out;
};

export const cloudProviderKind = defineKind({
  kind: 'cloud_provider',
  name: { ja: '利用クラウド', en: 'cloud provider' },
  value: { type: 'code' },
  attributes: [],
  identity: ['value'],
  extract: cloudProvider,
});
