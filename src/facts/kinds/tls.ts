// tls: the TLS version a service uses (read from the surface text: 「TLS 1.2」 tokenizes as 1 . 2).
// 「TLS1.2以上」 → min; TLS or SSL named without a version → null. SSL versions are kept apart
// from TLS ones as ssl3.0, ssl2.0.
import { claim, negationAt, predicateAround } from '../analysis.ts';
import type { Draft, Extractor } from './context.ts';
import { defineKind } from '../registry.ts';

const MENTION = /(?<![A-Za-z])(SSL|TLS)(?![A-Za-uw-z])/g;
/** Right after the name: 「 1.2」「v1.3」「 ver.1.2」「 Version 1.2」「（バージョン1.2以上）」. */
const VERSION = /^\s*(?:[(（]\s*)?(?:v|ver\.?|version|バージョン)?\s*(\d(?:\.\d)?)(?![\d.])/i;
/** More versions after the first: 「/1.3」「、1.3」「および 1.3」 (「および TLS 1.3」 is a mention of its own). */
const MORE = /^\s*(?:\/|、|,|および|及び|と|and|or|または|又は)\s*(?:v|ver\.?)?\s*(\d(?:\.\d)?)(?![\d.])/i;
const MIN = /^\s*(?:以上|以降|or (?:later|higher|above)|\+)/i;
const MAX = /^\s*(?:以下|まで)/;
const BELOW = /^\s*(?:未満|より(?:前|古い|下))/;
/** 「TLS 1.2 に対応したブラウザが必要です」: what is required has at least this version. */
const REQUIRED = /^\s*(?:に)?対応(?:した|している)[^。、]{0,20}?(?:が|は)?(?:必要|必須)/;

function version(protocol: string, v: string): string {
  const norm = v.includes('.') ? v : `${v}.0`;
  return protocol === 'SSL' ? `ssl${norm}` : norm;
}

export const tls: Extractor = ({ a }) => {
  const versioned: Draft[] = [];
  let named = -1;
  for (const m of a.text.matchAll(MENTION)) {
    const protocol = m[1]!;
    let rest = a.text.slice(m.index + m[0].length);
    const first = VERSION.exec(rest);
    if (!first) {
      if (named < 0) named = m.index;
      continue;
    }
    const versions = [first[1]!];
    rest = rest.slice(first[0].length);
    for (let more = MORE.exec(rest); more; more = MORE.exec(rest)) {
      versions.push(more[1]!);
      rest = rest.slice(more[0].length);
    }
    let bound = MIN.test(rest) || REQUIRED.test(rest) ? 'min' : MAX.test(rest) ? 'max' : 'exact';
    const denial = negationAt(a, m.index);
    let negated = denial.negated;
    // 「TLS 1.2 に対応していないブラウザではご利用いただけません」: what lacks it is refused, so it is the minimum.
    if (denial.requirement) bound = 'min';
    // 「TLS1.2未満は使用できません」: what is below it is refused, so it is the minimum.
    if (BELOW.test(rest)) {
      if (!negated) continue;
      (bound = 'min'), (negated = false);
    }
    for (const v of versions) {
      versioned.push({ kind: 'tls', value: version(protocol, v), bound, negated, at: m.index, end: m.index + m[0].length, denial: negated && denial.cue !== null ? predicateAround(a, denial.cue) : null });
    }
  }
  // 「SSL/TLS（TLS 1.2 対応）」 names the protocol and then its version: one fact, the versioned one.
  if (versioned.length > 0) return versioned;
  if (named >= 0) return [{ kind: 'tls', value: null, bound: 'exact', ...claim(a, named, named + 3) }];
  return [];
};

export const tlsKind = defineKind({
  kind: 'tls',
  name: { ja: 'TLSバージョン', en: 'TLS version' },
  value: { type: 'version' },
  attributes: ['bound'],
  identity: ['value'],
  extract: tls,
});
