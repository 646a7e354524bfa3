// Versioned schema migrations. PRAGMA user_version holds the number of the last one applied;
// each runs in its own transaction, so a database is always at one whole version.
import type Database from 'better-sqlite3';
import { core } from './schema/001-core.ts';
import { families } from './schema/003-families.ts';
import { searchViews } from './schema/002-search-views.ts';
import { factsOutsideSections } from './schema/004-facts-outside-sections.ts';
import { filterIndexes } from './schema/005-filter-indexes.ts';

export interface Migration {
  version: number;
  name: string;
  up: string;
  /** Run after `up`, in the same transaction: data that SQL alone does not compute well. */
  data?: (db: Database.Database) => void;
}

export const MIGRATIONS: Migration[] = [core, searchViews, families, factsOutsideSections, filterIndexes];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`the database has schema version ${current}, newer than this hakusho (${SCHEMA_VERSION}); upgrade hakusho to open it`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      m.data?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return SCHEMA_VERSION;
}
