import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, project, run } from './run';
import type { ReportJson } from '../../src/core/report/model';

const BOOK = join(EXAMPLES, 'example-1.xlsx');
const expected = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));

describe('the worked example (shared/design/examples)', () => {
  test('validate --json finds exactly the problems worked out by hand, and exits 1 for the errors', async () => {
    const r = await run(['validate', BOOK, '--json', '--today', '2024-08-20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const want = expected('example-1.validate.json');
    expect(project(out, want)).toEqual(want);
    for (const p of out.problems) expect(p.message.length).toBeGreaterThan(10);
  });

  test('report --period 07/2024 --form 03 --json gives the July figures worked out by hand', async () => {
    const r = await run(['report', BOOK, '--period', '07/2024', '--form', '03', '--json', '--today', '2024-08-20']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ReportJson;
    // The hand-worked file has the same shape, fewer keys and indicators (project compares only those).
    const want = expected('example-1.report.json') as ReportJson;
    const ours = {
      ...out,
      forms: out.forms.map((f) => ({ ...f, indicators: want.forms[0].indicators.map((w) => f.indicators.find((i) => i.key === w.key)) })),
    };
    expect(project(ours, want)).toEqual(want);
  });

  test('report --period 06/2024 reads Gia Lai wall-clock times: Đăk Đoa at 23:30 on 11/07 is on time', async () => {
    const r = await run(['report', BOOK, '--period', '06/2024', '--form', '03', '--json', '--today', '2024-08-20']);
    expect(r.code).toBe(0);
    const want = expected('example-1.report-06.json');
    expect(project(JSON.parse(r.stdout), want)).toEqual(want);
  });

  test('human output names the sheet, row, column and message of every problem', async () => {
    const r = await run(['validate', BOOK, '--today', '2024-08-20']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 lỗi, 2 cảnh báo trên 7 dòng số liệu');
    expect(r.stdout).toContain('[Lỗi] Biểu mẫu 03, dòng 6, cột “Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)”');
    expect(r.stdout).toContain('[Cảnh báo] Biểu mẫu 03, dòng 7, cột “Đơn vị”');
  });

  test('the human report lists completeness, the late and invalid units and the totals in Vietnamese', async () => {
    const r = await run(['report', BOOK, '--period', '07/2024', '--form', '3', '--today', '2024-08-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hạn nộp: trước ngày 12/08/2024');
    expect(r.stdout).toContain('Phải báo cáo: 4; đã báo cáo: 2 (đúng hạn 1, muộn 1)');
    expect(r.stdout).toContain('Tỷ lệ cài đặt i-Speed: 49,2%'); // issue 12: one decimal, rounded once from 305/620
    expect(r.stdout).toContain('Thị xã An Khê (H-623)');
    expect(r.stdout).toMatch(/Số người dân được hướng dẫn cài đặt \(trong kỳ\): 340; lũy kế 750/);
  });
});
