// Runs a TypeScript program of this project under Node: bundled once by esbuild into .cache/, then imported.
// Used by `npm start`, `npm run bench` and bin/ispeed.js, so none of them needs a separate compile step.
import { buildSync } from 'esbuild';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function compile(entry) {
  const outfile = join(root, '.cache', basename(entry).replace(/\.ts$/, '.cjs'));
  buildSync({ entryPoints: [resolve(root, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, packages: 'external', sourcemap: 'inline', logLevel: 'error' });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...args] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...args];
  await import(pathToFileURL(compile(entry)).href);
}
