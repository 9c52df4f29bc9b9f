// `ispeed report … --samples FILE.xlsx|.csv`: VNNIC's table from a file instead of the `Dữ liệu i-Speed` tab.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import Papa from 'papaparse';
import type { Grid } from '../../core/types';
import type { Validation } from '../../core/model';
import { TAB } from '../../core/forms/schema';
import { findTab } from '../../core/forms/book';
import { readMeasured, type MeasuredTable } from '../../core/measured';
import { isBlank } from '../../core/cells';
import { MEASURED_CLI } from '../../core/text/measured';
import { readWorkbookValues } from '../xlsx';
import { UsageError } from './args';
import { println, type CliIo } from './io';

/** The CSV's delimiter is the one under which the VNNIC header row is found (`;` first: decimal commas are common). */
export function parseSamplesCsv(text: string): Grid {
  const body = text.replace(/^\uFEFF/, '');
  let best: Grid = [];
  for (const delimiter of [';', ',', '\t']) {
    const grid = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data as Grid;
    if (readMeasured(grid, [], [], '').layout.headerRow) return grid;
    if (!best.length) best = grid;
  }
  return best;
}

/** The table of an .xlsx: its `Dữ liệu i-Speed` tab by the tab-name rule, else its first sheet. */
async function xlsxGrid(path: string): Promise<Grid> {
  const book = await readWorkbookValues(path);
  const names = Object.keys(book);
  return book[findTab(names, TAB.measured) ?? names[0]] ?? [];
}

/** Refuses a samples file that is missing or neither .xlsx nor .csv, before any work. */
export function checkSamplesFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(MEASURED_CLI.notFound(path));
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(MEASURED_CLI.badType(path));
}

async function readSamplesFile(path: string): Promise<Grid> {
  checkSamplesFile(path);
  const ext = extname(path).toLowerCase();
  try {
    return ext === '.csv' ? parseSamplesCsv(readFileSync(path, 'utf8')) : await xlsxGrid(path);
  } catch (err) {
    throw new UsageError(MEASURED_CLI.unreadable(path, (err instanceof Error ? err.message : String(err)).split('\n')[0]));
  }
}

/**
 * The samples file, read before any work and refused (exit 2) when nothing in it could count: unreadable, blank, or
 * without VNNIC's header row or month. Its row problems are the report's to say (useSamples).
 */
export async function loadSamplesFile(path: string): Promise<Grid> {
  const grid = await readSamplesFile(path);
  if (grid.every((r) => (r ?? []).every((v) => isBlank(v)))) throw new UsageError(MEASURED_CLI.empty(path));
  // The table's shape needs no units: read against none, only its table-level problems are looked at.
  const whole = readMeasured(grid, [], [], '', path).problems.find((p) => p.code === 'missing_column');
  if (whole) throw new UsageError(MEASURED_CLI.unusable(path, whole.row, whole.message));
  return grid;
}

/** Matches the file's table against the workbook's units, puts it in place of the tab, and says its problems on stderr. */
export function useSamples(grid: Grid, path: string, v: Validation, io: CliIo): MeasuredTable {
  const table = readMeasured(grid, v.units, v.forms, v.settings.place, path);
  v.measured = table;
  const errors = table.problems.filter((p) => p.severity === 'error').length;
  if (table.problems.length) {
    println(io.stderr, MEASURED_CLI.problems(path, errors, table.problems.length - errors));
    for (const p of table.problems) println(io.stderr, MEASURED_CLI.problem(p.severity, p.row, p.column, p.message));
  }
  return table;
}
