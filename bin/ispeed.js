#!/usr/bin/env node
// The `ispeed` command. Runs the CLI prebuilt by `npm run build` (build/cli.cjs) when it is newer than every source;
// otherwise (a fresh clone, or sources edited since) compiles it in memory. It never writes a file of its own, so
// runs side by side, or from a folder the user cannot write to, each give their full answer.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'build', 'cli.cjs');
/** What the CLI bundle is made of: src/core and src/local (src/gas goes to dist/Code.js, read at run time). */
const SOURCES = ['src/core', 'src/local', 'scripts/run-ts.mjs'].map((p) => join(root, p));

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function prebuiltIsFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return SOURCES.every((p) => newestMtime(p) <= built);
}

if (prebuiltIsFresh()) require(bundle);
else import('../scripts/run-ts.mjs').then(({ compileToString, runModule }) => runModule(compileToString('src/local/cli.ts'), bundle));
