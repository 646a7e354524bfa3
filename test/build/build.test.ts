// The build (scripts/build.ts, `npm run build`) and what it makes: the installed command runs
// from dist/, a run from the sources never touches dist/, the rules version the build records is
// the one the sources compute, and the commands that read the database load neither pdfjs nor
// kuromoji. Each test works in a copy of the project under a path with spaces and Japanese.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeRulesVersion, describeRules, rulesVersion, type RulesVersion } from '../../pipelines/version.ts';
import { openDb, ROOT, tmp } from '../batch/helpers.ts';
import { TSX } from '../cli/cli.ts';

const CORPUS_FILE = join(ROOT, 'corpus/001_54f9b4840afe051d.txt');
const PDF_FILE = join(ROOT, 'test/fixtures/pdf/001_54f9b4840afe051d.pdf');
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A copy of the checkout's sources and build script, with the project's node_modules. */
function checkout(name: string): string {
  const home = join(tmp(name), 'Program Files', '白書 ツール');
  mkdirSync(join(home, 'scripts'), { recursive: true });
  for (const part of ['bin', 'src', 'pipelines', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(ROOT, part), join(home, part), { recursive: true });
  copyFileSync(join(ROOT, 'scripts/build.ts'), join(home, 'scripts/build.ts'));
  symlinkSync(join(ROOT, 'node_modules'), join(home, 'node_modules'));
  return home;
}

/** `npm run build` in that copy. */
const build = (home: string) => execFileSync(process.execPath, [...TSX, join(home, 'scripts/build.ts')], { cwd: home, encoding: 'utf8' });

/** The built command, or the sources' (`npm run dev`), run in `home`. */
function hakusho(home: string, from: 'dist' | 'sources', args: string[], env: Record<string, string> = {}) {
  const entry = from === 'dist' ? [join(home, 'dist/bin/hakusho.js')] : [...TSX, join(home, 'bin/hakusho.ts')];
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd: home, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the build', () => {
  let home: string;
  beforeAll(() => {
    home = checkout('build');
    expect(build(home)).toMatch(/^hakusho: built dist\/ \(rules whitepaper-ja\/[0-9a-f]{12}\) in /);
    mkdirSync(join(home, 'in'));
    copyFileSync(CORPUS_FILE, join(home, 'in', 'a.txt'));
    copyFileSync(PDF_FILE, join(home, 'in', 'a.pdf'));
  }, 60_000);

  it('is JavaScript only, and runs a text and a PDF (its workers load the compiled modules by file URL)', () => {
    const files = readdirSync(join(home, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /\.(ts|mts)$/.test(f))).toEqual([]);
    expect(files).toContain('bin/hakusho.js');
    const r = hakusho(home, 'dist', ['run', 'in', '--db', 'h.sqlite', '--json', '--jobs', '1']);
    expect(JSON.parse(r.stdout)).toMatchObject({ stored: ['in/a.pdf', 'in/a.txt'], failed: [] });
    const db = openDb(join(home, 'h.sqlite'));
    expect((db.prepare('SELECT count(*) AS n FROM facts').get() as { n: number }).n).toBeGreaterThan(20);
    expect(db.prepare('SELECT DISTINCT pipeline_version AS v FROM documents').all()).toEqual([{ v: rulesVersion().id }]);
    db.close();
  }, 60_000);

  it('prints the package version and the rules version, which the sources compute the same', () => {
    const recorded = JSON.parse(readFileSync(join(home, 'dist/rules-version.json'), 'utf8')) as RulesVersion;
    expect(recorded).toEqual(rulesVersion());
    const text = `hakusho ${PACKAGE_VERSION}\n${describeRules(recorded)}\n`;
    expect(text).toMatch(/^hakusho \d+\.\d+\.\d+\nrules whitepaper-ja\/[0-9a-f]{12} \(pipeline code [0-9a-f]{12}(?:, [a-z-]+ [\d.]+)*, kuromoji [\d.]+(?:, [a-z-]+ [\d.]+)*, pdfjs-dist [\d.]+\)\n$/);
    for (const flag of ['--version', '-V']) {
      expect(hakusho(home, 'dist', [flag])).toEqual({ code: 0, stdout: text, stderr: '' });
      expect(hakusho(home, 'sources', [flag])).toEqual({ code: 0, stdout: text, stderr: '' });
    }
  }, 60_000);

  it('is never used by a run from the sources: its workers run the sources as they are now', () => {
    // Edited after the build: the sources' workers must run the edit, the build's must not.
    const worker = join(home, 'src/batch/worker.ts');
    writeFileSync(worker, readFileSync(worker, 'utf8').replace("new Error('test crash')", "new Error('edited crash')"));
    const crash = (from: 'dist' | 'sources') => {
      const r = hakusho(home, from, ['run', 'in/a.txt', '--db', `${from}.sqlite`, '--json', '--jobs', '1'], { HAKUSHO_TEST_CRASH_ON: 'a.txt' });
      return (JSON.parse(r.stdout) as { failed: { reason: string }[] }).failed[0]?.reason;
    };
    expect(crash('sources')).toMatch(/crashed \(edited crash\)/);
    expect(crash('dist')).toMatch(/crashed \(test crash\)/);
  }, 60_000);
});

describe('the commands that read the database', () => {
  // A build whose node_modules lacks packages: a command that imported them would fail.
  let home: string;
  let db: string;
  beforeAll(() => {
    const full = checkout('lean');
    build(full);
    mkdirSync(join(full, 'in'));
    for (const f of readdirSync(join(ROOT, 'test/fixtures/revisions')).filter((f) => f.endsWith('.txt'))) copyFileSync(join(ROOT, 'test/fixtures/revisions', f), join(full, 'in', f));
    db = join(full, 'h.sqlite');
    expect(hakusho(full, 'dist', ['run', 'in', '--db', db]).code).toBe(0);
    home = join(tmp('lean'), 'hakusho');
    mkdirSync(join(home, 'node_modules'), { recursive: true });
    cpSync(join(full, 'dist'), join(home, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(home, 'package.json'));
  }, 60_000);

  /** Links every installed package into home/node_modules but `without`. */
  function install(without: string[]): void {
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      const link = join(home, 'node_modules', name);
      rmSync(link, { force: true });
      if (!without.includes(name)) symlinkSync(join(ROOT, 'node_modules', name), link);
    }
  }

  it('(a run, which needs pdfjs, fails without it: the check below can fail)', () => {
    install(['pdfjs-dist']);
    const r = hakusho(home, 'dist', ['run', join(ROOT, 'corpus'), '--db', join(home, 'run.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pdfjs-dist/);
  }, 30_000);

  it.each([
    [['--help'], ['pdfjs-dist', 'kuromoji']],
    [['--version'], ['pdfjs-dist', 'kuromoji']],
    [['query', 'SELECT count(*) AS n FROM documents', '--format', 'csv'], ['pdfjs-dist', 'kuromoji']],
    [['diff', '--latest', 'インフォネット'], ['pdfjs-dist', 'kuromoji']],
    [['report', '--out', 'report.html'], ['pdfjs-dist', 'kuromoji']],
    [['export', '--format', 'oscal', '--out', 'out.xml'], ['pdfjs-dist', 'kuromoji']],
    [['query', '--help'], ['pdfjs-dist', 'kuromoji']],
    [['search', '--help'], ['pdfjs-dist', 'kuromoji']],
    // The index holds kuromoji's words: the query's words are split the same way.
    [['search', 'バックアップ'], ['pdfjs-dist']],
  ])('hakusho %j works without %j installed', (args, without) => {
    install(without);
    const r = hakusho(home, 'dist', [...args, ...(args.includes('--help') || args[0] === '--version' ? [] : ['--db', db])]);
    expect(r.code, r.stderr).toBe(0);
  }, 30_000);
});

describe('the rules version', () => {
  /** A copy of what the rules version reads: the sources, the compiler settings, the packages. */
  function sources(): string {
    const dir = tmp('rules');
    for (const part of ['src', 'pipelines', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  }
  const installed = (overrides: Record<string, string> = {}) => (name: string) =>
    overrides[name] ?? (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

  it('is the same for the same code anywhere, and names the packages that shape a Result', () => {
    const v = computeRulesVersion(sources());
    expect(v).toEqual(rulesVersion());
    // The readers of Markdown tables and quoted TSV cells shape a Result as much as kuromoji and pdfjs do.
    expect(Object.keys(v.packages)).toEqual([
      'csv-parse', 'kuromoji', 'mdast-util-from-markdown', 'mdast-util-gfm-table', 'mdast-util-to-string', 'micromark-extension-gfm-table', 'pdfjs-dist',
    ]);
  });

  it.each([
    ['a comment edited', 'src/normalize/lines.ts', (s: string) => s.replace(/^\/\/ /m, '// (edited) ').replace(/^/, '// a new first line\n\n'), false],
    ['the code reformatted', 'pipelines/whitepaper-ja.ts', (s: string) => s.replaceAll('  ', '    ').replaceAll(';\n', ';\n\n'), false],
    ['a module the pipeline does not import', 'src/batch/worker.ts', (s: string) => `${s}\nexport const unused = 1;\n`, false],
    ["the pipeline's code", 'pipelines/whitepaper-ja.ts', (s: string) => `${s}\nexport const edited = 1;\n`, true],
  ])('%s: changed %s', (_, file, edit, changes) => {
    const dir = sources();
    const before = computeRulesVersion(dir);
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    const after = computeRulesVersion(dir);
    expect(after.id !== before.id).toBe(changes);
    expect(after.code !== before.code).toBe(changes);
  });

  it.each([['pdfjs-dist'], ['kuromoji']])('changes with the installed version of %s', (name) => {
    const before = computeRulesVersion(ROOT, installed());
    const after = computeRulesVersion(ROOT, installed({ [name]: '99.0.0' }));
    expect(after.code).toBe(before.code);
    expect(after.packages[name]).toBe('99.0.0');
    expect(after.id).not.toBe(before.id);
  });
});
