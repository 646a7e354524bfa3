// The pipeline version stored with every document: a digest of the code that decides what is
// stored, so any change to a stage (new rules, a fixed bug) re-processes stored documents on the
// next run, and nobody has to remember to bump a number.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The stages whose code shapes a Result; the CLI, store, batch machinery and search-time code do not. */
const STAGES = ['pipelines', 'src/extract', 'src/normalize', 'src/segment', 'src/facts', 'src/search/tokens.ts'];

function files(path: string): string[] {
  if (path.endsWith('.ts')) return [join(ROOT, path)];
  return readdirSync(join(ROOT, path), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function pipelineVersion(name: string): string {
  const hash = createHash('sha256');
  for (const dir of STAGES) {
    for (const f of files(dir)) hash.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
  }
  return `${name}/${hash.digest('hex').slice(0, 12)}`;
}
