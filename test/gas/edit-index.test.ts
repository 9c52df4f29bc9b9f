// The edit index (issue 14): an edit that reads only its rows and its units' entries must leave the sheet exactly as
// an edit that reads the whole tab. Two runtimes get the same seeded, random edits: A keeps its document cache (the
// index path), B has its cache emptied before every edit (the whole-tab path, the reference). After each edit the
// form tab (values, notes, colours) and the status tab must be identical.
import { boot } from './boot';
import { DIRECTORY_COLUMNS, formById } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import type { CellValue, Workbook } from '../../src/core/types';
import type { MemSheet, Runtime, Sandbox } from '../../src/local/runtime';
import { cellDataCalls } from '../../bench/model';
import { mulberry32 } from '../../src/local/demo';
import { STATUS_SHAPE_KEY } from '../../src/gas/statusTab';
import { PERIOD_TAB } from '../../src/core/text/period';
import { indexKey } from '../../src/gas/editMemo';

const NOW = fromLocal(2024, 12, 20, 9, 0);
const UNITS = 9;
const MONTHS = ['06/2024', '07/2024', '08/2024', '09/2024', '10/2024', '11/2024'];

const rng = mulberry32; // the demo's seeded PRNG
/** A figure column of form 03 (0-based). */
const figure = formById('03').columns.findIndex((c) => c.key === 'portal_posts');

function book(forms: string[]): Workbook {
  const directory: CellValue[][] = [DIRECTORY_COLUMNS.map((c) => c.header)];
  const out: Workbook = { 'Danh mục đơn vị': directory, 'Cấu hình': [['Tham số', 'Giá trị']] };
  for (const id of forms) {
    const spec = formById(id);
    for (let i = 1; i <= UNITS; i++)
      directory.push([`U${id}-${i}`, `Đơn vị ${id} số ${i}`, id, `u${id}${i}@gialai.example`, '', '', 20, '', '', '', 'Có']);
    const grid: CellValue[][] = [spec.columns.map((c) => c.header)];
    const random = rng(Number(id) * 7919);
    for (const m of MONTHS) for (let i = 1; i <= UNITS; i++) if (random() < 0.7) grid.push(row(id, i, m, random));
    out[spec.tab] = grid;
  }
  return out;
}

/** A form row of unit i for month m: numbers in range, sometimes odd. */
function row(id: string, i: number, m: string, random: () => number): CellValue[] {
  const spec = formById(id);
  return spec.columns.map((c) => {
    if (c.scriptOwned) return '';
    if (c.key === 'seq') return i;
    if (c.key === 'unit') return `Đơn vị ${id} số ${i}`;
    if (c.key === 'period') return m;
    if (c.type === 'int' || c.type === 'decimal') return Math.floor(random() * 40);
    if (c.type === 'phone') return '0912345678';
    if (c.type === 'links') return '';
    return c.required ? 'Người báo cáo' : '';
  });
}

interface Pair {
  a: { rt: Runtime; app: Sandbox };
  b: { rt: Runtime; app: Sandbox };
}

function snapshot(rt: Runtime, tab: string): string {
  const sheet = rt.spreadsheet.sheet(tab);
  if (!sheet) return '(missing)';
  const out: string[] = [];
  for (let r = 0; r < sheet.maxRows; r++)
    for (let c = 0; c < sheet.maxColumns; c++) {
      const v = sheet.values.get(r, c);
      const note = sheet.notes.get(r, c) ?? '';
      const bg = sheet.backgrounds.get(r, c) ?? '';
      if ((v === undefined || v === '') && !note && !bg) continue;
      out.push(`${r + 1}:${c + 1}=${v instanceof Date ? v.toISOString() : String(v)}|${note}|${bg}`);
    }
  return out.join('\n');
}

function both(p: Pair, fn: (x: { rt: Runtime; app: Sandbox }) => void): void {
  fn(p.a);
  // B: no index, the whole tab every time (the status tab's shape stays known, as A's: both refresh the same rows).
  for (const key of [...p.b.rt.state.caches.document.keys()]) if (key !== STATUS_SHAPE_KEY) p.b.rt.state.caches.document.delete(key);
  fn(p.b);
}

function expectSame(p: Pair, tabs: string[], step: string): void {
  for (const tab of tabs) expect(`${step}\n${snapshot(p.a.rt, tab)}`).toBe(`${step}\n${snapshot(p.b.rt, tab)}`);
}

/** One random edit: a figure, a unit (duplicates), a period, a pasted block, a cleared row, a new row. */
function randomEdit(p: Pair, id: string, random: () => number, step: number): string {
  const spec = formById(id);
  const tab = spec.tab;
  const sheet = p.a.rt.spreadsheet.sheet(tab)!;
  let lastRow = 1;
  for (let r = 0; r < sheet.maxRows; r++) if (sheet.values.get(r, 1) !== undefined && sheet.values.get(r, 1) !== '') lastRow = r + 1;
  const pick = (n: number) => Math.floor(random() * n);
  const at = 2 + pick(Math.max(1, lastRow - 1));
  const numbers = spec.columns.map((c, i) => ((c.type === 'int' || c.type === 'decimal') && !c.scriptOwned ? i : -1)).filter((i) => i >= 0);
  const width = spec.columns.findIndex((c) => c.scriptOwned);
  const kind = pick(9);
  let edit: (x: { rt: Runtime; app: Sandbox }) => void;
  let what: string;
  if (kind === 0) {
    const c = numbers[pick(numbers.length)];
    const value: CellValue = random() < 0.15 ? 'abc' : pick(60);
    what = `row ${at} col ${c + 1} = ${value}`;
    edit = (x) => x.rt.edit(x.app, tab, at, c + 1, [[value]]);
  } else if (kind === 1) {
    const unit = `Đơn vị ${id} số ${1 + pick(UNITS)}`;
    const c = spec.columns.findIndex((x) => x.key === 'unit');
    what = `row ${at} unit = ${unit}`;
    edit = (x) => x.rt.edit(x.app, tab, at, c + 1, [[unit]]);
  } else if (kind === 2) {
    const m = MONTHS[pick(MONTHS.length)];
    const c = spec.columns.findIndex((x) => x.key === 'period');
    what = `row ${at} period = ${m}`;
    edit = (x) => x.rt.edit(x.app, tab, at, c + 1, [[m]]);
  } else if (kind === 3) {
    const n = 2 + pick(4);
    const to = 2 + pick(lastRow);
    const block = Array.from({ length: n }, () => row(id, 1 + pick(UNITS), MONTHS[pick(MONTHS.length)], random).slice(0, width));
    what = `paste ${n} rows at ${to}`;
    edit = (x) => x.rt.edit(x.app, tab, to, 1, block);
  } else if (kind === 4) {
    what = `clear row ${at}`;
    edit = (x) => x.rt.edit(x.app, tab, at, 1, [new Array(width).fill('')]);
  } else if (kind === 5) {
    const r = row(id, 1 + pick(UNITS), MONTHS[pick(MONTHS.length)], random).slice(0, width);
    what = `new row ${lastRow + 1}`;
    edit = (x) => x.rt.edit(x.app, tab, lastRow + 1, 1, [r]);
  } else if (kind === 7) {
    // A required cell cleared or filled again: a row being typed marks its blank cells without a note.
    const required = spec.columns
      .map((c, i) => (c.required && !c.scriptOwned && c.key !== 'unit' && c.key !== 'period' ? i : -1))
      .filter((i) => i >= 0);
    const c = required[pick(required.length)];
    const value: CellValue = random() < 0.6 ? '' : c === spec.columns.findIndex((x) => x.key === 'reporter') ? 'Người báo cáo' : pick(30);
    what = `row ${at} required col ${c + 1} = '${value}'`;
    edit = (x) => x.rt.edit(x.app, tab, at, c + 1, [[value]]);
  } else if (kind === 8) {
    // A row pasted over itself: nothing it shows changes.
    const cells = Array.from({ length: width }, (_, c) => sheet.values.get(at - 1, c) ?? '') as CellValue[];
    what = `row ${at} pasted over itself`;
    edit = (x) => x.rt.edit(x.app, tab, at, 1, [cells]);
  } else {
    const c = spec.columns.findIndex((x) => x.key === 'reporter');
    what = `row ${at} reporter`;
    edit = (x) => x.rt.edit(x.app, tab, at, c + 1, [[`Người ${step}`]]);
  }
  both(p, edit);
  return `step ${step}: ${what}`;
}

describe('the edit index gives the same answers as reading the whole tab', () => {
  for (const id of ['03', '02']) {
    test(`form ${id}: 60 random edits (figures, units, periods, pastes, clears, new rows), cell for cell`, () => {
      const p: Pair = { a: boot(book([id]), { now: NOW }), b: boot(book([id]), { now: NOW }) };
      const random = rng(20241220 + Number(id));
      const tabs = [formById(id).tab, 'Tình hình báo cáo'];
      let indexed = 0;
      for (let step = 1; step <= 60; step++) {
        p.a.rt.resetCalls();
        const what = randomEdit(p, id, random, step);
        // The index path reads no tab whole: no getDataRange.
        if (!p.a.rt.calls['Sheet.getDataRange']) indexed++;
        expectSame(p, tabs, what);
      }
      // Most edits took the index path (a header, an appended row past the end or a stale entry reads the tab).
      expect(indexed).toBeGreaterThan(40);
    });
  }

  test('a tab in use outlives the cache: an edit 4 hours after the build puts the index and the context again (the cache keeps items 6 hours: reference/cache/cache#putall)', () => {
    const p: Pair = { a: boot(book(['03']), { now: NOW }), b: boot(book(['03']), { now: NOW }) };
    const tabs = [formById('03').tab, 'Tình hình báo cáo'];
    const random = rng(4242);
    const at = (hours: number) => {
      for (const x of [p.a, p.b]) x.rt.setNow(new Date(NOW.getTime() + hours * 3600 * 1000));
    };
    const step = (hours: number, n: number) => {
      at(hours);
      p.a.rt.resetCalls();
      const what = randomEdit(p, '03', random, n);
      expectSame(p, tabs, `${hours} h, ${what}`);
      return { ...p.a.rt.calls };
    };
    // 3 hours: nothing to renew; 5 hours: the edit reads the index's other buckets and puts everything again.
    expect(step(3, 1)['Cache.putAll']).toBe(1);
    const renewal = step(5, 2);
    expect(renewal['Sheet.getDataRange']).toBeUndefined();
    // 7 and 8 hours after the build (2 and 3 after the renewal): still the index, no tab read whole.
    for (const [hours, n] of [
      [7, 3],
      [8, 4],
    ])
      expect(step(hours, n)['Sheet.getDataRange']).toBeUndefined();
    // Left alone for more than 6 hours, it is gone: the next edit reads the tab whole (and the status tab's shape is
    // gone too: it rebuilds that tab from every tab) and builds the index again.
    expect(step(15, 5)['Sheet.getDataRange']).toBeGreaterThan(1);
  });

  test('rows moved outside the edit trigger (a sort): the next edit of a moved row reads the whole tab, as it must', () => {
    const p: Pair = { a: boot(book(['03']), { now: NOW }), b: boot(book(['03']), { now: NOW }) };
    const tab = formById('03').tab;
    // A sort by the user: rows 2 and 3 swap (no edit event: Sheets fires none for a sort's moved cells).
    for (const x of [p.a, p.b]) {
      const s = x.rt.spreadsheet.sheet(tab)!;
      const tracker = x.rt.spreadsheet.tracker;
      x.rt.spreadsheet.tracker = null;
      for (let c = 0; c < s.maxColumns; c++) {
        const v2 = s.values.get(1, c),
          v3 = s.values.get(2, c);
        s.writeCell(2, c + 1, v3 as CellValue);
        s.writeCell(3, c + 1, v2 as CellValue);
      }
      x.rt.spreadsheet.tracker = tracker;
    }
    const reporter = formById('03').columns.findIndex((c) => c.key === 'reporter') + 1;
    p.a.rt.resetCalls();
    both(p, (x) => x.rt.edit(x.app, tab, 2, reporter, [['Sau khi sắp xếp']]));
    expect(p.a.rt.calls['Sheet.getDataRange']).toBeGreaterThan(0);
    expectSame(p, [tab, 'Tình hình báo cáo'], 'after a sort');
  });

  test('two edits at once: the one that finds the index written since its first read forgets it, and the tab stays what the whole-tab edits give', () => {
    const p: Pair = { a: boot(book(['03']), { now: NOW }), b: boot(book(['03']), { now: NOW }) };
    const spec = formById('03');
    const key = indexKey(spec.tab);
    const store = p.a.rt.state.caches.document;
    const read = store.get.bind(store);
    const later = () => p.a.rt.edit(p.a.app, spec.tab, 3, figure + 1, [[11]]); // another officer, another unit
    // Edit A's second read of the index key is its version re-read before it writes: edit B runs to its end there,
    // as a second execution would between A's first read and its write.
    let reads = -1;
    store.get = (k: string) => {
      if (k === key && reads >= 0 && ++reads === 2) {
        reads = -1;
        later();
      }
      return read(k);
    };
    reads = 0;
    p.a.rt.edit(p.a.app, spec.tab, 2, figure + 1, [[29]]);
    store.get = read;
    expect(reads).toBe(-1); // B ran inside A
    expect(p.a.rt.state.caches.document.has(key)).toBe(false); // A forgot the index rather than overwrite B's units
    for (const [row, value] of [
      [2, 29],
      [3, 11],
    ])
      p.b.rt.edit(p.b.app, spec.tab, row, figure + 1, [[value]]);
    expectSame(p, [spec.tab, 'Tình hình báo cáo'], 'two edits at once');
    // The next edits: the first reads the tab whole and builds the index again, the ones after use it.
    const random = rng(77);
    for (let n = 1; n <= 12; n++) expectSame(p, [spec.tab, 'Tình hình báo cáo'], randomEdit(p, '03', random, n));
  });

  test('rows deleted outside the edit trigger: the next edit reads the whole tab (the last row moved)', () => {
    const p: Pair = { a: boot(book(['03']), { now: NOW }), b: boot(book(['03']), { now: NOW }) };
    const tab = formById('03').tab;
    for (const x of [p.a, p.b]) x.rt.spreadsheet.sheet(tab)!.deleteRows(3, 2);
    const reporter = formById('03').columns.findIndex((c) => c.key === 'reporter') + 1;
    p.a.rt.resetCalls();
    both(p, (x) => x.rt.edit(x.app, tab, 5, reporter, [['Sau khi xoá dòng']]));
    expect(p.a.rt.calls['Sheet.getDataRange']).toBeGreaterThan(0);
    expectSame(p, [tab, 'Tình hình báo cáo'], 'after deleting rows');
  });

  // Columns inserted or deleted fire no edit trigger either (onEdit fires for cell changes only: guides/triggers#onedite):
  // the next edit finds the header rows changed, reads the whole tab and writes its marks where the columns now are.
  test.each([
    ['a column inserted before the unit', (s: MemSheet) => s.insertColumns(2, 1)],
    ['the last column deleted, the sheet left narrower than the index knew it', (s: MemSheet) => s.deleteColumns(s.maxColumns, 1)],
    ['a figure column deleted', (s: MemSheet) => s.deleteColumns(figure + 1, 1)],
    ['a title row inserted above the header', (s: MemSheet) => s.insertRows(1, 1)],
  ])('%s outside the edit trigger: the next edit reads the whole tab, its marks where the columns now are', (_label, change) => {
    const p: Pair = { a: boot(book(['03']), { now: NOW }), b: boot(book(['03']), { now: NOW }) };
    const tab = formById('03').tab;
    // The sheet as wide as its columns (no spare ones), as a tab trimmed by hand is.
    for (const x of [p.a, p.b]) {
      const s = x.rt.spreadsheet.sheet(tab)!;
      const width = formById('03').columns.length;
      if (s.maxColumns > width) s.deleteColumns(width + 1, s.maxColumns - width);
    }
    both(p, (x) => x.rt.edit(x.app, tab, 3, figure + 2, [[7]])); // the index built and kept
    for (const x of [p.a, p.b]) change(x.rt.spreadsheet.sheet(tab)!);
    p.a.rt.resetCalls();
    both(p, (x) => x.rt.edit(x.app, tab, 4, 1, [['Đơn vị 03 số 2']]));
    expect(p.a.rt.calls['Sheet.getDataRange']).toBeGreaterThan(0);
    expectSame(p, [tab, 'Tình hình báo cáo'], 'after the columns changed');
  });

  test('an indexed edit reads the header and its own rows only: its cell-data calls and cells do not depend on the tab', () => {
    const { rt, app } = boot(book(['03']), { now: NOW });
    const reporter = formById('03').columns.findIndex((c) => c.key === 'reporter') + 1;
    rt.resetCalls();
    rt.edit(app, formById('03').tab, 4, reporter, [['Một người']]);
    expect(rt.calls['Sheet.getDataRange']).toBeUndefined();
    expect(rt.calls['Sheet.getSheetValues']).toBe(1); // the header
    expect(rt.calls['Range.getValues']).toBe(1); // the edited row (its range gives its notes and takes its marks too)
    expect(cellDataCalls(rt.calls)).toBeLessThanOrEqual(10);
  });

  test('a cell retyped that changes nothing the index keeps (a name) writes no index, only its journal key; a doubled delivery journals it once', () => {
    const { rt, app } = boot(book(['03']), { now: NOW });
    const spec = formById('03');
    const reporter = spec.columns.findIndex((c) => c.key === 'reporter') + 1;
    const journalRows = () => rt.spreadsheet.sheet(PERIOD_TAB.journal)?.getLastRow() ?? 0;
    rt.edit(app, spec.tab, 4, reporter, [['Một người']]);
    const before = journalRows();
    rt.resetCalls();
    rt.edit(app, spec.tab, 4, reporter, [['Hai người']]);
    expect(rt.calls['Sheet.getDataRange']).toBeUndefined(); // still the index
    expect([rt.calls['Cache.getAll'], rt.calls['Cache.get'] ?? 0, rt.calls['Cache.putAll'] ?? 0, rt.calls['Cache.put']]).toEqual([
      1, 0, 0, 1,
    ]);
    expect(journalRows()).toBe(before + 1);
    // A second edit trigger (a second admin's): both executions get the same event; the second finds the key the
    // first put with its first cache read and appends nothing.
    (rt.globals.ScriptApp as unknown as GoogleAppsScript.Script.ScriptApp)
      .newTrigger('handleEdit')
      .forSpreadsheet(rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
      .onEdit()
      .create();
    rt.resetCalls();
    rt.edit(app, spec.tab, 4, reporter, [['Ba người']]);
    expect(journalRows()).toBe(before + 2);
    expect(rt.calls['Cache.put']).toBe(1);
    // The index is still in use: a figure edited next reads no tab whole.
    rt.resetCalls();
    rt.edit(app, spec.tab, 4, figure + 1, [[7]]);
    expect(rt.calls['Sheet.getDataRange']).toBeUndefined();
  });

  test('marks and statuses the sheet already shows are not written again; changed ones are', () => {
    const { rt, app } = boot(book(['03']), { now: NOW });
    const spec = formById('03');
    const at = (key: string) => spec.columns.findIndex((c) => c.key === key) + 1;
    rt.edit(app, spec.tab, 4, at('reporter'), [['Một người']]); // the first edit after setup builds nothing new
    rt.resetCalls();
    // A name retyped: the row's marks and its unit's statuses are what the sheet shows.
    rt.edit(app, spec.tab, 4, at('reporter'), [['Hai người']]);
    expect([rt.calls['Range.setNotes'] ?? 0, rt.calls['Range.setBackgrounds'] ?? 0, rt.calls['Spreadsheet.getRange'] ?? 0]).toEqual([
      0, 0, 0,
    ]);
    expect(rt.calls['Range.setValues']).toBe(1); // the script-owned cells (`Cập nhật lần cuối`)
    // A figure that breaks its rule: a note and the error colour on the cell (the row had errors: no status changed).
    const sheet = rt.spreadsheet.sheet(spec.tab)!;
    const figure = spec.columns.findIndex((c) => (c.type === 'int' || c.type === 'decimal') && !c.scriptOwned) + 1;
    rt.resetCalls();
    rt.edit(app, spec.tab, 4, figure, [['abc']]);
    expect([rt.calls['Range.setNotes'], rt.calls['Range.setBackgrounds'], rt.calls['Spreadsheet.getRange'] ?? 0]).toEqual([1, 1, 0]);
    expect(sheet.notes.get(3, figure - 1)).toBeTruthy();
    expect(sheet.backgrounds.get(3, figure - 1)).toBe('#f4cccc');
    // Its period retyped: the unit's statuses change, its status rows are written (two ranges by their A1: the
    // unit's code, read, and its months).
    rt.resetCalls();
    rt.edit(app, spec.tab, 4, at('period'), [[MONTHS[MONTHS.length - 1]]]);
    expect(rt.calls['Spreadsheet.getRange']).toBe(2);
  });

  test('a unit added to the directory by an edit is known to the very next edit (the context is kept again)', () => {
    const { rt, app } = boot(book(['03']), { now: NOW });
    const dir = rt.spreadsheet.sheet('Danh mục đơn vị')!;
    let last = 1;
    while (dir.values.get(last, 0) !== undefined && dir.values.get(last, 0) !== '') last++;
    rt.edit(app, 'Danh mục đơn vị', last + 1, 1, [['U03-NEW', 'Xã Mới Lập', '03', 'moi@gialai.example', '', '', 20, '', '', '', 'Có']]);
    const spec = formById('03');
    const unitCol = spec.columns.findIndex((c) => c.key === 'unit');
    rt.resetCalls();
    rt.edit(app, spec.tab, 3, unitCol + 1, [['Xã Mới Lập']]);
    expect(rt.calls['Sheet.getDataRange']).toBeUndefined(); // the index path, with the new context
    const status = rt.spreadsheet.sheet(spec.tab)!.values.get(
      2,
      spec.columns.findIndex((c) => c.key === 'status'),
    );
    const note = rt.spreadsheet.sheet(spec.tab)!.notes.get(2, unitCol) ?? '';
    expect(note).not.toMatch(/không có trong Danh mục|Không tìm thấy/);
    expect(String(status)).not.toBe('');
  });
});
