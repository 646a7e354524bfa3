// A pool of pipeline worker threads. Each worker processes one file at a time, with the next
// file already in hand, so it starts that one without waiting for the main thread; the pool
// gives every file a time limit and every worker a heap limit, and replaces a worker that hangs,
// crashes or runs out of memory, failing only the file it was processing.
//
// Workers start lazily (a run that skips every file starts none) and stay for the whole run, so
// each builds its tokenizer once, from dictionary bytes the pool loads once and shares. The bytes
// of the file a worker processes are transferred to it, not copied; those of the file waiting
// behind it are copied, so that another worker can take it should this one die first.
import { availableParallelism, freemem, totalmem } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { InputError } from '../diagnostics.ts';
import type { DictionaryBytes } from '../facts/tokenizer.ts';
import type { Result } from '../types.ts';
import type { Processor } from './processor.ts';
import type { DictionaryMessage } from './worker-dictionary.ts';
import type { Reply, Task } from './worker.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/**
 * The worker module, from the same code as this one: worker.js beside the compiled pool.js (dist/),
 * worker.ts beside the source pool.ts (tests, eval, `npm run dev`). A run from the sources thus
 * never uses a build, which may be older.
 */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
const MB = 1024 * 1024;
/** How long a new worker may take to load pdfjs and the pipeline before its first file's clock starts. */
const STARTUP_LIMIT_MS = 60_000;

/** Default per-file time limit (`--timeout`). */
export const DEFAULT_TIMEOUT_S = 120;
/** Default V8 old-generation limit of each worker (`--max-memory`): pdfjs on a large PDF needs most of it. */
export const DEFAULT_MAX_MEMORY_MB = 1024;
/**
 * What one more worker costs at peak, with room to spare (measured on the bench: 100 PDFs, 368 MB
 * with one job, 470 MB with two; 200 texts, 377 and 428–456 MB): pdfjs, the pipeline and one
 * file's data, not the dictionary bytes, which the pool holds once for all workers (~50 MB, in
 * RESERVED_MB).
 */
export const WORKER_BUDGET_MB = 200;
/** Files a worker holds: the one it processes and the next, so it never waits for the main thread. */
export const FILES_PER_WORKER = 2;
/** Kept for the main thread (SQLite, the walk, the shared dictionary bytes) and the rest of the machine. */
const RESERVED_MB = 300;

/**
 * Workers to start by default: one per core, but no more than the memory there is room for
 * (free memory, or the cgroup limit of a container when that is lower).
 */
export function defaultJobs(
  cores = availableParallelism(),
  freeBytes = freemem(),
  totalBytes = totalmem(),
  constrainedBytes = process.constrainedMemory?.() ?? 0,
): number {
  let available = freeBytes;
  if (constrainedBytes > 0 && constrainedBytes < totalBytes) available = Math.min(available, constrainedBytes);
  const byMemory = Math.floor((available / MB - RESERVED_MB) / WORKER_BUDGET_MB);
  return Math.max(1, Math.min(cores, byMemory));
}

/** The pool itself cannot work (a worker does not even start): the batch stops rather than failing every file. */
export class PoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoolError';
  }
}

export interface PoolOptions {
  /** The pipeline module each worker imports (src/batch/pipeline.ts). */
  pipeline: URL;
  jobs: number;
  /** Per-file time limit in milliseconds, from when the file is handed to a worker. */
  timeoutMs?: number;
  /** V8 old-generation heap limit of each worker, in MB. */
  maxMemoryMb?: number;
  /** The most a PDF's streams may decode to, in MB (src/extract/pdf-decode-limit.mjs). */
  maxDecodedMb?: number;
  /** The first worker starts loading the kuromoji dictionary (true), the first is ready with it (false). */
  onDictionary?: (loading: boolean) => void;
}

export interface Pool extends Processor {
  /** Workers started so far, replacements included. */
  readonly started: number;
}

interface Pending {
  id: number;
  path: string;
  bytes: Uint8Array | null;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** In the order the worker takes them: the first is being processed (its bytes moved there). */
  tasks: Pending[];
  /** The time limit of tasks[0]. */
  timer: NodeJS.Timeout | undefined;
}

/** An error posted by a worker, back into an InputError when it was one (its rule is the diagnostic's). */
function revive(e: Extract<Reply, { type: 'error' }>['error']): Error {
  if (e.name === 'InputError' && e.rule) return new InputError(e.rule, e.message, e.page ?? null);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

/** The bytes in a buffer of their own, so that buffer can be transferred (not copied) to the worker. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const buf = bytes.buffer;
  if (buf instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buf.byteLength) return bytes;
  return new Uint8Array(bytes); // a view into a shared pool: copy once
}

export function workerPool(opts: PoolOptions): Pool {
  const jobs = Math.max(1, Math.floor(opts.jobs));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000;
  const maxMemoryMb = opts.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const slots = new Set<Slot>();
  const waiting: Pending[] = [];
  let nextId = 0;
  let started = 0;
  let broken: PoolError | null = null;
  let closed = false;
  // Read and decompressed once, with the first worker, and shared by every worker (see tokenizer.ts).
  let dictionary: Promise<DictionaryBytes> | null = null;
  let anyReady = false;

  const seconds = (ms: number) => (ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1));

  function spawn(): Slot {
    // The dictionary comes on a port of its own, as soon as it is loaded, while the worker starts
    // (it loads pdfjs meanwhile).
    const dictionaryPort = new MessageChannel();
    // execArgv: [] so a worker does not inherit the parent's preloads (`--import tsx`…): its entry
    // loads what it needs (worker-entry.mjs). A library's console.log in a worker must not land in
    // `--json` output on stdout: to stderr.
    const worker = new Worker(ENTRY, {
      execArgv: [],
      workerData: { dictionary: dictionaryPort.port2, worker: WORKER.href, pipeline: opts.pipeline.href, maxDecodedMb: opts.maxDecodedMb },
      transferList: [dictionaryPort.port2],
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      stdout: true,
    });
    worker.stdout.pipe(process.stderr, { end: false });
    started++;
    // Imported here, not at the top: a run that skips every file never loads it (nor zlib).
    if (!dictionary) opts.onDictionary?.(true);
    dictionary ??= import('../facts/tokenizer.ts').then((t) => t.loadDictionaryBytes());
    dictionary.then(
      (bytes) => dictionaryPort.port1.postMessage({ bytes } satisfies DictionaryMessage),
      (e: Error) => dictionaryPort.port1.postMessage({ error: `the kuromoji dictionary could not be loaded: ${e.message}` } satisfies DictionaryMessage),
    );
    const slot: Slot = { worker, ready: false, dead: false, tasks: [], timer: undefined };
    worker.on('message', (m: Reply) => {
      if (m.type === 'ready') {
        slot.ready = true;
        // A worker is ready once its tokenizer is built (worker.ts): the dictionary is loaded.
        if (!anyReady) (anyReady = true), opts.onDictionary?.(false);
        // The time limit is the file's: it starts when the worker has loaded the pipeline.
        if (slot.tasks.length > 0) startTimer(slot);
        return;
      }
      if (m.type === 'startup-failed') {
        // It could not even load the pipeline: every worker would fail the same way.
        fail(new PoolError(`a worker thread could not load the pipeline: ${m.message}`));
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.id !== m.id) return;
      clearTimeout(slot.timer);
      slot.tasks.shift();
      const next = slot.tasks[0];
      if (next) {
        // The worker has started it: its copy of the bytes is the one in use, and its clock runs.
        next.bytes = null;
        startTimer(slot);
      }
      if (m.type === 'done') task.resolve(m.result);
      else task.reject(revive(m.error));
      pump();
    });
    worker.on('error', (e) => retire(slot, crashed(e)));
    worker.on('exit', (code) => retire(slot, crashed(null, code)));
    slots.add(slot);
    return slot;
  }

  function crashed(e: Error | null, code?: number): Error {
    if ((e as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new InputError(
        'out-of-memory',
        `processing needed more than ${maxMemoryMb} MB of memory, the limit per worker (--max-memory); the worker was stopped. The file may be very large or malformed`,
      );
    }
    return new InputError('worker-crashed', `the worker processing this file crashed (${e ? e.message : `exit code ${code}`}); the other files are not affected`);
  }

  /**
   * Takes a worker out of the pool, failing the file it was processing; the file waiting behind it
   * goes to another worker. A new worker starts when there is work.
   */
  function retire(slot: Slot, reason: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    slots.delete(slot);
    clearTimeout(slot.timer);
    const [task, ...queued] = slot.tasks;
    slot.tasks = [];
    task?.reject(reason);
    waiting.unshift(...queued);
    pump();
  }

  function fail(error: PoolError): void {
    broken = error;
    for (const s of [...slots]) {
      void s.worker.terminate();
      retire(s, error);
    }
    // After retiring: the files queued behind a worker's current one came back to `waiting`.
    for (const t of waiting.splice(0)) t.reject(error);
  }

  function dispatch(slot: Slot, task: Pending): void {
    slot.tasks.push(task);
    if (slot.tasks.length === 1) {
      const bytes = ownBuffer(task.bytes!);
      task.bytes = null;
      slot.worker.postMessage({ id: task.id, path: task.path, bytes } satisfies Task, [bytes.buffer as ArrayBuffer]);
      startTimer(slot);
    } else {
      slot.worker.postMessage({ id: task.id, path: task.path, bytes: task.bytes! } satisfies Task);
    }
  }

  /** The file's time limit; before the worker is ready, a limit on starting (it then restarts). */
  function startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    const ms = slot.ready ? timeoutMs : Math.max(timeoutMs, STARTUP_LIMIT_MS);
    slot.timer = setTimeout(() => {
      if (!slot.ready) {
        fail(new PoolError(`a worker thread did not start within ${seconds(ms)} s`));
        return;
      }
      void slot.worker.terminate();
      retire(
        slot,
        new InputError(
          'time-limit',
          `processing took longer than ${seconds(timeoutMs)} s, the time limit per file (--timeout); the worker was stopped. The file may be very large or malformed; raise --timeout to give it more time`,
        ),
      );
    }, ms);
  }

  /** Hands waiting files to idle workers first, then to new workers, then behind busy ones. */
  function pump(): void {
    while (waiting.length > 0 && !broken && !closed) {
      let slot: Slot | undefined;
      for (const s of slots) if (!s.dead && s.tasks.length < FILES_PER_WORKER && (!slot || s.tasks.length < slot.tasks.length)) slot = s;
      if ((!slot || slot.tasks.length > 0) && slots.size < jobs) slot = spawn();
      if (!slot) return;
      dispatch(slot, waiting.shift()!);
    }
  }

  return {
    get started() {
      return started;
    },
    process(path, bytes) {
      return new Promise<Result>((resolve, reject) => {
        if (broken) return reject(broken);
        if (closed) return reject(new Error('the worker pool is closed'));
        waiting.push({ id: nextId++, path, bytes, resolve, reject });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of waiting.splice(0)) t.reject(new Error('the worker pool is closed'));
      const all = [...slots];
      for (const s of all) {
        s.dead = true;
        clearTimeout(s.timer);
        for (const t of s.tasks) t.reject(new Error('the worker pool is closed'));
        s.tasks = [];
      }
      slots.clear();
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
