// Opening the database: the only place that sets connection pragmas.
import Database from 'better-sqlite3';
import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../diagnostics.ts';
import { CONTROLS } from '../segment/catalog-data.ts';
import { migrate } from './migrations.ts';

export const DEFAULT_DB = 'output/hakusho.sqlite';

export type DB = Database.Database;

/** Opens (creating and migrating) the database for writing. */
export function openForWrite(path: string): DB {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A second writer (another run, a user's sqlite3 shell) waits for the lock instead of failing at once.
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  refreshCatalog(db);
  return db;
}

/** Opens an existing database read-only: writes fail inside SQLite, whatever the SQL says. */
export function openReadOnly(path: string): DB {
  if (!existsSync(path)) {
    throw new InputError('no-database', `no database at ${path}; run \`hakusho run <folder> --db ${path}\` first, or pass --db`);
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
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
