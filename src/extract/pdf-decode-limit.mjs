// Bounded decoding of PDF streams: a PDF whose streams decode to more than a limit (a
// decompression bomb: a few MB that inflate to gigabytes) is stopped as soon as it passes it,
// before pdfjs has allocated much more than the limit. See docs/ARCHITECTURE.md for why a hook
// in pdfjs rather than a pre-scan or a child process with a memory limit.
//
// Every decoder of pdfjs (Flate, LZW, RunLength, ASCII85, ASCIIHex, CCITT, predictors,
// decryption) is a DecodeStream that grows its output buffer through ensureBuffer(requested):
// each growth is charged to the budget of the PDF being read, per stream (its buffer only grows)
// and per file (the sum over every stream decoded, again each time pdfjs decodes one again). Two
// paths do not go through ensureBuffer, and are replaced:
//   - Flate and Brotli streams are first tried with the platform's DecompressionStream, whose
//     chunks pdfjs collects with no bound: pdfjs's own fallback (its synchronous decoders) is
//     taken instead; it reads the same text in the same time, with less CPU (the fixture PDFs);
//   - Brotli's synchronous decoder allocates the whole output at once: node's brotli, told the
//     room left, decodes instead.
//
// Plain JavaScript, loaded by pdfjs.mjs (which hands it pdfjs's stream classes) natively in workers.
import { brotliDecompressSync } from 'node:zlib';

/** Default of `hakusho run --max-decoded`, in MB (MiB). */
export const DEFAULT_MAX_DECODED_MB = 256;

/** Thrown inside pdfjs's decoders once the PDF being read has passed its limit. */
export class DecodeLimitError extends Error {
  constructor(limit) {
    super(`the PDF's streams decode to more than ${Math.round(limit / 2 ** 20)} MB`);
    this.name = 'DecodeLimitError';
  }
}

/**
 * @typedef {{ limit: number, decoded: number, exceeded: boolean, closed: boolean,
 *   whenExceeded: Promise<never>, fail: (e: Error) => void }} Budget
 */

/** The budget of the PDF this thread is reading; null: none (pdfjs used outside extractPdf). */
let current = null;
/** Each stream's budget (the PDF it was first decoded for) and the bytes charged for it so far. */
const charged = new WeakMap();

function charge(stream, size) {
  const seen = charged.get(stream);
  const budget = seen?.budget ?? current;
  if (!budget) return;
  const before = seen?.size ?? 0;
  if (size > before) {
    charged.set(stream, { budget, size });
    budget.decoded += size - before;
  }
  // A PDF that is no longer being read (stopped by its time limit) may decode no further either.
  if (budget.decoded > budget.limit || budget.closed) {
    const error = new DecodeLimitError(budget.limit);
    if (!budget.exceeded && !budget.closed) {
      budget.exceeded = true;
      budget.fail(error);
    }
    throw error;
  }
}

/** Puts the budget check into pdfjs's stream classes (those of pdf.worker.mjs, see pdfjs.mjs). */
export function installDecodeLimit({ DecodeStream, BrotliStream }) {
  const ensureBuffer = DecodeStream.prototype.ensureBuffer;
  DecodeStream.prototype.ensureBuffer = function (requested) {
    charge(this, requested);
    return ensureBuffer.call(this, requested);
  };
  // pdfjs's own answer when the platform cannot decompress: the compressed bytes, for its decoders.
  DecodeStream.prototype.asyncGetBytesFromDecompressionStream = async function () {
    this.stream.reset();
    const compressed = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    return { decompressed: null, compressed };
  };
  BrotliStream.prototype.readBlock = function () {
    const bytes = this.stream.getBytes();
    const budget = charged.get(this)?.budget ?? current;
    const room = budget ? Math.max(1, budget.limit - budget.decoded + 1) : undefined;
    let out;
    try {
      out = brotliDecompressSync(bytes, room === undefined ? {} : { maxOutputLength: room });
    } catch (e) {
      if (e.code !== 'ERR_BUFFER_TOO_LARGE' || room === undefined) throw e;
      charge(this, room + 1);
    }
    charge(this, out.length);
    this.buffer = new Uint8Array(out.buffer, out.byteOffset, out.length);
    this.bufferLength = out.length;
    this.eof = true;
  };
}

/** PDFs wait here to be read one at a time in this thread (pdfjs reads them in this thread anyway). */
let queue = Promise.resolve();

/**
 * Runs `read(budget)` with what pdfjs decodes meanwhile charged to a budget of `limit` bytes;
 * `budget.whenExceeded` rejects with a DecodeLimitError as soon as it is passed.
 * @template T
 * @param {number} limit
 * @param {(budget: Budget) => Promise<T>} read
 * @returns {Promise<T>}
 */
export function withDecodeLimit(limit, read) {
  const run = queue.then(async () => {
    const budget = { limit, decoded: 0, exceeded: false, closed: false, whenExceeded: null, fail: null };
    budget.whenExceeded = new Promise((_, reject) => {
      budget.fail = reject;
    });
    budget.whenExceeded.catch(() => undefined); // raced by the reader, or never passed
    current = budget;
    try {
      return await read(budget);
    } finally {
      budget.closed = true;
      current = null;
    }
  });
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
