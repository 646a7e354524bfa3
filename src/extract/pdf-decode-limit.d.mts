// Types of pdf-decode-limit.mjs (plain JavaScript, see pdfjs.mjs why).
export const DEFAULT_MAX_DECODED_MB: number;

export class DecodeLimitError extends Error {
  constructor(limit: number);
}

export interface Budget {
  readonly limit: number;
  readonly decoded: number;
  readonly exceeded: boolean;
  readonly closed: boolean;
  /** Rejects with a DecodeLimitError as soon as the limit is passed. */
  readonly whenExceeded: Promise<never>;
}

export function installDecodeLimit(classes: { DecodeStream: unknown; BrotliStream: unknown }): void;

export function withDecodeLimit<T>(limit: number, read: (budget: Budget) => Promise<T>): Promise<T>;
