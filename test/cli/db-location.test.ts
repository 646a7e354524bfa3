// A predictable database location: --db, else $HAKUSHO_DB, else output/hakusho.sqlite under the
// current folder; every message names the absolute path it looked at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hakusho, ROOT, tmp } from '../batch/helpers.ts';

describe('where the database is', () => {
  const dir = tmp('location');
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  const shared = join(dir, 'shared/h.sqlite');
  const corpusFile = join(ROOT, 'corpus/001_54f9b4840afe051d.txt');

  it('says which file and folder it looked in when there is none', async () => {
    const byDefault = await hakusho(['query', 'SELECT 1'], { cwd: elsewhere, env: { HAKUSHO_DB: '' } });
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toBe(
      `hakusho query: no database at ${elsewhere}/output/hakusho.sqlite (the default, output/hakusho.sqlite under the current folder; looked in ${elsewhere}/output); run \`hakusho run <folder>\` to make one, or pass --db FILE or set HAKUSHO_DB\n`,
    );
    const fromEnv = await hakusho(['search', '世代'], { cwd: elsewhere, env: { HAKUSHO_DB: 'db/h.sqlite' } });
    expect(fromEnv.stderr).toBe(
      `hakusho search: no database at ${elsewhere}/db/h.sqlite (from HAKUSHO_DB; looked in ${elsewhere}/db); run \`hakusho run <folder>\` to make one, or pass --db FILE or set HAKUSHO_DB\n`,
    );
  });

  it('uses HAKUSHO_DB from any folder, and --db before it', async () => {
    const run = await hakusho(['run', corpusFile], { cwd: elsewhere, env: { HAKUSHO_DB: shared } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^hakusho: 1 stored \\(\\d+ sections, \\d+ facts\\), 0 skipped, 0 failed in [\\d.]+ s → ${shared.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`));
    expect(existsSync(join(elsewhere, 'output'))).toBe(false);
    const query = await hakusho(['query', 'SELECT vendor FROM documents', '--format', 'csv'], { cwd: ROOT, env: { HAKUSHO_DB: shared } });
    expect(query.stdout).toBe('vendor\r\nサイバートラスト株式会社\r\n');
    const overridden = await hakusho(['query', 'SELECT 1', '--db', 'other.sqlite'], { cwd: elsewhere, env: { HAKUSHO_DB: shared } });
    expect(overridden.stderr).toMatch(`no database at ${elsewhere}/other.sqlite (given with --db; looked in ${elsewhere})`);
  });
});
