// One requirement against one whitepaper's facts: pass, fail or unknown, and the fact that decided.
// Pure: the facts come in, the verdict goes out (src/policy/check.ts reads them from the database).
//
// The candidates are the facts of the requirement's kind whose attributes equal its `where`.
// Affirmed facts with a value decide:
//   min     pass when one reaches it; fail when all fall short;
//   max     pass when all stay within it; fail when one exceeds it;
//   equals  pass when one equals it; fail when a negated fact denies it;
//   in      pass when all are in the set; fail when one is outside it.
// A fact bounded the other way cannot settle a comparison it only might meet: 「最大30日」 does not
// reach a minimum of 7, 「3年以上」 does exceed a maximum of 90 days, 「90日以上」 is not within 120.
// Versions compare as versions (SSL 3.0 < TLS 1.0 < 1.2 < 1.10); a denial with no value (「TLS 通信は
// 提供していません」) fails any TLS requirement. A value's equivalents (a provider region's country)
// count as the value.
import type { AttributeColumn } from '../facts/attributes.ts';
import { kindOf } from '../facts/registry.ts';
import type { Requirement, Scalar } from './policy.ts';

export type Status = 'pass' | 'fail' | 'unknown';

export interface PolicyFact {
  kind: string;
  value: string | null;
  negated: boolean;
  attributes: Partial<Record<AttributeColumn, string | boolean | null>>;
  control_id: string | null;
  page: number | null;
  evidence: string;
}

export interface Verdict {
  status: Status;
  /** The fact that decided; null when nothing did. */
  fact: PolicyFact | null;
}

/** 「1.2」→ [1, 1, 2], 「ssl3.0」→ [0, 3, 0]: SSL before every TLS version. */
function versionKey(v: string): number[] {
  const ssl = /^ssl(.*)$/i.exec(v);
  return [ssl ? 0 : 1, ...(ssl ? ssl[1]! : v).split('.').map(Number)];
}

function compareVersions(a: string, b: string): number {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const decide = (status: Status, fact: PolicyFact | null = null): Verdict => ({ status, fact });

export function judge(req: Requirement, facts: readonly PolicyFact[]): Verdict {
  const spec = kindOf(req.kind);
  const type = spec?.value.type;
  const candidates = facts.filter(
    (f) => f.kind === req.kind && Object.entries(req.where).every(([column, want]) => (f.attributes[column as AttributeColumn] ?? null) === want),
  );
  const affirmed = candidates.filter((f) => !f.negated && f.value !== null);
  const denied = candidates.filter((f) => f.negated);
  if (type === 'version') {
    const none = denied.find((f) => f.value === null);
    if (none) return decide('fail', none);
  }
  // Numbers and versions in order; the fact nearest the limit decides among several.
  const compare = (value: string, limit: Scalar) => (type === 'version' ? compareVersions(value, String(limit)) : Number(value) - Number(limit));
  const largest = (list: PolicyFact[]) => list.reduce((a, b) => (compare(b.value!, a.value!) > 0 ? b : a));
  const equivalent = (value: string, want: Scalar) =>
    (type === 'version' ? compareVersions(value, String(want)) === 0 : value === String(want)) || (spec?.equivalents?.(value) ?? []).includes(String(want));

  switch (req.comparator) {
    case 'min': {
      const reach = affirmed.filter((f) => compare(f.value!, req.value as Scalar) >= 0 && f.attributes.bound !== 'max');
      if (reach.length > 0) return decide('pass', largest(reach));
      const short = affirmed.filter((f) => compare(f.value!, req.value as Scalar) < 0 && f.attributes.bound !== 'min');
      if (affirmed.length > 0 && short.length === affirmed.length) return decide('fail', largest(short));
      return decide('unknown');
    }
    case 'max': {
      const over = affirmed.filter((f) => compare(f.value!, req.value as Scalar) > 0 && f.attributes.bound !== 'max');
      if (over.length > 0) return decide('fail', largest(over));
      const within = affirmed.filter((f) => compare(f.value!, req.value as Scalar) <= 0 && f.attributes.bound !== 'min');
      if (affirmed.length > 0 && within.length === affirmed.length) return decide('pass', largest(within));
      return decide('unknown');
    }
    case 'equals': {
      if (type === 'flag') {
        // A flag fact says the feature is there; negated, that it is not.
        const match = candidates.find((f) => !f.negated === req.value);
        if (match) return decide('pass', match);
        const other = candidates.find((f) => !f.negated !== req.value);
        return other ? decide('fail', other) : decide('unknown');
      }
      const match = affirmed.find((f) => equivalent(f.value!, req.value as Scalar));
      if (match) return decide('pass', match);
      const denial = denied.find((f) => f.value !== null && equivalent(f.value, req.value as Scalar));
      return denial ? decide('fail', denial) : decide('unknown');
    }
    case 'in': {
      const set = req.value as readonly Scalar[];
      const outside = affirmed.find((f) => !set.some((want) => equivalent(f.value!, want)));
      if (outside) return decide('fail', outside);
      return affirmed.length > 0 ? decide('pass', affirmed[0]!) : decide('unknown');
    }
  }
}
