// The command line and Apps Script run the same core: on the same workbook they find the same problems and plan the
// same emails.
import { join } from 'node:path';
import { boot } from './boot';
import { run, artifactDir } from '../cli/run';
import { readXlsx, writeXlsx } from '../../src/local/xlsx';
import { bookFromSpreadsheet, spreadsheetFromBook } from '../../src/local/workbook';
import { FORMS, TAB } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import { readStampNote } from '../../src/core/stamp';
import type { Problem } from '../../src/core/types';
import type { PlanJson } from '../../src/core/reminders/plan';

describe('CLI and Apps Script agree', () => {
  const dir = artifactDir('cli-agrees');

  test('every problem `ispeed validate` lists is the note of that cell after the full check, and no other cell has one', async () => {
    const file = join(dir, 'demo.xlsx');
    expect((await run(['demo', file])).code).toBe(0);
    const cli = JSON.parse((await run(['validate', file, '--today', '2024-08-20', '--json'])).stdout) as { problems: Problem[] };
    const { rt, app } = boot(bookFromSpreadsheet(await readXlsx(file)), { now: fromLocal(2024, 8, 20, 12) });
    app.menuCheckAll();
    const formTabs = new Set(FORMS.map((f) => f.tab));
    const expected = new Map<string, string[]>();
    for (const p of cli.problems.filter((p) => formTabs.has(p.sheet) && p.column)) {
      const key = `${p.sheet}|${p.row}|${p.column}`;
      expected.set(key, [...(expected.get(key) ?? []), p.message]);
    }
    expect(expected.size).toBeGreaterThan(3);
    const found = new Map<string, string>();
    for (const tab of formTabs) {
      const sheet = rt.spreadsheet.sheet(tab)!;
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const notes = sheet.getDataRange().getNotes();
      notes.forEach((row, r) => {
        row.forEach((note, c) => {
          // the status note lists the row's problems; a stamp's note records what it was written for (src/core/stamp.ts)
          if (r > 0 && note && headers[c] !== 'Kiểm tra' && !readStampNote(note)) found.set(`${tab}|${r + 1}|${headers[c]}`, note);
        });
      });
    }
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, messages] of expected) for (const m of messages) expect(found.get(key)).toContain(m);
  });

  test('`ispeed remind --today 2024-08-09` lists the emails the daily trigger sends that day (D-2 moved to Friday)', async () => {
    const file = join(dir, 'remind.xlsx');
    expect((await run(['demo', file, '--today', '2024-08-09'])).code).toBe(0);
    const cli = JSON.parse((await run(['remind', file, '--today', '2024-08-09', '--json'])).stdout) as PlanJson;
    expect(cli.emails.length).toBeGreaterThan(0);
    expect(cli.emails.every((e) => e.step === 'D-2' || e.step === 'D-7')).toBe(true);
    expect(cli.emails.some((e) => e.step === 'D-2')).toBe(true);

    const book = bookFromSpreadsheet(await readXlsx(file));
    book['Cấu hình'] = book['Cấu hình'].map((r) => (r[0] === 'Nhắc nhở tự động' ? [r[0], 'Có'] : r));
    const { rt, app } = boot(book, { now: fromLocal(2024, 8, 9, 8, 15) });
    app.dailyTick();
    expect(rt.outbox.map((m) => [m.to.join(','), m.subject])).toEqual(cli.emails.map((e) => [e.to.join(','), e.subject]));
  });

  test("after the trigger's sends, a unit's code changed: neither `ispeed remind` nor the trigger sends that step again", async () => {
    const file = join(dir, 'sent.xlsx');
    expect((await run(['demo', file, '--today', '2024-08-09'])).code).toBe(0);
    const book = bookFromSpreadsheet(await readXlsx(file));
    book['Cấu hình'] = book['Cấu hình'].map((r) => (r[0] === 'Nhắc nhở tự động' ? [r[0], 'Có'] : r));
    const { rt, app } = boot(book, { now: fromLocal(2024, 8, 9, 8, 15) });
    app.dailyTick();
    const sent = rt.outbox.length;
    expect(sent).toBeGreaterThan(0);
    // the first unit emailed gets a new code in the directory; the log still names the old one
    const firstTo = rt.outbox[0].to[0];
    const directory = rt.spreadsheet.sheet(TAB.directory)!;
    const values = directory.getDataRange().getValues();
    const r = values.findIndex((row) => String(row[3]).includes(firstTo));
    expect(r).toBeGreaterThan(0);
    directory.getRange(r + 1, 1).setValue(`${values[r][0]}-MOI`);
    const out = join(dir, 'sent-recoded.xlsx');
    await writeXlsx(spreadsheetFromBook(bookFromSpreadsheet(rt.spreadsheet)), out); // the values, as an export holds them

    const cli = JSON.parse((await run(['remind', out, '--today', '2024-08-09', '--json'])).stdout) as PlanJson;
    expect(cli.emails).toEqual([]);
    rt.setNow(fromLocal(2024, 8, 9, 15, 0));
    app.dailyTick();
    expect(rt.outbox).toHaveLength(sent);
  });
});
