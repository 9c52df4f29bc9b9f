import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, ROOT, artifactDir, project } from './run';

const dir = artifactDir('bin');
const ispeed = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'ispeed.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('bin/ispeed.js, run for real', () => {
  test('validate --json on the worked example prints the hand-made answer and exits 1', () => {
    const r = ispeed('validate', join(EXAMPLES, 'example-1.xlsx'), '--json', '--today', '2024-08-20');
    expect(r.status).toBe(1);
    const want = JSON.parse(readFileSync(join(EXAMPLES, 'example-1.validate.json'), 'utf8'));
    expect(project(JSON.parse(r.stdout), want)).toEqual(want);
  });

  test('demo then report writes files and exits 0; a bad period exits 2 with one line', () => {
    const demo = join(dir, 'demo.xlsx');
    expect(ispeed('demo', demo, '--seed', '42').status).toBe(0);
    expect(existsSync(demo)).toBe(true);
    const r = ispeed('report', demo, '--period', '07/2024', '--today', '2024-08-20', '--out', join(dir, 'r.html'));
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'r.html'))).toBe(true);
    const bad = ispeed('report', demo, '--period', '7-2024');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('Kỳ báo cáo không hợp lệ');
  });
});
