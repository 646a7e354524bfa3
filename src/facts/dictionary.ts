// kuromoji's dictionary as it serves hakusho: three of its parts replaced on the loaded
// instance, each doing what kuromoji's does (test/facts/tokenizer.test.ts tokenizes the whole
// corpus both ways and compares), without the costs that made tokenizing a batch slow.
// kuromoji 0.1.2 (2018) and its doublearray (2014) are no longer maintained, so the fixes live
// here rather than upstream.

/** The parts of kuromoji's DynamicDictionaries (not in its typings) that are replaced. */
export interface Dictionaries {
  trie: Trie;
  token_info_dictionary: {
    target_map: unknown;
    loadTargetMap(buffer: Uint8Array): unknown;
    getFeatures(id: number): string;
  };
}

/** doublearray's trie: surface forms (as UTF-8 bytes) → trie ids. */
interface Trie {
  bc: { getBase(index: number): number };
  traverse(parent: number, code: number): number;
  commonPrefixSearch(key: string): Match[];
}

/** A dictionary word at the start of a key: its surface form and trie id. */
interface Match {
  k: string;
  v?: number;
}

/** Before kuromoji's loader reads the files: the word map is read as words are looked up. */
export function beforeLoad(dic: Dictionaries): void {
  dic.token_info_dictionary.loadTargetMap = function (this: { target_map: unknown }, buffer: Uint8Array) {
    this.target_map = lazyTargetMap(buffer);
    return this;
  };
}

/** Once it has: prefix search without allocations, and word features remembered. */
export function afterLoad(dic: Dictionaries): void {
  dic.trie.commonPrefixSearch = prefixSearch(dic.trie);
  const words = dic.token_info_dictionary;
  words.getFeatures = rememberFeatures(words.getFeatures.bind(words));
}

/**
 * kuromoji's map from a dictionary word (its trie id) to its entries, read from tid_map.dat when a
 * word is first looked up rather than all at load. Built whole, as kuromoji does, it is 326k
 * arrays: ~0.1 s and ~30 MB in every thread, which every later garbage collection walks again,
 * while a batch of whitepapers looks up a few thousand words. A word read once stays: the map is
 * an ordinary object, whose prototype reads the words it does not have yet.
 */
export function lazyTargetMap(buffer: Uint8Array): Record<number, number[]> {
  // tid_map.dat, little-endian int32s: the number of words, then for each word its trie id, the
  // number of its entries and their token-info ids; then zeros to the end of the file.
  const data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const int = (i: number) => data.getInt32(i * 4, true);
  const records = (visit: (id: number, at: number) => void) => {
    for (let n = int(0), i = 1; n > 0; n--, i += 2 + int(i + 1)) visit(int(i), i + 1);
  };
  let maxId = -1;
  records((id) => (maxId = Math.max(maxId, id)));
  const where = new Int32Array(maxId + 1).fill(-1);
  records((id, at) => (where[id] = at));
  const reader = new Proxy(Object.create(null) as object, {
    get(_, key, map) {
      const at = typeof key === 'string' ? (where[Number(key)] ?? -1) : -1;
      if (at < 0) return undefined;
      const entries = Array.from({ length: int(at) }, (__, k) => int(at + 1 + k));
      Object.defineProperty(map, key, { value: entries, enumerable: true });
      return entries;
    },
  });
  return Object.create(reader) as Record<number, number[]>;
}

const NOT_FOUND = -1;
const ROOT = 0;
/** The byte that ends a word in the trie. */
const TERMINAL = 0;
const utf8 = new Uint8Array(4);

/** The UTF-8 bytes of a code point into `utf8`; their number. */
function encode(code: number): number {
  if (code < 0x80) return (utf8[0] = code), 1;
  if (code < 0x800) return (utf8[0] = 0xc0 | (code >>> 6)), (utf8[1] = 0x80 | (code & 0x3f)), 2;
  if (code < 0x10000) return (utf8[0] = 0xe0 | (code >>> 12)), (utf8[1] = 0x80 | ((code >>> 6) & 0x3f)), (utf8[2] = 0x80 | (code & 0x3f)), 3;
  utf8[0] = 0xf0 | (code >>> 18);
  utf8[1] = 0x80 | ((code >>> 12) & 0x3f);
  utf8[2] = 0x80 | ((code >>> 6) & 0x3f);
  utf8[3] = 0x80 | (code & 0x3f);
  return 4;
}

/**
 * doublearray's commonPrefixSearch: the dictionary words the key starts with, walking the same
 * trie with doublearray's own traverse. doublearray encodes the whole key (the rest of the
 * clause) into a new ArrayBuffer each time, and every word found into another; kuromoji calls it
 * at every character, and that was a quarter of tokenizing (measured on the bench's texts). Here
 * the key is encoded a character at a time, only as far as some word goes on. A lone surrogate
 * ends the search, where doublearray threw (and the document failed).
 */
export function prefixSearch(trie: Trie): (key: string) => Match[] {
  return (key) => {
    const found: Match[] = [];
    let node = ROOT;
    for (let i = 0; i < key.length; ) {
      let code = key.charCodeAt(i);
      let next = i + 1;
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = key.charCodeAt(next);
        if (!(low >= 0xdc00 && low <= 0xdfff)) return found;
        code = (code - 0xd800) * 0x400 + 0x10000 + (low - 0xdc00);
        next++;
      }
      const n = encode(code);
      for (let b = 0; b < n; b++) {
        node = trie.traverse(node, utf8[b]!);
        if (node === NOT_FOUND) return found;
      }
      const end = trie.traverse(node, TERMINAL);
      if (end !== NOT_FOUND) {
        const base = trie.bc.getBase(end);
        found.push(base <= 0 ? { v: -base - 1, k: key.slice(0, next) } : { k: key.slice(0, next) });
      }
      i = next;
    }
    return found;
  };
}

/** Words remembered by rememberFeatures, at most (a few MB; a batch of whitepapers uses ~20k). */
const FEATURES_KEPT = 100_000;

/**
 * kuromoji decodes a word's features (its part of speech, base form, reading…) from the
 * dictionary's UTF-8 bytes every time the word is tokenized; remembering them per word makes
 * tokenizing ~10% faster (measured on the bench's texts).
 */
function rememberFeatures(read: (id: number) => string): (id: number) => string {
  const kept = new Map<number, string>();
  return (id) => {
    let features = kept.get(id);
    if (features === undefined) {
      if (kept.size >= FEATURES_KEPT) kept.clear();
      features = read(id);
      kept.set(id, features);
    }
    return features;
  };
}
