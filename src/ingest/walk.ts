// Walking the given paths: every .pdf/.txt/.md file below them, streamed, in a stable order.
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOf } from './formats.ts';

export class MissingPathError extends Error {}

/** Yields files one folder at a time, so a folder of thousands of files is never held whole. */
export async function* walk(paths: readonly string[]): AsyncGenerator<string> {
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      throw new MissingPathError(`${p}: no such file or folder`);
    }
    if (s.isFile()) {
      yield p;
    } else if (s.isDirectory()) {
      yield* walkDir(p);
    }
  }
}

async function* walkDir(dir: string): AsyncGenerator<string> {
  const files: string[] = [];
  const dirs: string[] = [];
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) dirs.push(full);
    else if (entry.isFile() && formatOf(entry.name)) files.push(full);
  }
  files.sort();
  dirs.sort();
  yield* files;
  for (const d of dirs) yield* walkDir(d);
}
