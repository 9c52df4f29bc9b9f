// Every command works on a workbook the preview saved (after edits, setup, the full check and a report tab).
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { artifactDir, run } from './run';
import { Session } from '../../src/local/preview/session';
import { fromLocal } from '../../src/core/periods';
import type { Problem } from '../../src/core/types';

describe('commands on a workbook saved by the preview', () => {
  const dir = artifactDir('preview-saved');
  const out = join(dir, 'demo.preview.xlsx');

  beforeAll(async () => {
    const s = await Session.open({ out, now: fromLocal(2024, 8, 20, 9) });
    await s.edit('Biểu mẫu 03', 2, 5, [['abc']]);
    await s.runServer('createReportTab', ['07/2024', ['01', '02', '03', '04']]);
    await s.save();
  }, 60000);

  test('validate finds the typed mistake; report (json, html) and remind work on it', async () => {
    expect(existsSync(out)).toBe(true);
    const v = await run(['validate', out, '--today', '2024-08-20', '--json']);
    expect(v.code).toBe(1);
    expect(
      (JSON.parse(v.stdout) as { problems: Problem[] }).problems.some(
        (p) => p.sheet === 'Biểu mẫu 03' && p.row === 2 && p.code === 'not_number',
      ),
    ).toBe(true);
    const r = await run(['report', out, '--period', '07/2024', '--today', '2024-08-20', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).forms).toHaveLength(4);
    const m = await run(['remind', out, '--today', '2024-09-05', '--json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout).emails.length).toBeGreaterThan(0);
    const h = await run(['report', out, '--period', '07/2024', '--today', '2024-08-20', '--out', join(dir, 'r.html')]);
    expect(h.code).toBe(0);
  });
});
