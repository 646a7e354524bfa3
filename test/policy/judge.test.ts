// Each comparator on real shapes of facts: affirmed, negated, bounded, of another attribute, missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_COLUMNS, type AttributeColumn } from '../../src/facts/attributes.ts';
import { judge, type PolicyFact } from '../../src/policy/judge.ts';
import { parsePolicy } from '../../src/policy/policy.ts';

interface Case {
  name: string;
  requirement: Record<string, unknown>;
  facts: ({ kind: string; value: string | null; negated?: boolean } & Partial<Record<AttributeColumn, string | boolean>>)[];
  status: 'pass' | 'fail' | 'unknown';
  /** Index of the deciding fact, or null. */
  decided_by: number | null;
}

const CASES = JSON.parse(readFileSync(new URL('../fixtures/policy/judge-cases.json', import.meta.url), 'utf8')) as Case[];

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
  it(`is ${c.status}`, async () => {
    // Through the policy parser, as a user's file would be.
    const [requirement] = (await parsePolicy(JSON.stringify({ requirements: [{ id: 'r', title: 'r', ...c.requirement }] }))).requirements;
    const facts: PolicyFact[] = c.facts.map((f, i) => ({
      kind: f.kind,
      value: f.value,
      negated: f.negated ?? false,
      attributes: Object.fromEntries(ATTRIBUTE_COLUMNS.map((col) => [col, f[col] ?? null])),
      control_id: '12.3.1',
      page: i + 1,
      evidence: `sentence ${i}`,
    }));
    const verdict = judge(requirement!, facts);
    expect(verdict.status).toBe(c.status);
    expect(verdict.fact).toBe(c.decided_by === null ? null : facts[c.decided_by]);
  });
});
