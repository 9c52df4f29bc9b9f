// The status tab `Tình hình báo cáo`: rebuilt by the daily run in one write, one form's rows rewritten by an edit.
import type { Validation } from '../core/model';
import type { FormSpec } from '../core/forms/schema';
import { dayOf } from '../core/periods';
import { statusCells, statusHeader, statusTab, type StatusTab } from '../core/status';
import { PERIOD_TAB } from '../core/text/period';
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
function richRows(rows: { texts: string[]; link?: string }[], width: number): GoogleAppsScript.Spreadsheet.RichTextValue[][] {
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
 * After an edit of `form`'s tab: the edited units' rows of the status tab (from the first to the last of them), in one
 * write of statuses and one of colours; every row of the form when the edit changed which unit or period a row is
 * (`whole`: the unit it was is not known). A missing tab or a changed shape (a new month, a new unit): rebuilt.
 */
export function refreshStatusRows(
  ss: Spreadsheet,
  checked: Validation,
  form: FormSpec,
  now: Date,
  owned?: Map<number, OwnedValues>,
  whole = true,
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
  const tab = statusTab(v, dayOf(now), {}, { form: form.id });
  const sheet = findSheet(ss, PERIOD_TAB.status);
  if (!sheet || PropertiesService.getDocumentProperties().getProperty(SHAPE_KEY) !== shapeOf(tab)) {
    const snap = readSnapshot(ss);
    rebuildStatusTab(ss, now, snap, validateWorkbook(snap.book, now));
    return;
  }
  const edited = new Set(v.rows.filter((r) => r.sheet === form.tab && r.unitCode !== null && owned?.has(r.row)).map((r) => r.unitCode!));
  const wanted = (r: StatusTab['rows'][number]) => r.form === form.id && (whole || !owned || edited.has(r.code));
  const first = tab.rows.findIndex(wanted);
  if (first < 0 || !tab.periods.length) return;
  let last = first;
  tab.rows.forEach((r, i) => {
    if (wanted(r)) last = i;
  });
  const rows = tab.rows.slice(first, last + 1).map(statusCells);
  const range = sheet.getRange(first + 2, 4, rows.length, tab.periods.length);
  range.setRichTextValues(
    richRows(
      rows.map((r) => ({ texts: r.texts.slice(3) })),
      tab.periods.length,
    ),
  );
  range.setBackgrounds(rows.map((r) => r.colours.slice(3)));
}
