// Opening the database: the only place that sets connection pragmas, and the place that decides
// whether a file is a hakusho database at all. Every refusal is an InputError whose message names
// the absolute path and says what to do; nothing is written to a file that is refused.
//
// A run writes in WAL mode (readers are not blocked while it stores) and, when it ends, folds the
// WAL back into the file and returns it to journal_mode=DELETE (closeAfterWriting): a WAL-mode
// file cannot be opened by a user who may read it but not write beside it (SQLite needs its -shm
// file), and Debian's sqlite3 fails the same way. Readers open read-only, and when even that
// fails (a WAL file left by a killed run, in a folder they cannot write to) with immutable=1.
//
// better-sqlite3 enables URI filenames (needed for immutable=1) only when SQLITE_USE_URI=1 is set
// as its native addon loads, at the first connection of the process; every path opened here is
// absolute, so no plain file name is read as a URI.
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../diagnostics.ts';
import { fsReason, makeFolder } from '../files.ts';
import { CONTROLS } from '../segment/catalog-data.ts';
import { migrate, SCHEMA_VERSION } from './migrations.ts';

process.env.SQLITE_USE_URI ??= '1';

export const DEFAULT_DB = 'output/hakusho.sqlite';
/** The environment variable that sets the database when --db is not given. */
export const DB_ENV = 'HAKUSHO_DB';

export type DB = Database.Database;

/** Where a command's database is, and how that was decided (for messages). */
export interface DbLocation {
  /** Absolute. */
  path: string;
  source: 'option' | 'env' | 'default';
}

/** --db, else $HAKUSHO_DB, else output/hakusho.sqlite under the current folder; made absolute. */
export function locateDb(option: string | undefined, env: NodeJS.ProcessEnv = process.env): DbLocation {
  if (option !== undefined && option !== '') return { path: resolve(option), source: 'option' };
  const fromEnv = env[DB_ENV];
  if (fromEnv) return { path: resolve(fromEnv), source: 'env' };
  return { path: resolve(DEFAULT_DB), source: 'default' };
}

/** The --db line of a command's help, its description starting at `column`. */
export function dbOptionHelp(column: number): string {
  return `  ${'--db FILE'.padEnd(column - 2)}database file (default: $${DB_ENV} if set,\n${' '.repeat(column)}else ${DEFAULT_DB})`;
}

function whence(loc: DbLocation): string {
  if (loc.source === 'option') return 'given with --db';
  if (loc.source === 'env') return `from ${DB_ENV}`;
  return `the default, ${DEFAULT_DB} under the current folder`;
}

const asLocation = (db: string | DbLocation): DbLocation => (typeof db === 'string' ? { path: resolve(db), source: 'option' } : db);

/** What is at a database path, once it has been found acceptable. */
interface Found {
  /** A hakusho database (or an empty one) is there; false: nothing yet. */
  exists: boolean;
  /** Its schema version (0: empty, to be created). */
  version: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function notHakusho(path: string, what: string): InputError {
  return new InputError(
    'not-a-database',
    `${path} is not a hakusho database (${what}); it was left unchanged. Pass the file \`hakusho run\` wrote with --db, or a new file name to start one`,
  );
}

/** The first bytes of a file (fewer if it is shorter). */
function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Looks at what is at `path` without changing it: nothing, an empty file, a hakusho database of
 * this hakusho's schema or an older one. Throws InputError for anything else: a folder, a file that
 * is not SQLite, another application's SQLite database, a newer hakusho's.
 */
function inspect(path: string): Found {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, version: 0 };
    throw new InputError('db-unusable', `cannot use ${path} as the database: ${fsReason(e)}`);
  }
  if (stat.isDirectory()) {
    throw new InputError('db-is-folder', `${path} is a folder, not a database file; give a file, e.g. --db ${resolve(path, 'hakusho.sqlite')}`);
  }
  if (!stat.isFile()) throw notHakusho(path, 'it is not a regular file');
  // An empty file is an empty SQLite database to SQLite: one `touch`ed to be the database.
  if (stat.size === 0) return { exists: true, version: 0 };
  let magic;
  try {
    magic = head(path, SQLITE_MAGIC.length).toString('latin1');
  } catch (e) {
    throw new InputError('db-unreadable', `cannot read ${path}: ${fsReason(e)}`);
  }
  if (magic !== SQLITE_MAGIC) throw notHakusho(path, 'it is not an SQLite file');
  let db: DB | null = null;
  try {
    db = openToLook(path);
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    const foreign = (why: string) =>
      notHakusho(path, `it is another application's SQLite database: ${why}`);
    if (appId !== 0) throw foreign(`its application id is ${appId}`);
    if (tables.length === 0 && version === 0) return { exists: true, version: 0 };
    const list = tables.length > 6 ? `${tables.slice(0, 6).join(', ')}, …` : tables.join(', ') || 'none';
    if (version === 0 || !tables.includes('documents') || !tables.includes('runs')) throw foreign(`tables ${list}`);
    if (version > SCHEMA_VERSION) {
      throw new InputError(
        'db-newer',
        `${path} was made by a newer hakusho (schema version ${version}; this one knows up to ${SCHEMA_VERSION}); it was left unchanged. Upgrade hakusho to use it`,
      );
    }
    return { exists: true, version };
  } catch (e) {
    throw e instanceof InputError ? e : unreadable(path, e);
  } finally {
    db?.close();
  }
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

const immutable = (path: string): DB => new Database(`${pathToFileURL(path).href}?immutable=1`, { readonly: true, fileMustExist: true });

/**
 * A connection to look at a file that may be another application's: immutable, so that SQLite
 * leaves nothing beside it (a read-only connection to a WAL-mode file makes -wal and -shm files),
 * unless changes not yet in the file itself are waiting beside it (a -wal with content, a hot
 * journal), which immutable would not see.
 */
function openToLook(path: string): DB {
  if (sizeOf(`${path}-wal`) === 0 && sizeOf(`${path}-journal`) === 0) {
    try {
      return immutable(path);
    } catch {
      // URI file names are off in this process (its first connection came before this module)
    }
  }
  return new Database(path, { readonly: true, fileMustExist: true });
}

function unreadable(path: string, e: unknown): InputError {
  const code = String((e as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return notHakusho(path, `SQLite cannot read it: ${(e as Error).message}`);
  return new InputError('db-unreadable', `cannot read ${path}: ${(e as Error).message}`);
}

/**
 * A read-only connection: plain, or, when SQLite cannot open the file so (a WAL-mode file whose
 * -shm file is missing and cannot be created), immutable: read as it is on disk, without locks.
 */
function openReadOnlyConnection(path: string): DB {
  let db: DB | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (e) {
    db?.close();
    const code = String((e as { code?: unknown }).code ?? '');
    if (!/^SQLITE_(CANTOPEN|READONLY|IOERR|BUSY)/.test(code)) throw e;
  }
  return immutable(path);
}

/** Refuses, leaving it untouched, what is no hakusho database of this hakusho's schema or an older one. */
export function checkDatabase(path: string): void {
  inspect(resolve(path));
}

/** Opens (creating and migrating) the database for writing; refuses what inspect() refuses, untouched. */
export function openForWrite(path: string): DB {
  const abs = resolve(path);
  const found = inspect(abs);
  try {
    makeFolder(dirname(abs));
  } catch (e) {
    throw new InputError('db-unwritable', `cannot create the folder ${dirname(abs)} for the database: ${fsReason(e)}; choose another --db`);
  }
  let db: DB | null = null;
  try {
    db = new Database(abs);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // A second writer (a user's sqlite3 shell) waits for the lock instead of failing at once.
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    refreshCatalog(db);
    // Test-only (like the worker's fault injection): a database that is full after this many more
    // pages, to check what a run does when the disk fills up. Unset in normal use.
    const pages = Number(process.env.HAKUSHO_TEST_MAX_PAGE_COUNT);
    if (pages > 0) db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + pages}`);
    return db;
  } catch (e) {
    db?.close();
    throw writeError(abs, e, found.exists);
  }
}

/** A database error while writing, as the message a user gets. */
export function writeError(path: string, e: unknown, existed = true): Error {
  if (e instanceof InputError) return e;
  if (isDiskFull(e)) return new DiskFullError(path, (e as Error).message);
  const code = String((e as { code?: unknown }).code ?? '');
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code)) {
    return new InputError(
      'db-unwritable',
      `cannot write to ${path} (${(e as Error).message}); check that you may write to ${existed ? 'it and ' : ''}its folder ${dirname(path)}, or choose another --db`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return notHakusho(path, `SQLite cannot read it: ${(e as Error).message}`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new InputError('db-busy', `${path} is locked by another program (${(e as Error).message}); close it (a sqlite3 shell, a viewer) and run again`);
  }
  if (code.startsWith('SQLITE_')) return new InputError('db-error', `the database ${path} failed: ${(e as Error).message}`);
  return e instanceof Error ? e : new Error(String(e));
}

/** SQLite's "database or disk is full", or the file system's. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

export class DiskFullError extends InputError {
  constructor(path: string, detail: string) {
    super('disk-full', `the disk or the database is full: cannot write to ${path} (${detail}); free some space and run again: what is stored is kept, and the next run does the rest`);
    this.name = 'DiskFullError';
  }
}

/**
 * Closes a database opened for writing, leaving it readable by anyone who may read the file:
 * the WAL folded in and journal_mode back to DELETE. Best effort: when that cannot be done (another
 * connection has it open, no space to checkpoint), it stays in WAL mode, still whole.
 */
export function closeAfterWriting(db: DB): void {
  try {
    // Not the run's 10 s: a reader that has the file open only means it stays in WAL mode.
    db.pragma('busy_timeout = 1000');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } catch {
    // left in WAL mode: readers that cannot use it so fall back to immutable=1
  } finally {
    db.close();
  }
}

/**
 * Opens an existing hakusho database read-only: writes fail inside SQLite, whatever the SQL says.
 * Refuses a missing file, a folder, a file that is not a hakusho database and a newer one.
 */
export function openReadOnly(db: string | DbLocation): DB {
  const loc = asLocation(db);
  const { path } = loc;
  const found = inspect(path);
  if (!found.exists) {
    throw new InputError(
      'no-database',
      `no database at ${path} (${whence(loc)}; looked in ${dirname(path)}); run \`hakusho run <folder>\` to make one, or pass --db FILE or set ${DB_ENV}`,
    );
  }
  if (found.version === 0) throw notHakusho(path, 'it is empty: no hakusho run has written to it');
  try {
    const conn = openReadOnlyConnection(path);
    conn.pragma('busy_timeout = 10000');
    return conn;
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** The control catalog is data of this hakusho version: kept in step on every open for writing. */
function refreshCatalog(db: DB): void {
  const upsert = db.prepare(
    'INSERT INTO controls (id, title, iso27001_2022) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, iso27001_2022 = excluded.iso27001_2022',
  );
  db.transaction(() => {
    for (const c of CONTROLS) upsert.run(c.id, c.title, c.iso27001_2022.join(',') || null);
  })();
}
