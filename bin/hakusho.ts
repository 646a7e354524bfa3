#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a checkout works after `npm ci` with no build step;
// a run with PDFs is first relaunched in a node with --single-threaded (single-threaded.js).
import { fileURLToPath } from 'node:url';
import { followLauncher, launch, wantsSingleThreaded } from './single-threaded.js';

const args = process.argv.slice(2);
if (wantsSingleThreaded(args)) {
  process.exitCode = await launch(fileURLToPath(import.meta.url), args);
} else {
  followLauncher();
  // `hakusho export … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
