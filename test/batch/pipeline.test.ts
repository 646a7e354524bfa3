// The batch runs the pipeline it is given: a toy document family (test/fixtures/toy-pipeline/),
// in worker threads and in-process, stored under the toy's own version.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcess, runBatch, type Pipeline } from '../../src/batch/run.ts';
import { openDb, tmp } from './helpers.ts';

const toy: Pipeline = { version: 'toy/1', module: new URL('../fixtures/toy-pipeline/lines-as-sections.ts', import.meta.url) };

describe.each([
  ['worker threads', undefined],
  ['in-process', inProcess],
] as const)('a toy pipeline passed to the batch, %s', (_, processor) => {
  it('stores what that pipeline returns, under its version, and skips it the next time', async () => {
    const dir = tmp('toy');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), '12.3.1 backups nightly\nCLD.9.5.1 tenants apart\n');
    const db = join(dir, 'h.sqlite');
    const run = () => runBatch({ pipeline: toy, paths: [join(dir, 'in')], db, jobs: 1, force: false, ...(processor ? { processor } : {}) });
    expect((await run()).stored).toEqual([join(dir, 'in', 'a.txt')]);
    const conn = openDb(db);
    expect(conn.prepare('SELECT vendor, pipeline_version FROM documents').all()).toEqual([{ vendor: 'Toy Family K.K.', pipeline_version: 'toy/1' }]);
    expect(conn.prepare('SELECT control_id, body FROM sections ORDER BY ord').all()).toEqual([
      { control_id: '12.3.1', body: 'backups nightly' },
      { control_id: 'CLD.9.5.1', body: 'tenants apart' },
    ]);
    conn.close();
    expect((await run()).skipped).toHaveLength(1);
  });
});
