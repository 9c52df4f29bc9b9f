// Runs a TypeScript program of this project under Node, compiled by esbuild in memory: nothing is written, so runs
// side by side never read a file another run is rewriting, and a read-only checkout works.
// Used by `npm start`, `npm run bench`, and bin/ispeed.js when the prebuilt CLI (build/cli.cjs) is missing or stale.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Module = require('node:module');

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where a program's bundle lives (the CLI's is prebuilt there by scripts/build.mjs; the others are only named so). */
export function bundlePath(entry) {
  return join(root, 'build', basename(entry).replace(/\.ts$/, '.cjs'));
}

/** The one set of esbuild options for a Node program: the prebuilt CLI and the in-memory runs are the same code. */
export function nodeBundleOptions(entry) {
  return {
    entryPoints: [resolve(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    write: false,
    charset: 'utf8',
  };
}

/** The program as CommonJS source text. */
export function compileToString(entry) {
  return buildSync(nodeBundleOptions(entry)).outputFiles[0].text;
}

/** Runs CommonJS source as if it were the file `filename` (its __dirname and node_modules lookups), without writing it. */
export function runModule(code, filename) {
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(dirname(filename));
  m._compile(code, filename);
  return m.exports;
}

/** Compiles `entry` in memory and runs it as its bundle would run. */
export function runInMemory(entry) {
  return runModule(compileToString(entry), bundlePath(entry));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...args] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...args];
  runInMemory(entry);
}
