// Opening the database for the reading commands (query, search, export, report).
import { InputError } from '../diagnostics.ts';
import { openReadOnly, type DB } from '../store/db.ts';

/** The schema version that brought the search index and the views these commands read. */
export const VIEWS_VERSION = 2;

/**
 * Opens `path` read-only and checks that it is a hakusho database; with `needViews`, also that
 * its schema has the views and search index (a database made by an older hakusho has not).
 */
export function openForReading(path: string, needViews = true): DB {
  const db = openReadOnly(path);
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'documents'").get();
  } catch (e) {
    db.close();
    throw new InputError('not-a-database', `${path} is not a hakusho database (${(e as Error).message}); pass the file \`hakusho run\` wrote with --db`);
  }
  if (version === 0) {
    db.close();
    throw new InputError('not-a-database', `${path} is not a hakusho database (it has no hakusho schema); pass the file \`hakusho run\` wrote with --db`);
  }
  if (needViews && version < VIEWS_VERSION) {
    db.close();
    throw new InputError(
      'old-schema',
      `${path} was made by an older hakusho (schema version ${version}); run \`hakusho run <folder> --db ${path} --force\` once to upgrade and re-index it`,
    );
  }
  return db;
}
