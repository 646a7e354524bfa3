// `npm run bench [-- --quick] [-- --jobs N] [-- --repeat N] [-- --keep]`: how fast the command
// starts, how fast the batch run is, against what its two costly parts cost alone, and how much
// memory it takes.
//
// First builds the CLI from the sources into dist/ (scripts/build.ts: what `npm pack` ships), so
// what is measured is never an older build. Then times the start of `hakusho --help` and
// `hakusho query` against a bare `node -e 0` (median of STARTS runs each, in turn). Then builds,
// in a temporary folder, a corpus of distinct text whitepapers and distinct PDFs from
// corpus/ and test/fixtures/pdf/ (scripts/bench/corpus.ts), then times, each in a child process
// of its own (scripts/bench/child.ts) so that its peak memory (maxRSS: main thread and workers)
// is its alone:
//   (a) the whole pipeline (`hakusho run`'s batch) with 1 job and with N jobs, fresh database each,
//       in a node with --single-threaded where `hakusho run` would relaunch itself so (PDFs);
//   (b) the text files through kuromoji alone: one dictionary load, line by line, one thread
//       (kuromoji as published; also, for information, as hakusho builds it: src/facts/dictionary.ts);
//   (c) the PDFs through pdfjs getTextContent alone, one thread, pdfjs loaded and opening PDFs as
//       the workers do (scripts/bench/pdfjs-alone.mjs);
//   (d) an unchanged re-run (every file skipped), in-process and as a whole command (process
//       start included) against the first run as a whole command;
//   (e) `hakusho run --jobs 2` on four good PDFs and a 6 GiB decompression bomb (scripts/bench/bomb.ts);
// and runs a text corpus twice the size to show that peak memory does not grow with the number
// of files. Each figure is the best (shortest) of --repeat runs (default 3; 1 with --quick), as
// other work on the machine only ever slows a run down; the pipeline and each baseline it is
// compared with take turns, so that a slow spell falls on both. Then a breakdown of where the pipeline's
// time goes (one thread, stage by stage), and each target with PASS or FAIL; exits 1 if any fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wantsSingleThreaded } from '../bin/single-threaded.ts';
import { defaultJobs } from '../src/batch/pool.ts';
import { makeBombBatch, runMeasured } from './bench/bomb.ts';
import { makePdfCorpus, makeTextCorpus, ROOT } from './bench/corpus.ts';
import { build } from './build.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const N = Number(option('--jobs') ?? defaultJobs());
const REPEAT = Number(option('--repeat') ?? (quick ? 1 : 3));
const TEXTS = quick ? 40 : 200;
const PDFS = quick ? 20 : 100;
const GROWTH = [TEXTS, TEXTS * 2] as const;
/** Runs of each command whose start is timed (the median counts). */
const STARTS = quick ? 7 : 21;

const CHILD = fileURLToPath(new URL('./bench/child.ts', import.meta.url));
const PDFJS_ALONE = fileURLToPath(new URL('./bench/pdfjs-alone.mjs', import.meta.url));
const PDFJS = new URL('../src/extract/pdfjs.mjs', import.meta.url).href;
const BIN = join(ROOT, 'dist/bin/hakusho.js');
const TSX = import.meta.resolve('tsx/esm');

interface Measure {
  ms: number;
  maxRssMb: number;
  [k: string]: unknown;
}

/**
 * The node options `hakusho run` would run this pipeline measurement with: --single-threaded
 * for PDFs when its workers fill the cores (bin/single-threaded.js relaunches the run so).
 */
function asRun(argv: string[]): string[] {
  return argv[0] === 'pipeline' && wantsSingleThreaded(['run', argv[1]!, '--jobs', argv[3]!], []) ? ['--single-threaded'] : [];
}

/** One measurement; `nodeOptions` go before the script. */
function child(argv: string[], nodeOptions = asRun(argv)): Measure {
  // (c) runs without tsx, as pdfjs is loaded in the workers (see scripts/bench/pdfjs-alone.mjs).
  // The stage breakdown loads pdfjs natively first, as the workers do (through tsx it takes 1 s).
  const preload = argv[0] === 'stages' ? ['--import', PDFJS] : [];
  const script = argv[0] === 'pdfjs' ? [PDFJS_ALONE, ...argv.slice(1)] : [...nodeOptions, ...preload, '--import', TSX, CHILD, ...argv];
  const out = execFileSync(process.execPath, script, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

let fresh = 0;
/** The best of some runs: the shortest time, and the highest peak memory seen. */
function pick(runs: Measure[]): Measure {
  const fastest = runs.reduce((x, y) => (y.ms < x.ms ? y : x));
  return { ...fastest, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}
/** The best of REPEAT runs. */
function best(make: () => string[], nodeOptions?: string[]): Measure {
  return pick(Array.from({ length: REPEAT }, () => child(make(), nodeOptions)));
}
/**
 * The best of REPEAT runs of each, for figures whose ratio is a target: run in turn, so that a
 * slow spell of the machine falls on both rather than on one.
 */
function bestInTurn<T extends (() => string[])[]>(...makes: T): { [K in keyof T]: Measure } {
  const runs = makes.map((): Measure[] => []);
  for (let i = 0; i < REPEAT; i++) makes.forEach((make, k) => runs[k]!.push(child(make())));
  return runs.map(pick) as { [K in keyof T]: Measure };
}

{
  const started = performance.now();
  const rules = build();
  console.log(`built dist/ from the sources (rules ${rules}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const work = mkdtempSync(join(tmpdir(), 'hakusho-bench-'));
const freshDb = (name: string) => join(work, `${name}-${fresh++}.sqlite`);
const textDir = join(work, 'text');
const pdfDir = join(work, 'pdf');
const growthDir = join(work, 'text-growth');
makeTextCorpus(textDir, TEXTS);
makePdfCorpus(pdfDir, PDFS);
makeTextCorpus(growthDir, GROWTH[1]);

const sizeMb = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024 / 1024;
const textMb = sizeMb(textDir);
const pdfMb = sizeMb(pdfDir);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (m: number) => `${Math.round(m)} MB`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

console.log(`hakusho bench${quick ? ' --quick' : ''}: ${N} jobs, best of ${REPEAT}, Node ${process.version}, load average ${load()}`);
console.log(`corpus: ${TEXTS} text whitepapers (${textMb.toFixed(1)} MB), ${PDFS} PDFs (${pdfMb.toFixed(1)} MB)\n`);

/** Wall-clock milliseconds of one command, to its end, its output discarded (run again to show why, should it fail). */
function timed(argv: string[]): number {
  const started = performance.now();
  try {
    execFileSync(process.execPath, argv, { cwd: ROOT, stdio: 'ignore' });
  } catch (e) {
    // Again with its stderr shown, to say why; the measurement fails either way.
    spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    throw e;
  }
  return performance.now() - started;
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const msText = (ms: number) => `${Math.round(ms)} ms`;

// Start-up: the commands that need neither pdfjs nor kuromoji, against node itself. The query
// reads the database of a run of the corpus (made first, not timed).
const startDb = freshDb('start');
execFileSync(process.execPath, [BIN, 'run', join(ROOT, 'corpus'), '--db', startDb], { stdio: 'ignore' });
const starts = { node: [] as number[], help: [] as number[], query: [] as number[] };
for (let i = 0; i < STARTS; i++) {
  starts.node.push(timed(['-e', '0']));
  starts.help.push(timed([BIN, '--help']));
  starts.query.push(timed([BIN, 'query', 'SELECT vendor, count(*) FROM documents GROUP BY vendor', '--db', startDb]));
}
const [startNode, startHelp, startQuery] = [median(starts.node), median(starts.help), median(starts.query)];
console.log(`start-up, median of ${STARTS}: \`node -e 0\` ${msText(startNode)}, \`hakusho --help\` ${msText(startHelp)} (${(startHelp / startNode).toFixed(2)} ×), \`hakusho query\` ${msText(startQuery)} (${(startQuery / startNode).toFixed(2)} ×)\n`);

const line = (label: string, m: Measure, files: number, extra = '') =>
  console.log(`${label.padEnd(34)} ${s(m.ms).padStart(9)}  ${(files / (m.ms / 1000)).toFixed(1).padStart(7)} files/s  peak ${mb(m.maxRssMb).padStart(7)}${extra}`);

// Text: (a), (d), (b).
const a1 = best(() => ['pipeline', textDir, freshDb('text-1'), '1']);
line('(a) pipeline, text, 1 job', a1, TEXTS, `  ${(textMb / (a1.ms / 1000)).toFixed(2)} MB/s`);
/** A database path: `first` the first time (the re-run (d) uses it), fresh ones after. */
const firstThen = (first: string, name: string) => {
  let used = false;
  return () => (used ? freshDb(name) : ((used = true), first));
};
const textDb = freshDb('text-n');
const textDbs = firstThen(textDb, 'text-n');
const [aN, b] = bestInTurn(() => ['pipeline', textDir, textDbs(), String(N)], () => ['kuromoji', textDir]);
line(`(a) pipeline, text, ${N} jobs`, aN, TEXTS, `  ${(textMb / (aN.ms / 1000)).toFixed(2)} MB/s, ${aN.sections} sections, ${aN.facts} facts`);
const dText = best(() => ['pipeline', textDir, textDb, String(N)]);
line('(d) re-run, text, unchanged', dText, TEXTS, `  ${dText.skipped} skipped`);
line('(b) kuromoji alone, text', b, TEXTS, `  ${Math.round(Number(b.chars) / (b.ms / 1000) / 1000)}k chars/s (load ${s(Number(b.loadMs))})`);
// Informative: hakusho's own kuromoji set-up does the same work faster (the dictionary's word map
// read lazily, prefix search without allocations, word features remembered).
const bOurs = best(() => ['tokenizer', textDir]);
line("(b') kuromoji as hakusho builds it", bOurs, TEXTS, `  ${Math.round(Number(bOurs.chars) / (bOurs.ms / 1000) / 1000)}k chars/s, pipeline ${(aN.ms / bOurs.ms).toFixed(2)} × this`);

// PDF: (a), (d), (c).
const pa1 = best(() => ['pipeline', pdfDir, freshDb('pdf-1'), '1']);
const pdfDb = freshDb('pdf-n');
const pdfDbs = firstThen(pdfDb, 'pdf-n');
const [paN, c] = bestInTurn(() => ['pipeline', pdfDir, pdfDbs(), String(N)], () => ['pdfjs', pdfDir]);
const pdfWorks = paN.failed === 0 && paN.stored === PDFS;
if (!pdfWorks) console.log(`!! PDF pipeline: ${paN.stored} of ${PDFS} PDFs stored, ${paN.failed} failed: ${(paN.failures as string[]).join(' | ')}`);
line('(a) pipeline, PDF, 1 job', pa1, PDFS, `  ${Math.round(Number(pa1.pages) / (pa1.ms / 1000))} pages/s`);
line(`(a) pipeline, PDF, ${N} jobs`, paN, PDFS, `  ${Math.round(Number(paN.pages) / (paN.ms / 1000))} pages/s, ${(pdfMb / (paN.ms / 1000)).toFixed(2)} MB/s`);
const dPdf = best(() => ['pipeline', pdfDir, pdfDb, String(N)]);
line('(d) re-run, PDF, unchanged', dPdf, PDFS, `  ${dPdf.skipped} skipped`);
if ((c.errors as string[]).length) console.log(`!! pdfjs alone: ${(c.errors as string[]).join(' | ')}`);
line('(c) pdfjs alone, PDF', c, PDFS, `  ${Math.round(Number(c.pages) / (c.ms / 1000))} pages/s, ${c.pages} pages`);
// Informative, not a target: the same run in a node without --single-threaded (a library caller's
// runBatch), where V8's background compiler and GC threads compete with the workers.
const paNmt = best(() => ['pipeline', pdfDir, freshDb('pdf-mt'), String(N)], []);
line(`(a) pipeline, PDF, ${N} jobs, V8 threads on`, paNmt, PDFS, `  ${(paNmt.ms / c.ms).toFixed(2)} × (c)`);

// Growth: the same pipeline on twice the files; the first figure is (a) with N jobs above.
const large = best(() => ['pipeline', growthDir, freshDb('growth'), String(N)]);
line(`(a) pipeline, ${GROWTH[1]} texts, ${N} jobs`, large, GROWTH[1]);

// The first run and the unchanged re-run as a user sees them: whole commands, process start
// included; each the best of its runs, like every figure here (the first: REPEAT runs on fresh
// databases; the re-run: STARTS runs, whose median is shown too).
const commandRuns = (dir: string, name: string) => {
  const db = freshDb(name);
  const first = Math.min(...Array.from({ length: REPEAT }, (_, i) => timed([BIN, 'run', dir, '--db', i === 0 ? db : freshDb(name)])));
  const agains = Array.from({ length: STARTS }, () => timed([BIN, 'run', dir, '--db', db]));
  const again = Math.min(...agains);
  console.log(
    `(d) \`hakusho run\` ${name}, as a command: first run ${s(first)}, unchanged re-run ${msText(again)} (median of ${STARTS} ${msText(median(agains))}), ${(again / first).toFixed(3)} of the first`,
  );
  return again / first;
};
const cmdText = commandRuns(textDir, 'text');
const cmdPdf = commandRuns(pdfDir, 'PDF');

// A decompression bomb among good PDFs: the run as a command, its time and peak (once: it is no ratio).
const bombDir = join(work, 'bomb');
makeBombBatch(join(bombDir, 'in'));
const e = await runMeasured([BIN], ['run', join(bombDir, 'in'), '--db', join(bombDir, 'h.sqlite'), '--jobs', '2', '--json'], join(bombDir, 'peak'));
const bombAlone = (() => {
  try {
    const out = JSON.parse(e.stdout) as { stored: string[]; failed: { reason: string }[] };
    return e.code === 1 && out.stored.length === 4 && out.failed.length === 1 && /decompression bomb/.test(out.failed[0]!.reason);
  } catch {
    return false;
  }
})();
console.log(`(e) 6 GiB bomb among 4 PDFs, 2 jobs: ${s(e.ms)}, peak ${mb(e.peakMb)}${e.killed ? ' (stopped at 3 GiB)' : ''}${bombAlone ? ', the bomb alone failed' : ', NOT the bomb alone failed'}`);

// Where the time goes, one thread.
const stagesText = child(['stages', textDir]);
const stagesPdf = child(['stages', pdfDir]);
const fmt = (m: Measure) =>
  Object.entries(m.stages as Record<string, number>)
    .map(([k, v]) => `${k} ${s(v)}`)
    .join(', ');
console.log(`\none thread, stage by stage: text: ${fmt(stagesText)}`);
console.log(`                            PDF:  ${fmt(stagesPdf)}`);

// Targets.
const rb = aN.ms / b.ms;
const rc = paN.ms / c.ms;
const rdT = dText.ms / aN.ms;
const rdP = dPdf.ms / paN.ms;
const peak = Math.max(a1.maxRssMb, aN.maxRssMb, pa1.maxRssMb, paN.maxRssMb, large.maxRssMb);
const growth = large.maxRssMb / aN.maxRssMb;
const targets: [string, boolean, string][] = [
  ['start-up: `hakusho --help` / `node -e 0` ≤ 2', startHelp / startNode <= 2, (startHelp / startNode).toFixed(2)],
  ['start-up: `hakusho query` / `node -e 0` ≤ 2', startQuery / startNode <= 2, (startQuery / startNode).toFixed(2)],
  [`text: pipeline (${N} jobs) / kuromoji alone (b) ≤ 1.00`, rb <= 1, rb.toFixed(2)],
  [`PDF: pipeline (${N} jobs) / pdfjs alone (c) ≤ 1.25`, pdfWorks && rc <= 1.25, pdfWorks ? rc.toFixed(2) : `${rc.toFixed(2)} (PDFs failed)`],
  ['text: unchanged re-run (d) / first run (a) < 0.05', rdT < 0.05, rdT.toFixed(3)],
  ['PDF: unchanged re-run (d) / first run (a) < 0.05', pdfWorks && rdP < 0.05, rdP.toFixed(3)],
  ['text: the same as whole commands ≤ 0.05', cmdText <= 0.05, cmdText.toFixed(3)],
  ['PDF: the same as whole commands ≤ 0.05', pdfWorks && cmdPdf <= 0.05, cmdPdf.toFixed(3)],
  ['peak memory (main + workers) < 1.5 GiB', peak < 1536, mb(peak)],
  [`peak memory, ${GROWTH[1]} files / ${GROWTH[0]} files ≤ 1.10`, growth <= 1.1, `${mb(aN.maxRssMb)} → ${mb(large.maxRssMb)} (${growth.toFixed(2)})`],
  ['bomb among 4 PDFs (e): fails alone in < 60 s', bombAlone && e.ms < 60_000, s(e.ms)],
  ['bomb among 4 PDFs (e): peak memory < 2.5 GiB', !e.killed && e.peakMb < 2560, mb(e.peakMb)],
];

console.log(`\nspeed-up with ${N} jobs: text ${(a1.ms / aN.ms).toFixed(2)}×, PDF ${(pa1.ms / paN.ms).toFixed(2)}×`);
console.log(`ratios: pipeline/(b) ${rb.toFixed(2)}, pipeline/(c) ${rc.toFixed(2)}, (d)/(a) text ${rdT.toFixed(3)}, PDF ${rdP.toFixed(3)}`);
console.log(`load average at the end: ${load()}\n`);
for (const [name, ok, value] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(54)} ${value}`);

if (keep) console.log(`\nkept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
