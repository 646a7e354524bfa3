// The tokenizer as built here (kuromoji's loader over shared bytes, its word map read lazily)
// against kuromoji as its README builds it, on the real dictionary and corpus text.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { expect, test } from 'vitest';
import { lazyTargetMap } from '../../src/facts/dictionary.ts';
import { getTokenizer } from '../../src/facts/tokenizer.ts';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('kuromoji/package.json')), 'dict');

test("the lazy word map gives every word's entries as kuromoji's own loader reads them, and nothing for an unknown id", () => {
  const TokenInfoDictionary = require('kuromoji/src/dict/TokenInfoDictionary.js') as new () => {
    target_map: Record<number, number[]>;
    loadTargetMap(b: Uint8Array): unknown;
  };
  const bytes = new Uint8Array(gunzipSync(readFileSync(join(DICT, 'tid_map.dat.gz'))));
  const eager = new TokenInfoDictionary();
  eager.loadTargetMap(bytes);
  const lazy = lazyTargetMap(bytes);
  const ids = Object.keys(eager.target_map).map(Number);
  expect(ids.length).toBeGreaterThan(300_000);
  for (const id of ids) if (lazy[id]?.join() !== eager.target_map[id]!.join()) expect([id, lazy[id]]).toEqual([id, eager.target_map[id]]);
  expect(lazy[ids.at(-1)! + 1]).toBeUndefined();
  expect(lazy[-1]).toBeUndefined();
  // Read once: the same array the second time.
  expect(lazy[ids[0]!]).toBe(lazy[ids[0]!]);
});

test('tokenizes the corpus exactly as kuromoji built from its files does', async () => {
  const kuromoji = require('kuromoji') as typeof import('kuromoji');
  const reference = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) =>
    kuromoji.builder({ dicPath: DICT }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
  const ours = await getTokenizer();
  // Characters outside the BMP, which both sides must walk as surrogate pairs.
  const extra = ['𠮷野家のデータは🔒で暗号化されます。', '𩸽（ほっけ）とＡＢＣ１２３、ｶﾀｶﾅ、English words.'];
  for (const line of extra) expect(ours.tokenize(line)).toEqual(reference.tokenize(line));
  const corpus = new URL('../../corpus/', import.meta.url);
  for (const name of readdirSync(corpus)) {
    const lines = readFileSync(new URL(name, corpus), 'utf8').split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      const got = ours.tokenize(line);
      const want = reference.tokenize(line);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect([name, got]).toEqual([name, want]);
    }
  }
});

test('a lone surrogate (a broken PDF text layer) is tokenized like any other character, not thrown on', async () => {
  const line = '暗号化\uD800します';
  const tokens = (await getTokenizer()).tokenize(line);
  expect(tokens.map((t) => t.surface_form).join('')).toBe(line);
});
