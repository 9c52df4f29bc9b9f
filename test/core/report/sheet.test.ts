import { buildReport } from '../../../src/core/report/model';
import { reportSheet, reportSheetName, STATUS_COLOR } from '../../../src/core/report/sheet';
import { KIND_LABEL, STATUS_LABEL } from '../../../src/core/text/report';
import { fromLocal } from '../../../src/core/periods';
import { example1, JUL, JUN, row, unit, validation, defaultSettings } from './fixture';
import { renderReportHtml, reportDocument } from '../../../src/core/report/document';

const TODAY = '2024-08-20';
const AT = fromLocal(2024, 8, 20, 8, 5);

function layout(v = example1()) {
  return reportSheet(buildReport(v, JUL, ['03'], TODAY), v.settings, AT);
}

describe('report tab layout', () => {
  test('the tab is named Báo cáo MM-YYYY', () => {
    expect(reportSheetName(JUL)).toBe('Báo cáo 07-2024');
    expect(layout().name).toBe('Báo cáo 07-2024');
  });

  test('every grid is rectangular and of one shape', () => {
    const l = layout();
    const width = l.values[0].length;
    expect(width).toBe(l.columnWidths.length);
    for (const grid of [l.values, l.numberFormats, l.backgrounds, l.fontWeights]) {
      expect(grid.length).toBe(l.values.length);
      for (const r of grid) expect(r.length).toBe(width);
    }
  });

  test('the title block names the department, the period and the generation time in Gia Lai time', () => {
    const l = layout();
    expect(l.values[0][0]).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH GIA LAI');
    expect(l.fontWeights[0][0]).toBe('bold');
    expect(
      l.values
        .slice(0, 4)
        .map((r) => r[0])
        .join('|'),
    ).toContain('20/08/2024 08:05');
    expect(l.merges).toContainEqual({ row: 1, col: 1, numRows: 1, numCols: l.values[0].length });
  });

  test('indicator totals in the layout equal the model', () => {
    const v = example1();
    const r = buildReport(v, JUL, ['03'], TODAY);
    const l = reportSheet(r, v.settings, AT);
    for (const ind of r.forms[0].indicators) {
      const i = l.values.findIndex((row) => row[1] === ind.header && row[2] === KIND_LABEL[ind.kind]);
      expect(i).toBeGreaterThan(0);
      expect(l.values[i].slice(3, 6)).toEqual([ind.period, ind.cumulative, ind.change]);
      expect(l.numberFormats[i][3]).toBe('#,##0');
    }
  });

  test('under the totals, a line says which stocks are carried from an earlier period', () => {
    const v = example1();
    const r = buildReport(v, JUL, ['03'], TODAY);
    const l = reportSheet(r, v.settings, AT);
    const last = r.forms[0].indicators[r.forms[0].indicators.length - 1];
    const i = l.values.findIndex((row) => row[1] === last.header && row[2] === KIND_LABEL[last.kind]);
    // Thị xã An Khê's July row has errors: its stocks are June's.
    expect(l.values[i + 1][1]).toBe('Số liệu đến cuối kỳ nêu trên gồm số liệu cũ (từ kỳ 06/2024) của 1 đơn vị chưa có số liệu kỳ này.');
    const june = reportSheet(buildReport(v, JUN, ['03'], TODAY), v.settings, AT);
    expect(june.values.flat().filter((c) => String(c).startsWith('Số liệu đến cuối kỳ nêu trên'))).toEqual([]);
  });

  test('unit rows carry their status colour and the rates are formatted as percentages', () => {
    const l = layout();
    const labels = Object.values(STATUS_LABEL);
    const rowOf = (code: string) => l.values.findIndex((r) => r[0] === code && labels.indexOf(String(r[2])) >= 0);
    expect(l.backgrounds[rowOf('H-622')][0]).toBe(STATUS_COLOR.on_time);
    expect(l.backgrounds[rowOf('H-626')][1]).toBe('#fff2cc');
    expect(l.backgrounds[rowOf('H-630')][2]).toBe('#f4cccc');
    expect(l.numberFormats[rowOf('H-622')][4]).toBe('0.0%');
    // The cell holds the ratio its percentage shows (56,7%), rounded once from 170/300 (the one number rule).
    expect(l.values[rowOf('H-622')][4]).toBe(0.567);
  });

  test('a unit named like a formula is written so it stays text', () => {
    const v = validation([unit('X-1', '=HYPERLINK("http://x")', '03')], [], {});
    const l = reportSheet(buildReport(v, JUL, ['03'], TODAY), defaultSettings(), AT);
    const cells = l.values.flat();
    expect(cells).toContain('\'=HYPERLINK("http://x")');
    expect(cells).not.toContain('=HYPERLINK("http://x")');
  });

  test('the two charts read the unit rates (bar) and the monthly trend (line)', () => {
    const l = layout();
    const [bar, line] = l.charts;
    expect(bar.type).toBe('bar');
    expect(l.values[bar.range.row - 1][bar.range.col]).toBe('Tỷ lệ cài đặt');
    expect(bar.range.numRows).toBe(5);
    expect(l.values[bar.range.row][bar.range.col - 1]).toBe('Thành phố Pleiku');
    expect(line.type).toBe('line');
    expect(l.values.slice(line.range.row, line.range.row + line.range.numRows - 1).map((r) => [r[1], r[2]])).toEqual([
      ['06/2024', 0.452],
      ['07/2024', 0.492],
    ]);
    for (const c of l.charts) expect(c.range.row + c.range.numRows - 1).toBeLessThanOrEqual(l.values.length);
  });

  test('units to chase are listed with names, emails and the reason', () => {
    const l = layout();
    const chase = l.values.filter((r) => r[2] === 'Biểu mẫu 03' && r[4] !== '');
    expect(chase.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['H-623', 'Thị xã An Khê', 'h-623@gialai.example'],
      ['H-630', 'Huyện Kông Chro', 'h-630@gialai.example'],
    ]);
  });

  test('the bands cover every row once, each as wide as its widest row; the bold boxes are exactly the bold cells', () => {
    const l = layout();
    let next = 1;
    for (const b of l.bands) {
      expect(b.row).toBe(next);
      expect(b.col).toBe(1);
      next += b.numRows;
      const rows = l.values.slice(b.row - 1, b.row - 1 + b.numRows);
      // Nothing right of the band: no value, no colour, no bold.
      for (let i = 0; i < rows.length; i++)
        for (let c = b.numCols; c < rows[i].length; c++) {
          expect(rows[i][c]).toBe('');
          expect(l.backgrounds[b.row - 1 + i][c]).toBeNull();
          expect(l.fontWeights[b.row - 1 + i][c]).toBe('normal');
        }
    }
    expect(next).toBe(l.values.length + 1);
    // The chart data and what follows are narrower than the tables above them.
    expect(l.bands[1].numCols).toBeLessThan(l.bands[0].numCols);
    const bold = new Set<string>();
    for (const b of l.bold)
      for (let r = b.row; r < b.row + b.numRows; r++) for (let c = b.col; c < b.col + b.numCols; c++) bold.add(`${r}|${c}`);
    const want = new Set<string>();
    l.fontWeights.forEach((row, r) => {
      row.forEach((w, c) => {
        if (w === 'bold') want.add(`${r + 1}|${c + 1}`);
      });
    });
    expect([...bold].sort()).toEqual([...want].sort());
  });
});

test('the trend chart names the forms whose rate it draws: one form is not the whole province', () => {
  const one = buildReport(example1(), JUL, ['03'], TODAY);
  const v = validation(
    [unit('S-1', 'Sở Y tế', '01'), unit('H-1', 'Huyện KBang', '03')],
    [
      row('01', 2, 'S-1', JUN, [50, 20, 3, 1, 1], [2024, 6, 20, 9, 0]),
      row('03', 2, 'H-1', JUL, [100, 40, 10, 1, 1, 5, 1, 5, 5, 5, 5], [2024, 8, 2, 9, 0]),
    ],
  );
  const two = buildReport(v, JUL, ['01', '03'], TODAY);
  for (const [r, title] of [
    [one, 'Xu hướng tỷ lệ cài đặt i-Speed theo tháng, Biểu mẫu 03'],
    [two, 'Xu hướng tỷ lệ cài đặt i-Speed theo tháng, tính chung Biểu mẫu 01, 03'],
  ] as const) {
    const l = reportSheet(r, defaultSettings(), AT);
    expect(l.charts.find((c) => c.type === 'line')!.title).toBe(title);
    expect(l.values.some((cells) => cells[1] === title)).toBe(true);
    expect(renderReportHtml(r, reportDocument(r, defaultSettings(), TODAY))).toContain(`aria-label="${title}"`);
  }
});
