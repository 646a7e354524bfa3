// How a batch gets a file's Result: in this thread (inProcess) or in worker threads (pool.ts).
import type { Result } from '../types.ts';
import { loadPipeline, type Pipeline, type PipelineModule } from './pipeline.ts';

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
export const inProcess = (_jobs: number, pipeline: Pipeline): Processor => {
  // Loaded on first use: a run that skips every file never loads the pipeline.
  let module: Promise<PipelineModule> | undefined;
  return {
    process: async (path, bytes) => (await (module ??= loadPipeline(pipeline))).processFile(path, bytes),
    close: async () => {},
  };
};
