// A new kind of fact is one declaration (test/fixtures/toy-kind/kind.ts): the facts stage reads it,
// the store keeps it, the exports carry it with its label, and diff matches it across editions by
// the identity it declares — with no other code touched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../pipelines/whitepaper-ja.ts';
import { diffEditions } from '../../src/diff/compare.ts';
import { loadEdition } from '../../src/diff/load.ts';
import { loadDataset } from '../../src/export/data.ts';
import { oscalExport } from '../../src/export/oscal.ts';
import { csvTable, jsonExport } from '../../src/export/tables.ts';
import { factLabel, forgetKind, kindName } from '../../src/facts/registry.ts';
import { openForWrite } from '../../src/store/db.ts';
import { createWriter } from '../../src/store/writer.ts';
import { tmp } from '../batch/helpers.ts';
import '../fixtures/toy-kind/kind.ts';

const FIXTURE = new URL('../fixtures/toy-kind/', import.meta.url);

async function store(db: ReturnType<typeof openForWrite>, name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURE)));
  const { result } = await readDocument(name, bytes);
  return createWriter(db).store({ path: name, sha256: name, bytes: bytes.length, pipelineVersion: 'toy', result, runId: null });
}

describe('a toy kind declared in a fixture', () => {
  afterAll(() => forgetKind('uptime_percent'));

  it('is read, stored, exported with its label and matched by diff across editions', async () => {
    const db = openForWrite(join(tmp('toy-kind'), 'h.sqlite'));
    const v1 = await store(db, 'v1.txt');
    const v2 = await store(db, 'v2.txt');

    const stored = db.prepare("SELECT document_id, control_id, value FROM facts WHERE kind = 'uptime_percent' ORDER BY document_id").all();
    expect(stored).toEqual([
      { document_id: v1, control_id: '15.1.2', value: '99.9' },
      { document_id: v2, control_id: '15.1.2', value: '99.95' },
    ]);

    const data = loadDataset(db);
    expect(csvTable(data, 'facts')).toContain('uptime_percent,99.95,0,99.95,');
    const json = JSON.parse(jsonExport(data)) as { documents: { facts: { kind: string; label: string }[] }[] };
    expect(json.documents.flatMap((d) => d.facts).filter((f) => f.kind === 'uptime_percent').map((f) => f.label)).toEqual(['99.9', '99.95']);
    expect(oscalExport(data)).toContain('uptime_percent');
    expect(factLabel({ kind: 'uptime_percent', value: '99.95', negated: false }, 'ja')).toBe('99.95');
    expect(kindName('uptime_percent', 'ja')).toBe('稼働率');

    const diff = diffEditions(loadEdition(db, v1), loadEdition(db, v2));
    expect(diff.facts.changed.map((c) => [c.kind, c.old.value, c.new.value, c.changed])).toEqual([['uptime_percent', '99.9', '99.95', ['value']]]);
    expect(diff.facts.added).toEqual([]);
    db.close();
  });
});
