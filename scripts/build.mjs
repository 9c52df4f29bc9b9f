// Build for Apps Script: dist/Code.js (one IIFE + top-level forwarders), dist/*.html (self-contained), dist/appsscript.json.
// Apps Script has no modules and only sees top-level function declarations, hence the footer (see APPS_SCRIPT.md).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePath, nodeBundleOptions } from './run-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'ISpeed';
mkdirSync(dist, { recursive: true });

const common = {
  entryPoints: [join(root, 'src/gas/entry.ts')],
  bundle: true,
  write: false,
  // Apps Script's V8 runtime takes ES2020 syntax ("modern ECMAScript", developers.google.com/apps-script/guides/v8-runtime;
  // deployed scripts call `SpreadsheetApp.getActiveSpreadsheet()?.toast(…)` as written): `?.` and `??` stay as written
  // instead of expanded into temporaries, about 12 KB.
  target: 'es2020',
  // Syntax only (shorter forms of the same statements, unused code dropped): every name stays as written, for Apps
  // Script's trigger and google.script.run lookups and readable stack traces, and lines stay lines. It keeps the
  // bundle that every execution evaluates first about 5 % smaller (the benchmark's budget: 400 KB, in bytes).
  minify: false,
  minifySyntax: true,
  keepNames: false,
  legalComments: 'none',
  charset: 'utf8',
};

// 1. Which names does the entry export? (an ESM build's metafile lists them)
const esm = await build({ ...common, format: 'esm', metafile: true });
const exportsOf = Object.values(esm.metafile.outputs)[0]
  .exports.filter((n) => n !== 'default')
  .sort();

// 2. The IIFE itself, then one forwarding function per export so triggers and google.script.run see it.
const iife = await build({ ...common, format: 'iife', globalName: GLOBAL });
const footer = exportsOf.map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`).join('\n');
const code = `${iife.outputFiles[0].text}\n${footer}\n`;
writeFileSync(join(dist, 'Code.js'), code);

// 3. Each page in src/sidebar/*.html, with its script and style inlined: no external URL may be loaded.
for (const page of readdirSync(join(root, 'src/sidebar')).filter((f) => f.endsWith('.html'))) {
  let html = readFileSync(join(root, 'src/sidebar', page), 'utf8');
  const scripts = [...html.matchAll(/<!-- script:(\S+) -->/g)];
  for (const [marker, file] of scripts) {
    const out = await build({
      entryPoints: [join(root, 'src/sidebar', file)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      charset: 'utf8',
    });
    const js = out.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
    html = html.replace(marker, () => `<script>\n${js}</script>`);
  }
  for (const [marker, file] of [...html.matchAll(/<!-- style:(\S+) -->/g)]) {
    html = html.replace(marker, () => `<style>\n${readFileSync(join(root, 'src/sidebar', file), 'utf8')}</style>`);
  }
  writeFileSync(join(dist, page), html);
}

copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
// 4. The command line, prebuilt once here (never per run) and outside dist/, which clasp pushes to Apps Script.
// Written to a temporary file and renamed: a run starting meanwhile reads the old bundle or the new one, never half.
const cliOut = bundlePath('src/local/cli.ts');
const cli = await build(nodeBundleOptions('src/local/cli.ts'));
mkdirSync(dirname(cliOut), { recursive: true });
const cliTmp = `${cliOut}.${process.pid}.tmp`;
writeFileSync(cliTmp, cli.outputFiles[0].text);
renameSync(cliTmp, cliOut);

// Bytes, as the benchmark's budget counts them (Vietnamese letters take two or three bytes each, not one).
console.error(`built dist/Code.js (${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, ${exportsOf.length} entry points) and build/cli.cjs`);
