// region: where data or systems are. A country (日本国内 → JP) or a provider's region
// (AWS アジアパシフィック（東京）→ aws:ap-northeast-1). A place name is a provider region only
// with a provider in context (same sentence or row, else the row or sentence above) and a
// region word (リージョン, ゾーン) beside it, so a head-office address is never one.
import { type Analysis, cellAt, claim, clauseAt, find, findAny, mentions, WHOLE } from '../analysis.ts';
import type { Span } from '../tokens.ts';
import type { Ctx, Draft, Extractor, SectionState } from './context.ts';
import { defineKind } from '../registry.ts';
import { COUNTRIES } from './countries.ts';
import { findProviders } from './provider.ts';

const PLACES: Record<string, readonly (readonly [string, string])[]> = {
  aws: [
    ['東京', 'ap-northeast-1'], ['大阪', 'ap-northeast-3'], ['ソウル', 'ap-northeast-2'], ['シンガポール', 'ap-southeast-1'],
    ['シドニー', 'ap-southeast-2'], ['ジャカルタ', 'ap-southeast-3'], ['香港', 'ap-east-1'], ['ムンバイ', 'ap-south-1'],
    ['バージニア北部', 'us-east-1'], ['オハイオ', 'us-east-2'], ['北カリフォルニア', 'us-west-1'], ['オレゴン', 'us-west-2'],
    ['フランクフルト', 'eu-central-1'], ['アイルランド', 'eu-west-1'], ['ロンドン', 'eu-west-2'], ['パリ', 'eu-west-3'],
    ['Tokyo', 'ap-northeast-1'], ['Osaka', 'ap-northeast-3'],
  ],
  gcp: [
    ['東京', 'asia-northeast1'], ['大阪', 'asia-northeast2'], ['ソウル', 'asia-northeast3'], ['台湾', 'asia-east1'],
    ['香港', 'asia-east2'], ['シンガポール', 'asia-southeast1'], ['ジャカルタ', 'asia-southeast2'], ['シドニー', 'australia-southeast1'],
    ['Tokyo', 'asia-northeast1'], ['Osaka', 'asia-northeast2'], ['Taiwan', 'asia-east1'],
  ],
  azure: [
    ['東日本', 'japaneast'], ['西日本', 'japanwest'], ['韓国中部', 'koreacentral'], ['東南アジア', 'southeastasia'], ['東アジア', 'eastasia'],
    ['Japan East', 'japaneast'], ['Japan West', 'japanwest'],
  ],
  sakura: [['石狩', 'ishikari'], ['東京', 'tokyo'], ['Ishikari', 'ishikari'], ['Tokyo', 'tokyo']],
  oracle: [['東京', 'ap-tokyo-1'], ['大阪', 'ap-osaka-1']],
  ibm: [['東京', 'jp-tok'], ['大阪', 'jp-osa']],
};

const PLACE_NAMES = [...new Set(Object.values(PLACES).flatMap((l) => l.map(([n]) => n)))];

/** Region identifiers as the providers print them; the format says whose they are. */
const CODES: readonly (readonly [RegExp, string])[] = [
  [/\bap-(?:tokyo|osaka|seoul|singapore|sydney|mumbai)-\d\b/g, 'oracle'],
  [/\b(?:ap|us|eu|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/g, 'aws'],
  [/\b(?:asia|australia|europe|northamerica|southamerica|us|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d\b/g, 'gcp'],
  [/\b(?:japaneast|japanwest|koreacentral|koreasouth|southeastasia|eastasia)\b/g, 'azure'],
];

const REGION_WORDS = ['リージョン', 'ゾーン', 'region', 'Region', 'アベイラビリティ'];

/** Countries: the term, its code, and whether it needs words about location beside it. */
const COUNTRY_TERMS: readonly (readonly [string, string, boolean])[] = [['日本国内', 'JP', true], ['国内', 'JP', true], ...COUNTRIES.map(([n, c]) => [n, c, true] as const)];

/** Outside Japan, and what a denial of keeping data there says. */
const ABROAD = ['日本国外', '国外', '海外', '日本以外', '日本国内以外', '国内以外'];
const KEPT = ['保存', '保管', '移転', '転送', '持ち出', '設置', '配置', '格納', '使用', '利用', '処理'];

/** Words that say where data or systems are. */
const LOCATION = ['所在', '保存', '保管', '設置', '拠点', 'データセンター', 'リージョン', '地域', '保持', '格納', 'サーバ', '配置', '立地', '処理', '限定'];
/** People and offices abroad are not where data is: 「開発メンバーはベトナムの開発拠点に在籍」 (data analysed at such a site is there, though). */
const NOT_DATA = ['在籍', '従業員', '社員', 'メンバー', '親会社', '子会社', '支社', '支店'];
/** After a country, these make it something else: a law, a time zone, a language, an address. */
const NOT_PLACE = /^国?(?:の)?(?:以外|法|法律|法令|標準時|時間|語|円|企業|規格|産業|外|国外|国籍|輸出|規制|政府|当局|お客様|顧客|利用者|ユーザ|法人|市場)|^[^、。\s]{0,12}州法/;
/** 「東京都千代田区」: a city in an address, not a region. */
const ADDRESS_PART = /^[都府県市区町]/;
const ADDRESS_START = /^[\p{Script=Han}\p{Script=Katakana}]{1,3}[都道府県]/u;
const ADDRESS = ['本社', '本店', '住所', '所在地は'];

/**
 * The provider a place name is a region of: the one named last before it in the sentence, else one
 * named after it in its clause (「東京リージョン及び大阪リージョン（Amazon Web Services）」), else the one
 * the sentences or rows before named.
 */
function providerOf(ctx: Ctx, offset: number, mentions: readonly { id: string; start: number }[]): string | null {
  const before = mentions.filter((m) => m.start < offset);
  const clause = regionScope(ctx.a, offset);
  const after = mentions.find((m) => m.start > offset && m.start < clause.end);
  return before.at(-1)?.id ?? after?.id ?? ctx.state.provider;
}

function regionScope(a: Analysis, offset: number): Span {
  return cellAt(a, offset) ?? clauseAt(a, offset);
}

/**
 * Location words beside a country: in its clause, or for the unambiguous 日本国内 anywhere in its
 * sentence (「保存場所は…に基づき、日本国内になります」); outside the country name itself (米国 holds 国).
 */
function locationAround(a: Analysis, m: Span & { term: string }): boolean {
  const scope = m.term.startsWith('日本国') ? WHOLE(a) : regionScope(a, m.start);
  const text = a.text.slice(scope.start, m.start) + ' ' + a.text.slice(m.end, scope.end);
  return LOCATION.some((w) => text.includes(w));
}

export const region: Extractor = (ctx) => {
  const { a } = ctx;
  const out: Draft[] = [];
  const providers = findProviders(a);
  const taken: Span[] = [];
  for (const [re, provider] of CODES) {
    for (const m of a.text.matchAll(re)) {
      if (taken.some((t) => m.index < t.end && m.index + m[0].length > t.start)) continue;
      taken.push({ start: m.index, end: m.index + m[0].length });
      out.push({ kind: 'region', value: `${provider}:${m[0]}`, ...claim(a, m.index, m.index + m[0].length) });
    }
  }
  // Provider regions by place name.
  for (const m of findAny(a, PLACE_NAMES)) {
    const scope = regionScope(a, m.start);
    // A data centre of a provider named in the same sentence is one of its regions too.
    const named = providers.some((p) => p.start < m.start);
    const regionWord = mentions(a, scope, REGION_WORDS) || (a.cells !== null && ctx.state.regionTable);
    if (!regionWord && !(named && mentions(a, scope, ['データセンター']))) continue;
    if (ADDRESS_PART.test(a.text.slice(m.end))) continue;
    const provider = providerOf(ctx, m.start, providers);
    const code = provider ? PLACES[provider]?.find(([n]) => n === m.term)?.[1] : undefined;
    if (!provider || !code) continue;
    taken.push(m);
    out.push({ kind: 'region', value: `${provider}:${code}`, ...claim(a, m.start, m.end) });
  }
  // Countries.
  const address = mentions(a, { start: 0, end: a.text.length }, ADDRESS);
  for (const [term, code, needsContext] of COUNTRY_TERMS) {
    for (const m of find(a, term).map((x) => ({ ...x, term }))) {
      if (taken.some((t) => m.start < t.end && m.end > t.start)) continue;
      // 「国内」 inside 「日本国内」 and 日本 inside 日本国 are the same mention, whether it counts or not.
      taken.push(m);
      const rest = a.text.slice(m.end);
      // 「日本国東京都千代田区」: the start of an address.
      if (NOT_PLACE.test(rest) || ADDRESS_START.test(rest) || (address && /^\S{0,3}[都道府県市区]/.test(rest))) continue;
      // 「本社所在地：オーストラリア・メルボルン」: the company's address, not where data is.
      if (address && mentions(a, regionScope(a, m.start), ADDRESS)) continue;
      // 「いずれも日本国内です」 after a sentence about where data is kept: the country is its predicate.
      const predicate = ctx.state.located && /^(?:です|である|となります|になります|に限ら|に限定)/.test(rest);
      if (needsContext && !a.cells && !locationAround(a, m) && !predicate) continue;
      if (mentions(a, regionScope(a, m.start), NOT_DATA)) continue;
      out.push({ kind: 'region', value: code, ...claim(a, m.start, m.end) });
    }
  }
  // 「日本国外にデータを保存することはありません」「海外へ移転することはありません」: the data stays in Japan.
  for (const m of findAny(a, ABROAD)) {
    const scope = regionScope(a, m.start);
    if (!mentions(a, scope, KEPT)) continue;
    const n = claim(a, m.start, m.end);
    if (n.negated) out.push({ kind: 'region', value: 'JP', ...n, negated: false, rule: 'region.not-abroad' });
  }
  return out;
};

/**
 * What the next sentence or row inherits: the provider named last, and whether a table's rows
 * are about regions (a header 「| 事業者 | リージョン |」 says so for the rows under it).
 */
export function carry(state: SectionState, a: Analysis): void {
  state.provider = findProviders(a).at(-1)?.id ?? state.provider;
  state.regionTable = a.cells !== null && (state.regionTable || mentions(a, { start: 0, end: a.text.length }, REGION_WORDS));
  state.located = mentions(a, WHOLE(a), KEPT) || mentions(a, WHOLE(a), REGION_WORDS);
}

export const regionKind = defineKind({
  kind: 'region',
  name: { ja: 'データの保管場所', en: 'region' },
  value: { type: 'code' },
  attributes: [],
  identity: ['value'],
  equivalents: (value) => {
    const country = countryOfRegion(value);
    return country && country !== value ? [country] : [];
  },
  extract: region,
});

/** The countries of provider regions, by the region's code (without the provider): what a policy's `in` compares. */
const REGION_COUNTRIES: readonly (readonly [RegExp, string])[] = [
  [/^(?:ap-northeast-[13]|asia-northeast[12]|japan(?:east|west)|ap-(?:tokyo|osaka)-\d|jp-(?:tok|osa))$/, 'JP'],
  [/^(?:ap-northeast-2|asia-northeast3|korea(?:central|south)|ap-seoul-\d)$/, 'KR'],
  [/^(?:ap-southeast-1|asia-southeast1|southeastasia|ap-singapore-\d)$/, 'SG'],
  [/^(?:ap-southeast-2|australia-southeast\d|ap-sydney-\d)$/, 'AU'],
  [/^(?:ap-southeast-3|asia-southeast2)$/, 'ID'],
  [/^(?:ap-east-1|asia-east2|eastasia)$/, 'HK'],
  [/^asia-east1$/, 'TW'],
  [/^(?:ap-south-1|ap-mumbai-\d)$/, 'IN'],
  [/^us-/, 'US'],
  [/^eu-central-1$/, 'DE'],
  [/^eu-west-1$/, 'IE'],
  [/^eu-west-2$/, 'GB'],
  [/^eu-west-3$/, 'FR'],
];
/** Providers whose every region is in one country (a Japanese provider's data-centre towns). */
const PROVIDER_COUNTRIES: Record<string, string> = { sakura: 'JP' };

/** The country a region value is in: JP for JP, JP for aws:ap-northeast-1 and sakura:ishikari; null when not known. */
export function countryOfRegion(value: string): string | null {
  if (/^[A-Z]{2}$/.test(value)) return value;
  const [provider = '', code = ''] = value.split(':');
  return REGION_COUNTRIES.find(([re]) => re.test(code))?.[1] ?? PROVIDER_COUNTRIES[provider] ?? null;
}
