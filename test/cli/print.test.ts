// The report as the command line prints it: a stock carried from an earlier period says so on its line.
import { buildReport } from '../../src/core/report/model';
import { reportText } from '../../src/local/cli/print';
import { AUG, JUL, JUN, example1 } from '../core/report/fixture';
import { makeDemoWorkbook, DEMO_TODAY } from '../../src/local/demo';
import { validateWorkbook } from '../../src/core/validate';

const lineOf = (lines: string[], header: string) => lines.find((l) => l.startsWith(`    - ${header}:`));

describe('reportText', () => {
  test('a carried stock names where it comes from; a flow and an uncarried stock say nothing more', () => {
    const july = reportText(buildReport(example1(), JUL, ['03'], '2024-08-20'));
    expect(lineOf(july, 'Tổng số CBCCVC, NLĐ')).toBe('    - Tổng số CBCCVC, NLĐ: 620 — gồm số liệu cũ của 1 đơn vị (từ kỳ 06/2024)');
    expect(lineOf(july, 'Số lượt phát trên hệ thống truyền thanh cơ sở (trong kỳ)')).toBe(
      '    - Số lượt phát trên hệ thống truyền thanh cơ sở (trong kỳ): 29; lũy kế 67',
    );
    const june = reportText(buildReport(example1(), JUN, ['03'], '2024-08-20'));
    expect(june.filter((l) => l.includes(' — '))).toEqual([]);
  });

  test('every unit carried from the one period: "số liệu kỳ …"; from several: "từ kỳ" the oldest', () => {
    const v = example1();
    v.rows = v.rows.filter((r) => r.month !== JUL || r.unitCode === 'H-623'); // July: only An Khê's row, with errors
    const july = reportText(buildReport(v, JUL, ['03'], '2024-08-20'));
    expect(lineOf(july, 'Tổng số CBCCVC, NLĐ')).toBe('    - Tổng số CBCCVC, NLĐ: 620 — số liệu kỳ 06/2024');
    const august = reportText(buildReport(example1(), AUG, ['03'], '2024-09-20'));
    expect(lineOf(august, 'Tổng số CBCCVC, NLĐ')).toMatch(/ — gồm số liệu cũ của 3 đơn vị \(từ kỳ 06\/2024\)$/);
  });

  test("a one-time form's later month says it is not due, and when its one report was", () => {
    const v = validateWorkbook(makeDemoWorkbook({ today: DEMO_TODAY }), DEMO_TODAY);
    const lines = reportText(buildReport(v, JUL, ['01'], '2024-08-20'));
    expect(lines).toContain('  Báo cáo một lần (hạn trước ngày 28/06/2024): kỳ này không bắt buộc báo cáo.');
  });
});
