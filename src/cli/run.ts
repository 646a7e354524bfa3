// `hakusho run`: ingest folders of whitepapers into the database.
import { availableParallelism } from 'node:os';
import { runBatch } from '../batch/run.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { DEFAULT_DB } from '../store/db.ts';
import { EXIT, intOption, parse, UsageError, type Command } from './command.ts';
import { createProgress } from './progress.ts';

const help = `Usage: hakusho run <path...> [options]

Ingests every .pdf, .txt and .md file under the given folders and files into the
database. Files already stored (same content, same pipeline version) are skipped.

Options:
  --db FILE     database file (default: ${DEFAULT_DB})
  --jobs N      files processed at once, in worker threads (default: number of cores)
  --force       process every file again, even if it is stored
  --json        print the summary as one JSON object on stdout
  -h, --help    show this help

Exit status: 0 when every file was stored or skipped, 1 when any file failed
(the others are still stored), 2 for bad usage.
`;

export const run: Command = {
  name: 'run',
  summary: 'ingest folders of whitepapers into the database',
  help,
  async run(argv, io) {
    const { values, positionals } = parse('run', argv, {
      db: { type: 'string' },
      jobs: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError('give at least one folder or file to ingest, e.g. `hakusho run corpus`');
    const jobs = intOption('run', 'jobs', values.jobs as string | undefined, availableParallelism());
    const db = (values.db as string | undefined) ?? DEFAULT_DB;
    const progress = createProgress(io.stderr, io.isTTY);
    const abort = new AbortController();
    const onSigint = () => {
      io.stderr('\ninterrupted: finishing the files in progress; press Ctrl-C again to stop at once\n');
      abort.abort();
      process.once('SIGINT', () => process.exit(130));
    };
    process.once('SIGINT', onSigint);
    let summary;
    try {
      summary = await runBatch({
        paths: positionals,
        db,
        jobs,
        force: Boolean(values.force),
        signal: abort.signal,
        onStart: (n) => progress.start(n),
        onProgress: (e) => progress.update(e),
      });
    } finally {
      process.off('SIGINT', onSigint);
      progress.end();
    }
    if (values.json) {
      io.stdout(
        `${JSON.stringify({
          stored: summary.stored,
          skipped: summary.skipped,
          failed: summary.failed.map(({ path, reason }) => ({ path, reason })),
          warnings: summary.warnings.map(({ path, message }) => ({ path, message })),
          missing: summary.missing,
        })}\n`,
      );
    } else {
      for (const f of summary.failed) io.stderr(`${formatDiagnostic({ path: f.path, severity: 'error', rule: f.rule, reason: f.reason })}\n`);
      for (const w of summary.warnings) io.stderr(`${formatDiagnostic({ path: w.path, severity: 'warning', rule: w.rule, reason: w.message })}\n`);
      for (const m of summary.missing) io.stderr(`${m}: stored earlier but no longer there (kept in the database)\n`);
      const parts = [`${summary.stored.length} stored`, `${summary.skipped.length} skipped`, `${summary.failed.length} failed`];
      if (summary.warnings.length) parts.push(`${summary.warnings.length} warnings`);
      if (summary.missing.length) parts.push(`${summary.missing.length} missing`);
      io.stdout(`hakusho: ${parts.join(', ')} → ${db}${abort.signal.aborted ? ' (interrupted)' : ''}\n`);
    }
    return summary.failed.length > 0 || abort.signal.aborted ? EXIT.failed : EXIT.ok;
  },
};
