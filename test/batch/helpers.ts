// Shared by the batch and reliability tests: temporary folders, the real binary, the database.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { processFile } from '../../pipelines/whitepaper-ja.ts';

import { HAKUSHO, ROOT } from '../cli/cli.ts';

export { HAKUSHO, ROOT };

const made: string[] = [];
/** A new temporary folder, removed after the test file's tests. */
export const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `hakusho-${prefix}-`));
  made.push(dir);
  return dir;
};
// Registered on the suite of the test file that imports this module (each file gets its own copy).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stderr+stdout satisfy the predicate (checked on every chunk), rejects if the process ends first. */
  waitFor: (test: (out: { stdout: string; stderr: string }) => boolean, ms?: number) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `hakusho <args>` (from the sources) as a user would; env adds to the current environment. */
export function start(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Running {
  const child = spawn(process.execPath, [...HAKUSHO, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, FORCE_COLOR: '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d) => {
    out += d;
    for (const l of listeners) l();
  });
  child.stderr!.on('data', (d) => {
    err += d;
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor: Running['waitFor'] = (test, ms = 30_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (test({ stdout: out, stderr: err })) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting; stderr so far:\n${err}`));
      }, ms);
      listeners.add(check);
      void exited.then(() => {
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`the process ended first (stdout: ${out}; stderr: ${err})`));
        }
      });
      check();
    });
  return { child, stdout: () => out, stderr: () => err, waitFor, exited };
}

/** Runs the binary to the end. */
export async function hakusho(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}) {
  const r = start(args, opts);
  const { code } = await r.exited;
  return { code, stdout: r.stdout(), stderr: r.stderr() };
}

export function openDb(path: string) {
  return new Database(path, { readonly: true });
}

/** What a document must look like when stored whole: its sections as the pipeline gives them. */
export async function expectedSections(path: string): Promise<{ control_id: string | null; heading: string }[]> {
  const r = await processFile(path, readFileSync(path));
  return r.sections.map((s) => ({ control_id: s.controlId, heading: s.heading }));
}

export { prng } from '../support/prng.ts';
