// The column-number row under a form's header (`(1) (2) (3)…`) through the BUILT bundle: setup, the full check, the
// status tab, the report and the edits (index and whole-tab paths) leave it alone and read the tab as without it.
import { boot } from './boot';
import { DIRECTORY_COLUMNS, formById } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import type { CellValue, Workbook } from '../../src/core/types';
import type { Runtime, Sandbox } from '../../src/local/runtime';
import { STATUS_SHAPE_KEY } from '../../src/gas/statusTab';
import { indexKey } from '../../src/gas/editMemo';

const NOW = fromLocal(2024, 12, 20, 9, 0);
const spec = formById('03');
const TAB = spec.tab;
const STATUS = 'Tình hình báo cáo';
const UNITS = 6;
const MONTHS = ['06/2024', '07/2024', '08/2024', '09/2024', '10/2024', '11/2024'];
const col = (key: string) => spec.columns.findIndex((c) => c.key === key) + 1; // 1-based
const NUMBERS: CellValue[] = spec.columns.map((_, i) => `(${i + 1})`);

function row(unit: number, period: string, figure = 10): CellValue[] {
  return spec.columns.map((c) => {
    if (c.scriptOwned) return '';
    if (c.key === 'seq') return unit;
    if (c.key === 'unit') return `Xã Thử ${unit}`;
    if (c.key === 'period') return period;
    if (c.key === 'staff_total') return 100;
    if (c.type === 'int' || c.type === 'decimal') return figure;
    if (c.type === 'phone') return '0912345678';
    if (c.type === 'links') return '';
    return c.required ? 'Người báo cáo' : '';
  });
}

/** Form 03 with its header, the column numbers under it when `numbers`, and a row per unit and month. */
function book(numbers: boolean): Workbook {
  const directory: CellValue[][] = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= UNITS; i++) directory.push([`X-${i}`, `Xã Thử ${i}`, '03', `x${i}@gialai.example`, '', '', 20, '', '', '', 'Có']);
  const tab: CellValue[][] = [spec.columns.map((c) => c.header), ...(numbers ? [NUMBERS] : [])];
  for (const m of MONTHS) for (let i = 1; i <= UNITS; i++) if ((i + m.length + Number(m.slice(0, 2))) % 4) tab.push(row(i, m, i));
  return { 'Danh mục đơn vị': directory, 'Cấu hình': [['Tham số', 'Giá trị']], [TAB]: tab };
}

/** Every value, note and colour of a tab, row by row from `from` (1-based), as text. */
function shown(rt: Runtime, tab: string, from = 1): string[] {
  const sheet = rt.spreadsheet.sheet(tab)!;
  const out: string[] = [];
  for (let r = from - 1; r < sheet.maxRows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < sheet.maxColumns; c++) {
      const v = sheet.values.get(r, c);
      cells.push(
        `${v instanceof Date ? v.toISOString() : String(v ?? '')}|${sheet.notes.get(r, c) ?? ''}|${sheet.backgrounds.get(r, c) ?? ''}`,
      );
    }
    out.push(cells.join(' '));
  }
  while (out.length && /^(\|\| ?)*$/.test(out[out.length - 1])) out.pop();
  return out;
}

/** Row 2 as it must stay: the labels, no note, no colour (the header block is the Department's). */
function numbersRowUntouched(rt: Runtime): void {
  const sheet = rt.spreadsheet.sheet(TAB)!;
  for (let c = 0; c < NUMBERS.length; c++) {
    expect([sheet.values.get(1, c), sheet.notes.get(1, c) ?? '', sheet.backgrounds.get(1, c) ?? null]).toEqual([NUMBERS[c], '', null]);
  }
}

describe('a column-number row under the header of a form tab', () => {
  test('setup and the full check leave it as typed; the data rows, the status tab and the report are as without it', () => {
    const withRow = boot(book(true), { now: NOW });
    const without = boot(book(false), { now: NOW });
    numbersRowUntouched(withRow.rt);
    expect(withRow.rt.spreadsheet.sheet(TAB)!.getFrozenRows()).toBe(2);
    // Row r + 1 with the numbers is row r without them: same values, notes and colours (stamps and statuses too).
    expect(shown(withRow.rt, TAB, 3)).toEqual(shown(without.rt, TAB, 2));
    expect(shown(withRow.rt, STATUS)).toEqual(shown(without.rt, STATUS));
    const report = (x: { app: Sandbox }) => x.app.sidebarReport('07/2024', ['03']);
    expect(report(withRow)).toEqual(report(without));
    // The full check from the menu again: nothing on the numbers row.
    withRow.app.menuCheckAll();
    numbersRowUntouched(withRow.rt);
  });

  test('edits on the index path and on the whole tab give what they give without the numbers row, which they leave alone', () => {
    const a = boot(book(true), { now: NOW }); // keeps its index
    const b = boot(book(true), { now: NOW }); // reads the whole tab every time
    const c = boot(book(false), { now: NOW }); // the same tab without the numbers row
    const edits: Array<[string, number, number, CellValue[][]]> = [
      ['a figure', 5, col('portal_posts'), [[99]]],
      ['a figure that does not read', 6, col('social_posts'), [['abc']]],
      ['a unit (a duplicate)', 7, col('unit'), [['Xã Thử 1']]],
      ['a period', 8, col('period'), [['08/2024']]],
      ['a new row', 40, 1, [row(2, '11/2024', 3).slice(0, col('submitted_at') - 1)]],
      ['a cleared row', 9, 1, [new Array(col('submitted_at') - 1).fill('')]],
      ['the figure fixed', 6, col('social_posts'), [[4]]],
    ];
    let indexed = 0;
    for (const [what, r, column, values] of edits) {
      a.rt.resetCalls();
      a.rt.edit(a.app, TAB, r, column, values);
      if (!a.rt.calls['Sheet.getDataRange']) indexed++;
      for (const key of [...b.rt.state.caches.document.keys()]) if (key !== STATUS_SHAPE_KEY) b.rt.state.caches.document.delete(key);
      b.rt.edit(b.app, TAB, r, column, values);
      c.rt.edit(c.app, TAB, r - 1, column, values);
      numbersRowUntouched(a.rt);
      expect(`${what}\n${shown(a.rt, TAB).join('\n')}`).toBe(`${what}\n${shown(b.rt, TAB).join('\n')}`);
      // The data rows are those of the tab without it, a row down (the rows a duplicate's message names too).
      const up = (text: string) => text.replace(/ở dòng (\d+)/g, (_, n) => `ở dòng ${Number(n) - 1}`);
      expect(`${what}\n${up(shown(a.rt, TAB, 3).join('\n'))}`).toBe(`${what}\n${shown(c.rt, TAB, 2).join('\n')}`);
      expect(`${what}\n${shown(a.rt, STATUS).join('\n')}`).toBe(`${what}\n${shown(c.rt, STATUS).join('\n')}`);
    }
    expect(indexed).toBeGreaterThanOrEqual(5);
  });

  test('an edit of the numbers row itself is no report: no mark, no stamp, and the next edit is still right', () => {
    const { rt, app } = boot(book(true), { now: NOW });
    rt.edit(app, TAB, 5, col('portal_posts'), [[7]]); // the index built
    expect(rt.state.caches.document.has(indexKey(TAB))).toBe(true);
    rt.edit(app, TAB, 2, col('portal_posts'), [[`(${col('portal_posts')})`]]); // a label retyped
    numbersRowUntouched(rt);
    // The index forgets the tab (the row may have been a report until now): the next edit reads it whole, and is right.
    expect(rt.state.caches.document.has(indexKey(TAB))).toBe(false);
    rt.edit(app, TAB, 5, col('portal_posts'), [[8]]);
    expect(rt.spreadsheet.sheet(TAB)!.getRange(5, col('status')).getValue()).toBe('Hợp lệ');
    numbersRowUntouched(rt);
  });

  test('the marks an earlier version put on it, checking it as a report, are cleared by the full check; its labels stay', () => {
    const { rt, app } = boot(book(true), { now: NOW, setup: false });
    const sheet = rt.spreadsheet.sheet(TAB)!;
    // What that check left: a status over the label of `Kiểm tra`, a stamp, notes and the error colour on its cells.
    sheet.getRange(2, col('status')).setValue('9 lỗi').setNote('Không tìm thấy đơn vị …').setBackground('#f4cccc');
    sheet.getRange(2, col('updated_at')).setValue(NOW);
    sheet.getRange(2, col('unit')).setNote('Không tìm thấy đơn vị “(2)” …').setBackground('#f4cccc');
    sheet.getRange(2, col('period')).setNote('Kỳ báo cáo “(3)” không đúng …').setBackground('#f4cccc');
    sheet.getRange(2, col('seq')).setBackground('#d9d9d9'); // the Department's own colour: kept
    app.menuSetup();
    app.menuCheckAll();
    const expected = NUMBERS.map((x, i) => (i === col('status') - 1 || i === col('updated_at') - 1 ? '' : x));
    for (let c = 0; c < NUMBERS.length; c++) {
      expect([sheet.values.get(1, c) ?? '', sheet.notes.get(1, c) ?? '', sheet.backgrounds.get(1, c) ?? null]).toEqual([
        expected[c],
        '',
        c === col('seq') - 1 ? '#d9d9d9' : null,
      ]);
    }
    // The next check finds nothing to clear: no read of the row.
    rt.resetCalls();
    app.menuCheckAll();
    expect(rt.calls['Range.getNotes'] ?? 0).toBe(0);
  });

  test('a report under the header typed over with column numbers leaves the status tab and the index', () => {
    const a = boot(book(false), { now: NOW });
    const c = boot(book(true), { now: NOW });
    const width = col('submitted_at') - 1;
    // A's row 2 (a report) becomes the numbers row: A's tab is then C's with its first report gone.
    const first = a.rt.spreadsheet.sheet(TAB)!.getRange(2, 1, 1, width).getValues()[0];
    a.rt.edit(a.app, TAB, 2, 1, [NUMBERS.slice(0, width)]);
    c.rt.edit(c.app, TAB, 3, 1, [new Array(width).fill('')]);
    expect(first[col('unit') - 1]).toBe('Xã Thử 1');
    const status = (rt: Runtime) => shown(rt, STATUS);
    expect(status(a.rt)).toEqual(status(c.rt));
    // The stale entry of row 2 is gone from the edits' index: an edit of the same unit and month is no duplicate.
    a.rt.edit(a.app, TAB, 3, 1, [row(1, String(first[col('period') - 1]), 5).slice(0, width)]);
    expect(a.rt.spreadsheet.sheet(TAB)!.getRange(3, col('status')).getValue()).toBe('Hợp lệ');
  });
});
