import { linkAllFamilies } from '../families.ts';
import type { Migration } from '../migrations.ts';

/**
 * Edition order inside a family, newest first: by published date (an undated edition counts as
 * the oldest), then by version compared as numbers part by part (`4.1` after `4`, `1.10` after
 * `1.9`; `初版` before every numbered edition), then by document id.
 */
const EDITION_ORDER = `published DESC NULLS LAST, edition_class DESC, v1 DESC NULLS LAST, coalesce(v2, 0) DESC, coalesce(v3, 0) DESC, id DESC`;

export const families: Migration = {
  version: 3,
  name: 'families: editions of one whitepaper linked and ordered; views editions, latest_editions, latest_documents',
  up: `
    CREATE TABLE families (
      id INTEGER PRIMARY KEY,
      vendor TEXT,
      title TEXT,
      key TEXT NOT NULL UNIQUE
    );
    ALTER TABLE documents ADD COLUMN family_id INTEGER REFERENCES families(id);
    CREATE INDEX documents_family ON documents(family_id);

    CREATE VIEW editions AS
    WITH v AS (
      SELECT id, family_id, vendor, title, version, published, path, sha256,
        CASE WHEN version IS NULL THEN -1 WHEN version = '初版' THEN 0 ELSE 1 END AS edition_class,
        CASE WHEN version GLOB '[0-9]*' THEN CAST(version AS INTEGER) END AS v1,
        CASE WHEN instr(version, '.') > 0 THEN substr(version, instr(version, '.') + 1) END AS r1
      FROM documents
    ),
    w AS (
      SELECT *, CAST(r1 AS INTEGER) AS v2,
        CASE WHEN instr(r1, '.') > 0 THEN substr(r1, instr(r1, '.') + 1) END AS r2
      FROM v
    )
    SELECT id, family_id, vendor, title, version, published, path, sha256,
      row_number() OVER newest_first AS edition_rank,
      count(*) OVER (PARTITION BY family_id) AS edition_count,
      lead(id) OVER newest_first AS previous_document_id,
      lag(id) OVER newest_first AS next_document_id
    FROM (SELECT *, CAST(r2 AS INTEGER) AS v3 FROM w)
    WINDOW newest_first AS (PARTITION BY family_id ORDER BY ${EDITION_ORDER});

    CREATE VIEW latest_editions AS
      SELECT * FROM editions WHERE edition_rank = 1;

    -- Migration 2's latest_documents grouped by (vendor, title); it now answers from the
    -- families, so that latest_documents and latest_editions always name the same documents.
    DROP VIEW IF EXISTS latest_documents;
    CREATE VIEW latest_documents AS
      SELECT d.id, d.path, d.sha256, d.vendor, d.title, d.version, d.published, d.format, d.pages, d.ingested_at, d.family_id
      FROM documents d JOIN latest_editions l ON l.id = d.id;
  `,
  // Backfill: the grouping the store applies to each new document (src/store/families.ts).
  data: linkAllFamilies,
};
