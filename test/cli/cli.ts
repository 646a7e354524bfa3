// Runs the real `hakusho` command, as a user would, from the TypeScript sources (`npm run dev`):
// tests never read dist/, which may be older than the sources.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/hakusho.ts', import.meta.url));
/** The node options that load tsx, by URL, so that any working directory will do. */
export const TSX = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href];
/** `node` arguments that start `hakusho` from the sources; the command's own arguments follow. */
export const HAKUSHO = [...TSX, BIN];

export function hakusho(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...HAKUSHO, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
