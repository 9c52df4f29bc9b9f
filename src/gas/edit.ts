// The installable edit trigger: checks the rows an edit touched (one cell or a pasted block: ONE event).
// With the edit index (src/core/rowIndex.ts, kept in the document cache by src/gas/editMemo.ts) it reads the header,
// the edited rows and its units' entries, whatever the tab's size; without it, or when the index disagrees with the
// sheet (rows sorted, inserted or deleted since), it reads the whole tab and builds the index again.
import { TAB, type FormSpec } from '../core/forms/schema';
import { formOfTab, formsOf, tabKey } from '../core/forms/book';
import { validateWorkbook } from '../core/validate';
import { rowMarks } from '../core/marks';
import { firstDataRow } from '../core/layout';
import { editStamps } from '../core/stamp';
import { bucketOf, cellKey, closedOf, duplicatePartners, headDigest, indexRow, type IndexedRow, type UnitEntry } from '../core/rowIndex';
import type { TabLayout, Validation } from '../core/model';
import { readSnapshot } from './book';
import { applyDefinitions } from './setup';
import { annotateRows, type OwnedValues } from './annotate';
import { checkAll } from './check';
import { checkMeasuredTab } from './measured';
import { DEDUPE_SECONDS, deliveredTwice, editFacts, journaled, journalEdit, keepJournaled, triggerOf, sheetFacts } from './journal';
import { rebuildStatusTab, refreshStatusRows, STATUS_SHAPE_KEY } from './statusTab';
import { PERIOD_TAB } from '../core/text/period';
import { allBlank, editKey, removedText } from '../core/journal';
import type { CellValue, Grid, Month, Workbook } from '../core/types';
import { a1Of } from '../core/a1';
import {
  bucketKey,
  bucketKeys,
  bucketWrites,
  documentCache,
  firstKeys,
  forgetIndexes,
  fromBucketRead,
  indexKey,
  fromFirstRead,
  KEEP_ALIVE_MS,
  MEMO_SECONDS,
  PREFETCHED_BUCKETS,
  CONTEXT_HEAD_KEY,
  contextPieces,
  rememberContext,
  rememberIndex,
  rowBucket,
  setRowBuckets,
  type EditContext,
  type StoredMeta,
} from './editMemo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Cache = GoogleAppsScript.Cache.Cache;
interface Box {
  a1: string;
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** A column's letters (A, Z, AA…) as its 1-based number. */
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The corners an edit event's range carries as properties (Tanaike, "Benchmark: Event Objects for Google Apps Script"). */
interface EventCorners {
  rowStart?: unknown;
  columnStart?: unknown;
  rowEnd?: unknown;
  columnEnd?: unknown;
}
const whole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1;

/**
 * The edited block's corners: from the event range's own properties when it has them (no call), else from one
 * getA1Notation call (not four); a whole-row or whole-column A1 asks the range.
 */
export function rangeBox(range: GoogleAppsScript.Spreadsheet.Range): Box {
  const c = range as unknown as EventCorners;
  if (
    whole(c.rowStart) &&
    whole(c.columnStart) &&
    whole(c.rowEnd) &&
    whole(c.columnEnd) &&
    c.rowEnd >= c.rowStart &&
    c.columnEnd >= c.columnStart
  )
    return {
      a1: a1Of(c.rowStart, c.columnStart, c.rowEnd, c.columnEnd),
      row: c.rowStart,
      col: c.columnStart,
      lastRow: c.rowEnd,
      lastCol: c.columnEnd,
    };
  const a1 = range.getA1Notation();
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) return { a1, row: range.getRow(), col: range.getColumn(), lastRow: range.getLastRow(), lastCol: range.getLastColumn() };
  const col = colNumber(m[1]),
    row = Number(m[2]);
  return { a1, row, col, lastRow: m[4] ? Number(m[4]) : row, lastCol: m[3] ? colNumber(m[3]) : col };
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const ss = e.source;
  const now = new Date();
  const box = rangeBox(range);
  const facts = (first?: () => CellValue[][]) =>
    editFacts(e, name, box.a1, box.lastRow - box.row + 1, box.lastCol - box.col + 1, now, first);
  // A single cell's journal facts need nothing but the event: its key comes with the first cache read (no call).
  const soleFacts = box.row === box.lastRow && box.col === box.lastCol ? facts() : undefined;
  const soleKey = soleFacts ? editKey(soleFacts) : undefined;
  const cache = documentCache();
  const got = readFirst(cache, name, soleKey);
  const { context, meta } = fromFirstRead(got, name);
  const forms = context?.forms ?? formsOf(readSnapshot(ss, [TAB.formList, TAB.formColumns]).book);
  const form = formOfTab(forms.forms, name);
  const uid = triggerOf(e);
  const sole =
    soleFacts && soleKey ? { facts: soleFacts, key: soleKey, seen: cache ? deliveredTwice(got[soleKey], uid) : undefined } : undefined;

  if (!form) {
    if (journaled(forms.forms, name)) journalEdit(ss, sole?.facts ?? facts(), cache, uid, sole?.seen);
    // The directory, the settings and the form definitions change what every row means: check everything again.
    if ([TAB.directory, TAB.settings].some((t) => tabKey(t) === tabKey(name))) {
      const snap = readSnapshot(ss);
      // The status tab's rows are the directory's units: rebuilt with the check, so the next edit finds its shape.
      rebuildStatusTab(ss, now, snap, checkAll(ss, now, snap, undefined, undefined, true));
    } else if ([TAB.formList, TAB.formColumns].some((t) => tabKey(t) === tabKey(name))) applyDefinitions(ss);
    else if (tabKey(TAB.measured) === tabKey(name)) checkMeasuredTab(ss);
    return;
  }
  const edit: Edit = {
    e,
    ss,
    sheet,
    name,
    form,
    box,
    now,
    cache,
    shape: got[STATUS_SHAPE_KEY] ?? null,
    first: got,
    facts,
    sole,
  };
  if (context && meta && cache && indexedEdit(edit, context, meta)) return;
  wholeTabEdit(edit, context);
}

/** Everything one edit works with. */
interface Edit {
  e: GoogleAppsScript.Events.SheetsOnEdit;
  ss: Spreadsheet;
  sheet: Sheet;
  name: string;
  form: FormSpec;
  box: Box;
  now: Date;
  cache: Cache | null;
  /** The status tab's shape as the last rebuild stored it (from the same first cache read), null when unknown. */
  shape: string | null;
  /** The first cache read as it came (the context, the meta, the first buckets). */
  first: Record<string, string>;
  facts: (first?: () => CellValue[][]) => ReturnType<typeof editFacts>;
  /**
   * A single cell's journal facts and key, the key asked by the first cache read (a block's depends on its cells, read
   * later); `seen`: that read found it (a first delivery journaled the event), undefined without a cache.
   */
  sole?: { facts: ReturnType<typeof editFacts>; key: string; seen?: boolean };
}

function readFirst(cache: Cache | null, tab: string, journalKey?: string): Record<string, string> {
  try {
    const buckets = bucketKeys(
      tab,
      Array.from({ length: PREFETCHED_BUCKETS }, (_, i) => i),
    );
    const more = journalKey ? [STATUS_SHAPE_KEY, journalKey, ...buckets] : [STATUS_SHAPE_KEY, ...buckets];
    return cache ? (cache.getAll(firstKeys(tab, more)) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The rows first..last of the edited block that hold data (from `dataRow`, the tab's first data row: below the header
 * and its column-number row), or null when there are none.
 */
function dataRows(box: Box, dataRow: number, lastRow: number): { first: number; last: number } | null {
  const first = Math.max(box.row, dataRow),
    last = Math.min(box.lastRow, lastRow);
  return last < first ? null : { first, last };
}

/** The edit with its units' entries from the index: false (before any write) when the index cannot be trusted. */
function indexedEdit(edit: Edit, context: EditContext, meta: StoredMeta): boolean {
  const { sheet, name, form, box, now, cache } = edit;
  const width = meta.width;
  if (box.row <= meta.headerRow) return false; // the header: read it all
  // Cells past the tab's columns are read with the block: a value there is a new column (read it all); a block left
  // empty there (a row's cells selected and cleared, A18:W18 on a tab of 21 columns) takes the index.
  const wide = box.lastCol > width;
  let head: Grid;
  try {
    head = sheet.getSheetValues(1, 1, meta.headerRow, width) as Grid;
  } catch {
    return false; // columns deleted since: the sheet is narrower than the index knew it (the read is refused)
  }
  if (headDigest(head, meta.headerRow, width) !== meta.head) return false;
  const lastRow = sheet.getLastRow();
  // Rows inserted or deleted elsewhere move the rows the index knows; rows the edit itself added or cleared do not.
  const lo = Math.min(lastRow, meta.lastRow),
    hi = Math.max(lastRow, meta.lastRow);
  if (lastRow !== meta.lastRow && !(box.row <= lo + 1 && box.lastRow >= hi)) return false;
  const rows = dataRows(box, meta.headerRow + 1, lastRow);
  if (!rows) return false;
  const { first, last } = rows;
  const n = last - first + 1;
  let blockRange = sheet.getRange(first, 1, n, wide ? box.lastCol : width);
  const block = blockRange.getValues() as Grid;
  if (wide) {
    // (The check reads a row by its columns: the empty cells after them change nothing.)
    if (!allBlank(block, width, box.lastCol - width)) return false; // a new column: read it all
    blockRange = sheet.getRange(first, 1, n, width);
  }
  const grid: Grid = head.slice();
  for (let i = 0; i < n; i++) grid[first - 1 + i] = block[i];
  const book: Workbook = { [TAB.directory]: context.directory, [TAB.settings]: context.settings, [name]: grid };

  // First the edited rows alone, for their units; then with the units' other rows from the index.
  const alone = validateWorkbook(book, now, context.forms, { rows: {}, closed: [] });
  const layout = alone.layouts[form.tab];
  if (!layout?.headerRow || layout.headerRow !== meta.headerRow) return false;
  // The column-number row under the header edited (layout.ts isColumnNumbers): part of the header, read it all.
  if (first < firstDataRow(layout)) return false;
  const unitCol = layout.columns.unit,
    periodCol = layout.columns.period;
  const touched = touchedKeys(layout.columns, box);
  // The edited rows' entries now (their units, months and identities: the check among other rows changes none of those).
  const edited: IndexedRow[] = [];
  for (const r of alone.rows) if (r.sheet === form.tab) edited.push(indexRow(form, alone, r, grid[r.row - 1]));
  const fresh = new Map<number, string>(edited.map((e) => [e.r, e.k])); // row -> its unit key now
  const wanted = new Set<number>();
  for (let r = first; r <= last; r++) {
    const b = rowBucket(meta, r);
    if (b >= 0) wanted.add(b);
  }
  for (const k of fresh.values()) wanted.add(bucketOf(k, meta.buckets));
  const facts = sheetFacts(edit, grid, box, periodCol);
  const journalKey = edit.sole?.key ?? editKey(facts);
  // The buckets the first cache read brought along (a small tab's all), then the others in one more read.
  const got: Record<string, string> = {};
  const missing: number[] = [];
  for (const b of wanted) {
    const key = bucketKey(form.tab, b);
    if (edit.first[key]) got[key] = edit.first[key];
    else missing.push(b);
  }
  try {
    if (missing.length) Object.assign(got, cache!.getAll(bucketKeys(form.tab, missing)));
  } catch {
    return false;
  }
  const buckets = fromBucketRead(got, form, meta, wanted);
  if (!buckets) return false;

  // The rows the index had where the edit is: they must still be what the index says, unless the edit changed them.
  const old = new Map<number, { key: string; bucket: number }>();
  for (const [b, units] of buckets)
    for (const [key, u] of Object.entries(units))
      for (const r of u.rows) if (r.r >= first && r.r <= last && rowBucket(meta, r.r) === b) old.set(r.r, { key, bucket: b });
  for (let r = first; r <= last; r++) {
    const had = old.get(r);
    const cells = grid[r - 1] ?? [];
    if (rowBucket(meta, r) >= 0 && !had) return false; // the map and the buckets disagree
    if (!had) continue;
    const entry = buckets.get(had.bucket)![had.key].rows.find((x) => x.r === r)!;
    if (!touched.includes('unit') && entry.t !== cellKey(cells[unitCol])) return false;
    if (periodCol !== undefined && !touched.includes('period') && entry.p !== cellKey(cells[periodCol])) return false;
  }

  // The check of the edited rows among their units' other rows and closed figures. The rules across rows (duplicates,
  // history, closed figures) look only at a row's own unit: the edited units' entries are all the check needs.
  const keys = new Set<string>([...fresh.values(), ...Array.from(old.values(), (o) => o.key)]);
  const entries: UnitEntry[] = [];
  const others: UnitEntry['rows'] = [];
  for (const key of keys) {
    const u = buckets.get(bucketOf(key, meta.buckets))?.[key];
    if (!u) continue;
    entries.push(u);
    for (const r of u.rows) if (r.r < first || r.r > last) others.push(r);
  }
  if (others.some((r) => r.r > lastRow)) return false; // another unit's rows past the last row: the index is stale

  // The index as it was where the edit is: the edited rows' entries before it.
  const before = new Map<number, IndexedRow>();
  for (const [r, o] of old) {
    const entry = buckets.get(o.bucket)?.[o.key]?.rows.find((x) => x.r === r);
    if (entry) before.set(r, entry);
  }
  // The rows in a duplicate group with an edited row, before or after the edit, are read too: their marks name it.
  const partnerRows = duplicatePartners(form, others, [...edited, ...before.values()]);
  let partners: PartnerRun[] = [];
  if (partnerRows.length) {
    try {
      partners = readPartners(sheet, partnerRows, width);
    } catch {
      return false;
    }
    const byRow = new Map(others.map((o) => [o.r, o]));
    for (const run of partners)
      for (let i = 0; i < run.values.length; i++) {
        const r = run.first + i,
          cells = run.values[i],
          o = byRow.get(r)!;
        if (o.t !== cellKey(cells[unitCol]) || (periodCol !== undefined && o.p !== cellKey(cells[periodCol]))) return false;
        grid[r - 1] = cells;
      }
  }
  const read = new Set(partnerRows);
  const known = read.size ? others.filter((o) => !read.has(o.r)) : others;
  const v = validateWorkbook(book, now, context.forms, { rows: { [form.tab]: known }, closed: closedOf(form, meta, entries) });

  const owned = annotateEdit(edit, v, grid, first, last, width, touched, blockRange);
  annotatePartners(sheet, v.layouts[form.tab], v, partners, grid, width);
  // A second delivery of this event (two edit triggers) finds its key in the meta, or alone: journaled once.
  const since = now.getTime() - DEDUPE_SECONDS * 1000;
  const recent = (meta.j ?? []).filter(([, at]) => at >= since);
  const uid = triggerOf(edit.e);
  const seen = recent.some(([k, , by]) => k === journalKey && deliveredTwice(by ?? '', uid)) || !!edit.sole?.seen;
  // A cleared block is journaled with what its rows held, as the index knew them before the edit.
  if (facts.cleared) facts.removed = removedText(before.values(), v.units);
  journalEdit(edit.ss, facts, null, uid, seen);
  const mapBefore = meta.map,
    lastRowBefore = meta.lastRow;

  // The index after the edit: the edited rows leave their old units' entries and join their new ones.
  const after = new Map<number, IndexedRow>();
  const changed = new Map<number, number>();
  for (const key of keys) {
    const b = bucketOf(key, meta.buckets);
    const units = buckets.get(b)!;
    const u = units[key];
    if (u) u.rows = u.rows.filter((r) => r.r < first || r.r > last);
  }
  for (let r = first; r <= last; r++) changed.set(r, -1);
  for (const row of v.rows) {
    if (row.sheet !== form.tab || row.row < first || row.row > last) continue;
    const entry = indexRow(form, v, row, grid[row.row - 1]);
    const o = owned.get(row.row);
    if (o && o.submittedAt !== undefined) entry.s = o.submittedAt === '' ? null : o.submittedAt.getTime();
    const b = bucketOf(entry.k, meta.buckets);
    const units = buckets.get(b)!;
    units[entry.k] ??= { rows: [], c: [] };
    units[entry.k].rows.push(entry);
    changed.set(row.row, b);
    after.set(row.row, entry);
  }
  setRowBuckets(meta, changed);
  meta.lastRow = lastRow;
  // Buckets whose entries the edit left as they were (a note retyped) are not written again.
  const dirty = new Set<number>();
  for (let r = first; r <= last; r++) {
    const a = after.get(r),
      b = before.get(r);
    if (a && b && sameEntry(a, b)) continue;
    if (b) dirty.add(bucketOf(b.k, meta.buckets));
    if (a) dirty.add(bucketOf(a.k, meta.buckets));
  }
  // Every few hours the index goes back whole, with the context and the status tab's shape (KEEP_ALIVE_MS).
  const renewal = now.getTime() - (meta.p ?? 0) > KEEP_ALIVE_MS ? renewalValues(edit, meta, buckets) : null;
  // An edit that left the index as it was (a name, a phone, a note retyped in one cell) writes no index: only its
  // journal key, alone, unless a first delivery did (one call instead of the re-read and the put).
  const unchanged = dirty.size === 0 && !renewal && meta.map === mapBefore && lastRow === lastRowBefore;
  if (unchanged && edit.sole) {
    if (!seen) keepJournaled(cache!, journalKey, uid);
  } else {
    meta.j = [...recent, [journalKey, now.getTime(), uid]];
    writeIndex(edit, meta, buckets, dirty, renewal);
  }
  // The status tab reads of each row only its unit, month, validity and stamp: when none of the edited rows changed
  // those (a name, a phone, a note retyped), its rows stay as they are (no call).
  if (sameStatusFacts(before, after)) return true;
  const units = new Set(Array.from(keys).filter((k) => !k.startsWith('?')));
  // Only the months of the edited rows, before and after the edit, can have changed.
  const months = new Set<Month>();
  for (const e of [...before.values(), ...after.values()]) if (e.m !== null) months.add(e.m);
  refreshStatusRows(edit.ss, v, form, now, owned, units, edit.shape, [...months]);
  return true;
}

/**
 * Puts the index after an edit: the buckets it changed and the meta (all of them, with the context, on a renewal).
 * Two edits at once would each write back the units they read: the one that finds the index changed since its first
 * read forgets it instead (the next edit reads the tab whole and builds it again). A renewal also finds the context as
 * it read it, or puts nothing (a directory edit may have just put a new one).
 */
function writeIndex(
  edit: Edit,
  meta: StoredMeta,
  buckets: Map<number, Record<string, UnitEntry>>,
  dirty: ReadonlySet<number>,
  renewal: Record<string, string> | null,
): void {
  const { form, now } = edit;
  const cache = edit.cache!;
  const version = meta.v ?? 0;
  meta.v = version + 1;
  if (renewal) meta.p = now.getTime();
  const values = bucketWrites(form, meta, buckets, renewal ? undefined : dirty);
  if (values && renewal) Object.assign(values, renewal);
  try {
    const key = indexKey(form.tab);
    const again = renewal ? (cache.getAll([key, CONTEXT_HEAD_KEY]) as Record<string, string>) : { [key]: cache.get(key) ?? '' };
    const now2 = fromFirstRead({ [key]: again[key] ?? '' }, form.tab).meta;
    const sameContext = !renewal || again[CONTEXT_HEAD_KEY] === edit.first[CONTEXT_HEAD_KEY];
    if (values && now2 && now2.b === meta.b && (now2.v ?? 0) === version && sameContext) cache.putAll(values, MEMO_SECONDS);
    else forgetIndexes(cache, [form.tab]);
  } catch {
    forgetIndexes(cache, [form.tab]);
  }
}

/**
 * What an edit puts besides its buckets to keep the whole index alive: the buckets it did not parse (as read: from the
 * first cache read, else one more), the context's pieces and the status tab's shape as the first read brought them.
 * Null when one of them is missing (the index then expires and is built again by the edit after).
 */
function renewalValues(edit: Edit, meta: StoredMeta, parsed: Map<number, unknown>): Record<string, string> | null {
  const context = contextPieces(edit.first);
  if (!context || !edit.cache) return null;
  const out: Record<string, string> = { ...context };
  if (edit.shape) out[STATUS_SHAPE_KEY] = edit.shape;
  const unread: string[] = [];
  for (let b = 0; b < meta.buckets; b++) {
    if (parsed.has(b)) continue;
    const key = bucketKey(edit.form.tab, b);
    if (edit.first[key]) out[key] = edit.first[key];
    else unread.push(key);
  }
  try {
    const got = unread.length ? (edit.cache.getAll(unread) as Record<string, string>) : {};
    for (const key of unread) {
      if (!got[key]) return null;
      out[key] = got[key];
    }
  } catch {
    return null;
  }
  return out;
}

/**
 * True when the rows after the edit are, for the status tab, the rows before it: the same rows, each with the same
 * unit, month, validity apart from duplicates, duplicate identity and stamp. Duplicates group by unit and month (or by
 * identity), so they are unchanged too.
 */
function sameStatusFacts(before: Map<number, IndexedRow>, after: Map<number, IndexedRow>): boolean {
  if (before.size !== after.size) return false;
  for (const [r, a] of after) {
    const b = before.get(r);
    if (!b || a.k !== b.k || a.m !== b.m || a.ok !== b.ok || a.s !== b.s || a.d !== b.d) return false;
  }
  return true;
}

/** The same index entry: row, unit, cells' digests, month, stamp, validity, figures and identity. */
function sameEntry(a: IndexedRow, b: IndexedRow): boolean {
  if (a.r !== b.r || a.k !== b.k || a.t !== b.t || a.p !== b.p || a.m !== b.m || a.s !== b.s || a.ok !== b.ok || a.d !== b.d) return false;
  const ka = Object.keys(a.v),
    kb = Object.keys(b.v);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (a.v[k] !== b.v[k]) return false;
  return true;
}

/** The edit on the whole tab as read (no index, or one that cannot be trusted); the index is built again from it. */
function wholeTabEdit(edit: Edit, context: EditContext | null): void {
  const { sheet, name, form, box, now, cache, ss } = edit;
  const snap = readSnapshot(
    ss,
    context ? [PERIOD_TAB.closed] : [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns, PERIOD_TAB.closed],
  );
  const book: Workbook = context ? { ...snap.book, [TAB.directory]: context.directory, [TAB.settings]: context.settings } : snap.book;
  const grid = sheet.getDataRange().getValues() as Grid; // the edited tab is the event's own sheet: no look-up
  book[name] = grid;
  const forms = context?.forms ?? formsOf(book);
  const v = validateWorkbook(book, now, forms);
  const layout = v.layouts[form.tab];
  // The journal takes the edited cells from the tab just read (no call of its own); without the index it cannot tell
  // what a cleared block held.
  journalEdit(ss, sheetFacts(edit, grid, box, layout?.columns.period), cache, triggerOf(edit.e), edit.sole?.seen);
  if (!layout?.headerRow) return;
  const dataRow = firstDataRow(layout);
  const rows = dataRows(box, dataRow, grid.length);
  if (!rows) {
    // The column-number row edited (layout.ts isColumnNumbers) may have been a data row until now: the index forgets
    // the tab (the next edit builds it again) and the form's rows of the status tab are written again.
    if (dataRow - 1 > layout.headerRow && box.lastRow >= dataRow - 1) {
      forgetIndexes(cache, [form.tab]);
      refreshStatusRows(ss, v, form, now, undefined, null, edit.shape);
    }
    return;
  }
  const width = grid[0]?.length ?? 0;
  const touched = touchedKeys(layout.columns, box);
  const owned = annotateEdit(edit, v, grid, rows.first, rows.last, width, touched);
  annotatePartners(sheet, layout, v, wholeTabPartners(sheet, form, v, grid, rows), grid, width);
  // The grid as it now stands (the stamps just written), for the index.
  for (const [r, o] of owned) {
    const sub = layout.columns.submitted_at;
    if (sub !== undefined && o.submittedAt !== undefined && grid[r - 1]) grid[r - 1][sub] = o.submittedAt;
  }
  if (cache) {
    const fresh = validateWorkbook(book, now, forms);
    if (!context) rememberContext(cache, book, forms);
    rememberIndex(cache, form, fresh, grid, fresh.closed ?? []);
  }
  // A row whose unit or period changed may leave another unit's row stale: then the form's rows are all rewritten.
  refreshStatusRows(ss, v, form, now, owned, touched.includes('unit') || touched.includes('period') ? null : undefined, edit.shape);
}

/** A run of consecutive rows outside the edit, as read: the range, its values and the notes it shows. */
interface PartnerRun {
  first: number;
  range: GoogleAppsScript.Spreadsheet.Range;
  values: Grid;
  notes: string[][];
}

/** Reads `rows` (sorted), one range per run of consecutive rows: values and notes. */
function readPartners(sheet: Sheet, rows: readonly number[], width: number, values?: Grid): PartnerRun[] {
  const out: PartnerRun[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const range = sheet.getRange(rows[i], 1, j - i + 1, width);
    out.push({
      first: rows[i],
      range,
      values: values ? values.slice(rows[i] - 1, rows[j]) : (range.getValues() as Grid),
      notes: range.getNotes() as string[][],
    });
    i = j + 1;
  }
  return out;
}

/**
 * The whole-tab edit's partners: the rows in a duplicate group with an edited row now, and the rows whose
 * `Kỳ báo cáo` note (where duplicates are marked) is not what the check gives: those of a group an edited row left.
 * The indexed edit finds the same rows from the edited rows' entries before the edit.
 */
function wholeTabPartners(sheet: Sheet, form: FormSpec, v: Validation, grid: Grid, block: { first: number; last: number }): PartnerRun[] {
  const layout = v.layouts[form.tab];
  const entries = v.rows.filter((r) => r.sheet === form.tab).map((r) => indexRow(form, v, r, grid[r.row - 1] ?? []));
  const inBlock = (r: number) => r >= block.first && r <= block.last;
  const rows = new Set(
    duplicatePartners(
      form,
      entries.filter((e) => !inBlock(e.r)),
      entries.filter((e) => inBlock(e.r)),
    ),
  );
  const periodCol = layout.columns.period;
  const dataRow = firstDataRow(layout);
  const below = grid.length - dataRow + 1;
  if (periodCol !== undefined && below > 0) {
    const shown = sheet.getRange(dataRow, periodCol + 1, below, 1).getNotes() as string[][];
    const want = new Map<number, string>();
    for (const m of rowMarks(v, form.tab)) want.set(m.row, m.cells[periodCol]?.note ?? '');
    for (let i = 0; i < below; i++) {
      const r = dataRow + i;
      if (!inBlock(r) && want.has(r) && String(shown[i]?.[0] ?? '') !== want.get(r)) rows.add(r);
    }
  }
  const width = grid[0]?.length ?? 0;
  return rows.size
    ? readPartners(
        sheet,
        [...rows].sort((a, b) => a - b),
        width,
        grid,
      )
    : [];
}

/** Marks the partner rows again from the check `v`, writing only what they do not already show (their stamps stay). */
function annotatePartners(sheet: Sheet, layout: TabLayout, v: Validation, runs: readonly PartnerRun[], grid: Grid, width: number): void {
  const sub = layout.columns.submitted_at;
  for (const run of runs) {
    const last = run.first + run.values.length - 1;
    const rows: number[] = [];
    for (let r = run.first; r <= last; r++) rows.push(r);
    annotateRows(sheet, layout, { first: run.first, last, fromCol: 0, toCol: width }, rowMarks(v, layout.sheet, rows), {
      stampNotes: sub === undefined ? undefined : run.notes.map((n) => String(n[sub] ?? '')),
      current: grid,
      blockRange: run.range,
      shownNotes: run.notes,
    });
  }
}

/** The schema keys of the columns the edit wrote into. */
function touchedKeys(columns: Record<string, number>, box: Box): string[] {
  return Object.keys(columns).filter((key) => columns[key] >= box.col - 1 && columns[key] <= box.lastCol - 1);
}

/** Marks, stamps and script-owned values of the edited rows first..last, written in one batch; returns what was written. */
function annotateEdit(
  edit: Edit,
  v: Validation,
  grid: Grid,
  first: number,
  last: number,
  width: number,
  touched: string[],
  blockRange?: GoogleAppsScript.Spreadsheet.Range,
): Map<number, OwnedValues> {
  const { sheet, form, box, now, e } = edit;
  const layout = v.layouts[form.tab];
  // value/oldValue exist only when one single cell was edited (APPS_SCRIPT.md); a block gives neither.
  const single =
    box.row === box.lastRow && box.col === box.lastCol
      ? { oldValue: e.oldValue === undefined ? undefined : String(e.oldValue) }
      : undefined;
  const rowNumbers: number[] = [];
  for (let r = first; r <= last; r++) rowNumbers.push(r);
  const marks = rowMarks(v, form.tab, rowNumbers);
  const subCol = layout.columns.submitted_at;
  // The stamp cell's note records what the stamp was written for; it travels with the row when rows move.
  // (From the block's range when the edit has it: one call fewer, the block's other notes read along.)
  const shownNotes = blockRange ? (blockRange.getNotes() as string[][]) : undefined;
  const notes =
    subCol === undefined
      ? []
      : shownNotes
        ? shownNotes.map((n) => String(n[subCol] ?? ''))
        : (sheet.getRange(first, subCol + 1, last - first + 1, 1).getNotes() as string[][]).map((n) => String(n[0] ?? ''));
  const stamps = editStamps(v, grid, notes, { sheet: form.tab, form: form.id, first, last, touched, single }, now);
  const owned = new Map<number, OwnedValues>();
  for (const m of marks) {
    const s = stamps.get(m.row) ?? { stamp: '', note: '' };
    // A row left empty (its data cleared) keeps no script values either.
    owned.set(m.row, { submittedAt: s.stamp, stampNote: s.note, updatedAt: m.status ? now : '' });
  }
  // With the block's notes at hand (the indexed edit), marks the block already shows are not written again.
  annotateRows(sheet, layout, { first, last, fromCol: 0, toCol: width }, marks, { owned, blockRange, shownNotes, current: grid });
  return owned;
}
