// Paths and helpers shared by the PDF extraction tests.
import { readdirSync, readFileSync } from 'node:fs';
import type { TextItem } from '../../src/extract/layout.ts';

export const FIXTURES = new URL('../fixtures/', import.meta.url);
export const GOLD = new URL('../gold/', import.meta.url);
export const CORPUS = new URL('../../corpus/', import.meta.url);

/** Bytes of a fixture, as a plain Uint8Array (what the pipeline hands extractPdf). */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIXTURES)));
}

export function fixtureNames(dir: string, ext = '.pdf'): string[] {
  return readdirSync(new URL(`${dir}/`, FIXTURES))
    .filter((f) => f.endsWith(ext))
    .sort();
}

export interface ItemPage {
  page: number;
  height: number;
  items: TextItem[];
}

/** Real text items dumped from a PDF page by scripts/make-pdf-fixtures.ts. */
export function itemPages(name: string): ItemPage[] {
  const json = JSON.parse(readFileSync(new URL(`pdf-items/${name}.json`, FIXTURES), 'utf8')) as { pages: ItemPage[] };
  return json.pages;
}

export interface Gold {
  sections: { control: string; starts: string; iso27001_2022: string | null }[];
  facts: unknown[];
}

export function gold(id: string): Gold {
  return JSON.parse(readFileSync(new URL(`${id}.json`, GOLD), 'utf8')) as Gold;
}

/** The gold's comparison: whitespace and Markdown marks dropped. */
export function compact(s: string): string {
  return s.replace(/\s+/g, '').replace(/[[\]()<>*#]/g, '');
}
