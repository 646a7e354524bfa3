// Keeps the full-text index (sections_fts) in step with the sections of a stored document, inside
// the document's write transaction. Old rows go with their sections (the sections_fts_delete
// trigger of migration 2 fires on every DELETE FROM sections, including the writer's re-store);
// this hook adds a row for every new section whose text the pipeline tokenized (Section.searchText).
// It must stay synchronous: better-sqlite3 transactions cannot await.
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.ts';
import type { AfterStore } from './hooks.ts';

interface Prepared {
  sections: Statement<[number], { id: number; ord: number }>;
  remove: Statement<[number]>;
  insert: Statement<[number, string]>;
}

const prepared = new WeakMap<DB, Prepared>();

function statements(db: DB): Prepared {
  let p = prepared.get(db);
  if (!p) {
    p = {
      sections: db.prepare('SELECT id, ord FROM sections WHERE document_id = ?'),
      remove: db.prepare('DELETE FROM sections_fts WHERE rowid = ?'),
      insert: db.prepare('INSERT INTO sections_fts (rowid, tokens) VALUES (?, ?)'),
    };
    prepared.set(db, p);
  }
  return p;
}

export const indexSections: AfterStore = (db, documentId, input) => {
  const { sections, remove, insert } = statements(db);
  const byOrd = new Map(input.result.sections.map((s) => [s.ord, s]));
  for (const row of sections.all(documentId)) {
    // A stale row under a reused id would make the insert fail: clear it first (normally a no-op).
    remove.run(row.id);
    const text = byOrd.get(row.ord)?.searchText;
    // Sections without searchText (a Result not made by the pipeline) stay out of the index;
    // `hakusho search` reports them.
    if (text !== undefined) insert.run(row.id, text);
  }
};
