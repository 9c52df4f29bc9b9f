// Jest transformer: TypeScript -> CommonJS with esbuild (fast; types are checked by `tsc` separately).
const { transformSync } = require('esbuild');
module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'both',
      sourcefile: filename,
    });
    return { code, map };
  },
};
