// `node scripts/run-ts.mjs bench/pastes.ts [0|1|2]`: pastes heavier than the benchmark's `edit_paste` (whose 500 rows
// change only a note each), measured as the benchmark measures, on the workbook of SIZES[i] (default 2, 100,000 rows)
// after setup and a full check. For information: the targets are judged on `edit_paste`.
import { SIZES, measure, rowsOf, runSize } from './workloads';
import { billedCalls, spreadsheetCalls, type Run } from './model';
import { formById } from '../src/core/forms/schema';
import type { CellValue } from '../src/core/types';

const size = SIZES[Number(process.argv[2] ?? 2)] ?? SIZES[2];
const { bench } = runSize(size, ['setup']);
bench.app.menuCheckAll();
const form = formById('03');
const tab = form.tab;
const col = (key: string) => form.columns.findIndex((c) => c.key === key);
const n = bench.book[tab].length - 1;
const count = Math.min(500, n);
const rows = (change: (line: CellValue[]) => void) =>
  rowsOf(bench, tab, 2, 1 + count, col('submitted_at')).map((line) => {
    const copy = line.slice();
    change(copy);
    return copy;
  });
const show = (label: string, r: Run) =>
  console.log(
    `${label}: ${spreadsheetCalls(r.m.calls)} sheet calls, ${billedCalls(r.m.calls)} billed, ${r.m.cells.toLocaleString('en-US')} cells, ` +
      `${r.m.cpuMs} ms CPU, estimated ${r.m.estimatedMs.toLocaleString('en-US')} ms`,
  );

console.log(`${size.label}: ${bench.rows.toLocaleString('en-US')} rows; ${count} rows of ${tab} per paste`);
// A figure changed in every row: validity and statuses as they were, some marks (the history's warnings) not.
const figure = col('portal_posts');
show(
  'a figure changed in each row',
  measure(bench, 'edit_paste', () =>
    bench.rt.edit(
      bench.app,
      tab,
      2,
      1,
      rows((line) => {
        if (typeof line[figure] === 'number') line[figure] = line[figure] + 1;
      }),
    ),
  ),
);
// The same rows pasted again below the last one: every unit gets a duplicate, so marks and statuses change.
const sheet = bench.rt.spreadsheet.sheet(tab)!;
sheet.maxRows = Math.max(sheet.maxRows, n + 2 + count); // Sheets grows the grid for a paste
show(
  'the rows pasted again below the last row (duplicates)',
  measure(bench, 'edit_paste', () =>
    bench.rt.edit(
      bench.app,
      tab,
      n + 2,
      1,
      rows(() => {}),
    ),
  ),
);
