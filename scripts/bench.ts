// `npm run bench [-- --quick] [-- --jobs N] [-- --keep]`: how fast the batch run is, against what
// its two costly parts cost alone, and how much memory it takes.
//
// Builds, in a temporary folder, a corpus of distinct text whitepapers and distinct PDFs from
// corpus/ and test/fixtures/pdf/ (scripts/bench/corpus.ts), then times, each in a child process
// of its own (scripts/bench/child.ts) so that its peak memory (maxRSS: main thread and workers)
// is its alone:
//   (a) the whole pipeline (`hakusho run`'s batch) with 1 job and with N jobs, fresh database each;
//   (b) the text files through kuromoji alone: one dictionary load, line by line, one thread;
//   (c) the PDFs through pdfjs getTextContent alone, one thread, the options src/extract/pdf.ts uses;
//   (d) an unchanged re-run (every file skipped);
// and runs a text corpus twice the size to show that peak memory does not grow with the number
// of files. Prints each target with PASS or FAIL; exits 1 if any fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultJobs } from '../src/batch/pool.ts';
import { makePdfCorpus, makeTextCorpus, ROOT } from './bench/corpus.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const jobsArg = args.indexOf('--jobs');
const N = jobsArg !== -1 ? Number(args[jobsArg + 1]) : defaultJobs();
const TEXTS = quick ? 40 : 200;
const PDFS = quick ? 20 : 100;
const GROWTH = [TEXTS, TEXTS * 2];

const CHILD = fileURLToPath(new URL('./bench/child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx/esm');

interface Measure {
  ms: number;
  maxRssMb: number;
  [k: string]: unknown;
}

function child(...argv: string[]): Measure {
  const out = execFileSync(process.execPath, ['--import', TSX, CHILD, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

const sizeMb = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024 / 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (m: number) => `${Math.round(m)} MB`;
const pad = (t: string, n = 34) => t.padEnd(n);

const work = mkdtempSync(join(tmpdir(), 'hakusho-bench-'));
const textDir = join(work, 'text');
const pdfDir = join(work, 'pdf');
const growthDir = join(work, 'text-growth');
makeTextCorpus(textDir, TEXTS);
makePdfCorpus(pdfDir, PDFS);
makeTextCorpus(growthDir, GROWTH[1]!);
const textMb = sizeMb(textDir);
const pdfMb = sizeMb(pdfDir);

console.log(`hakusho bench${quick ? ' --quick' : ''}: ${N} jobs (cores and memory), Node ${process.version}`);
console.log(`corpus: ${TEXTS} text whitepapers (${textMb.toFixed(1)} MB), ${PDFS} PDFs (${pdfMb.toFixed(1)} MB), in ${work}\n`);

const rows: string[] = [];
const line = (label: string, m: Measure, files: number, extra = '') => {
  const secs = m.ms / 1000;
  rows.push(`${pad(label)} ${s(m.ms).padStart(9)}  ${(files / secs).toFixed(1).padStart(6)} files/s  peak ${mb(m.maxRssMb).padStart(7)}${extra}`);
  console.log(rows.at(-1));
};

// (a) + (d), text.
const a1 = child('pipeline', textDir, join(work, 'text-1.sqlite'), '1');
line('(a) pipeline, text, 1 job', a1, TEXTS, `  ${(textMb / (a1.ms / 1000)).toFixed(2)} MB/s`);
const aN = child('pipeline', textDir, join(work, 'text-n.sqlite'), String(N));
line(`(a) pipeline, text, ${N} jobs`, aN, TEXTS, `  ${(textMb / (aN.ms / 1000)).toFixed(2)} MB/s  ${aN.sections} sections, ${aN.facts} facts`);
const dText = child('pipeline', textDir, join(work, 'text-n.sqlite'), String(N));
line('(d) re-run, text, unchanged', dText, TEXTS, `  ${dText.skipped} skipped`);
// (b)
const b = child('kuromoji', textDir);
line('(b) kuromoji alone, text', b, TEXTS, `  ${(Number(b.chars) / (b.ms / 1000) / 1000).toFixed(0)}k chars/s (load ${s(Number(b.loadMs))})`);

// (a) + (d), PDF; (c).
const pa1 = child('pipeline', pdfDir, join(work, 'pdf-1.sqlite'), '1');
const paN = child('pipeline', pdfDir, join(work, 'pdf-n.sqlite'), String(N));
const pdfWorks = paN.failed === 0 && paN.stored === PDFS;
if (!pdfWorks) console.log(`!! PDF pipeline: ${paN.failed} of ${PDFS} PDFs failed: ${(paN.failures as string[]).join(' | ')}`);
line('(a) pipeline, PDF, 1 job', pa1, PDFS, `  ${(Number(pa1.pages) / (pa1.ms / 1000)).toFixed(0)} pages/s`);
line(`(a) pipeline, PDF, ${N} jobs`, paN, PDFS, `  ${(Number(paN.pages) / (paN.ms / 1000)).toFixed(0)} pages/s  ${(pdfMb / (paN.ms / 1000)).toFixed(2)} MB/s`);
const dPdf = child('pipeline', pdfDir, join(work, 'pdf-n.sqlite'), String(N));
line('(d) re-run, PDF, unchanged', dPdf, PDFS, `  ${dPdf.skipped} skipped`);
const c = child('pdfjs', pdfDir);
if ((c.errors as string[]).length) console.log(`!! pdfjs alone: ${(c.errors as string[]).join(' | ')}`);
line('(c) pdfjs alone, PDF', c, PDFS, `  ${(Number(c.pages) / (c.ms / 1000)).toFixed(0)} pages/s, ${c.pages} pages`);

// Growth: the same pipeline on twice the files (the first measure is (a) with N jobs above).
const small = aN;
const large = child('pipeline', growthDir, join(work, 'growth.sqlite'), String(N));
line(`(a) pipeline, ${GROWTH[1]} texts, ${N} jobs`, large, GROWTH[1]!);

// Targets.
const targets: [string, boolean, string][] = [];
const ratio = (x: number, y: number) => x / y;
const rb = ratio(aN.ms, b.ms);
targets.push([`text: pipeline (${N} jobs) / kuromoji alone ≤ 1.00`, rb <= 1, rb.toFixed(2)]);
const rc = ratio(paN.ms, c.ms);
targets.push([`PDF: pipeline (${N} jobs) / pdfjs alone ≤ 1.25`, pdfWorks && rc <= 1.25, pdfWorks ? rc.toFixed(2) : `${rc.toFixed(2)} (PDFs failed)`]);
const rdT = ratio(dText.ms, aN.ms);
targets.push(['text: unchanged re-run / first run < 0.05', rdT < 0.05, rdT.toFixed(3)]);
const rdP = ratio(dPdf.ms, paN.ms);
targets.push(['PDF: unchanged re-run / first run < 0.05', pdfWorks && rdP < 0.05, rdP.toFixed(3)]);
const peak = Math.max(a1.maxRssMb, aN.maxRssMb, pa1.maxRssMb, paN.maxRssMb, small.maxRssMb, large.maxRssMb);
targets.push(['peak memory (main + workers) < 1.5 GiB', peak < 1536, mb(peak)]);
const growth = large.maxRssMb / small.maxRssMb;
targets.push([`peak memory ${GROWTH[1]} files / ${GROWTH[0]} files ≤ 1.10`, growth <= 1.1, `${mb(small.maxRssMb)} → ${mb(large.maxRssMb)} (${growth.toFixed(2)})`]);
const speedup = ratio(a1.ms, aN.ms);

console.log(`\nspeed-up with ${N} jobs: text ${speedup.toFixed(2)}×, PDF ${ratio(pa1.ms, paN.ms).toFixed(2)}×`);
console.log(`ratios: pipeline/(b) ${rb.toFixed(2)}, pipeline/(c) ${rc.toFixed(2)}, (d)/(a) text ${rdT.toFixed(3)}, PDF ${rdP.toFixed(3)}\n`);
for (const [name, ok, value] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${pad(name, 52)} ${value}`);

if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`\nkept ${work}`);
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
