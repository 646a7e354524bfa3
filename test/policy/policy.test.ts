// Policy files that cannot be used are refused with a message naming the requirement and the key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError } from '../../src/policy/policy.ts';

const REFUSED = JSON.parse(readFileSync(new URL('../fixtures/policy/refused.json', import.meta.url), 'utf8')) as { policy: unknown; names: string[] }[];

describe('a policy that cannot be used', () => {
  it.each(REFUSED.map((c) => [c.names.join(' · '), c] as const))('is refused, naming %s', async (_, c) => {
    let error: unknown;
    try {
      await parsePolicy(JSON.stringify(c.policy));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    for (const name of c.names) expect((error as Error).message).toContain(name);
  });

  it('is refused when it is no JSON, or no YAML', async () => {
    await expect(parsePolicy('{"requirements": [')).rejects.toThrow(/not valid JSON/);
    await expect(parsePolicy('requirements: [\n  - id: a\n    kind: "mfa', 'yaml')).rejects.toThrow(/not valid YAML/);
  });
});

describe('a policy that can be used', () => {
  it('is read with its where-conditions and comparator (examples/policy.json)', async () => {
    const policy = await parsePolicy(readFileSync(new URL('../../examples/policy.json', import.meta.url), 'utf8'));
    expect(policy.name).toBe('sample');
    expect(policy.requirements.map((r) => [r.id, r.kind, r.where, r.comparator, r.value])).toEqual([
      ['backup-daily-7', 'backup_generations', { frequency: 'daily' }, 'min', 7],
      ['mfa', 'mfa', {}, 'equals', true],
      ['data-in-japan', 'region', {}, 'in', ['JP']],
      ['delete-90', 'retention_days', { subject: 'customer_data' }, 'max', 90],
    ]);
  });
});

describe('a YAML policy', () => {
  it('reads as the same policy as its JSON (examples/policy.yaml and examples/policy.json)', async () => {
    const yaml = await parsePolicy(readFileSync(new URL('../../examples/policy.yaml', import.meta.url), 'utf8'), 'yaml');
    const json = await parsePolicy(readFileSync(new URL('../../examples/policy.json', import.meta.url), 'utf8'));
    expect(yaml).toEqual(json);
  });

  it('is refused like a JSON one, naming the requirement and the key', async () => {
    await expect(parsePolicy('name: x\nrequirements:\n  - id: backup\n    title: t\n    kind: backup_generations\n    minimum: 7\n', 'yaml')).rejects.toThrow(/requirement "backup": unknown key "minimum"/);
  });
});
