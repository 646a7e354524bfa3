// Progress output: a redrawn bar on a terminal, plain lines otherwise.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

function capture(isTTY: boolean, columns = 100) {
  const out: string[] = [];
  let now = 1_000_000;
  const p = createProgress((s) => out.push(s), isTTY, { columns, now: () => now });
  return { p, out, tick: (ms: number) => (now += ms) };
}

describe('progress when not on a terminal', () => {
  it('prints one plain line per finished file, with the rule of a failure, and nothing else', () => {
    const { p, out } = capture(false);
    p.start(3);
    p.fileStart('in/a.txt');
    p.update({ done: 1, total: 3, path: 'in/a.txt', outcome: 'stored' });
    p.update({ done: 2, total: 3, path: 'in/b.txt', outcome: 'skipped' });
    p.update({ done: 3, total: 3, path: 'in/c.pdf', outcome: 'failed', rule: 'pdf-encrypted' });
    p.interrupt();
    p.end();
    expect(out.join('')).toBe('[1/3] stored in/a.txt\n[2/3] skipped in/b.txt\n[3/3] failed in/c.pdf [pdf-encrypted]\n');
  });
});

describe('progress on a terminal', () => {
  it('redraws one line: bar, done/total, rate, ETA and the file being processed', () => {
    const { p, out, tick } = capture(true);
    p.start(4);
    expect(out.at(-1)).toBe(`\r\x1b[2K${'░'.repeat(24)} 0/4 0.0 files/s ETA --:-- `);
    tick(500);
    p.fileStart('in/a.txt');
    expect(out.at(-1)).toMatch(/ 0\/4 .* in\/a\.txt$/);
    tick(1500);
    p.fileStart('in/b.txt');
    p.update({ done: 1, total: 4, path: 'in/a.txt', outcome: 'stored' });
    // 1 file in 2 s: 0.5 files/s, 3 to go: 6 s. The file shown is the one still in progress.
    expect(out.at(-1)).toBe(`\r\x1b[2K${'█'.repeat(6)}${'░'.repeat(18)} 1/4 0.5 files/s ETA 00:06 in/b.txt`);
  });

  it('redraws at most every 100 ms, but always draws the last file', () => {
    const { p, out, tick } = capture(true);
    p.start(3);
    const before = out.length;
    tick(10);
    p.update({ done: 1, total: 3, path: 'a', outcome: 'stored' });
    tick(10);
    p.update({ done: 2, total: 3, path: 'b', outcome: 'stored' });
    expect(out.length).toBe(before + 0); // both within 100 ms of the first draw
    tick(10);
    p.update({ done: 3, total: 3, path: 'c', outcome: 'skipped' });
    expect(out.at(-1)).toMatch(/^\r\x1b\[2K█{24} 3\/3 .* c$/);
    p.end();
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });

  it('shortens a long path from the left to fit the terminal, and shows hours in a long ETA', () => {
    const { p, out, tick } = capture(true, 80);
    p.start(10_000);
    tick(10_000);
    const long = `corpus/${'deeply/nested/'.repeat(10)}whitepaper.pdf`;
    p.fileStart(long);
    p.update({ done: 1, total: 10_000, path: 'x', outcome: 'stored' });
    const last = out.at(-1)!.replace('\r\x1b[2K', '');
    expect(last.length).toBeLessThanOrEqual(79);
    expect(last).toMatch(/ETA 27:46:30 ….*whitepaper\.pdf$/);
  });
});

describe('progress on a terminal with Japanese file names', () => {
  const visible = (s: string) => s.replace('\r\x1b[2K', '');
  it.each([100, 60, 40, 24])('never draws a line wider than a %i-column terminal, and keeps the end of the name', (columns) => {
    // Columns as a terminal draws these characters: kana, kanji and full-width forms two, ASCII one.
    const stringWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
    const { p, out, tick } = capture(true, columns);
    p.start(2);
    const name = 'ホワイトペーパー/株式会社サンプル・クラウドサービス_セキュリティホワイトペーパー_第3版.pdf';
    tick(200);
    p.fileStart(name);
    for (const line of out) expect(stringWidth(visible(line))).toBeLessThan(columns);
    expect(out.at(-1)).toMatch(/第3版\.pdf$/);
  });

  it('says it is loading the dictionary until it is ready', () => {
    const { p, out, tick } = capture(true);
    p.start(2);
    p.dictionary(true);
    tick(200);
    p.fileStart('in/a.txt');
    expect(out.at(-1)).toMatch(/ 0\/2 .* loading the dictionary…$/);
    p.dictionary(false);
    expect(out.at(-1)).toMatch(/ in\/a\.txt$/);
  });
});
