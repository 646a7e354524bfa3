// Segmentation of real layouts, one fixture per case: test/fixtures/segment/<case>/input.txt and
// the sections expected of it. Lines are copied from the corpus or written as other vendors
// print them; expected.json says what each case is about.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment, segmentDocument, type RejectReason } from '../../src/segment/sections.ts';
import { compact, readJson, readLines } from './support.ts';

type Aspect = 'controls' | 'bodies' | 'headings' | 'rejected';

interface Fixture {
  about: string;
  source?: string;
  /** Aspects src/segment gets wrong today, with why; the test is kept and marked it.fails. */
  knownFailures?: Partial<Record<Aspect, string>>;
  sections: { control: string; heading: string; starts: string; ends?: string; iso27001_2022: string | null }[];
  /** Heading-like lines that open no section, each with why (the start of the line is enough). */
  rejected?: { text: string; reason: RejectReason }[];
}

const DIR = new URL('../fixtures/segment/', import.meta.url);
/** A case's input: input.txt, or input.md for Markdown (its tables are read as tables). */
const input = (name: string) => new URL(`${name}/${readdirSync(new URL(`${name}/`, DIR)).find((f) => f.startsWith('input.'))}`, DIR);

const CASES = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe.each(CASES)('%s', (name) => {
  const fixture = readJson<Fixture>(new URL(`${name}/expected.json`, DIR));
  const sections = () => segment(readLines(input(name)));
  // it.fails keeps a known failure visible and turns red once the fix lands, so the mark is removed.
  const test = (aspect: Aspect) => (fixture.knownFailures?.[aspect] ? it.fails : it);

  test('controls')('finds exactly these control sections, with the 27001:2022 mapping the document prints', () => {
    expect(sections().map((s) => ({ control: s.controlId, iso27001_2022: s.iso27001_2022 }))).toEqual(
      fixture.sections.map((s) => ({ control: s.control, iso27001_2022: s.iso27001_2022 })),
    );
  });

  test('bodies')('starts and ends each body where the document does', () => {
    const actual = sections().map((s, i) => {
      const body = compact(s.body);
      const want = fixture.sections[i];
      const startLength = want ? compact(want.starts).length : 12;
      const endLength = want?.ends ? compact(want.ends).length : 0;
      return { control: s.controlId, starts: body.slice(0, startLength), ends: endLength ? body.slice(-endLength) : undefined };
    });
    const expected = fixture.sections.map((s) => ({ control: s.control, starts: compact(s.starts), ends: s.ends === undefined ? undefined : compact(s.ends) }));
    expect(actual).toEqual(expected);
  });

  test('headings')('reads each heading as printed, without its number or mapping', () => {
    expect(sections().map((s) => s.heading)).toEqual(fixture.sections.map((s) => s.heading.normalize('NFKC')));
  });

  if (fixture.rejected) {
    test('rejected')('rejects each heading-like line that is no section, with the reason', () => {
      const { rejected } = segmentDocument(readLines(input(name)));
      const expected = fixture.rejected!.map((r) => ({ text: r.text.normalize('NFKC'), reason: r.reason }));
      const actual = rejected.map((r, i) => ({ text: r.text.slice(0, expected[i]?.text.length ?? r.text.length), reason: r.reason }));
      expect(actual).toEqual(expected);
    });
  }
});
