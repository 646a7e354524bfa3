// Full-text search over section bodies: FTS5 on the kuromoji-split text, ranked with bm25.
import type { DB } from '../store/db.ts';
import { getTokenizer } from '../facts/tokenizer.ts';
import { makeSnippet, type SnippetOptions } from './snippet.ts';
import { buildQuery } from './tokens.ts';

export interface SearchHit extends Omit<Row, 'body'> {
  rank: number;
  snippet: string;
}

export interface SearchResult {
  /** The FTS5 MATCH expression that was run, for those who want to run it with `hakusho query`. */
  match: string | null;
  hits: SearchHit[];
  /** More sections match than the limit let through. */
  more: boolean;
  /** Sections stored without search text (by an older hakusho): they cannot match. */
  unindexed: number;
}

interface Row {
  /** bm25 relevance: higher is better (FTS5's bm25() negated). */
  score: number;
  document_id: number;
  section_id: number;
  vendor: string | null;
  title: string | null;
  version: string | null;
  published: string | null;
  path: string;
  control_id: string | null;
  heading: string;
  page: number | null;
  body: string;
}

export async function search(db: DB, text: string, limit: number, snippet: SnippetOptions = {}): Promise<SearchResult> {
  const unindexed = (db.prepare('SELECT count(*) AS n FROM sections WHERE id NOT IN (SELECT rowid FROM sections_fts)').get() as { n: number }).n;
  const query = buildQuery(await getTokenizer(), text);
  if (!query) return { match: null, hits: [], more: false, unindexed };
  const rows = db
    .prepare<[string, number], Row>(
      `SELECT -bm25(sections_fts) AS score, s.document_id, s.id AS section_id, d.vendor, d.title, d.version, d.published, d.path,
         s.control_id, s.heading, s.page, s.body
       FROM sections_fts
       JOIN sections s ON s.id = sections_fts.rowid
       JOIN documents d ON d.id = s.document_id
       WHERE sections_fts MATCH ?
       ORDER BY bm25(sections_fts), d.id, s.ord
       LIMIT ?`,
    )
    .all(query.match, limit + 1);
  const more = rows.length > limit;
  const hits = rows.slice(0, limit).map(({ body, ...r }, i) => ({ rank: i + 1, ...r, snippet: makeSnippet(body, query.terms, snippet) }));
  return { match: query.match, hits, more, unindexed };
}
