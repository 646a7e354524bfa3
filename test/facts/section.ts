// Builds a Section from a control id and body text, the way segmentation hands one to facts.
import type { Draft } from '../../src/facts/kinds/context.ts';
import type { Fact, Section } from '../../src/types.ts';

/**
 * A section whose body is `body`. Its lines are the body's lines (pages from `pages`), or, to model
 * a paragraph joined from wrapped lines, the given `lines`.
 */
export function makeSection(
  controlId: string | null,
  body: string,
  opts: { ord?: number; pages?: (number | null)[]; lines?: { text: string; page: number | null }[] } = {},
): Section {
  const lines = (opts.lines ?? body.split('\n').map((text, i) => ({ text, page: opts.pages?.[i] ?? null }))).map((l, i) => ({ ...l, line: i + 1 }));
  return {
    ord: opts.ord ?? 0,
    controlId,
    heading: controlId ?? '',
    body,
    page: lines[0]?.page ?? null,
    line: 1,
    iso27001_2022: null,
    matchedBy: controlId ? 'id' : null,
    lines,
  };
}

/** What a fixture states of a fact; everything left out is null (negated: false). */
export type ExpectedFact = Draft;

const ATTRS = ['kind', 'value', 'unit', 'frequency', 'subject', 'bound', 'negated', 'keyManagement', 'timezone', 'thirdParty'] as const;

/** The comparable part of a fact, as a sorted-key JSON string. */
export function project(f: Fact | ExpectedFact): string {
  const full: Record<string, unknown> = {};
  for (const a of ATTRS) {
    const v = (f as unknown as Record<string, unknown>)[a];
    if (a === 'negated') full[a] = v ?? false;
    else if (a === 'thirdParty') full[a] = v ?? (f.kind === 'vulnerability_assessment' ? false : null);
    else full[a] = v ?? null;
  }
  return JSON.stringify(full);
}
