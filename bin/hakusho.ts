#!/usr/bin/env node
// The `hakusho` command. The build compiles it to dist/bin/hakusho.js, package.json's "bin"; from
// a checkout, `npm run dev -- <args>` runs the TypeScript sources as they are (tests do the same).
// A run with PDFs is first relaunched in a node with --single-threaded (single-threaded.js).
import { fileURLToPath } from 'node:url';
import { followLauncher, launch, wantsSingleThreaded } from './single-threaded.ts';

const args = process.argv.slice(2);
if (wantsSingleThreaded(args)) {
  process.exitCode = await launch(fileURLToPath(import.meta.url), args);
} else {
  followLauncher();
  // `hakusho export … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
