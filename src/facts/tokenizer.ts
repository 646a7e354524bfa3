// The kuromoji tokenizer, built once per process (or worker thread) and shared: loading the
// dictionary costs ~0.2 s and ~50 MB (its decompressed files), so it is built on first use only and
// never when there is nothing to tokenize.
//
// The dictionary files are read and decompressed into SharedArrayBuffers (loadDictionaryBytes),
// which kuromoji's own DictionaryLoader and Tokenizer read in place (its tries and tables are
// views over the bytes they are given). A batch run's pool does that once and hands the bytes to
// every worker (useDictionaryBytes): measured on the PDF bench, two workers were ready ~0.4 s
// sooner, and each held ~100 MB less.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { afterLoad, beforeLoad, type Dictionaries } from './dictionary.ts';

export type KuromojiTokenizer = Tokenizer<IpadicFeatures>;

/** The dictionary files (`base.dat.gz` → its decompressed bytes), shared, never copied, between threads. */
export type DictionaryBytes = Record<string, SharedArrayBuffer>;

type Callback<T> = (err: Error | null, value?: T) => void;

/** kuromoji's own loader (not in its typings): it assembles a dictionary from whatever loadArrayBuffer gives. */
interface DictionaryLoader {
  dic: Dictionaries;
  loadArrayBuffer: (file: string, callback: Callback<ArrayBufferLike>) => void;
  load(callback: Callback<unknown>): void;
}

const require = createRequire(import.meta.url);

let pending: Promise<KuromojiTokenizer> | null = null;
let shared: Promise<DictionaryBytes> | null = null;

/** The dictionary kuromoji ships (IPADIC, gzipped). */
function dictionaryPath(): string {
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** Decompresses a .gz file straight into shared memory, sized by the gzip trailer (ISIZE). */
async function gunzipShared(gz: Buffer): Promise<SharedArrayBuffer> {
  const size = gz.readUInt32LE(gz.length - 4); // the size mod 2^32: dictionary files are far smaller
  const out = new Uint8Array(new SharedArrayBuffer(size));
  let at = 0;
  for await (const chunk of Readable.from([gz]).pipe(createGunzip({ chunkSize: 1 << 20 })) as AsyncIterable<Buffer>) {
    if (at + chunk.length > size) throw new Error('it decompresses to more bytes than its gzip trailer says');
    out.set(chunk, at);
    at += chunk.length;
  }
  if (at !== size) throw new Error('it decompresses to fewer bytes than its gzip trailer says');
  return out.buffer as SharedArrayBuffer;
}

/** Reads and decompresses every dictionary file into shared memory (for useDictionaryBytes in workers). */
export async function loadDictionaryBytes(): Promise<DictionaryBytes> {
  const dir = dictionaryPath();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.dat.gz'));
  const files = await Promise.all(
    names.map(async (name) => {
      try {
        return [name, await gunzipShared(await readFile(path.join(dir, name)))] as const;
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(files);
}

/** Builds this thread's tokenizer from bytes loaded elsewhere (a worker, from its pool) instead of from the files. */
export function useDictionaryBytes(bytes: Promise<DictionaryBytes>): void {
  shared = bytes;
}

async function fromBytes(source: Promise<DictionaryBytes>): Promise<KuromojiTokenizer> {
  const bytes = await source;
  const Loader = require('kuromoji/src/loader/DictionaryLoader.js') as new (dir: string) => DictionaryLoader;
  const TokenizerClass = require('kuromoji/src/Tokenizer.js') as new (dic: unknown) => KuromojiTokenizer;
  const loader = new Loader('');
  loader.loadArrayBuffer = (file, callback) => {
    const buffer = bytes[path.basename(file)];
    if (buffer) callback(null, buffer);
    else callback(new Error(`the kuromoji dictionary file ${path.basename(file)} was not loaded`));
  };
  beforeLoad(loader.dic);
  return new Promise((resolve, reject) =>
    loader.load((err) => {
      if (err) return reject(err);
      afterLoad(loader.dic);
      resolve(new TokenizerClass(loader.dic));
    }),
  );
}

export function getTokenizer(): Promise<KuromojiTokenizer> {
  if (pending) return pending;
  const building = fromBytes(shared ?? loadDictionaryBytes());
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
