// Two runs at once on one database: the second waits for the first, says so, then does its work;
// both exit 0 and every document is stored once. --wait bounds the wait.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeTextCorpus } from '../../scripts/bench/corpus.ts';
import { hakusho, openDb, start, tmp } from '../batch/helpers.ts';

describe('a second run on a database another run is writing to', () => {
  it('waits for the first, says so, then does its work: both exit 0, every document stored once', async () => {
    const dir = tmp('concurrent');
    const input = join(dir, 'in');
    const paths = makeTextCorpus(input, 40);
    const db = join(dir, 'h.sqlite');
    const first = start(['run', input, '--db', db, '--jobs', '1', '--json']);
    await first.waitFor(({ stderr }) => /^\[1\/40\] stored /m.test(stderr));
    // Held still (lock and all) while the others start, so that they surely meet it.
    first.child.kill('SIGSTOP');
    onTestFinished(() => void first.child.kill('SIGCONT'));
    const second = start(['run', input, '--db', db, '--jobs', '1', '--json']);
    // One that may wait a second only gives up, in one line.
    const impatient = await hakusho(['run', input, '--db', db, '--wait', '1']);
    expect(impatient.code).toBe(1);
    expect(impatient.stderr).toBe(
      `hakusho run: another run (pid ${first.child.pid}) is writing to ${db}; waiting for it to finish (up to 1 s, --wait)…\n` +
        `hakusho run: another hakusho run (pid ${first.child.pid}) is still writing to ${db} after 1 s of waiting (--wait); run again later, raise --wait, or use another --db\n`,
    );
    await second.waitFor(({ stderr }) => /waiting/.test(stderr));
    expect(second.stderr()).toBe(
      `hakusho run: another run (pid ${first.child.pid}) is writing to ${db}; waiting for it to finish (up to 3600 s, --wait)…\n`,
    );
    first.child.kill('SIGCONT');

    expect((await first.exited).code).toBe(0);
    expect((await second.exited).code).toBe(0);
    const a = JSON.parse(first.stdout());
    const b = JSON.parse(second.stdout());
    expect(a.stored).toHaveLength(40);
    expect(b).toMatchObject({ stored: [], failed: [] });
    expect(b.skipped).toHaveLength(40);
    const conn = openDb(db);
    expect(conn.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS shas, count(DISTINCT path) AS paths FROM documents').get()).toEqual({ n: 40, shas: 40, paths: 40 });
    expect(conn.prepare('SELECT count(*) AS n FROM document_paths').get()).toEqual({ n: paths.length });
    expect(conn.prepare('SELECT status, stored, skipped FROM runs ORDER BY id').all()).toEqual([
      { status: 'finished', stored: 40, skipped: 0 },
      { status: 'finished', stored: 0, skipped: 40 },
    ]);
    conn.close();
  }, 120_000);
});
