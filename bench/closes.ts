// `node scripts/run-ts.mjs bench/closes.ts [0|1|2]`: the report before and after its workbook's periods closed, and the
// quiet daily run once they have (the benchmark's `report` runs after they closed, as in production). Measured as the
// benchmark measures, on the workbook of SIZES[i] (default 2, 100,000 rows): after setup and a full check, the report
// of the last period; then the daily run that closes every period due (all at once, form by form); the report again,
// with the close store (src/core/closeStore.ts) and without it (the closed tab and every row read whole); the
// next day's quiet daily run. For information: the targets are judged on the benchmark's lines.
import { SIZES, OPERATIONS, measureReport, runSize } from './workloads';
import { billedCalls, spreadsheetCalls, type Run } from './model';
import { CLOSE_STORE_KEY } from '../src/core/closeStore';
import { PERIOD_TAB } from '../src/core/text/period';

const size = SIZES[Number(process.argv[2] ?? 2)] ?? SIZES[2];
const { bench: b } = runSize(size, ['setup']);
b.app.menuCheckAll();
const show = (label: string, r: Run) =>
  console.log(
    `${label}: ${spreadsheetCalls(r.m.calls)} sheet calls, ${billedCalls(r.m.calls)} billed, ${r.m.cells.toLocaleString('en-US')} cells ` +
      `(closed tab ${(r.x.readsByTab[PERIOD_TAB.closed] ?? 0).toLocaleString('en-US')} reads), ${r.m.cpuMs} ms CPU, ` +
      `estimated ${r.m.estimatedMs.toLocaleString('en-US')} ms`,
  );
const report = () => measureReport(b);

console.log(`${size.label}: ${b.rows.toLocaleString('en-US')} rows; report of ${b.lastPeriod}, all forms`);
show('report, nothing closed yet', report());
show('daily run closing every period due', OPERATIONS.remind(b));
const closed = b.rt.spreadsheet.sheet(PERIOD_TAB.closed);
console.log(`closed tab: ${closed?.maxRows ?? 0} rows x ${closed?.maxColumns ?? 0} columns`);
show('report, with the close store', report());
const store = new Map(b.rt.state.properties.document);
b.rt.state.properties.document.delete(CLOSE_STORE_KEY);
show('report, without it (the closed tab read whole)', report());
for (const [k, v] of store) b.rt.state.properties.document.set(k, v);
show('quiet daily run the day after', OPERATIONS.daily(b));
