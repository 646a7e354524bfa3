// A worker's tokenizer, from the dictionary bytes its pool shares with it (see
// src/facts/tokenizer.ts). The first import of worker.ts, so that the tokenizer starts building
// (~0.2 s) as soon as the bytes arrive.
import { workerData, type MessagePort } from 'node:worker_threads';
import { getTokenizer, useDictionaryBytes, type DictionaryBytes } from '../facts/tokenizer.ts';

/** What the pool sends on the worker's dictionary port, once: the shared bytes, or why it has none. */
export type DictionaryMessage = { bytes: DictionaryBytes } | { error: string };

const { dictionary } = workerData as { dictionary: MessagePort };
useDictionaryBytes(
  new Promise((resolve, reject) =>
    dictionary.once('message', (m: DictionaryMessage) => {
      dictionary.close();
      if ('bytes' in m) resolve(m.bytes);
      else reject(new Error(m.error));
    }),
  ),
);
// A failure shows again, per file, when a file needs the tokenizer.
getTokenizer().catch(() => undefined);
