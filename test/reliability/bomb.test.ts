// A decompression bomb (a 6 MB PDF whose content stream inflates to 6 GiB) among four good PDFs,
// at --jobs 2: it fails alone, quickly, with a reason that says so, and the memory of the whole
// process stays bounded. Measured by scripts/bench/bomb.ts (also in `npm run bench`), which stops
// the run should it pass 3 GiB.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBombBatch, runMeasured } from '../../scripts/bench/bomb.ts';
import { HAKUSHO, openDb, tmp } from '../batch/helpers.ts';

describe('a decompression bomb among four good PDFs, --jobs 2', () => {
  it('fails alone in under 60 s with a peak below 2.5 GiB', async () => {
    const dir = tmp('bomb');
    const { good, bomb } = makeBombBatch(join(dir, 'in'));
    const db = join(dir, 'h.sqlite');
    const r = await runMeasured(HAKUSHO, ['run', join(dir, 'in'), '--db', db, '--jobs', '2', '--json'], join(dir, 'peak'));
    expect(r.killed, `stopped at ${Math.round(r.peakMb)} MB`).toBe(false);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.stored.sort()).toEqual(good);
    expect(summary.failed).toEqual([
      {
        path: bomb,
        reason:
          "the PDF's compressed streams decode to more than 256 MB, the limit per file (--max-decoded), and reading it was stopped: it may be a decompression bomb; if it is a genuine PDF, raise --max-decoded",
      },
    ]);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.peakMb).toBeLessThan(2.5 * 1024);
    const conn = openDb(db);
    expect(conn.prepare("SELECT rule FROM diagnostics WHERE severity = 'error'").all()).toEqual([{ rule: 'pdf-decode-limit' }]);
    conn.close();
  }, 120_000);
});
