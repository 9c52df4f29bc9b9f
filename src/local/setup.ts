// `ispeed setup`: the real setup of the built bundle, run in the local runtime on a new workbook.
import { TAB } from '../core/forms/schema';
import type { Grid } from '../core/types';
import { createRuntime, loadBundle, type MemSpreadsheet } from './runtime';
import { spreadsheetFromBook } from './workbook';

/** A workbook with every tab, header, rule and protection setup makes; the directory filled from `units` if given. */
export function setupWorkbook(units?: Grid, now: Date = new Date(), codePath?: string): MemSpreadsheet {
  const ss = spreadsheetFromBook(units?.length ? { [TAB.directory]: units } : {});
  const rt = createRuntime({ spreadsheet: ss, now });
  const app = loadBundle(rt, codePath);
  app.menuSetup();
  return ss;
}
