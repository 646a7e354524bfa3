// Preloaded into `hakusho run` by incremental.test.ts (NODE_OPTIONS=--require, so worker threads
// get it too): reports every read of a kuromoji dictionary file on stderr, so the test can tell
// whether a run loaded the dictionary.
const fs = require('node:fs');

const readFile = fs.readFile;
fs.readFile = function probedReadFile(path, ...rest) {
  if (/kuromoji[\\/]+dict[\\/]/.test(String(path))) process.stderr.write(`dictionary-probe: read ${path}\n`);
  return readFile.call(this, path, ...rest);
};
