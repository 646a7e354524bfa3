import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReadme } from '../../scripts/readme-commands.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { hakusho, ROOT } from './cli.ts';

describe('documentation', () => {
  it('README.md quotes every --help text as the binary prints it (run `npm run docs` after changing one)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(await renderReadme(readme));
  });

  it.each(COMMANDS.map((c) => c.name))('`hakusho %s --help` prints the documented help and exits 0', async (name) => {
    const r = hakusho([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await COMMANDS.find((c) => c.name === name)!.load()).help);
  });

  it('`hakusho --help` lists every command', () => {
    const r = hakusho(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
  });
});
