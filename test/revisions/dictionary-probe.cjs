// Preloaded into `hakusho run` by incremental.test.ts (NODE_OPTIONS=--require, so worker threads
// get it too): reports every read of a kuromoji dictionary file on stderr, so the test can tell
// whether a run loaded the dictionary (kuromoji reads it with fs.readFile; the worker pool, which
// loads it once for all its workers, with fs/promises).
const fs = require('node:fs');
const fsp = require('node:fs/promises');

const isDictionary = (path) => /kuromoji[\\/]+dict[\\/]/.test(String(path));

const readFile = fs.readFile;
fs.readFile = function probedReadFile(path, ...rest) {
  if (isDictionary(path)) process.stderr.write(`dictionary-probe: read ${path}\n`);
  return readFile.call(this, path, ...rest);
};

const readFilePromise = fsp.readFile;
fsp.readFile = function probedReadFilePromise(path, ...rest) {
  if (isDictionary(path)) process.stderr.write(`dictionary-probe: read ${path}\n`);
  return readFilePromise.call(this, path, ...rest);
};
