import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const require = createRequire('/work/main/package.json');
const mode = process.argv[2];
const tsx = pathToFileURL(require.resolve('tsx/esm')).href;
const t0 = Date.now();
const w = mode === 'boot-import' ? new Worker(new URL('./boot.mjs', import.meta.url), { execArgv: ['--import', tsx] })
  : new Worker(new URL('./boot2.mjs', import.meta.url));
w.on('message', (m) => { console.log(mode, 'msg', m, Date.now() - t0, 'ms'); w.terminate(); });
w.on('error', (e) => console.log(mode, 'error', e.message));
