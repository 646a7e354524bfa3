// Every command, in the order `hakusho --help` lists them. A command's module, and what it
// imports (SQLite, the pipeline, pdfjs…), is loaded only when that command runs: `hakusho --help`
// loads none, `hakusho query` only query's.
import type { Command } from './command.ts';

export interface CommandEntry {
  name: string;
  /** One line for `hakusho --help`. */
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'run', summary: 'ingest folders of whitepapers into the database', load: async () => (await import('./run.ts')).run },
  { name: 'diff', summary: 'what changed between two editions of a whitepaper', load: async () => (await import('./diff.ts')).diff },
  { name: 'query', summary: 'run one read-only SQL statement', load: async () => (await import('./query.ts')).query },
  { name: 'search', summary: 'full-text search over section bodies (Japanese)', load: async () => (await import('./search.ts')).searchCommand },
  { name: 'report', summary: 'write an HTML page comparing the vendors', load: async () => (await import('./report.ts')).report },
  { name: 'check', summary: 'judge your own requirements against every whitepaper', load: async () => (await import('./check.ts')).checkCommand },
  { name: 'export', summary: 'write the data out as CSV, JSON or OSCAL', load: async () => (await import('./export.ts')).exportCommand },
  { name: 'explain', summary: 'show every decision the pipeline takes on one file', load: async () => (await import('./explain.ts')).explainCommand },
];
