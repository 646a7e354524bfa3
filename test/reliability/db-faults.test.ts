// Every command against every wrong --db: one line naming the absolute path and what to do, exit
// 1, never a stack trace, and the file left byte for byte (no journal, WAL or lock file beside it).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { closeAfterWriting, openForWrite } from '../../src/store/db.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { hakusho, ROOT, tmp } from '../batch/helpers.ts';
import { prng } from '../support/prng.ts';

const dir = tmp('db-faults');
const at = (name: string) => join(dir, name);

/** Each wrong --db, made in beforeAll. */
const FAULTS = {
  folder: at('folder'),
  'text file': at('notes.txt'),
  'random bytes': at('random.sqlite'),
  "another application's database": at('other.sqlite'),
  "another application's database in WAL mode": at('other-wal.sqlite'),
  "another application's database with a documents table": at('cms.sqlite'),
  "another application's database with its application id": at('geo.gpkg'),
  'a newer hakusho database': at('newer.sqlite'),
  'an empty SQLite database': at('empty.sqlite'),
  'a path under a file': at('notes.txt/h.sqlite'),
  'a place where nothing can be made': '/proc/hakusho-test/h.sqlite',
  'no file at all': at('missing/h.sqlite'),
} as const;
type Fault = keyof typeof FAULTS;

const COMMANDS: Record<string, (db: string) => string[]> = {
  run: (db) => ['run', join(ROOT, 'corpus/001_54f9b4840afe051d.txt'), '--db', db, '--wait', '0'],
  query: (db) => ['query', 'SELECT count(*) FROM documents', '--db', db],
  search: (db) => ['search', 'バックアップ', '--db', db],
  report: (db) => ['report', '--db', db, '--out', at('out/report.html')],
  export: (db) => ['export', '--format', 'json', '--db', db],
  diff: (db) => ['diff', '1', '2', '--db', db],
  check: (db) => ['check', '--policy', join(ROOT, 'examples/policy.json'), '--db', db],
};

/** What each command must say for each fault. */
function expected(command: string, fault: Fault, db: string): RegExp {
  const p = db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  switch (fault) {
    case 'folder':
      return new RegExp(`^${p} is a folder, not a database file; give a file, e.g. --db ${p}/hakusho\\.sqlite$`);
    case 'text file':
    case 'random bytes':
      return new RegExp(`^${p} is not a hakusho database \\(it is not an SQLite file\\); it was left unchanged\\. Pass the file \`hakusho run\` wrote with --db, or a new file name to start one$`);
    case "another application's database":
    case "another application's database in WAL mode":
      return new RegExp(`^${p} is not a hakusho database \\(it is another application's SQLite database: tables notes, tags\\); it was left unchanged`);
    case "another application's database with a documents table":
      return new RegExp(`^${p} is not a hakusho database \\(it is another application's SQLite database: tables documents, pages\\)`);
    case "another application's database with its application id":
      return new RegExp(`^${p} is not a hakusho database \\(it is another application's SQLite database: its application id is 1196444487\\)`);
    case 'a newer hakusho database':
      return new RegExp(`^${p} was made by a newer hakusho \\(schema version ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}\\); it was left unchanged\\. Upgrade hakusho to use it$`);
    case 'an empty SQLite database':
      return new RegExp(`^${p} is not a hakusho database \\(it is empty: no hakusho run has written to it\\)`);
    case 'a path under a file':
      return new RegExp(`^cannot use ${p} as the database: a part of the path is a file, not a folder$`);
    case 'a place where nothing can be made':
      if (command === 'run') return new RegExp(`^cannot make the lock file ${p}\\.lock \\(no such file or folder, and it cannot be made there\\); a run keeps it beside the database while it writes: choose a --db in a folder you can write to$`);
    // falls through: to the reading commands, there is no database there
    case 'no file at all':
      return new RegExp(`^no database at ${p} \\(given with --db; looked in ${p.replace(/\/h\\\.sqlite$/, '')}\\); run \`hakusho run <folder>\` to make one, or pass --db FILE or set HAKUSHO_DB$`);
  }
}

/** The files of a folder with their hashes: what must not change. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    const p = join(folder, name);
    out[name] = statSync(p).isFile() ? createHash('sha256').update(readFileSync(p)).digest('hex') : 'folder';
  }
  return out;
}

beforeAll(() => {
  mkdirSync(FAULTS.folder);
  writeFileSync(FAULTS['text file'], 'これはメモです。\n');
  const rand = prng(17);
  writeFileSync(FAULTS['random bytes'], Buffer.from(Array.from({ length: 8192 }, () => Math.floor(rand() * 256))));
  const other = (path: string, sql: string, wal = false) => {
    const db = new Database(path);
    if (wal) db.pragma('journal_mode = WAL');
    db.exec(sql);
    db.close();
  };
  const notes = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE tags (note INTEGER, tag TEXT); INSERT INTO notes (body) VALUES ('買い物');";
  other(FAULTS["another application's database"], notes);
  other(FAULTS["another application's database in WAL mode"], notes, true);
  other(FAULTS["another application's database with a documents table"], 'PRAGMA user_version = 3; CREATE TABLE documents (id, title); CREATE TABLE pages (id, body);');
  other(FAULTS["another application's database with its application id"], "PRAGMA application_id = 1196444487; CREATE TABLE gpkg_contents (table_name TEXT);");
  other(FAULTS['an empty SQLite database'], 'PRAGMA user_version = 0;');
  const newer = FAULTS['a newer hakusho database'];
  closeAfterWriting(openForWrite(newer));
  other(newer, `PRAGMA user_version = ${SCHEMA_VERSION + 1};`);
});

/** For `run`, an empty SQLite file and a file not there yet are where it starts a database: no faults. */
const faultsOf = (command: string) =>
  (Object.keys(FAULTS) as Fault[]).filter((f) => command !== 'run' || (f !== 'an empty SQLite database' && f !== 'no file at all'));

describe.each(Object.keys(COMMANDS))('hakusho %s', (command) => {
  it.each(faultsOf(command))('with --db %s: one line, exit 1, the file unchanged', async (fault) => {
    const db = FAULTS[fault];
    const before = snapshot(dir);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(COMMANDS[command]!(db), { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false });
    const text = err.join('');
    expect(code, text).toBe(1);
    expect(out.join('')).toBe('');
    expect(text.endsWith('\n') && text.split('\n').length === 2, text).toBe(true);
    expect(text).toMatch(new RegExp(`^hakusho ${command}: `));
    expect(text.slice(`hakusho ${command}: `.length).trimEnd()).toMatch(expected(command, fault, db));
    // Nothing written, not even a WAL, journal or lock file beside it.
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the hakusho binary', () => {
  it.each(Object.keys(COMMANDS))('%s prints the one line, no stack trace, for a folder and for a newer database', async (command) => {
    for (const fault of ['folder', 'a newer hakusho database'] as Fault[]) {
      const r = await hakusho(COMMANDS[command]!(FAULTS[fault]));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^hakusho ${command}: [^\\n]+\\n$`));
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    }
  });
});
