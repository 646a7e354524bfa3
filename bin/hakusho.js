#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a checkout works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// `hakusho export … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
