import type { Migration } from '../migrations.ts';

export const core: Migration = {
    version: 1,
    name: 'core: documents, sections, facts, revisions, runs, diagnostics',
    up: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        vendor TEXT,
        title TEXT,
        version TEXT,
        published TEXT,
        format TEXT NOT NULL,
        pages INTEGER,
        bytes INTEGER NOT NULL,
        pipeline_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE document_paths (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (document_id, path)
      );
      CREATE INDEX document_paths_path ON document_paths(path);
      CREATE TABLE services (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (document_id, ord)
      );
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        version TEXT NOT NULL,
        date TEXT,
        description TEXT NOT NULL
      );
      CREATE INDEX revisions_document ON revisions(document_id);
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        control_id TEXT,
        heading TEXT NOT NULL,
        body TEXT NOT NULL,
        page INTEGER,
        line INTEGER,
        iso27001_2022 TEXT,
        matched_by TEXT
      );
      CREATE INDEX sections_document ON sections(document_id, ord);
      CREATE INDEX sections_control ON sections(control_id);
      CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
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
      CREATE INDEX facts_document ON facts(document_id);
      CREATE INDEX facts_kind ON facts(kind, value);
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        pipeline_version TEXT NOT NULL,
        args TEXT NOT NULL,
        stored INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'running'
      );
      CREATE TABLE diagnostics (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES runs(id),
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        path TEXT NOT NULL,
        page INTEGER,
        line INTEGER,
        severity TEXT NOT NULL,
        rule TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX diagnostics_run ON diagnostics(run_id);
      CREATE TABLE controls (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        iso27001_2022 TEXT
      );
    `,
  };
