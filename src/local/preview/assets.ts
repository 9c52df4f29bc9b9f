// The page's files: HTML and CSS as written, scripts bundled by esbuild once per server start (no external URL).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

/** The repo root, from the sources (src/local/preview) or a bundled copy (.cache). */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src/local/preview/client'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export interface Assets {
  html: string;
  css: string;
  app: string;
  bridge: string;
}

export function loadAssets(root = repoRoot()): Assets {
  const dir = join(root, 'src/local/preview/client');
  const bundle = (file: string) =>
    buildSync({
      entryPoints: [join(dir, file)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      charset: 'utf8',
      logLevel: 'error',
    }).outputFiles[0].text;
  return {
    html: readFileSync(join(dir, 'index.html'), 'utf8'),
    css: readFileSync(join(dir, 'preview.css'), 'utf8'),
    app: bundle('app.ts'),
    bridge: bundle('bridge.ts'),
  };
}

/** The sidebar page with the google.script.run bridge first in <head>, so it exists before the page's own script. */
export function withBridge(page: string, bridge: string): string {
  const tag = `<script>\n${bridge.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const head = /<head[^>]*>/i.exec(page);
  if (head) return `${page.slice(0, head.index + head[0].length)}\n${tag}${page.slice(head.index + head[0].length)}`;
  return tag + page;
}
