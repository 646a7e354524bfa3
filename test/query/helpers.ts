// Shared by the query, search, export and report tests: a database built from corpus/ in a tmp
// folder, and the CLI run in-process with its output captured.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { main } from '../../src/cli/main.ts';
import type { Fact, Result, Section } from '../../src/types.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

export const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

export interface Built {
  dir: string;
  db: string;
  cleanup(): void;
}

/** Builds a database from corpus/ (jobs 1, in-process) in a fresh tmp folder. */
export async function buildCorpusDb(prefix = 'hakusho-'): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'hakusho.sqlite');
  // In-process: the kuromoji dictionary loads once per test file instead of once per worker and run.
  const summary = await runBatch({ pipeline: whitepaperJa(), paths: [CORPUS], db, jobs: 1, force: false, processor: inProcess });
  if (summary.failed.length) throw new Error(`corpus build failed: ${JSON.stringify(summary.failed)}`);
  return { dir, db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** RFC 4180 parsing, enough to read back what the CSV writers write. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}


export interface SectionSpec {
  controlId: string;
  heading?: string;
  body: string;
  page?: number | null;
  /** Given: stored in the index as is; omitted: no search text (a Result not made by the pipeline). */
  searchText?: string;
}

export type FactSpec = Partial<Fact> & { kind: string; sectionOrd: number; evidence: string };

/** A pipeline Result made by hand, for documents the corpus does not have. */
export function syntheticResult(meta: { vendor: string; title: string; version: string; published: string; services?: string[] }, sections: SectionSpec[], facts: FactSpec[] = []): Result {
  const secs: Section[] = sections.map((s, ord) => ({
    ord,
    controlId: s.controlId,
    heading: s.heading ?? `heading ${s.controlId}`,
    body: s.body,
    page: s.page ?? null,
    line: ord + 1,
    iso27001_2022: null,
    matchedBy: 'id',
    lines: [],
    ...(s.searchText !== undefined ? { searchText: s.searchText } : {}),
  }));
  const fs: Fact[] = facts.map((f) => ({
    controlId: secs[f.sectionOrd]!.controlId,
    value: null,
    unit: null,
    frequency: null,
    subject: null,
    bound: null,
    negated: false,
    page: null,
    keyManagement: null,
    timezone: null,
    thirdParty: null,
    ...f,
  }));
  return {
    format: 'text',
    pages: null,
    meta: { vendor: meta.vendor, title: meta.title, services: meta.services ?? [], version: meta.version, published: meta.published, revisions: [] },
    sections: secs,
    facts: fs,
    diagnostics: [],
  };
}
