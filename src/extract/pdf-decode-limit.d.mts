// Types of pdf-decode-limit.mjs (plain JavaScript, see pdfjs.mjs why).
export const DEFAULT_MAX_DECODED_MB: number;

export interface Budget {
  /** The limit was passed. */
  readonly exceeded: boolean;
  /** Rejects with a DecodeLimitError as soon as the limit is passed. */
  readonly whenExceeded: Promise<never>;
}

export function installDecodeLimit(classes: { DecodeStream: unknown; BrotliStream: unknown }): void;

export function withDecodeLimit<T>(limit: number, read: (budget: Budget) => Promise<T>): Promise<T>;
