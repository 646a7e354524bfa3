// What the batch runs on each file. The batch imports no pipeline: its caller passes one in (the
// `run` command passes pipelines/whitepaper-ja.ts), and workers import its module by URL, so
// another document family is another module under pipelines/ and nothing in src/batch changes.
import type { Result } from '../types.ts';

export interface Pipeline {
  /** Stored with each document (`documents.pipeline_version`): a document stored under another is processed again. */
  version: string;
  /** A module exporting `processFile` (PipelineModule), by URL so that workers import it themselves. */
  module: URL;
}

export interface ProcessOptions {
  /** The most a PDF's streams may decode to, in MB (`hakusho run --max-decoded`). */
  maxDecodedMb?: number;
}

/** What a pipeline module exports. */
export interface PipelineModule {
  processFile(path: string, bytes: Uint8Array, options?: ProcessOptions): Promise<Result>;
}

export const loadPipeline = async (pipeline: Pipeline): Promise<PipelineModule> => (await import(pipeline.module.href)) as PipelineModule;
