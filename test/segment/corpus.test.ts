// Every corpus file against its gold annotation: the control sections (ids, where each body
// starts, the 27001:2022 mapping the document prints) and the document metadata.
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/segment/metadata.ts';
import { segment } from '../../src/segment/sections.ts';
import { asGoldMeta, asGoldSections, CORPUS, CORPUS_FILES, GOLD, goldMeta, goldSections, readJson, readLines, type Gold } from './support.ts';

describe.each(CORPUS_FILES)('corpus/%s.txt', (name) => {
  const gold = readJson<Gold>(new URL(`${name}.json`, GOLD));
  const lines = readLines(new URL(`${name}.txt`, CORPUS));

  it('yields exactly the gold sections: control, body start, 27001:2022 mapping', () => {
    // The gold compares the first 8 characters after dropping whitespace and Markdown marks.
    expect(asGoldSections(segment(lines))).toEqual(goldSections(gold));
  });

  it('yields the gold metadata', () => {
    expect(asGoldMeta(extractMetadata(lines))).toEqual(goldMeta(gold));
  });
});
