// One preview session: a workbook copy, the local Apps Script runtime, the built bundle in its sandbox, and what the
// page may ask of them. Every action runs the REAL script functions, as Sheets would, then saves the copy.
import { basename } from 'node:path';
import type { CellValue } from '../../core/types';
import {
  createRuntime,
  loadBundle,
  shownBackground,
  type Runtime,
  type Sandbox,
  type MemSpreadsheet,
  type MemSheet,
  type MenuRecord,
  AlertQuestion,
} from '../runtime';
import { formatJavaDate } from '../runtime/format';
import { readXlsx, writeXlsx } from '../xlsx';
import { makeDemoWorkbook } from '../demo';
import { bookFromSpreadsheet, spreadsheetFromBook } from '../workbook';
import { readSettings } from '../../core/settings';
import { TAB } from '../../core/forms/schema';
import { typedValue } from './typed';
import { toWire, isCallableName, WireError, type Wire } from './wire';
import { PV } from './text';

export interface SessionOptions {
  /** An .xlsx to preview (a copy); without it, the demo workbook. */
  book?: string;
  /** Where the copy is saved after every change. */
  out: string;
  /** The runtime clock at start (demo: 2024-08-20 09:00 in Gia Lai; a book: now). */
  now?: Date;
  /** dist/Code.js (default: the repo's). */
  codePath?: string;
}

export interface Alert {
  title: string;
  message: string;
}
/** Ranges the script selected (Range or RangeList activate()), on the tab `sheet`. */
export interface Selection {
  sheet: string;
  ranges: Array<[number, number, number, number]>;
}
/** An alert that asks a choice (`buttons`: YES_NO, OK_CANCEL…): the page asks, then runs the action again. */
export interface Question extends Alert {
  buttons: string;
}
/** A run of the daily trigger from the page: how it ran, the emails it sent, and whether reminders are off. */
export interface DailyRun {
  ui: UiDelta;
  how: 'trigger' | 'direct';
  mails: number;
  remindersOff: boolean;
}
/** What the script showed during one action. */
export interface UiDelta {
  alerts: Alert[];
  /** The run stopped at this question (nothing after it ran): run it again with the answers so far and this one. */
  question?: Question;
  sidebar: { title: string } | null;
  dialogs: string[];
  toasts: Alert[];
  activated: string | null;
  selection: Selection | null;
}

export interface CellStyle {
  bg?: string;
  note?: string;
  bold?: 1;
  italic?: 1;
  color?: string;
  align?: string;
  wrap?: 1;
}
export interface SheetView {
  name: string;
  rows: number;
  cols: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenColumns: number;
  values: string[][];
  styles: Array<[number, number, CellStyle]>;
  widths: number[];
  merges: Array<[number, number, number, number]>;
  charts: number;
  truncated: boolean;
}

/** The page's chrome: the tabs, the script's menus, the clock, the outbox, the triggers. */
export interface PageState {
  title: string;
  file: string;
  sheets: string[];
  active: string | null;
  menus: MenuRecord[];
  now: string;
  nowText: string;
  outbox: Array<{ i: number; at: string; to: string; subject: string }>;
  triggers: Array<{ handler: string; type: string; hour: number | null }>;
  startupAlerts: Alert[];
}

export const DEMO_CLOCK = new Date('2024-08-20T09:00:00+07:00');
const MAX_VIEW_ROWS = 3000;
const EXTRA_ROWS = 30;

const messageOf = (e: unknown): string =>
  e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);

export class Session {
  readonly startupAlerts: Alert[] = [];
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly rt: Runtime,
    readonly app: Sandbox,
    readonly out: string,
  ) {}

  static async open(opts: SessionOptions): Promise<Session> {
    const ss: MemSpreadsheet = opts.book
      ? await readXlsx(opts.book)
      : spreadsheetFromBook(makeDemoWorkbook({ today: opts.now ?? DEMO_CLOCK }), 'i-Speed Gia Lai (demo)');
    if (opts.book) ss.name = basename(opts.book).replace(/\.xlsx$/i, '');
    // The runtime's default user owns the file: the preview user is the Department's officer (the protected tabs are
    // theirs to edit).
    const rt = createRuntime({ now: opts.now ?? (opts.book ? new Date() : DEMO_CLOCK), spreadsheet: ss });
    const app = loadBundle(rt, opts.codePath);
    const s = new Session(rt, app, opts.out);
    // The file opens (simple onOpen builds the menu), then the officer runs the real setup once (installs triggers)
    // and the full check, so the notes and colours of every row show from the start.
    try {
      rt.open(app);
    } catch (e) {
      s.startupAlerts.push({ title: PV.openFailed, message: messageOf(e) });
    }
    const mark = s.mark();
    try {
      app.menuSetup();
    } catch (e) {
      s.startupAlerts.push({ title: PV.setupFailed, message: messageOf(e) });
    }
    try {
      app.menuCheckAll();
    } catch (e) {
      s.startupAlerts.push({ title: PV.checkFailed, message: messageOf(e) });
    }
    s.startupAlerts.push(...s.delta(mark).alerts);
    await s.save();
    return s;
  }

  get ss(): MemSpreadsheet {
    return this.rt.spreadsheet;
  }

  /** Saves the copy; saves run one after the other. */
  save(): Promise<void> {
    const next = this.saving.catch(() => undefined).then(() => writeXlsx(this.ss, this.out));
    this.saving = next;
    return next;
  }

  // ------------------------------------------------------------------ what the page reads
  state(): PageState {
    const now = this.rt.now();
    const tz = this.ss.timeZone;
    return {
      title: this.ss.name,
      file: basename(this.out),
      // Hidden tabs (the drop-downs' choice lists) are out of the tab bar, as in Sheets.
      sheets: this.ss.sheets.filter((s) => !s.hidden).map((s) => s.name),
      active: (this.ss.active ?? this.ss.sheets[0])?.name ?? null,
      menus: this.rt.ui.menus,
      now: formatJavaDate(now, tz, "yyyy-MM-dd'T'HH:mm"),
      nowText: this.clockText(),
      outbox: this.rt.outbox.map((m, i) => ({
        i,
        at: formatJavaDate(m.at, tz, 'dd/MM/yyyy HH:mm'),
        to: m.to.join(', '),
        subject: m.subject,
      })),
      triggers: this.rt.triggers().map((t) => ({ handler: t.handler, type: t.eventType, hour: t.clock?.atHour ?? null })),
      startupAlerts: this.startupAlerts,
    };
  }

  sheetView(name: string): SheetView | null {
    const sh = this.ss.sheet(name);
    if (!sh) return null;
    const used = Math.max(sh.values.rows.length, sh.notes.rows.length, sh.backgrounds.rows.length);
    const wanted = Math.min(sh.maxRows, Math.max(used + EXTRA_ROWS, 50));
    const rows = Math.min(wanted, MAX_VIEW_ROWS);
    let usedCols = 0;
    for (const line of sh.values.rows) if (line && line.length > usedCols) usedCols = line.length;
    const cols = Math.min(sh.maxColumns, Math.max(26, usedCols + 2));
    const values: string[][] = [];
    const styles: Array<[number, number, CellStyle]> = [];
    for (let r = 1; r <= rows; r++) {
      const line: string[] = [];
      for (let c = 1; c <= cols; c++) {
        line.push(sh.display(r, c));
        const st = cellStyle(sh, r - 1, c - 1);
        if (st) styles.push([r, c, st]);
      }
      values.push(line);
    }
    const widths: number[] = [];
    for (let c = 1; c <= cols; c++) widths.push(Math.max(30, Math.min(400, sh.columnWidths[c] ?? 100)));
    return {
      name: sh.name,
      rows,
      cols,
      maxRows: sh.maxRows,
      maxCols: sh.maxColumns,
      frozenRows: sh.frozenRows,
      frozenColumns: sh.frozenColumns,
      values,
      styles,
      widths,
      merges: sh.merges.map((m) => [m.row, m.col, m.numRows, m.numCols]),
      charts: sh.charts.length,
      truncated: wanted > rows,
    };
  }

  /** The HTML the script last passed to showSidebar, or null. */
  sidebarHtml(): string | null {
    const last = this.rt.ui.sidebars[this.rt.ui.sidebars.length - 1];
    return last ? last.content : null;
  }

  mail(i: number) {
    return this.rt.outbox[i] ?? null;
  }

  // ------------------------------------------------------------------ what the page does
  /** A person types (or pastes a block of) text at row/col: stored as Sheets would, then the edit triggers run. */
  async edit(sheetName: string, row: number, col: number, texts: string[][]): Promise<UiDelta> {
    const sh = this.ss.sheet(sheetName);
    if (!sh) throw new Error(PV.noSheet(sheetName));
    const width = Math.max(...texts.map((r) => r.length));
    if (!(row >= 1 && col >= 1 && texts.length >= 1 && width >= 1)) throw new Error(PV.badEdit);
    if (row + texts.length - 1 > sh.maxRows || col + width - 1 > sh.maxColumns) throw new Error(PV.outside(sh.maxRows, sh.maxColumns));
    const values: CellValue[][] = texts.map((line, i) =>
      Array.from({ length: width }, (_, j) => {
        const text = String(line[j] ?? '');
        return typedValue(text, {
          locale: this.ss.locale,
          timeZone: this.ss.timeZone,
          plainText: sh.formats.get(row - 1 + i, col - 1 + j) === '@',
        });
      }),
    );
    return (await this.act(() => this.rt.edit(this.app, sheetName, row, col, values))).ui;
  }

  /** A menu item: the top-level function it names. */
  /** `answers`: the buttons given so far to the run's questions (see UiDelta.question). */
  async runMenu(fn: string, answers: string[] = []): Promise<UiDelta> {
    const handler = this.callable(fn);
    return (await this.act(() => handler(), answers)).ui;
  }

  /** google.script.run: arguments and result cross as JSON, as Apps Script allows (Dates fail). */
  async runServer(name: string, args: unknown[], answers: string[] = []): Promise<{ result: Wire; ui: UiDelta }> {
    const handler = this.callable(name);
    const { value, ui } = await this.act(() => handler(...args), answers);
    if (ui.question) return { result: null, ui };
    try {
      return { result: localDocLinks(toWire(value)), ui };
    } catch (e) {
      if (e instanceof WireError) throw new Error(PV.notWireSafe(name, e.kind, e.path));
      throw e;
    }
  }

  /** Sets the runtime's clock; returns it as the page shows times (dd/MM/yyyy HH:mm in the spreadsheet's zone). */
  setClock(at: Date): string {
    this.rt.setNow(at);
    return this.clockText();
  }

  private clockText(): string {
    return formatJavaDate(this.rt.now(), this.ss.timeZone, 'dd/MM/yyyy HH:mm');
  }

  /** A Google Doc the script created, as the in-memory document renders it (served at /doc/<id>). */
  documentHtml(id: string): string | null {
    const doc = this.rt.documents.find((d) => d.getId() === id);
    // An A4-wide sheet of paper on a grey desk, as Docs shows it.
    const page =
      '<style>html{background:#eee}body{background:#fff;width:170mm;margin:12px auto;padding:20mm 15mm 20mm 30mm;box-shadow:0 0 4px #999}table{width:100%}</style>';
    return doc
      ? `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${doc.getName().replace(/[<&>]/g, '')}</title>${page}</head>${doc.html()}</html>`
      : null;
  }

  /** The daily clock trigger at `at`: fired by the runtime when due then, else run directly (it may fire late). */
  async runDaily(at: Date): Promise<DailyRun> {
    const before = this.rt.outbox.length;
    let how: 'trigger' | 'direct' = 'trigger';
    const { ui } = await this.act(() => {
      const clocks = this.rt.triggers().filter((t) => t.eventType === 'CLOCK');
      const fired = clocks.map((t) => t.lastFired);
      this.rt.tick(this.app, at);
      if (clocks.some((t, i) => t.lastFired !== fired[i])) return;
      how = 'direct';
      this.rt.setNow(at);
      const handler = this.callable(clocks[0]?.handler ?? 'dailyTick');
      try {
        handler({ authMode: 'FULL', triggerUid: clocks[0]?.id ?? '' });
      } finally {
        this.rt.state.heldByUs.clear();
      }
    });
    // No email and reminders off in Cấu hình: the page says why (a bare "0 email" reads as a failure).
    const settings = bookFromSpreadsheet(this.ss)[TAB.settings];
    return { ui, how, mails: this.rt.outbox.length - before, remindersOff: !readSettings(settings).settings.autoRemind };
  }

  // ------------------------------------------------------------------ helpers
  private callable(name: string): (...args: unknown[]) => unknown {
    // google.script.run calls by name: any top-level function, looked up as Apps Script would.
    const fn = isCallableName(name) ? (this.app as Record<string, unknown>)[name] : undefined;
    if (typeof fn !== 'function') throw new Error(PV.noFunction(String(name)));
    return fn as (...args: unknown[]) => unknown;
  }

  /** Runs script work, then saves (even after a failure: a script may have written half its changes). */
  /**
   * Runs one action. A question (an alert with a choice) the page has not answered yet stops it there; the scripts ask
   * before they change anything (the re-close, the trigger take-over), so the run is made again whole with the answer.
   */
  private async act<T>(work: () => T, answers: string[] = []): Promise<{ value: T; ui: UiDelta }> {
    const mark = this.mark();
    let value: T;
    const record = this.rt.ui;
    record.nextButtons = answers.slice();
    record.ask = true;
    try {
      value = work();
    } catch (e) {
      if (e instanceof AlertQuestion) {
        const { title, prompt, buttons } = e.alert;
        return { value: undefined as T, ui: { ...this.delta(mark), question: { title, message: prompt, buttons } } };
      }
      await this.save().catch(() => undefined);
      throw new ScriptError(messageOf(e), this.delta(mark));
    } finally {
      record.ask = false;
      record.nextButtons = [];
    }
    const ui = this.delta(mark);
    await this.save();
    return { value, ui };
  }

  private mark() {
    const u = this.rt.ui;
    return {
      alerts: u.alerts.length,
      sidebars: u.sidebars.length,
      dialogs: u.dialogs.length,
      toasts: u.toasts.length,
      active: this.ss.active,
      selection: this.ss.selection,
    };
  }

  private delta(m: ReturnType<Session['mark']>): UiDelta {
    const u = this.rt.ui;
    const sidebar = u.sidebars.length > m.sidebars ? u.sidebars[u.sidebars.length - 1] : null;
    return {
      // A question's alert was shown as the question it is (UiDelta.question), and answered: not again as a message.
      alerts: u.alerts
        .slice(m.alerts)
        .filter((a) => a.buttons === 'OK')
        .map((a) => ({ title: a.title, message: a.prompt })),
      sidebar: sidebar ? { title: sidebar.title } : null,
      dialogs: u.dialogs.slice(m.dialogs).map((d) => d.title),
      toasts: u.toasts.slice(m.toasts).map((t) => ({ title: t.title, message: t.message })),
      activated: this.ss.active !== m.active && this.ss.active ? this.ss.active.name : null,
      selection:
        this.ss.selection !== m.selection && this.ss.selection.length
          ? {
              sheet: this.ss.selection[0].sheet.name,
              ranges: this.ss.selection.map((r) => [r.row, r.col, r.numRows, r.numCols] as [number, number, number, number]),
            }
          : null,
    };
  }
}

/** A script failure, with what the script had shown before it failed. */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly ui: UiDelta,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}

function cellStyle(sh: MemSheet, r: number, c: number): CellStyle | null {
  const st: CellStyle = {};
  // What the cell shows: a conditional format rule's colour wins over the cell's own.
  const bg = shownBackground(sh, r, c),
    note = sh.notes.get(r, c),
    color = sh.fontColors.get(r, c),
    align = sh.hAligns.get(r, c);
  const v = sh.values.get(r, c);
  if (bg) st.bg = bg;
  if (note) st.note = note;
  if (sh.fontWeights.get(r, c) === 'bold') st.bold = 1;
  if (sh.fontStyles.get(r, c) === 'italic') st.italic = 1;
  if (color) st.color = color;
  if (sh.wraps.get(r, c)) st.wrap = 1;
  // Sheets right-aligns numbers and dates unless told otherwise.
  if (align) st.align = align;
  else if (typeof v === 'number' || Object.prototype.toString.call(v) === '[object Date]') st.align = 'right';
  else if (typeof v === 'boolean') st.align = 'center';
  return Object.keys(st).length ? st : null;
}

const DOC_URL = /^https:\/\/docs\.google\.com\/document\/d\/([^/]+)\/edit$/;
const PDF_URL = /^https:\/\/docs\.google\.com\/document\/d\/([^/]+)\/export\?format=pdf$/;

/** Google Docs cannot be reached from here: a link to a document the script made (or its PDF) points at the preview's copy. */
function localDocLinks(w: Wire): Wire {
  if (typeof w === 'string') {
    const m = DOC_URL.exec(w);
    if (m) return `/doc/${encodeURIComponent(m[1])}`;
    const pdf = PDF_URL.exec(w);
    return pdf ? `/doc/${encodeURIComponent(pdf[1])}/pdf` : w;
  }
  if (Array.isArray(w)) return w.map(localDocLinks);
  if (w && typeof w === 'object') return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, localDocLinks(v as Wire)])) as Wire;
  return w;
}
