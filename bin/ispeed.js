#!/usr/bin/env node
// The `ispeed` command: compiles src/local/cli.ts on the fly (esbuild, ~0.1 s) and runs it.
(async () => {
  const { compile } = await import('../scripts/run-ts.mjs');
  require(compile('src/local/cli.ts'));
})();
