// `ispeed validate … | head -1`: the reader goes away and stdout's writes fail with EPIPE. The command exits quietly
// (no stack trace), having finished its work, with its own exit code.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, artifactDir, run } from './run';

const dir = artifactDir('closed-pipe');
const DEMO = join(dir, 'demo.xlsx');
const BIN = join(ROOT, 'bin', 'ispeed.js');

beforeAll(async () => {
  expect((await run(['demo', DEMO])).code).toBe(0);
});

/** Runs ispeed with a stdout whose reading end is closed before the command writes a line. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s) => {
      stderr += s;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

test.each([[[] as string[]], [['--json']]])(
  'validate %j into a closed pipe prints no stack trace and still exits 1 (errors found)',
  async (extra) => {
    const r = await withClosedStdout(['validate', DEMO, '--today', '2024-08-20', ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  },
);

test('`ispeed validate … | head -1` shows the first line only, and nothing on stderr', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" validate "${DEMO}" --today 2024-08-20 | head -1`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('Kiểm tra demo.xlsx: 4 lỗi, 1 cảnh báo trên 71 dòng số liệu.\n');
  expect(r.status).toBe(0);
});
