// The status tab `Tình hình báo cáo`: rebuilt by the daily run in one write, one form's rows rewritten by an edit.
import type { Validation } from '../core/model';
import type { FormSpec } from '../core/forms/schema';
import { dayOf } from '../core/periods';
import { statusCells, statusHeader, statusTab, type StatusTab } from '../core/status';
import { PERIOD_TAB, STATUS_CELL, STATUS_COLOUR } from '../core/text/period';
import type { CellValue } from '../core/types';
import { findSheet, readSnapshot, type Snapshot } from './book';
import { protectAdminTabs } from './setup';
import { validateWorkbook } from '../core/validate';
import { fingerprint } from '../core/journal';
import type { OwnedValues } from './annotate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property: the rows and columns the tab was last built with, so an edit knows its row is where it thinks. */
const SHAPE_KEY = 'statusTabShape';

function shapeOf(tab: StatusTab): string {
  return fingerprint(JSON.stringify([tab.periods, tab.rows.map((r) => `${r.form}|${r.code}`)]));
}

/** The script-owned tab, created (and protected like the admin tabs) when missing. */
function ensureSheet(ss: Spreadsheet, v: Validation, name: string): Sheet {
  const found = findSheet(ss, name);
  if (found) return found;
  const sheet = ss.insertSheet(name);
  protectAdminTabs(v.settings, [sheet]);
  return sheet;
}

/** Grows the sheet to hold rows x cols (a sheet starts at 1,000 x 26). */
function fit(sheet: Sheet, rows: number, cols: number): void {
  const maxR = sheet.getMaxRows(),
    maxC = sheet.getMaxColumns();
  if (rows > maxR) sheet.insertRowsAfter(maxR, rows - maxR);
  if (cols > maxC) sheet.insertColumnsAfter(maxC, cols - maxC);
}

/** Rich text cells (always text, never a formula), the unit's name linking to its rows; one builder serves all. */
function richRows(rows: { texts: readonly string[]; link?: string }[], width: number): GoogleAppsScript.Spreadsheet.RichTextValue[][] {
  const b = SpreadsheetApp.newRichTextValue();
  return rows.map((r) => {
    const out: GoogleAppsScript.Spreadsheet.RichTextValue[] = [];
    for (let c = 0; c < width; c++) {
      const text = r.texts[c] ?? '';
      const link = c === 2 && r.link && text ? r.link : null;
      out.push(b.setText(text).setLinkUrl(link).build());
    }
    return out;
  });
}

/** The whole tab from the workbook just read: cleared, then its values and its colours, one call each. */
export function rebuildStatusTab(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): void {
  const gids: Record<string, number> = {};
  for (const f of v.forms) {
    const s = snap.sheets[f.tab];
    if (s) gids[f.tab] = s.getSheetId();
  }
  const tab = statusTab(v, dayOf(now), gids);
  const header = statusHeader(tab);
  const width = header.length;
  const body = tab.rows.map((r) => ({ ...statusCells(r), link: r.link }));
  const sheet = ensureSheet(ss, v, PERIOD_TAB.status);
  sheet.clear();
  fit(sheet, body.length + 1, width);
  const range = sheet.getRange(1, 1, body.length + 1, width);
  range.setRichTextValues(richRows([{ texts: header }, ...body], width));
  range.setBackgrounds([header.map(() => '#cfe2f3'), ...body.map((r) => r.colours)]);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  const props = PropertiesService.getDocumentProperties(),
    shape = shapeOf(tab);
  if (props.getProperty(SHAPE_KEY) !== shape) props.setProperty(SHAPE_KEY, shape);
}

/**
 * After an edit of `form`'s tab: the rows of the status tab of the units the edit touched, in one write of statuses
 * and one of colours: one unit's row, or (several units) the span from the first to the last, its other rows as read.
 * `units`: those units (their rows are all in `checked`); undefined: the units of the edited rows; null: every row
 * of the form (`checked` then holds the whole tab). A missing tab or a changed shape (a new month, a new unit): rebuilt.
 */
export function refreshStatusRows(
  ss: Spreadsheet,
  checked: Validation,
  form: FormSpec,
  now: Date,
  owned?: Map<number, OwnedValues>,
  units?: ReadonlySet<string> | null,
): void {
  // The rows as the edit just stamped them (a row that became valid now has its submission time).
  const v: Validation = !owned
    ? checked
    : {
        ...checked,
        rows: checked.rows.map((r) => {
          const o = r.sheet === form.tab ? owned.get(r.row) : undefined;
          return o && o.submittedAt !== undefined ? { ...r, submittedAt: o.submittedAt === '' ? null : o.submittedAt } : r;
        }),
      };
  const tab = statusTab(v, dayOf(now), {}, { form: form.id, codes: units ?? undefined });
  const sheet = findSheet(ss, PERIOD_TAB.status);
  if (!sheet || PropertiesService.getDocumentProperties().getProperty(SHAPE_KEY) !== shapeOf(tab)) {
    const snap = readSnapshot(ss);
    rebuildStatusTab(ss, now, snap, validateWorkbook(snap.book, now));
    return;
  }
  const edited =
    units ?? new Set(v.rows.filter((r) => r.sheet === form.tab && r.unitCode !== null && owned?.has(r.row)).map((r) => r.unitCode!));
  const wanted = (r: StatusTab['rows'][number]) => r.form === form.id && (units === null || edited.has(r.code));
  const runs: [number, number][] = [];
  tab.rows.forEach((r, i) => {
    if (!wanted(r)) return;
    const run = runs[runs.length - 1];
    if (run && run[1] === i - 1) run[1] = i;
    else runs.push([i, i]);
  });
  if (!runs.length || !tab.periods.length) return;
  const width = tab.periods.length;
  const write = (from: number, to: number, keep?: CellValue[][]) => {
    const cells = tab.rows.slice(from, to + 1).map((r, i) => {
      const c = statusCells(r);
      if (!keep || wanted(r)) return { texts: c.texts.slice(3), colours: c.colours.slice(3) };
      const texts = (keep[i] ?? []).map((x) => String(x ?? ''));
      return { texts, colours: texts.map((t) => STATUS_COLOUR_OF.get(t) ?? null) };
    });
    const range = sheet.getRange(from + 2, 4, cells.length, width);
    range.setRichTextValues(richRows(cells, width));
    range.setBackgrounds(cells.map((c) => c.colours));
  };
  if (runs.length === 1 && runs[0][0] === runs[0][1]) write(runs[0][0], runs[0][1]);
  else {
    const from = runs[0][0],
      to = runs[runs.length - 1][1];
    write(from, to, sheet.getRange(from + 2, 4, to - from + 1, width).getValues() as CellValue[][]);
  }
}

/** A status text back to its colour (the rows an edit rewrites as they were read). */
const STATUS_COLOUR_OF = new Map(
  (Object.keys(STATUS_CELL) as (keyof typeof STATUS_CELL)[]).map((k) => [STATUS_CELL[k], STATUS_COLOUR[k]] as const),
);
