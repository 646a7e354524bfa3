// A team's own requirements, as a JSON (or YAML) policy file: what `hakusho check` judges every whitepaper
// against. What a requirement may name (kinds, attributes, the type of each value) comes from the
// fact registry, so a new kind or attribute is usable in a policy with nothing added here.
import { ATTRIBUTES, type AttributeColumn } from '../facts/attributes.ts';
import '../facts/kinds/all.ts';
import { kindOf, kinds, type FactKind } from '../facts/registry.ts';

export const COMPARATORS = ['min', 'max', 'equals', 'in'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export type Scalar = string | number | boolean;

export interface Requirement {
  id: string;
  title: string;
  kind: string;
  /** Attribute column → the value a candidate fact must have. */
  where: Partial<Record<AttributeColumn, Scalar>>;
  comparator: Comparator;
  /** A number or a version for min/max, a value for equals, a list for in. */
  value: Scalar | readonly Scalar[];
}

export interface Policy {
  name: string;
  requirements: Requirement[];
}

/** The policy cannot be used; the message names the requirement and the key. */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

const TOP_KEYS = ['name', 'requirements'];
const REQUIREMENT_KEYS = ['id', 'title', 'kind', 'where', ...COMPARATORS];

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
const isVersion = (v: unknown) => typeof v === 'string' && /^(?:\d+(?:\.\d+)*|ssl\d+(?:\.\d+)?)$/.test(v);

/** What one value of this kind must be, as a check and the words for the message. */
function valueRule(spec: FactKind, comparator: Comparator): { ok: (v: unknown) => boolean; what: string } | null {
  switch (spec.value.type) {
    case 'integer':
      return { ok: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, what: 'a whole number' };
    case 'version':
      return { ok: isVersion, what: 'a version as a string ("1.2")' };
    case 'flag':
      return comparator === 'equals' ? { ok: (v) => typeof v === 'boolean', what: 'true or false' } : null;
    case 'code':
      return comparator === 'min' || comparator === 'max' ? null : { ok: (v) => typeof v === 'string' && v !== '', what: 'a string' };
  }
}

function parseRequirement(raw: unknown, index: number, seen: Set<string>): Requirement {
  const at = (r: Record<string, unknown>) => `requirement ${typeof r.id === 'string' && r.id ? `"${r.id}"` : `#${index + 1}`}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PolicyError(`requirement #${index + 1} is ${typeOf(raw)}, not an object`);
  const r = raw as Record<string, unknown>;
  const where = at(r);
  for (const key of Object.keys(r)) {
    if (!REQUIREMENT_KEYS.includes(key)) throw new PolicyError(`${where}: unknown key "${key}" (a requirement has ${REQUIREMENT_KEYS.map((k) => `"${k}"`).join(', ')})`);
  }
  for (const key of ['id', 'title', 'kind'] as const) {
    if (r[key] === undefined) throw new PolicyError(`${where}: "${key}" is missing`);
    if (typeof r[key] !== 'string' || r[key] === '') throw new PolicyError(`${where}: "${key}" must be a non-empty string, not ${typeOf(r[key])}`);
  }
  const id = r.id as string;
  if (seen.has(id)) throw new PolicyError(`${where}: "id" is used twice; give each requirement its own`);
  seen.add(id);
  const spec = kindOf(r.kind as string);
  if (!spec) throw new PolicyError(`${where}: unknown "kind" "${r.kind as string}" (one of ${kinds().map((k) => k.kind).join(', ')})`);

  const given = COMPARATORS.filter((c) => r[c] !== undefined);
  if (given.length !== 1) {
    throw new PolicyError(
      given.length === 0
        ? `${where}: give exactly one of "min", "max", "equals", "in"`
        : `${where}: ${given.map((c) => `"${c}"`).join(' and ')} in one requirement; give exactly one of "min", "max", "equals", "in"`,
    );
  }
  const comparator = given[0]!;
  const rule = valueRule(spec, comparator);
  if (!rule) throw new PolicyError(`${where}: "${comparator}" does not apply to ${spec.kind} (its values are ${spec.value.type === 'flag' ? 'true or false: use "equals"' : 'codes: use "equals" or "in"'})`);
  const value = r[comparator];
  if (comparator === 'in') {
    if (!Array.isArray(value) || value.length === 0) throw new PolicyError(`${where}: "in" must be a non-empty list, not ${typeOf(value)}`);
    const bad = value.find((v) => !rule.ok(v));
    if (bad !== undefined) throw new PolicyError(`${where}: "in" holds ${JSON.stringify(bad)}; each must be ${rule.what}`);
  } else if (!rule.ok(value)) {
    throw new PolicyError(`${where}: "${comparator}" must be ${rule.what}, not ${JSON.stringify(value)}`);
  }

  const conditions: Partial<Record<AttributeColumn, Scalar>> = {};
  if (r.where !== undefined) {
    if (typeof r.where !== 'object' || r.where === null || Array.isArray(r.where)) throw new PolicyError(`${where}: "where" must be an object, not ${typeOf(r.where)}`);
    for (const [key, v] of Object.entries(r.where)) {
      const attribute = ATTRIBUTES.find((a) => a.column === key);
      if (!attribute || !spec.attributes.includes(attribute.column)) {
        const allowed = spec.attributes.map((a) => `"${a}"`).join(', ') || 'none';
        throw new PolicyError(`${where}: unknown attribute "${key}" in "where" (${spec.kind} has ${allowed})`);
      }
      const ok = attribute.type === 'boolean' ? typeof v === 'boolean' : typeof v === 'string' && v !== '';
      if (!ok) throw new PolicyError(`${where}: "where"."${key}" must be ${attribute.type === 'boolean' ? 'true or false' : 'a string'}, not ${JSON.stringify(v)}`);
      conditions[attribute.column] = v as Scalar;
    }
  }
  return { id, title: r.title as string, kind: spec.kind, where: conditions, comparator, value: value as Scalar | Scalar[] };
}

/** Reads a policy file's text, JSON or (with `yaml`) YAML; throws PolicyError naming what is wrong and where. */
export async function parsePolicy(text: string, format: 'json' | 'yaml' = 'json'): Promise<Policy> {
  let raw: unknown;
  if (format === 'yaml') {
    // Loaded only for a YAML policy: the yaml package costs ~30 ms to load.
    const { parse, YAMLParseError } = await import('yaml');
    try {
      raw = parse(text);
    } catch (e) {
      if (e instanceof YAMLParseError) throw new PolicyError(`not valid YAML (${e.message.split('\n')[0]})`);
      throw e;
    }
  } else {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new PolicyError(`not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PolicyError(`the policy is ${typeOf(raw)}; write an object {"name": …, "requirements": [...]}`);
  const p = raw as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!TOP_KEYS.includes(key)) throw new PolicyError(`unknown key "${key}" at the top (a policy has "name" and "requirements")`);
  }
  if (p.name !== undefined && typeof p.name !== 'string') throw new PolicyError(`"name" must be a string, not ${typeOf(p.name)}`);
  if (!Array.isArray(p.requirements) || p.requirements.length === 0) throw new PolicyError(`"requirements" must be a non-empty list, not ${typeOf(p.requirements)}`);
  const seen = new Set<string>();
  return { name: (p.name as string | undefined) ?? '', requirements: p.requirements.map((r, i) => parseRequirement(r, i, seen)) };
}
