import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const require = createRequire('/work/main/package.json');
const mode = process.argv[2];
const tsx = pathToFileURL(require.resolve('tsx/esm')).href;
console.log('tsx', tsx, 'main execArgv', process.execArgv);
if (mode === 'register') { const { register } = await import('/work/main/node_modules/tsx/dist/esm/api/index.mjs'); register(); }
const opts = mode === 'plain' || mode === 'register' ? {} : { execArgv: ['--import', tsx] };
const t0 = Date.now();
const w = new Worker(new URL('./w.ts', import.meta.url), opts);
w.on('message', (m) => { console.log(mode, 'msg', m, Date.now() - t0, 'ms'); w.terminate(); });
w.on('error', (e) => console.log(mode, 'error', e.message));
