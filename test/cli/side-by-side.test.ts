// INTERFACES.md: runs of `ispeed` side by side each give their own full answer. bin/ispeed.js runs the CLI prebuilt
// by `npm run build` (build/cli.cjs), or compiles it in memory when that is missing or older than the sources: it
// never writes a file, so no run reads a file another is rewriting, and a folder the user cannot write to works.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT, artifactDir, letOthersEnter, run } from './run';

const dir = artifactDir('side-by-side');
const DEMO = join(dir, 'demo.xlsx');
const ARGS = ['validate', DEMO, '--today', '2024-08-20'];
let expected: string;

beforeAll(async () => {
  expect((await run(['demo', DEMO])).code).toBe(0);
  const r = await run(ARGS);
  expect(r.code).toBe(1);
  expected = r.stdout;
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ispeed(bin: string, args: string[], options: SpawnOptions = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '',
      stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (s) => {
      stdout += s;
    });
    child.stderr!.setEncoding('utf8').on('data', (s) => {
      stderr += s;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Every file under `root` (or its `parts`) with its size and modification time, to see that a run wrote nothing. */
function snapshot(root: string, parts: string[] = ['']): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name === 'node_modules') continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${p.slice(root.length)} ${st.size} ${st.mtimeMs}`);
    }
  };
  for (const part of parts) walk(join(root, part));
  return out;
}

/** Where a run could write its own compiled copy: the old .cache/, the prebuilt build/, and beside the scripts. */
const PARTS = ['.cache', 'build', 'bin', 'scripts', 'dist'];

test('20 runs of `ispeed validate` side by side all exit 1 with the identical full answer', async () => {
  const before = snapshot(ROOT, PARTS);
  const runs = await Promise.all(Array.from({ length: 20 }, () => ispeed(join(ROOT, 'bin', 'ispeed.js'), ARGS)));
  expect(runs.map((r) => r.code)).toEqual(Array(20).fill(1));
  for (const r of runs) {
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  }
  // No per-run rebuild: the checkout is exactly as it was (no .cache/, the prebuilt bundle untouched).
  expect(snapshot(ROOT, PARTS)).toEqual(before);
}, 120_000); // about 10 s on an idle 2-core machine; the limit leaves room for a loaded one

test('`npm run build` puts the CLI in build/cli.cjs, outside dist/ (which clasp pushes to Apps Script)', () => {
  expect(existsSync(join(ROOT, 'build', 'cli.cjs'))).toBe(true);
  expect(readdirSync(join(ROOT, 'dist')).filter((f) => !/^(Code\.js|appsscript\.json|[A-Za-z]+\.html)$/.test(f))).toEqual([]);
});

test('every source of the CLI bundle lies in the folders bin/ispeed.js compares the prebuilt bundle with', () => {
  const { metafile } = buildSync({
    entryPoints: [join(ROOT, 'src/local/cli.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(metafile.inputs);
  expect(inputs.length).toBeGreaterThan(20);
  const bin = readFileSync(join(ROOT, 'bin', 'ispeed.js'), 'utf8');
  const folders = [...bin.match(/const SOURCES = \[([^\]]*)\]/)![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  expect(inputs.filter((f) => !folders.some((d) => f.startsWith(`${d}/`)))).toEqual([]);
});

describe('a fresh clone, before any build', () => {
  let clone: string;
  const asUser: SpawnOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const setMode = (p: string, writable: boolean) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') setMode(join(p, name), writable);
      chmodSync(p, writable ? 0o755 : 0o555);
    } else chmodSync(p, writable ? 0o644 : 0o444);
  };

  let undo = () => {};
  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'ispeed-clone-'));
    if (asUser.uid !== undefined) undo = letOthersEnter(clone, realpathSync(join(ROOT, 'node_modules')));
    for (const part of ['package.json', 'bin', 'scripts', 'src', 'data']) cpSync(join(ROOT, part), join(clone, part), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(clone, 'node_modules'));
  });
  afterAll(() => {
    setMode(clone, true);
    undo();
    rmSync(clone, { recursive: true, force: true });
  });

  test('in a folder the user cannot write to, `ispeed validate` gives the full answer and writes nothing', async () => {
    setMode(clone, false);
    const before = snapshot(clone);
    // Root ignores file modes: the run is made as `nobody`, who cannot write to the clone.
    const r = await ispeed(join(clone, 'bin', 'ispeed.js'), ARGS, { cwd: clone, ...asUser });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(1);
    expect(snapshot(clone)).toEqual(before);
    setMode(clone, true);
  });

  test('`ispeed setup` in a clone never built says to run the build, and writes nothing (exit 2)', async () => {
    const out = join(clone, 'blank.xlsx');
    const r = await ispeed(join(clone, 'bin', 'ispeed.js'), ['setup', out], { cwd: clone });
    expect(r.stderr).toContain('Chưa có bản dựng dist/Code.js');
    expect(r.stderr).toContain('npm run build');
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  test('a prebuilt CLI older than the sources is not run; one newer than every source is', async () => {
    const bundle = join(clone, 'build', 'cli.cjs');
    mkdirSync(join(clone, 'build'), { recursive: true });
    writeFileSync(bundle, "process.stdout.write('prebuilt\\n');\n");
    utimesSync(bundle, new Date('2001-01-01'), new Date('2001-01-01'));
    const stale = await ispeed(join(clone, 'bin', 'ispeed.js'), ARGS, { cwd: clone });
    expect(stale.stdout).toBe(expected);
    const later = new Date(Date.now() + 3600_000);
    utimesSync(bundle, later, later);
    const fresh = spawnSync(process.execPath, [join(clone, 'bin', 'ispeed.js'), ...ARGS], { cwd: clone, encoding: 'utf8' });
    expect(fresh.stdout).toBe('prebuilt\n');
    expect(readFileSync(bundle, 'utf8')).toContain('prebuilt');
  });
});
