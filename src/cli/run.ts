// `hakusho run`: ingest folders of whitepapers into the database.
import { runBatch, type RunSummary } from '../batch/run.ts';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, defaultJobs, WORKER_BUDGET_MB } from '../batch/pool.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { DEFAULT_MAX_DECODED_MB } from '../extract/pdf-decode-limit.mjs';
import { dbOptionHelp, locateDb } from '../store/db.ts';
import { EXIT, intOption, parse, UsageError, type Command } from './command.ts';
import { createProgress } from './progress.ts';
import { freemem } from 'node:os';
import { whitepaperJa } from '../../pipelines/version.ts';

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), or by SIGTERM (128 + 15). */
export const EXIT_INTERRUPTED = 130;
const EXIT_TERMINATED = 143;
/** Default of --wait: long enough for a scheduled run to outwait a manual one. */
export const DEFAULT_WAIT_S = 3600;

const help = `Usage: hakusho run <path...> [options]

Ingests every .pdf, .txt and .md file under the given folders and files into the
database. Files already stored (same content, same pipeline version) are skipped.

Options:
${dbOptionHelp(21)}
  --jobs N           files processed at once, each in its own worker thread
                     (default: the number of cores, fewer if memory is short:
                     each worker needs about ${WORKER_BUDGET_MB} MB)
  --timeout SECONDS  time limit per file; a file that takes longer fails and
                     its worker is replaced (default: ${DEFAULT_TIMEOUT_S})
  --max-memory MB    heap limit of each worker; a file that needs more fails
                     and its worker is replaced (default: ${DEFAULT_MAX_MEMORY_MB})
  --max-decoded MB   the most a PDF's compressed streams may decode to, each
                     stream and all of them together; a PDF that decodes to
                     more (a decompression bomb) fails at once (default: ${DEFAULT_MAX_DECODED_MB})
  --wait SECONDS     how long to wait for another run writing to the same
                     database to finish (default: ${DEFAULT_WAIT_S}; 0: fail at once)
  --force            process every file again, even if it is stored
  --json             print the summary as one JSON object on stdout
  --quiet            no progress and no warnings: failures and the summary only
  -h, --help         show this help

Each document is written in one transaction: a run that is killed leaves every
document whole or absent, and the next run picks up where it stopped. Ctrl-C
stops at once: the files in progress are left for the next run.

With PDFs to read and workers filling the cores, the run restarts node with
--single-threaded (V8's own compiler and collector threads would compete with
the workers for the cores).

When the disk or the database is full, the run stops at once and says so: the
documents stored until then are kept, and the next run stores the rest. When it
ends, the database is left in journal_mode=DELETE: anyone who may read the file
can query it, without write access to it or to its folder.

Exit status: 0 when every file was stored or skipped, 1 when any file failed
(the others are still stored), the disk filled up or another run kept the
database longer than --wait, 2 for bad usage, 130 when stopped by Ctrl-C (143
by SIGTERM).
`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

function printSummary(summary: RunSummary, db: string, opts: { json: boolean; quiet: boolean }, io: Parameters<Command['run']>[1]): void {
  if (opts.json) {
    io.stdout(
      `${JSON.stringify({
        stored: summary.stored,
        skipped: summary.skipped,
        failed: summary.failed.map(({ path, reason }) => ({ path, reason })),
        warnings: summary.warnings.map(({ path, message }) => ({ path, message })),
        missing: summary.missing,
        sections: summary.sections,
        facts: summary.facts,
        elapsed_ms: Math.round(summary.elapsedMs),
        ...(summary.halted ? { halted: summary.halted.reason } : {}),
      })}\n`,
    );
    return;
  }
  for (const f of summary.failed) io.stderr(`${formatDiagnostic({ path: f.path, severity: 'error', rule: f.rule, reason: f.reason })}\n`);
  if (!opts.quiet) {
    for (const w of summary.warnings) io.stderr(`${formatDiagnostic({ path: w.path, severity: 'warning', rule: w.rule, reason: w.message })}\n`);
    for (const m of summary.missing) io.stderr(`${m}: stored earlier but no longer there (kept in the database)\n`);
  }
  const seen = summary.stored.length + summary.skipped.length + summary.failed.length;
  if (seen === 0 && !summary.interrupted && !summary.halted) {
    io.stderr('hakusho run: no whitepapers found: hakusho reads .pdf, .txt and .md files (.markdown too) under the folders and files given\n');
  }
  const stored = summary.stored.length > 0 ? ` (${plural(summary.sections, 'section')}, ${plural(summary.facts, 'fact')})` : '';
  const parts = [`${summary.stored.length} stored${stored}`, `${summary.skipped.length} skipped`, `${summary.failed.length} failed`];
  if (summary.warnings.length) {
    const byRule = new Map<string, number>();
    for (const w of summary.warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
    const counts = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
    parts.push(`${plural(summary.warnings.length, 'warning')} (${counts})`);
  }
  if (summary.missing.length) parts.push(`${summary.missing.length} missing`);
  io.stdout(`hakusho: ${parts.join(', ')} in ${seconds(summary.elapsedMs)} → ${db}${summary.interrupted ? ' (interrupted: run again to process the rest)' : ''}\n`);
}

export const run: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parse('run', argv, {
      db: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'max-memory': { type: 'string' },
      'max-decoded': { type: 'string' },
      wait: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (positionals.length === 0) throw new UsageError('give at least one folder or file to ingest, e.g. `hakusho run corpus`');
    const jobs = intOption('run', 'jobs', values.jobs as string | undefined, defaultJobs());
    const timeout = intOption('run', 'timeout', values.timeout as string | undefined, DEFAULT_TIMEOUT_S);
    const maxMemoryMb = intOption('run', 'max-memory', values['max-memory'] as string | undefined, DEFAULT_MAX_MEMORY_MB);
    const maxDecodedMb = intOption('run', 'max-decoded', values['max-decoded'] as string | undefined, DEFAULT_MAX_DECODED_MB);
    const wait = intOption('run', 'wait', values.wait as string | undefined, DEFAULT_WAIT_S, 0);
    const db = locateDb(values.db as string | undefined).path;
    if (values.jobs !== undefined && jobs * WORKER_BUDGET_MB > freemem() / 2 ** 20) {
      io.stderr(`hakusho run: warning: --jobs ${jobs} may need ~${jobs * WORKER_BUDGET_MB} MB, more than the ${Math.round(freemem() / 2 ** 20)} MB free\n`);
    }
    const quiet = Boolean(values.quiet);
    const progress = createProgress(quiet ? () => {} : io.stderr, io.isTTY);
    const abort = new AbortController();
    let exitCode: number = EXIT_INTERRUPTED;
    // The first signal stops the workers and the walk, then the run is recorded as interrupted;
    // a second one exits without waiting. No document is half-written either way: each is
    // written in one synchronous transaction, which a signal handler cannot interrupt. A run
    // relaunched under --single-threaded gets Ctrl-C twice at once (from the terminal and from
    // its launcher, bin/single-threaded.js): a repeat within a second is the same signal.
    let first = 0;
    const now = (signal: NodeJS.Signals) => {
      if (Date.now() - first >= 1000) process.exit(signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      first = Date.now();
      exitCode = signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED;
      progress.interrupt();
      io.stderr(`hakusho run: ${signal === 'SIGTERM' ? 'terminated' : 'interrupted'}: stopping; the files in progress are left for the next run\n`);
      abort.abort();
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).on('SIGINT', now).on('SIGTERM', now);
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    let summary;
    try {
      summary = await runBatch({
        pipeline: whitepaperJa(),
        paths: positionals,
        db,
        jobs,
        timeout,
        maxMemoryMb,
        maxDecodedMb,
        wait,
        force: Boolean(values.force),
        signal: abort.signal,
        onWait: (holder) => io.stderr(`hakusho run: another run (${holder}) is writing to ${db}; waiting for it to finish (up to ${wait} s, --wait)…\n`),
        onStart: (n) => progress.start(n),
        onFileStart: (p) => progress.fileStart(p),
        onProgress: (e) => progress.update(e),
        onDictionary: (loading) => progress.dictionary(loading),
      });
    } catch (e) {
      // Stopped by Ctrl-C while waiting for another run: nothing was done.
      if (abort.signal.aborted) return exitCode;
      throw e;
    } finally {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('SIGINT', now).off('SIGTERM', now);
      progress.end();
    }
    // Said once, before the summary of what was stored: the batch stopped (disk full, workers that cannot start).
    if (summary.halted) io.stderr(`hakusho run: ${summary.halted.reason}\n`);
    printSummary(summary, db, { json: Boolean(values.json), quiet }, io);
    if (summary.interrupted) return exitCode;
    return summary.failed.length > 0 || summary.halted ? EXIT.failed : EXIT.ok;
  },
};
