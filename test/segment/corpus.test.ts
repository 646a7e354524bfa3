// Every corpus file against its gold annotation: the control sections (ids, where each body
// starts, the 27001:2022 mapping the document prints) and the document metadata.
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/segment/metadata.ts';
import { segment } from '../../src/segment/sections.ts';
import { compact, CORPUS, CORPUS_FILES, GOLD, readJson, readLines, type Gold } from './support.ts';

describe.each(CORPUS_FILES)('corpus/%s.txt', (name) => {
  const gold = readJson<Gold>(new URL(`${name}.json`, GOLD));
  const lines = readLines(new URL(`${name}.txt`, CORPUS));

  it('yields exactly the gold sections: control, body start, 27001:2022 mapping', () => {
    // The gold compares the first 8 characters after dropping whitespace and Markdown marks.
    const actual = segment(lines).map((s) => ({ control: s.controlId, starts: compact(s.body).slice(0, 8), iso27001_2022: s.iso27001_2022 }));
    const expected = gold.sections.map((s) => ({ control: s.control, starts: compact(s.starts).slice(0, 8), iso27001_2022: s.iso27001_2022 }));
    expect(actual).toEqual(expected);
  });

  it('yields the gold metadata', () => {
    const meta = extractMetadata(lines);
    expect({
      vendor: meta.vendor,
      services: meta.services,
      version: meta.version,
      published: meta.published,
      revisions: meta.revisions.map((r) => [r.version, r.date]),
    }).toEqual({ vendor: gold.vendor, services: gold.services, version: gold.version, published: gold.published, revisions: gold.revisions });
  });
});
