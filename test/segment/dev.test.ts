// Every document of the dev set (test/dev/: ten layouts the corpus does not show), of the holdout
// (test/holdout/: twenty more in those families by another hand) and of test/real/ (layouts of real
// public pages) against its gold: the control
// sections, where each body starts, the 27001:2022 number the document gives, and the metadata.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/segment/metadata.ts';
import { segment } from '../../src/segment/sections.ts';
import { compact, DEV, readJson, readLines, type Gold } from './support.ts';

const HOLDOUT = new URL('../holdout/', import.meta.url);
const REAL = new URL('../real/', import.meta.url);
const GOLDS = [DEV, HOLDOUT, REAL].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /^(?:dev|h|real)\d+_.*\.json$/.test(f))
    .sort()
    .map((f) => [f, dir] as const),
);

describe.each(GOLDS)('%s', (goldFile, DIR) => {
  const gold = readJson<Gold>(new URL(goldFile, DIR));

  it('yields exactly the gold sections: control, body start, 27001:2022 number', () => {
    const actual = segment(readLines(new URL(gold.file, DIR))).map((s) => ({
      control: s.controlId,
      starts: compact(s.body).slice(0, 8),
      iso27001_2022: s.iso27001_2022,
    }));
    const expected = gold.sections.map((s) => ({ control: s.control, starts: compact(s.starts).slice(0, 8), iso27001_2022: s.iso27001_2022 }));
    expect(actual).toEqual(expected);
  });

  it('yields the gold metadata: vendor, services, edition, date, revision history', () => {
    const meta = extractMetadata(readLines(new URL(gold.file, DIR)));
    expect({
      vendor: meta.vendor,
      services: meta.services,
      version: meta.version,
      published: meta.published,
      revisions: meta.revisions.map((r) => [r.version, r.date]),
    }).toEqual({ vendor: gold.vendor, services: gold.services, version: gold.version, published: gold.published, revisions: gold.revisions });
  });
});
