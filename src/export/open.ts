// Opening the database for the reading commands (query, search, export, report).
import { resolve } from 'node:path';
import { InputError } from '../diagnostics.ts';
import { openReadOnly, type DB, type DbLocation } from '../store/db.ts';

/** The schema version that brought the search index and the views these commands read. */
export const VIEWS_VERSION = 2;

/**
 * Opens a hakusho database read-only (openReadOnly refuses anything else); with `needViews`, also
 * checks that its schema has the views and search index (a database made by an older hakusho has not).
 */
export function openForReading(location: string | DbLocation, needViews = true): DB {
  const db = openReadOnly(location);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (needViews && version < VIEWS_VERSION) {
    db.close();
    const path = typeof location === 'string' ? resolve(location) : location.path;
    throw new InputError(
      'old-schema',
      `${path} was made by an older hakusho (schema version ${version}); run \`hakusho run <folder> --db ${path} --force\` once to upgrade and re-index it`,
    );
  }
  return db;
}
