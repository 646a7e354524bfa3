// What the segment tests share: reading a text file the way the pipeline does, and comparing
// bodies the way test/gold/README.md does.
import { readFileSync } from 'node:fs';
import { extractText } from '../../src/extract/text.ts';
import { normalizeLines } from '../../src/normalize/lines.ts';
import type { DocumentMeta, Line, Section } from '../../src/types.ts';

/** extractText → normalizeLines, as pipelines/whitepaper-ja.ts runs a .txt/.md file. */
export function readLines(file: URL): Line[] {
  return normalizeLines(extractText(readFileSync(file), { markdown: file.pathname.endsWith('.md') }).lines);
}

export function readJson<T>(file: URL): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** NFKC, no whitespace, no Markdown marks: a renderer that turns `[text](url)` into a link is not penalised. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[[\]()<>*#]/g, '');
}

/** One test/gold/*.json file (the fields the segment stage produces). */
export interface Gold {
  file: string;
  vendor: string | null;
  services: string[];
  version: string | null;
  published: string | null;
  revisions: [string, string | null][];
  sections: { control: string; starts: string; iso27001_2022: string | null }[];
}

export const CORPUS = new URL('../../corpus/', import.meta.url);
export const GOLD = new URL('../gold/', import.meta.url);
export const DEV = new URL('../dev/', import.meta.url);
export const CORPUS_FILES = ['000_0e3f9a925e004c1f', '001_54f9b4840afe051d', '002_06e9b655fac815a7', '003_a13703324aa8d91f', '004_6a6be46e2bd93d57'];

/** Sections as the gold compares them: control, the first 8 characters of the body (compacted), 27001:2022 number. */
export function asGoldSections(sections: readonly Section[]) {
  return sections.map((s) => ({ control: s.controlId, starts: compact(s.body).slice(0, 8), iso27001_2022: s.iso27001_2022 }));
}

/** The gold's sections, compared the same way. */
export function goldSections(gold: Gold) {
  return gold.sections.map((s) => ({ control: s.control, starts: compact(s.starts).slice(0, 8), iso27001_2022: s.iso27001_2022 }));
}

/** Metadata as the gold writes it (revisions as [version, date] pairs). */
export function asGoldMeta(meta: DocumentMeta) {
  return { vendor: meta.vendor, services: meta.services, version: meta.version, published: meta.published, revisions: meta.revisions.map((r) => [r.version, r.date]) };
}

/** The gold's metadata fields. */
export function goldMeta(gold: Gold) {
  return { vendor: gold.vendor, services: gold.services, version: gold.version, published: gold.published, revisions: gold.revisions };
}
