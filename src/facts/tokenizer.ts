// The kuromoji tokenizer, built once per process (or worker thread) and shared: loading the
// dictionary costs ~0.6 s and ~370 MiB, so it is built on first use only and never when there
// is nothing to tokenize.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

export type KuromojiTokenizer = Tokenizer<IpadicFeatures>;

const require = createRequire(import.meta.url);

let pending: Promise<KuromojiTokenizer> | null = null;

/** kuromoji resolves a relative dicPath against the working directory, so it must be absolute. */
export function dictionaryPath(): string {
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

export function getTokenizer(): Promise<KuromojiTokenizer> {
  if (pending) return pending;
  const kuromoji = require('kuromoji') as typeof import('kuromoji');
  const building = new Promise<KuromojiTokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tokenizer) => (err ? reject(err) : resolve(tokenizer)));
  });
  pending = building;
  // A failed load is not cached, so a later call may try again.
  building.catch(() => {
    if (pending === building) pending = null;
  });
  return building;
}

/** Whether a load has been started in this process (tests check that nothing loads it needlessly). */
export function tokenizerRequested(): boolean {
  return pending !== null;
}
