// Every document of the dev set (test/dev/: ten layouts the corpus does not show), of the holdout
// (test/holdout/: twenty more in those families by another hand) and of test/real/ (layouts of real
// public pages) against its gold: the control
// sections, where each body starts, the 27001:2022 number the document gives, and the metadata.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/segment/metadata.ts';
import { segment } from '../../src/segment/sections.ts';
import { asGoldMeta, asGoldSections, DEV, goldMeta, goldSections, readJson, readLines, type Gold } from './support.ts';

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
    expect(asGoldSections(segment(readLines(new URL(gold.file, DIR))))).toEqual(goldSections(gold));
  });

  it('yields the gold metadata: vendor, services, edition, date, revision history', () => {
    expect(asGoldMeta(extractMetadata(readLines(new URL(gold.file, DIR))))).toEqual(goldMeta(gold));
  });
});
