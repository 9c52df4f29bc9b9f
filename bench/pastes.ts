// `node scripts/run-ts.mjs bench/pastes.ts [0|1|2]`: pastes heavier than the benchmark's `edit_paste` (whose 500 rows
// change only a note each), measured as the benchmark measures, on the workbook of SIZES[i] (default 2, 100,000 rows)
// after setup and a full check. For information: the targets are judged on `edit_paste`.
import { SIZES, measure, rowsOf, runSize, type Bench } from './workloads';
import { billedCalls, spreadsheetCalls, type Run } from './model';
import { formById } from '../src/core/forms/schema';
import type { CellValue } from '../src/core/types';

const size = SIZES[Number(process.argv[2] ?? 2)] ?? SIZES[2];
const form = formById('03');
const tab = form.tab;
const col = (key: string) => form.columns.findIndex((c) => c.key === key);
const show = (label: string, r: Run) => {
  console.log(
    `${label}: ${spreadsheetCalls(r.m.calls)} sheet calls, ${billedCalls(r.m.calls)} billed, ${r.m.cells.toLocaleString('en-US')} cells, ` +
      `${r.m.cpuMs} ms CPU, estimated ${r.m.estimatedMs.toLocaleString('en-US')} ms`,
  );
  if (process.env.PASTES_DETAIL) console.log(JSON.stringify({ calls: r.m.calls, reads: r.x.readsByTab, writes: r.x.writesByTab }));
};

/** A paste on its own fresh workbook (after setup and a full check): `block(bench, n)` gives the first row and the rows. */
function paste(label: string, block: (bench: Bench, n: number, count: number) => { first: number; rows: CellValue[][] }) {
  const { bench } = runSize(size, ['setup']);
  bench.app.menuCheckAll();
  const n = bench.book[tab].length - 1;
  const count = Math.min(500, n);
  const { first, rows } = block(bench, n, count);
  const sheet = bench.rt.spreadsheet.sheet(tab)!;
  sheet.maxRows = Math.max(sheet.maxRows, first + rows.length); // Sheets grows the grid for a paste
  if (label.startsWith('a figure'))
    console.log(`${size.label}: ${bench.rows.toLocaleString('en-US')} rows; ${count} rows of ${tab} per paste`);
  show(
    label,
    measure(bench, 'edit_paste', () => bench.rt.edit(bench.app, tab, first, 1, rows)),
  );
}
const copied = (bench: Bench, first: number, count: number, change: (line: CellValue[]) => void = () => {}) =>
  rowsOf(bench, tab, first, first + count - 1, col('submitted_at')).map((line) => {
    const copy = line.slice();
    change(copy);
    return copy;
  });

// A figure changed in every row: validity and statuses as they were, some marks (the history's warnings) not.
const figure = col('portal_posts');
paste('a figure changed in each row', (bench, _n, count) => ({
  first: 2,
  rows: copied(bench, 2, count, (line) => {
    if (typeof line[figure] === 'number') line[figure] = line[figure] + 1;
  }),
}));
// The usual paste of a new month: the last month's rows, their period the next month, below the last row.
const period = col('period');
paste('a new month pasted below the last row', (bench, n, count) => {
  const [m, y] = bench.lastPeriod.split('/').map(Number);
  const next = m === 12 ? `01/${y + 1}` : `${String(m + 1).padStart(2, '0')}/${y}`;
  return { first: n + 2, rows: copied(bench, n + 2 - count, count, (line) => (line[period] = next)) };
});
// The first rows pasted again below the last one: every unit gets a duplicate, so marks and statuses change.
paste('the rows pasted again below the last row (duplicates)', (bench, n, count) => ({ first: n + 2, rows: copied(bench, 2, count) }));
