// Arrows point down: the core knows nothing of Google or Node; the sidebar page shares types and pure leaves only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const imports = (src: string) => [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
/** Imports that bring code along (not `import type`). */
const valueImports = (src: string) => [...src.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map((m) => m[1]);
/** Packages the core may import: pure string code without I/O or globals, bundled into dist/Code.js by esbuild. */
const PURE_PACKAGES = ['fastest-levenshtein'];

describe('module boundaries', () => {
  test('src/core uses no Apps Script service, no Node API and imports only src/core', () => {
    for (const file of files(join(ROOT, 'src/core'))) {
      const src = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      const name = relative(ROOT, file);
      expect([
        name,
        src.match(
          /\b(SpreadsheetApp|MailApp|PropertiesService|LockService|CacheService|HtmlService|ScriptApp|DocumentApp|Utilities|Session|Logger)\./g,
        ),
      ]).toEqual([name, null]);
      expect([name, src.match(/\brequire\(|\bprocess\.|\bBuffer\b|__dirname/g)]).toEqual([name, null]);
      for (const i of imports(src))
        expect([
          name,
          PURE_PACKAGES.includes(i) || (i.startsWith('.') && !/\/(gas|local|sidebar)\//.test(i) && !i.startsWith('../../')),
        ]).toEqual([name, true]);
    }
  });

  test("the Apps Script bundle holds none of the command line's texts: src/gas imports each text file, never the barrel", () => {
    // esbuild keeps a constant built by a call (CLI_HELP's [...].join) even when nothing uses it: the barrel
    // src/core/text/index.ts would put the command line's help into dist/Code.js, evaluated by every execution.
    for (const file of files(join(ROOT, 'src/gas'))) {
      const src = readFileSync(file, 'utf8');
      expect([relative(ROOT, file), imports(src).filter((i) => /core\/text$|text\/cli$/.test(i))]).toEqual([relative(ROOT, file), []]);
    }
    expect(readFileSync(join(ROOT, 'dist/Code.js'), 'utf8')).not.toContain('Cách dùng: ispeed');
  });

  test('src/local and the sidebar never import src/gas: the bundle is loaded as Apps Script would, not imported', () => {
    for (const dir of ['src/local', 'src/sidebar']) {
      for (const file of files(join(ROOT, dir)).filter((f) => !f.includes('/runtime/'))) {
        const src = readFileSync(file, 'utf8');
        for (const i of imports(src)) expect([relative(ROOT, file), /\/gas\//.test(i)]).toEqual([relative(ROOT, file), false]);
      }
    }
  });

  test('the sidebar page bundles only its own files and three pure core modules; anything else of core it takes as types', () => {
    // Every module a sidebar file brings along (value imports, followed): `import type` is erased by esbuild.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of valueImports(readFileSync(file, 'utf8'))) {
        expect([relative(ROOT, file), i.startsWith('.')]).toEqual([relative(ROOT, file), true]);
        visit(`${join(dirname(file), i)}.ts`);
      }
    };
    for (const file of files(join(ROOT, 'src/sidebar'))) visit(file);
    const outside = [...seen].map((f) => relative(ROOT, f)).filter((f) => !f.startsWith('src/sidebar/'));
    expect(outside.sort()).toEqual(['src/core/format.ts', 'src/core/periods.ts', 'src/core/text/report.ts']);
  });
});
