import type { Migration } from '../migrations.ts';

// Views that answer the common questions in one SELECT, and the full-text index of section bodies.
//
// Keep to SQL that SQLite 3.40 understands (Debian 12's sqlite3 shell): a view it cannot parse
// makes the whole file unreadable to that shell. So no `group_concat(... ORDER BY ...)` (3.44)
// and no `concat_ws` (3.44).
export const searchViews: Migration = {
  version: 2,
  name: 'search index and views: latest_documents, fact_labels, fact_matrix, control_coverage, contradictions',
  up: `
    -- Section bodies split into kuromoji tokens (space-joined), so that unicode61 finds Japanese
    -- words of any length. rowid = sections.id. Rows are added by the AfterStore hook in
    -- src/store/search-index.ts (tokenizing needs kuromoji, which SQL cannot call) and removed
    -- by the trigger below whenever a section row goes, however it goes.
    CREATE VIRTUAL TABLE sections_fts USING fts5(tokens, tokenize = 'unicode61');
    CREATE TRIGGER sections_fts_delete AFTER DELETE ON sections BEGIN
      DELETE FROM sections_fts WHERE rowid = old.id;
    END;

    -- The latest edition of each whitepaper: one row per (vendor, title), the most recently
    -- published (then highest version, then last ingested). A document without a vendor is a
    -- whitepaper of its own.
    CREATE VIEW latest_documents AS
    SELECT id, path, sha256, vendor, title, version, published, format, pages, ingested_at
    FROM (
      SELECT d.*, row_number() OVER (
        PARTITION BY coalesce(d.vendor, 'document ' || d.id), coalesce(d.title, '')
        ORDER BY d.published IS NULL, d.published DESC, CAST(d.version AS REAL) DESC, d.id DESC
      ) AS edition_rank
      FROM documents d
    )
    WHERE edition_rank = 1;

    -- Every fact with a short readable label: the value (the kind when the value is null),
    -- 'not ' in front when negated, and its qualifiers in brackets (frequency, subject, bound
    -- unless exact, unit unless day): '35 (daily)', '30 (backup max)', '7 (incident business_day)', 'not tls'.
    CREATE VIEW fact_labels AS
    SELECT f.*,
      (CASE WHEN f.negated = 1 THEN 'not ' ELSE '' END) || coalesce(f.value, f.kind) ||
      (CASE WHEN coalesce(f.frequency, f.subject, nullif(f.bound, 'exact'), nullif(f.unit, 'day')) IS NULL THEN ''
            ELSE ' (' || ltrim(coalesce(' ' || f.frequency, '') || coalesce(' ' || f.subject, '') ||
                               coalesce(' ' || nullif(f.bound, 'exact'), '') || coalesce(' ' || nullif(f.unit, 'day'), '')) || ')'
       END) AS label
    FROM facts f;

    -- Vendor/document × fact kind: one row per document and kind, with the distinct labels
    -- ('; '-separated, negated ones start with 'not ') and counts.
    CREATE VIEW fact_matrix AS
    SELECT d.id AS document_id, d.vendor, d.title, d.version, d.published, k.kind,
      k.facts, k.negated,
      (SELECT group_concat(label, '; ') FROM (
         SELECT DISTINCT l.label FROM fact_labels l
         WHERE l.document_id = d.id AND l.kind = k.kind
         ORDER BY l.negated, CAST(l.value AS REAL), l.value, l.label)) AS value_list
    FROM (
      SELECT document_id, kind, count(*) AS facts, sum(negated) AS negated
      FROM facts GROUP BY document_id, kind
    ) k
    JOIN documents d ON d.id = k.document_id;

    -- Vendor/document × ISO/IEC 27017 control, for every control of the catalog, addressed or not.
    -- covered = 1 when the document has a section for the control with a non-empty body;
    -- section_id/heading/page are its first such section (NULL when there is none).
    -- control_sort orders controls as the standard does ('05.01.01' … '18.02.01', CLD controls
    -- after the control they follow).
    CREATE VIEW control_coverage AS
    WITH c1 AS (
      SELECT id, title, iso27001_2022, replace(id, 'CLD.', '') AS n FROM controls
    ), c2 AS (
      SELECT id, title, iso27001_2022, CAST(n AS INTEGER) AS a, substr(n, instr(n, '.') + 1) AS rest FROM c1
    ), c3 AS (
      SELECT id, title, iso27001_2022,
        printf('%02d.%02d.%02d%s', a, CAST(rest AS INTEGER), CAST(substr(rest, instr(rest, '.') + 1) AS INTEGER),
               CASE WHEN id LIKE 'CLD.%' THEN '.cld' ELSE '' END) AS control_sort
      FROM c2
    ), pairs AS (
      SELECT d.id AS document_id, d.vendor, d.title, d.version, d.published,
        c3.id AS control_id, c3.title AS control_title, c3.iso27001_2022, c3.control_sort,
        (SELECT s.id FROM sections s
         WHERE s.document_id = d.id AND s.control_id = c3.id AND length(trim(s.body)) > 0
         ORDER BY s.ord LIMIT 1) AS section_id
      FROM documents d CROSS JOIN c3
    )
    SELECT p.document_id, p.vendor, p.title, p.version, p.published,
      p.control_id, p.control_title, p.iso27001_2022, p.control_sort,
      (p.section_id IS NOT NULL) AS covered,
      p.section_id, s.heading, s.page,
      (SELECT count(*) FROM facts f WHERE f.document_id = p.document_id AND f.control_id = p.control_id) AS facts
    FROM pairs p LEFT JOIN sections s ON s.id = p.section_id;

    -- Facts of one document that contradict each other: the same kind, value and subject,
    -- affirmed in one place and negated in another. One row per (affirmed, negated) pair.
    CREATE VIEW contradictions AS
    SELECT a.document_id, d.vendor, d.title, d.version, d.published, a.kind, a.value, a.subject,
      a.id AS affirmed_fact_id, a.control_id AS affirmed_control_id, a.section_id AS affirmed_section_id,
      a.page AS affirmed_page, a.evidence AS affirmed_evidence,
      n.id AS negated_fact_id, n.control_id AS negated_control_id, n.section_id AS negated_section_id,
      n.page AS negated_page, n.evidence AS negated_evidence
    FROM facts a
    JOIN facts n ON n.document_id = a.document_id AND n.kind = a.kind
      AND n.value IS a.value AND n.subject IS a.subject AND n.negated = 1
    JOIN documents d ON d.id = a.document_id
    WHERE a.negated = 0;
  `,
};
