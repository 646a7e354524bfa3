import { describe, expect, it } from 'vitest';
import { changedSpans, clip, diffSentences, normalizeSpace, sentences } from '../../src/diff/text.ts';

describe('normalizeSpace', () => {
  it('ignores line wraps and spaces next to Japanese, keeps spaces between Latin words', () => {
    expect(normalizeSpace('TLS 通信を\n  行う')).toBe('TLS通信を行う');
    expect(normalizeSpace(' セキュリテ\n\nィ方針 ')).toBe('セキュリティ方針');
    expect(normalizeSpace('AWS  Key\tManagement Service')).toBe('AWS Key Management Service');
    expect(normalizeSpace('TLS 1.2')).not.toBe(normalizeSpace('TLS1.2'));
  });
});

describe('sentences', () => {
  it('splits after 。 and at paragraph breaks, dropping empty pieces', () => {
    expect(sentences('一つ目。二つ目。\n- 箇条書き\n\n三つ目').map((s) => s.text)).toEqual(['一つ目。', '二つ目。', '- 箇条書き', '三つ目']);
  });
});

describe('diffSentences', () => {
  it('finds one changed sentence among unchanged ones', () => {
    const old = '本サービスでは、日次で3世代を取得/保持しています。バックアップは障害時を想定したものです。';
    const now = '本サービスでは、日次で7世代を取得/保持しています。バックアップは障害時を想定したものです。';
    expect(diffSentences(old, now)).toEqual([
      { removed: ['本サービスでは、日次で3世代を取得/保持しています。'], added: ['本サービスでは、日次で7世代を取得/保持しています。'] },
    ]);
  });

  it('reports an added sentence alone, and separate runs as separate hunks', () => {
    expect(diffSentences('A。B。C。', 'A。X。B。C。Y。')).toEqual([
      { removed: [], added: ['X。'] },
      { removed: [], added: ['Y。'] },
    ]);
    expect(diffSentences('A。B。C。', 'A。C。')).toEqual([{ removed: ['B。'], added: [] }]);
  });

  it('finds nothing when only whitespace differs inside a sentence', () => {
    expect(diffSentences('データは 日本国内に  保存します。', 'データは日本国内に保存します。')).toEqual([]);
  });
});

describe('changedSpans', () => {
  it('keeps the differing middle whole and cuts the shared ends to the context', () => {
    const [a, b] = changedSpans('本サービスでは、サービスの提供に用いる仮想環境のバックアップを、日次で3世代を取得/保持しています。', '本サービスでは、サービスの提供に用いる仮想環境のバックアップを、日次で7世代を取得/保持しています。', 6);
    expect(a).toEqual({ before: '…プを、日次で', changed: '3', after: '世代を取得/…' });
    expect(b.changed).toBe('7');
  });

  it('handles one sentence being a prefix of the other', () => {
    const [a, b] = changedSpans('提供しています。', '提供しています。また追加。');
    expect(a.changed).toBe('');
    expect(b.changed).toBe('また追加。');
  });
});

it('clip cuts on code points', () => {
  expect(clip('あいうえお', 3)).toBe('あい…');
  expect(clip('あい', 3)).toBe('あい');
});
