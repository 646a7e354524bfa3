// Every document of the dev set (test/dev/: ten layouts the corpus does not show) against its gold:
// the control sections, where each body starts, and the 27001:2022 number the document gives.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/segment/sections.ts';
import { compact, DEV, readJson, readLines, type Gold } from './support.ts';

const GOLDS = readdirSync(DEV).filter((f) => /^dev\d+_.*\.json$/.test(f)).sort();

describe.each(GOLDS)('test/dev/%s', (goldFile) => {
  const gold = readJson<Gold>(new URL(goldFile, DEV));

  it('yields exactly the gold sections: control, body start, 27001:2022 number', () => {
    const actual = segment(readLines(new URL(gold.file, DEV))).map((s) => ({
      control: s.controlId,
      starts: compact(s.body).slice(0, 8),
      iso27001_2022: s.iso27001_2022,
    }));
    const expected = gold.sections.map((s) => ({ control: s.control, starts: compact(s.starts).slice(0, 8), iso27001_2022: s.iso27001_2022 }));
    expect(actual).toEqual(expected);
  });
});
