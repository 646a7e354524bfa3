// Decompression bombs made on the spot (never committed): PDFs whose streams inflate to far more
// than they weigh. A zlib stream of gigabytes of zeros is built without compressing them all: one
// chunk of zeros is deflated once, ending on a full flush (byte-aligned, no reference to what came
// before), and repeated; then the tail and the Adler-32 of the whole, computed arithmetically.
//
// And the measurement of issue 17's target, shared by `npm run bench` and
// test/reliability/bomb.test.ts: `hakusho run --jobs 2` on four good PDFs and a 6 GiB bomb, its
// time and its peak memory (every thread), with a watchdog that stops it before it can take the
// machine down should the limit not hold.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, deflateRawSync } from 'node:zlib';
import { PDF_FIXTURES, ROOT } from './corpus.ts';

const CHUNK = 64 * 2 ** 20;
let chunk: Buffer | null = null;

function adler32(zeros: number, tail: Uint8Array): number {
  // After n zeros: a = 1, b = n (mod 65521).
  let a = 1;
  let b = zeros % 65521;
  for (const c of tail) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib (FlateDecode) stream that inflates to `zeros` zero bytes (a multiple of 64 MiB, or less), then `tail`. */
export function inflatesTo(zeros: number, tail = ''): Buffer {
  const rest = Buffer.from(tail, 'latin1');
  const parts: Buffer[] = [Buffer.from([0x78, 0x9c])];
  if (zeros >= CHUNK) {
    if (zeros % CHUNK !== 0) throw new Error(`give a multiple of ${CHUNK} bytes`);
    chunk ??= deflateRawSync(Buffer.alloc(CHUNK), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < zeros / CHUNK; i++) parts.push(chunk);
  } else if (zeros > 0) {
    parts.push(deflateRawSync(Buffer.alloc(zeros), { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
  }
  parts.push(deflateRawSync(rest, { level: 9 }));
  const check = Buffer.alloc(4);
  check.writeUInt32BE(adler32(zeros, rest));
  parts.push(check);
  return Buffer.concat(parts);
}

/** A Brotli (BrotliDecode) stream of `zeros` zero bytes then `tail`. */
export function brotliOf(zeros: number, tail = ''): Buffer {
  const data = Buffer.concat([Buffer.alloc(zeros), Buffer.from(tail, 'latin1')]);
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
}

/** Page content that draws one line of text with the PDF's font F1. */
export const TEXT = (s: string) => `\nBT /F1 12 Tf 72 720 Td (${s}) Tj ET\n`;

export interface ContentStream {
  data: Buffer;
  filter: string;
}

/** A PDF with one page per content stream (Helvetica as F1), with a correct cross-reference table. */
export function pdfWithPages(pages: ContentStream[]): Buffer {
  const objects: Buffer[] = [];
  const n = pages.length;
  const obj = (s: string | Buffer[]) => objects.push(Buffer.concat(typeof s === 'string' ? [Buffer.from(s, 'latin1')] : s));
  obj('<< /Type /Catalog /Pages 2 0 R >>');
  obj(`<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`);
  obj('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((p, i) => {
    obj(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    obj([Buffer.from(`<< /Length ${p.data.length} /Filter /${p.filter} >>\nstream\n`, 'latin1'), p.data, Buffer.from('\nendstream', 'latin1')]);
  });
  const out: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = out[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    out.push(b);
    offset += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  out.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(out);
}

/** A one-page PDF whose content stream inflates to `gib` GiB of zeros, then draws a line of text. */
export function bombPdf(gib: number): Buffer {
  return pdfWithPages([{ data: inflatesTo(gib * 2 ** 30, TEXT('Hello')), filter: 'FlateDecode' }]);
}

/** Four good PDFs (the fixtures) and `bomb.pdf`, a 6 GiB bomb, in `dir`. */
export function makeBombBatch(dir: string): { good: string[]; bomb: string } {
  mkdirSync(dir, { recursive: true });
  const good = readdirSync(PDF_FIXTURES)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .slice(0, 4)
    .map((f) => {
      copyFileSync(join(PDF_FIXTURES, f), join(dir, f));
      return join(dir, f);
    });
  const bomb = join(dir, 'bomb.pdf');
  writeFileSync(bomb, bombPdf(6));
  return { good, bomb };
}

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the process, every thread, in MiB. */
  peakMb: number;
  /** Stopped by the watchdog. */
  killed: boolean;
}

const PEAK = join(ROOT, 'scripts/bench/peak.mjs');
const vmHwmMb = (pid: number) => {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/**
 * `hakusho <args>` (`hakusho`: the node arguments that run it, the build or the sources) in a node of its own, with --single-threaded as the run would relaunch itself
 * (so it is one process whose peak is all of it); killed if its memory passes `killAboveMb`.
 */
export function runMeasured(hakusho: readonly string[], args: string[], peakFile: string, killAboveMb = 3072): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--single-threaded', '--import', PEAK, ...hakusho, ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', HAKUSHO_PEAK_FILE: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let polled = 0;
  let killed = false;
  const watch = setInterval(() => {
    polled = Math.max(polled, vmHwmMb(child.pid!));
    if (polled > killAboveMb && !killed) {
      killed = true;
      child.kill('SIGKILL');
    }
  }, 50);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(watch);
      const ms = performance.now() - started;
      const atExit = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : 0;
      resolve({ code, stdout, stderr, ms, peakMb: Math.max(polled, atExit), killed });
    });
  });
}
