// How a batch gets a file's Result: in this thread (inProcess) or in worker threads (pool.ts).
import type { Result } from '../types.ts';

export interface Processor {
  /**
   * Runs the pipeline on one file. The bytes may be transferred to another thread: the caller
   * must not use them after the call (take the hash and length first).
   */
  process(path: string, bytes: Uint8Array): Promise<Result>;
  close(): Promise<void>;
}

/**
 * The pipeline on the calling thread, one file after the other's await points. No time limit and
 * no memory bound: for library callers and tests; the CLI always uses the worker pool.
 */
export const inProcess = (): Processor => ({
  // Loaded on first use: a run that skips every file, or uses the worker pool, never loads the pipeline here.
  process: async (path, bytes) => (await import('../../pipelines/whitepaper-ja.ts')).processFile(path, bytes),
  close: async () => {},
});
