// Boots the BUILT bundle (dist/Code.js) in the local runtime over a workbook: what every bundle test starts from.
import { createRuntime, loadBundle, type Runtime, type Sandbox } from '../../src/local/runtime';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { fromLocal } from '../../src/core/periods';
import type { Workbook } from '../../src/core/types';

export interface Booted {
  rt: Runtime;
  app: Sandbox;
}

export function boot(book: Workbook, opts: { now?: Date; mailQuota?: number; setup?: boolean } = {}): Booted {
  const rt = createRuntime({
    spreadsheet: spreadsheetFromBook(book),
    now: opts.now ?? fromLocal(2024, 8, 20, 9, 0),
    mailQuota: opts.mailQuota,
  });
  const app = loadBundle(rt);
  if (opts.setup !== false) app.menuSetup();
  rt.resetCalls();
  return { rt, app };
}

/** Every cell value of a tab (uncounted), for before/after comparisons. */
export function cells(rt: Runtime, tab: string): unknown[][] {
  const sheet = rt.spreadsheet.sheet(tab)!;
  const out: unknown[][] = [];
  for (let r = 0; r < sheet.maxRows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < sheet.maxColumns; c++) {
      const v = sheet.values.get(r, c);
      row.push(v instanceof Date ? v.toISOString() : (v ?? ''));
    }
    out.push(row);
  }
  while (out.length && out[out.length - 1].every((v) => v === '')) out.pop();
  return out;
}
