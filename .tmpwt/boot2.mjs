import { register } from '/work/main/node_modules/tsx/dist/esm/api/index.mjs';
register();
await import('./w.ts');
