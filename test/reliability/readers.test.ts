// A database anyone can read: after a run, a user who may read the file but not write to it or
// to its folder runs query, search, report, export and diff, and so does Debian's sqlite3. Run as
// root (CI), the reader is `nobody` (setpriv); otherwise the folder and the file are made
// read-only for the user running the tests.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAKUSHO, hakusho, ROOT, tmp } from '../batch/helpers.ts';

const root = process.getuid?.() === 0;
const canSwitch = root && spawnSync('setpriv', ['--version']).status === 0;
const sqlite3 = spawnSync('sqlite3', ['-version']).status === 0;

/** Runs a command as a user who cannot write to the database or its folder. */
function asReader(cmd: string, args: string[]) {
  const argv = canSwitch ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', cmd, ...args] : [cmd, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', HOME: '/tmp' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const hakushoAsReader = (args: string[]) => asReader(process.execPath, [...HAKUSHO, ...args]);

/** journal_mode as the file's header says: 1 rollback journal (DELETE…), 2 WAL. */
const headerMode = (path: string) => readFileSync(path).subarray(18, 20).toJSON().data;

describe.runIf(canSwitch || !root)('a user who cannot write to the database or its folder', () => {
  const dir = tmp('readers');
  const data = join(dir, 'data');
  const out = join(dir, 'out');
  const db = join(data, 'h.sqlite');
  const wal = join(data, 'left-in-wal.sqlite');

  beforeAll(async () => {
    mkdirSync(data);
    mkdirSync(out);
    const run = await hakusho(['run', 'corpus', '--db', db]);
    expect(run.code).toBe(0);
    // A database a killed run (or an older hakusho) left in WAL mode, with no -wal or -shm beside it.
    copyFileSync(db, wal);
    const conn = new Database(wal);
    conn.pragma('journal_mode = WAL');
    conn.close();
    expect(headerMode(wal)).toEqual([2, 2]);
    chmodSync(dir, 0o755);
    chmodSync(out, 0o777);
    if (!canSwitch) {
      chmodSync(data, 0o555);
      chmodSync(db, 0o444);
      chmodSync(wal, 0o444);
    }
  }, 120_000);

  it('finds the database left in journal_mode=DELETE, nothing beside it', () => {
    expect(headerMode(db)).toEqual([1, 1]);
    expect(['-wal', '-shm', '-journal', '.lock'].filter((s) => existsSync(db + s))).toEqual([]);
  });

  it.each([
    ['query', ['query', 'SELECT count(*) AS n FROM documents', '--format', 'json'], /"n":5/],
    ['search', ['search', 'バックアップ 世代', '--limit', '1'], /^1\. .*12\.3\.1/m],
    ['report', ['report', '--out', join(out, 'report.html')], /5 whitepapers compared/],
    ['export', ['export', '--format', 'csv', '--table', 'documents'], /サイバートラスト株式会社/],
    ['diff', ['diff', '1', '2', '--json'], /"sections"/],
  ])('runs %s on it, and on one left in WAL mode', (_, args, expected) => {
    for (const file of [db, wal]) {
      const r = hakushoAsReader([...args, '--db', file]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(expected);
    }
  });

  it.runIf(sqlite3)("opens it in Debian's sqlite3", () => {
    const r = asReader('sqlite3', ['-readonly', db, 'SELECT count(*) FROM latest_documents;']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('5');
  });

  it('is told in one line that it may not write to a database in a folder it may write to', () => {
    const own = join(dir, 'own');
    mkdirSync(own);
    chmodSync(own, 0o777);
    const file = join(own, 'h.sqlite');
    copyFileSync(db, file);
    chmodSync(file, 0o444);
    const r = hakushoAsReader(['run', 'corpus', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `hakusho run: cannot write to ${file} (attempt to write a readonly database); check that you may write to it and its folder ${own}, or choose another --db\n`,
    );
  });

  it('is refused a run there in one line: no lock can be made', () => {
    const r = hakushoAsReader(['run', 'corpus', '--db', db, '--wait', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `hakusho run: cannot make the lock file ${db}.lock (permission denied); a run keeps it beside the database while it writes: choose a --db in a folder you can write to\n`,
    );
  });
});
