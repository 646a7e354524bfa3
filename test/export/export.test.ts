import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oscalControlId, uuidV5 } from '../../src/export/oscal.ts';
import { openForWrite } from '../../src/store/db.ts';
import { buildCorpusDb, cli, parseCsv, type Built } from '../query/helpers.ts';

let built: Built;
let counts: { documents: number; sections: number; facts: number };
let evilFactId: number;
/** Evidence with every character XML and CSV must escape. */
const EVIL = 'バックアップは <b>&"日次"</b>, \'35\' 世代\n(改行つき)';

beforeAll(async () => {
  built = await buildCorpusDb('hakusho-export-');
  // A fact of our own, so that props, remarks and escaping are checked whatever extraction finds.
  const db = openForWrite(built.db);
  const section = db.prepare("SELECT id, document_id FROM sections WHERE control_id = '12.3.1' ORDER BY id LIMIT 1").get() as { id: number; document_id: number };
  evilFactId = Number(
    db
      .prepare(
        `INSERT INTO facts (document_id, section_id, control_id, kind, value, unit, frequency, negated, evidence, page)
         VALUES (?, ?, '12.3.1', 'backup_generations', '35', NULL, 'daily', 1, ?, 7)`,
      )
      .run(section.document_id, section.id, EVIL).lastInsertRowid,
  );
  const n = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  counts = { documents: n('documents'), sections: n('sections'), facts: n('facts') };
  db.close();
});
afterAll(() => built?.cleanup());

describe('export --format csv', () => {
  it('writes the facts table by default, one row per fact, values intact', async () => {
    const r = await cli('export', '--format', 'csv', '--db', built.db);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('fact_id,document_id,vendor,')).toBe(true);
    const rows = parseCsv(r.stdout);
    expect(rows).toHaveLength(counts.facts + 1);
    const header = rows[0]!;
    const evil = rows.find((row) => row[0] === String(evilFactId))!;
    const get = (name: string) => evil[header.indexOf(name)];
    expect(get('evidence')).toBe(EVIL);
    expect(get('negated')).toBe('1');
    expect(get('label')).toBe('not 35 (daily)');
    expect(get('control_id')).toBe('12.3.1');
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('writes sections or documents with --table, and a BOM with --bom', async () => {
    const sections = parseCsv((await cli('export', '--format', 'csv', '--table', 'sections', '--db', built.db)).stdout);
    expect(sections).toHaveLength(counts.sections + 1);
    expect(sections[0]).toContain('body');
    const docs = await cli('export', '--format', 'csv', '--table', 'documents', '--bom', '--db', built.db);
    expect(docs.stdout.startsWith('\ufeffdocument_id,')).toBe(true);
    expect(parseCsv(docs.stdout.slice(1))).toHaveLength(counts.documents + 1);
  });

  it('refuses options that do not fit', async () => {
    expect((await cli('export', '--db', built.db)).code).toBe(2);
    expect((await cli('export', '--format', 'xlsx', '--db', built.db)).code).toBe(2);
    expect((await cli('export', '--format', 'json', '--table', 'facts', '--db', built.db)).code).toBe(2);
    expect((await cli('export', '--format', 'csv', '--table', 'controls', '--db', built.db)).code).toBe(2);
    expect((await cli('export', '--format', 'csv', 'extra', '--db', built.db)).code).toBe(2);
    const missing = await cli('export', '--format', 'csv', '--db', join(built.dir, 'none.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/hakusho run/);
  });
});

describe('export --format json', () => {
  it('nests sections and facts under their documents', async () => {
    const out = join(built.dir, 'out', 'export.json');
    const r = await cli('export', '--format', 'json', '--db', built.db, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const data = JSON.parse(readFileSync(out, 'utf8')) as {
      schema_version: number;
      documents: { vendor: string; latest: boolean; services: string[]; sections: { control_id: string }[]; facts: { id: number; negated: boolean; evidence: string }[] }[];
    };
    expect(data.schema_version).toBeGreaterThanOrEqual(2);
    expect(data.documents).toHaveLength(counts.documents);
    expect(data.documents.reduce((n, d) => n + d.sections.length, 0)).toBe(counts.sections);
    expect(data.documents.reduce((n, d) => n + d.facts.length, 0)).toBe(counts.facts);
    const evil = data.documents.flatMap((d) => d.facts).find((f) => f.id === evilFactId)!;
    expect(evil).toMatchObject({ negated: true, evidence: EVIL });
    const latest = JSON.parse((await cli('export', '--format', 'json', '--latest', '--db', built.db)).stdout) as typeof data;
    expect(latest.documents.length).toBeGreaterThan(0);
    expect(latest.documents.every((d) => d.latest)).toBe(true);
  });
});

// ---- OSCAL ------------------------------------------------------------------------------------

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** OSCAL's token datatype: an NCName (starts with a letter or _, then letters, digits, . - _). */
const TOKEN = /^[\p{L}_][\p{L}\p{N}.\-_]*$/u;

const nameOf = (n: Ordered) => Object.keys(n).find((k) => k !== ':@')!;
const childrenOf = (n: Ordered) => (n[nameOf(n)] as Ordered[]).filter((c) => nameOf(c) !== '#text');
const attrs = (n: Ordered) => n[':@'] ?? {};
const textOf = (n: Ordered): string =>
  (n[nameOf(n)] as Ordered[]).map((c) => (nameOf(c) === '#text' ? String(c['#text']) : textOf(c))).join('');

/**
 * Checks an element's children against the model's sequence: each entry is [name, min, max]. Children must
 * come in this order, every name must be in the model, and occurrences must be within bounds.
 */
function checkModel(el: Ordered, model: [string, number, number][]) {
  const names = childrenOf(el).map(nameOf);
  const where = `<${nameOf(el)}> children ${names.join(',')}`;
  let at = 0;
  for (const name of names) {
    const index = model.findIndex(([m]) => m === name);
    expect(index, `${where}: <${name}> is not in the model`).toBeGreaterThanOrEqual(0);
    expect(index, `${where}: <${name}> out of order`).toBeGreaterThanOrEqual(at);
    at = index;
  }
  for (const [name, min, max] of model) {
    const n = names.filter((x) => x === name).length;
    expect(n, `${where}: <${name}> occurs ${n} times`).toBeGreaterThanOrEqual(min);
    expect(n, `${where}: <${name}> occurs ${n} times`).toBeLessThanOrEqual(max);
  }
}

const MANY = Infinity;
// OSCAL 1.1.2 component-definition model, XML element order.
const COMPONENT_DEFINITION: [string, number, number][] = [
  ['metadata', 1, 1], ['import-component-definition', 0, MANY], ['component', 0, MANY], ['capability', 0, MANY], ['back-matter', 0, 1],
];
const METADATA: [string, number, number][] = [
  ['title', 1, 1], ['published', 0, 1], ['last-modified', 1, 1], ['version', 1, 1], ['oscal-version', 1, 1], ['revisions', 0, 1],
  ['document-id', 0, MANY], ['prop', 0, MANY], ['link', 0, MANY], ['role', 0, MANY], ['location', 0, MANY], ['party', 0, MANY],
  ['responsible-party', 0, MANY], ['action', 0, MANY], ['remarks', 0, 1],
];
const COMPONENT: [string, number, number][] = [
  ['title', 1, 1], ['description', 1, 1], ['purpose', 0, 1], ['prop', 0, MANY], ['link', 0, MANY], ['responsible-role', 0, MANY],
  ['protocol', 0, MANY], ['control-implementation', 0, MANY], ['remarks', 0, 1],
];
const CONTROL_IMPLEMENTATION: [string, number, number][] = [
  ['description', 1, 1], ['prop', 0, MANY], ['link', 0, MANY], ['set-parameter', 0, MANY], ['implemented-requirement', 1, MANY],
];
const IMPLEMENTED_REQUIREMENT: [string, number, number][] = [
  ['description', 1, 1], ['prop', 0, MANY], ['link', 0, MANY], ['set-parameter', 0, MANY], ['responsible-role', 0, MANY],
  ['statement', 0, MANY], ['remarks', 0, 1],
];

describe('export --format oscal', () => {
  let xml: string;
  let root: Ordered;

  beforeAll(async () => {
    const r = await cli('export', '--format', 'oscal', '--db', built.db);
    expect(r.code).toBe(0);
    xml = r.stdout;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, parseAttributeValue: false, trimValues: true }).parse(xml) as Ordered[];
    root = parsed.find((n) => nameOf(n) === 'component-definition')!;
  });

  it('is an OSCAL component-definition with the required metadata', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root).toBeDefined();
    expect(attrs(root).xmlns).toBe('http://csrc.nist.gov/ns/oscal/1.0');
    expect(attrs(root).uuid).toMatch(UUID);
    checkModel(root, COMPONENT_DEFINITION);
    const metadata = childrenOf(root)[0]!;
    checkModel(metadata, METADATA);
    const field = (name: string) => textOf(childrenOf(metadata).find((c) => nameOf(c) === name)!);
    expect(field('title')).not.toBe('');
    expect(field('last-modified')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(field('version')).not.toBe('');
    expect(field('oscal-version')).toBe('1.1.2');
  });

  it('has one component per whitepaper, each with its control implementation', () => {
    const components = childrenOf(root).filter((c) => nameOf(c) === 'component');
    expect(components).toHaveLength(counts.documents);
    const db = new Database(built.db, { readonly: true });
    const vendors = db.prepare('SELECT vendor FROM documents').pluck().all() as string[];
    const controlsPerDoc = db.prepare('SELECT count(DISTINCT control_id) FROM sections GROUP BY document_id').pluck().all() as number[];
    db.close();
    const uuids = new Set<string>();
    const seen = (u: string) => {
      expect(u).toMatch(UUID);
      expect(uuids.has(u), `uuid ${u} used twice`).toBe(false);
      uuids.add(u);
    };
    const vendorProps: string[] = [];
    const requirementCounts: number[] = [];
    for (const c of components) {
      checkModel(c, COMPONENT);
      seen(attrs(c).uuid!);
      expect(attrs(c).type).toBe('service');
      expect(textOf(childrenOf(c).find((x) => nameOf(x) === 'title')!)).not.toBe('');
      const props = childrenOf(c).filter((x) => nameOf(x) === 'prop');
      vendorProps.push(...props.filter((p) => attrs(p).name === 'vendor').map((p) => attrs(p).value!));
      const impls = childrenOf(c).filter((x) => nameOf(x) === 'control-implementation');
      expect(impls).toHaveLength(1);
      const impl = impls[0]!;
      checkModel(impl, CONTROL_IMPLEMENTATION);
      seen(attrs(impl).uuid!);
      expect(attrs(impl).source).toBe('urn:iso:std:iso-iec:27017:ed-1');
      const reqs = childrenOf(impl).filter((x) => nameOf(x) === 'implemented-requirement');
      requirementCounts.push(reqs.length);
      const ids = new Set<string>();
      for (const req of reqs) {
        checkModel(req, IMPLEMENTED_REQUIREMENT);
        seen(attrs(req).uuid!);
        const id = attrs(req)['control-id']!;
        expect(id).toMatch(TOKEN);
        expect(ids.has(id)).toBe(false);
        ids.add(id);
        expect(textOf(childrenOf(req)[0]!)).not.toBe('');
        for (const p of childrenOf(req).filter((x) => nameOf(x) === 'prop')) {
          expect(attrs(p).name).toMatch(TOKEN);
          expect(attrs(p).value).toMatch(/^\S(.*\S)?$/s);
        }
      }
    }
    expect(vendorProps.sort()).toEqual([...vendors].sort());
    expect(requirementCounts.sort()).toEqual([...controlsPerDoc].sort());
  });

  it('gives each fact as a prop with its evidence in remarks, escaped and read back intact', () => {
    const props = [...xml.matchAll(/<prop name="backup_generations"[^>]*class="negated"[^>]*>/g)];
    expect(props.length).toBeGreaterThanOrEqual(1);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const all = JSON.stringify(parsed);
    // Line breaks are not significant in XML text: the evidence comes back as the same words.
    expect(all).toContain(JSON.stringify(EVIL.split('\n')[0]!).slice(1, -1));
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;b&gt;&amp;&quot;日次&quot;&lt;/b&gt;');
    // The negated fact on 12.3.1 sits in the requirement for a.12.3.1, with its qualifier in the same group.
    const req = xml.slice(xml.indexOf('control-id="a.12.3.1"'));
    const group = /<prop name="backup_generations"[^>]*class="negated" group="(fact-\d+)"/.exec(req)![1];
    expect(req).toContain(`<prop name="frequency" ns="urn:hakusho:oscal" value="daily" class="qualifier" group="${group}"/>`);
  });

  it('has a model check that catches a wrong order or a missing element', () => {
    const parse = (x: string) =>
      (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true }).parse(x) as Ordered[])[0]!;
    expect(() => checkModel(parse('<metadata><version>1</version><title>t</title><last-modified>x</last-modified><oscal-version>1.1.2</oscal-version></metadata>'), METADATA)).toThrow(/out of order/);
    expect(() => checkModel(parse('<metadata><title>t</title><version>1</version><oscal-version>1.1.2</oscal-version></metadata>'), METADATA)).toThrow(/last-modified/);
  });

  it('is the same file when exported twice', async () => {
    expect((await cli('export', '--format', 'oscal', '--db', built.db)).stdout).toBe(xml);
  });

  it('maps control ids to OSCAL tokens and makes version 5 uuids', () => {
    expect(oscalControlId('12.3.1')).toBe('a.12.3.1');
    expect(oscalControlId('CLD.9.5.1')).toBe('cld.9.5.1');
    // RFC 9562's example: the version 5 uuid of "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('an --out that cannot be written', () => {
  it.each([
    ['export', ['--format', 'json']],
    ['report', []],
  ])('%s says why and what to do, and exits 1', async (command, args) => {
    // A folder path that runs through a file: nothing can be created there.
    const out = join(built.db, 'out.file');
    const r = await cli(command, ...args, '--db', built.db, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^hakusho ${command}: cannot write .*out\\.file: .*; choose another --out\\n$`));
  });
});
