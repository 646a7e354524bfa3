import type { Migration } from '../migrations.ts';

/**
 * A fact stated outside any control section (an overview table, an introduction) is stored with
 * section_id NULL. SQLite cannot drop a NOT NULL constraint, so facts is rebuilt as its documentation
 * describes (create, copy, drop, rename) and its indexes are made again. legacy_alter_table keeps the
 * rename from re-checking the views that name facts, which stay as they are.
 */
export const factsOutsideSections: Migration = {
  version: 4,
  name: 'facts outside control sections: facts.section_id may be NULL',
  up: `
    CREATE TABLE facts_new (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
      control_id TEXT,
      kind TEXT NOT NULL,
      value TEXT,
      unit TEXT,
      frequency TEXT,
      subject TEXT,
      bound TEXT,
      negated INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
      evidence TEXT NOT NULL,
      page INTEGER,
      key_management TEXT,
      timezone TEXT,
      third_party INTEGER
    );
    INSERT INTO facts_new SELECT id, document_id, section_id, control_id, kind, value, unit, frequency, subject, bound, negated,
      evidence, page, key_management, timezone, third_party FROM facts;
  `,
  data: (db) => {
    // Every index on facts, whichever migrations made it, is made again on the new table.
    const indexes = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts' AND sql IS NOT NULL")
      .all();
    db.exec('DROP TABLE facts');
    db.pragma('legacy_alter_table = ON');
    db.exec('ALTER TABLE facts_new RENAME TO facts');
    db.pragma('legacy_alter_table = OFF');
    for (const { sql } of indexes) db.exec(sql);
  },
};
