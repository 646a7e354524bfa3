// Every dev-set PDF against the text or Markdown version of the same document, as
// scripts/pdf-fidelity.ts measures it (scripts/pdf-fidelity-score.ts): the same characters in
// the same order, the same table rows cell by cell, no header or footer left and no text lost.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fidelity } from '../../scripts/pdf-fidelity-score.ts';
import { devDocuments, measure, PRODUCERS } from '../../scripts/pdf-fidelity.ts';

/** Least figures per document: chars, cells, starts. Where a figure is lower, the printed page itself differs. */
const FLOOR: Record<string, [number, number, number]> = {
  dev01_kanrisaku: [0.999, 1, 1],
  dev02_sumikakko: [0.999, 1, 1],
  dev03_shikaku: [0.999, 1, 1],
  dev04_paren: [0.999, 1, 1],
  // The text is pdftotext output: it still holds the running header and 「― n ―」 page numbers.
  dev05_chapters: [0.97, 1, 0.9],
  // Markdown list dashes that a browser prints as bullets (not text).
  dev06_helpcenter: [0.999, 1, 0.97],
  dev07_bilingual: [0.999, 1, 1],
  // One table-of-contents cell is drawn as one text run with its page number (ReportLab); the
  // browser prints the TOC's TAB as a space, so its rows are lines of text there (cells not counted below).
  dev08_iso27001: [0.999, 0.97, 1],
  dev09_markdown: [0.999, 1, 0.96],
  dev10_excel: [0.999, 0.99, 1],
};

/** Chromium prints dev08's table of contents without its TABs: not a table on the page. */
const NO_TABLE = new Set(['chromium dev08_iso27001-2022-first']);

const cases = devDocuments().flatMap((doc) => PRODUCERS.map((producer) => ({ doc, producer })));

describe.each(cases)('$doc.name ($producer)', ({ doc, producer }) => {
  let f: Fidelity;
  const floor = FLOOR[Object.keys(FLOOR).find((k) => doc.name.startsWith(k))!]!;
  beforeAll(async () => {
    f = (await measure(doc, producer))!;
  });

  it('has the characters of the text, in its order', () => {
    expect(f.chars).toBeGreaterThanOrEqual(floor[0]);
  });

  it('has the rows of the text, cell for cell', () => {
    if (!NO_TABLE.has(`${producer} ${doc.name}`)) expect(f.cells).toBeGreaterThanOrEqual(floor[1]);
  });

  it('starts its lines where the text starts its lines and rows', () => {
    expect(f.starts).toBeGreaterThanOrEqual(floor[2]);
  });

  it('leaves no running header, footer or page number in, and loses no line', () => {
    // Lines of one side whose characters the other side does not hold at all.
    const left = f.diff.filter((d) => d.startsWith('+ text'));
    const lost = f.diff.filter((d) => d.startsWith('- text') && !/^- text "― \d+ ―"$/.test(d));
    expect(left).toEqual([]);
    expect(lost).toEqual([]);
  });
});
