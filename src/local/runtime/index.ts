// The local Apps Script runtime: in-memory services, a fake clock, call counts, fault injection, and a sandbox loader
// for dist/Code.js. Values cross realms: Dates and arrays the runtime makes are Node-realm objects inside the sandbox
// (and the sandbox's `Date` global is the runtime's clock-aware Node Date), so neither side may rely on instanceof.
import { join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { CellValue } from '../../core/types';
import { CallTracker } from './calls';
import {
  MemSpreadsheet,
  MemRange,
  type MemSheet,
  MemDataValidationBuilder,
  MemRichTextValueBuilder,
  type MemDataValidation,
  ProtectionType,
  DataValidationCriteria,
  GasException,
  makeUser,
  isDateValue,
  passesValidation,
  canEditAs,
} from './spreadsheet';
import {
  type RuntimeState,
  type SentMail,
  type UiRecord,
  type LockKind,
  type MemTrigger,
  MemUi,
  MemProperties,
  MemLock,
  MemCache,
  makeHtmlService,
  makeMailApp,
  makeScriptApp,
  makeUtilities,
  makeSession,
  makeLogger,
  makeConsole,
  clockDue,
  Button,
  ButtonSet,
} from './services';
import { wallClock, formatJavaDate } from './format';
import { makeCharts } from './charts';
import { MemConditionalFormatRuleBuilder } from './conditional';
import { makeDocumentApp, type MemDocument } from './document';

export { KilledExecution, CallTracker } from './calls';
export * from './spreadsheet';
export { MemConditionalFormatRule, MemConditionalFormatRuleBuilder, MemBooleanCondition, shownBackground } from './conditional';
export { MemTrigger, MemHtmlOutput, MemMenu, MAX_TRIGGERS, AlertQuestion } from './services';
export type { SentMail, UiRecord, MenuRecord, LockKind } from './services';
export { formatJavaDate, displayValue, wallClock, fromWallClock } from './format';
export { MemDocument, MemBody, MemParagraph, MemText, MemTable, MemTableRow, MemTableCell } from './document';
export type { CharAttrs, TextRun } from './document';

const REPO = resolve(__dirname, '../../..');
function repoRoot(): string {
  // Bundled copies (.cache/*.cjs) live one level below the repo; sources three levels.
  for (const dir of [REPO, resolve(__dirname, '..'), process.cwd()]) if (existsSync(join(dir, 'package.json'))) return dir;
  return process.cwd();
}

export interface RuntimeOptions {
  now?: Date;
  /** The account that runs the script (owner, trigger creator, effective user). */
  user?: string;
  /** Recipients per day (100 consumer, 1,500 Workspace). */
  mailQuota?: number;
  /** Where createHtmlOutputFromFile finds `<name>.html` (default <repo>/dist). */
  htmlDir?: string;
  spreadsheet?: MemSpreadsheet;
  /** The script time zone (appsscript.json), default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** False: a standalone script (or web app), where LockService.getDocumentLock() returns null. Default true. */
  containerBound?: boolean;
}

/** The built bundle dist/Code.js as a sandbox: one top-level forwarder per export of src/gas/entry.ts (scripts/build.mjs). */
export type Sandbox = typeof import('../../gas/entry');
/** Any bundle the runtime can drive (the real one or a test's own): its top-level functions are properties. */
export type AnyBundle = object;

export interface Runtime {
  spreadsheet: MemSpreadsheet;
  globals: Record<string, unknown>;
  now(): Date;
  setNow(d: Date): void;
  calls: Record<string, number>;
  resetCalls(): void;
  totalCalls(filter?: (name: string) => boolean): number;
  failOn(method: string, nth: number, message: string): void;
  killOn(method: string, nth: number): void;
  revive(): void;
  outbox: SentMail[];
  ui: UiRecord;
  logs: string[];
  consoleLines: Array<{ level: string; text: string }>;
  triggers(): MemTrigger[];
  /** Another process holds this lock until releaseLock(kind). */
  holdLock(kind: LockKind): void;
  releaseLock(kind: LockKind): void;
  /** The recipients sent today (quota used). */
  mailUsedToday(): number;
  edit(app: AnyBundle, sheet: string, row: number, col: number, values: CellValue[][], opts?: { user?: string }): void;
  tick(app: AnyBundle, at: Date): void;
  /** Simple onOpen(e) as Sheets calls it when the file opens. */
  open(app: AnyBundle, opts?: { user?: string }): void;
  state: RuntimeState;
  /** Every document DocumentApp.create made, in order. */
  documents: MemDocument[];
  /** Runs fn as another account (menu, sidebar, setup): Session users, owned triggers and user properties follow it. */
  asUser<T>(email: string, fn: () => T): T;
  /** From now on the script runs as this account (it gains edit access to the file). */
  setUser(email: string): void;
  /** Shares the file for editing with these accounts (Drive sharing, outside any protection). */
  share(...emails: string[]): void;
  /** Whether this file editor may change every cell of a sheet or range, after every protection over it. */
  canEdit(target: MemSheet | MemRange, email: string): boolean;
}

/** A Date class whose `new Date()` and `Date.now()` read the runtime clock; everything else is the real Date. */
function clockDate(st: RuntimeState): DateConstructor {
  const Real = Date;
  function ClockDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new Real(st.clock).toString();
    return args.length === 0 ? new Real(st.clock) : new (Real as any)(...args);
  }
  ClockDate.prototype = Real.prototype;
  ClockDate.now = () => st.clock;
  ClockDate.UTC = Real.UTC;
  ClockDate.parse = Real.parse;
  return ClockDate as unknown as DateConstructor;
}

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const tracker = new CallTracker();
  const ss = opts.spreadsheet ?? new MemSpreadsheet();
  const user = opts.user ?? 'owner@example.com';
  ss.tracker = tracker;
  ss.owner = user;
  ss.effectiveUser = user;
  const timeZone = opts.timeZone ?? 'Asia/Ho_Chi_Minh';
  const st: RuntimeState = {
    tracker,
    clock: (opts.now ?? new Date('2024-08-20T09:00:00+07:00')).getTime(),
    timeZone,
    user,
    activeUser: user,
    authMode: 'FULL',
    context: 'user',
    containerBound: opts.containerBound ?? true,
    mailQuota: opts.mailQuota ?? 100,
    mailDay: '',
    mailUsed: 0,
    outbox: [],
    ui: { menus: [], alerts: [], sidebars: [], dialogs: [], toasts: ss.toasts, nextButtons: [] },
    triggers: [],
    nextTriggerId: 1,
    heldByOthers: new Set(),
    heldByUs: new Set(),
    logs: [],
    consoleLines: [],
    htmlDir: opts.htmlDir ?? join(repoRoot(), 'dist'),
    spreadsheet: ss,
    properties: { script: new Map(), document: new Map() },
    userProperties: new Map(),
    caches: { script: new Map(), document: new Map(), user: new Map() },
  };
  const hit = (n: string) => tracker.hit(n);
  const ui = new MemUi(st);
  const documents: MemDocument[] = [];

  const SpreadsheetApp = {
    ProtectionType,
    DataValidationCriteria,
    getActiveSpreadsheet() {
      hit('SpreadsheetApp.getActiveSpreadsheet');
      return ss;
    },
    getActive() {
      hit('SpreadsheetApp.getActive');
      return ss;
    },
    getActiveSheet() {
      hit('SpreadsheetApp.getActiveSheet');
      return ss.active ?? ss.sheets[0];
    },
    getUi() {
      hit('SpreadsheetApp.getUi');
      // An installable trigger (clock or edit) runs with no user at a screen (public issues: SheetSizer#1, gcalendarsync#93).
      if (st.context !== 'user') throw new GasException('Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    newDataValidation() {
      hit('SpreadsheetApp.newDataValidation');
      return new MemDataValidationBuilder(tracker);
    },
    newRichTextValue() {
      hit('SpreadsheetApp.newRichTextValue');
      return new MemRichTextValueBuilder();
    },
    newConditionalFormatRule() {
      hit('SpreadsheetApp.newConditionalFormatRule');
      return new MemConditionalFormatRuleBuilder(tracker);
    },
    flush() {
      hit('SpreadsheetApp.flush');
    },
  };
  const PropertiesService = {
    getScriptProperties() {
      hit('PropertiesService.getScriptProperties');
      return new MemProperties(st, st.properties.script);
    },
    getDocumentProperties() {
      hit('PropertiesService.getDocumentProperties');
      return new MemProperties(st, st.properties.document);
    },
    getUserProperties() {
      hit('PropertiesService.getUserProperties');
      let store = st.userProperties.get(st.user);
      if (!store) {
        store = new Map();
        st.userProperties.set(st.user, store);
      }
      return new MemProperties(st, store);
    },
  };
  const LockService = {
    /** "null if called from a standalone script or web app" (reference: lock-service#getDocumentLock). */
    getDocumentLock() {
      hit('LockService.getDocumentLock');
      return st.containerBound ? new MemLock(st, 'document') : null;
    },
    getScriptLock() {
      hit('LockService.getScriptLock');
      return new MemLock(st, 'script');
    },
    getUserLock() {
      hit('LockService.getUserLock');
      return new MemLock(st, 'user');
    },
  };
  const CacheService = {
    getScriptCache() {
      hit('CacheService.getScriptCache');
      return new MemCache(st, st.caches.script);
    },
    /** Like the document lock: null outside a container-bound script (reference: cache-service#getDocumentCache). */
    getDocumentCache() {
      hit('CacheService.getDocumentCache');
      return st.containerBound ? new MemCache(st, st.caches.document) : null;
    },
    getUserCache() {
      hit('CacheService.getUserCache');
      return new MemCache(st, st.caches.user);
    },
  };
  const globals: Record<string, unknown> = {
    SpreadsheetApp,
    HtmlService: makeHtmlService(st),
    MailApp: makeMailApp(st),
    ScriptApp: makeScriptApp(st),
    PropertiesService,
    LockService,
    CacheService,
    Utilities: makeUtilities(st),
    Session: makeSession(st),
    Logger: makeLogger(st),
    console: makeConsole(st),
    Date: clockDate(st),
    Charts: makeCharts(),
    DocumentApp: makeDocumentApp({ tracker, documents, authMode: () => st.authMode }),
  };

  /** Runs a handler as one execution; the script's own lock holds end with it, as they do in Apps Script. */
  const run = (fn: () => void) => {
    try {
      fn();
    } finally {
      st.heldByUs.clear();
    }
  };
  /** The account the script runs as: Session.getEffectiveUser, trigger ownership, user properties, who may edit. */
  const becomeUser = (email: string) => {
    st.user = email;
    ss.effectiveUser = email;
    if (!ss.fileEditors().includes(email)) ss.sharedWith.push(email);
  };
  /** An installable trigger runs as the account that created it, in a context without UI. */
  const asTrigger = (t: MemTrigger, context: 'clock' | 'edit', fn: () => void) => {
    const before = { user: st.user, context: st.context };
    st.user = t.owner;
    ss.effectiveUser = t.owner;
    st.context = context;
    try {
      run(fn);
    } finally {
      st.user = before.user;
      ss.effectiveUser = before.user;
      st.context = before.context;
    }
  };

  const rt: Runtime = {
    spreadsheet: ss,
    globals,
    state: st,
    documents,
    now: () => new Date(st.clock),
    setNow: (d) => {
      st.clock = d.getTime();
    },
    get calls() {
      return tracker.calls;
    },
    resetCalls: () => tracker.reset(),
    totalCalls: (f) => tracker.total(f),
    failOn: (m, n, msg) => tracker.failOn(m, n, msg),
    killOn: (m, n) => tracker.killOn(m, n),
    revive: () => tracker.revive(),
    outbox: st.outbox,
    ui: st.ui,
    logs: st.logs,
    consoleLines: st.consoleLines,
    triggers: () => st.triggers.slice(),
    holdLock: (k) => {
      st.heldByOthers.add(k);
    },
    releaseLock: (k) => {
      st.heldByOthers.delete(k);
    },
    mailUsedToday: () => (st.mailDay === formatJavaDate(new Date(st.clock), st.timeZone, 'yyyy-MM-dd') ? st.mailUsed : 0),

    edit(app, sheetName, row, col, values, o = {}) {
      const sheet = ss.sheet(sheetName);
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      const numRows = values.length,
        numCols = values[0]?.length ?? 0;
      const range = sheet.range(row, col, Math.max(1, numRows), Math.max(1, numCols));
      const single = numRows === 1 && numCols === 1;
      const editor = o.user ?? st.user;
      // Sheets refuses a person's typing into cells protected from them (a warning-only protection just asks first).
      if (!canEditAs(range, editor, true)) return;
      const oldRaw = single ? sheet.values.get(row - 1, col - 1) : undefined;
      if (single) {
        const rule = sheet.validations.get(row - 1, col - 1);
        // Sheets refuses a typed entry that breaks a rule set to reject invalid data.
        if (rule && !rule.allowInvalid && !passesValidation(rule as MemDataValidation, values[0][0])) return;
      }
      withoutCounting(ss, () => {
        for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) sheet.writeCell(row + i, col + j, values[i][j]);
      });
      // The event's range carries its corners as properties too, as Google's does (JSON.stringify of an edit event:
      // Tanaike, "Benchmark: Event Objects for Google Apps Script", tanaikech.github.io), so a handler can skip a call.
      const eventRange = Object.assign(new MemRange(sheet, range.row, range.col, range.numRows, range.numCols), {
        rowStart: range.row,
        columnStart: range.col,
        rowEnd: range.row + range.numRows - 1,
        columnEnd: range.col + range.numCols - 1,
      });
      const base: Record<string, unknown> = {
        range: eventRange,
        source: ss,
        user: makeUser(editor),
      };
      if (single) {
        const nv = sheet.values.get(row - 1, col - 1);
        if (nv !== undefined) base.value = eventValue(nv, ss.timeZone);
        if (oldRaw !== undefined) base.oldValue = eventValue(oldRaw, ss.timeZone);
      }
      st.activeUser = editor;
      try {
        const simple = handlerOf(app, 'onEdit');
        if (simple) {
          st.authMode = 'LIMITED';
          try {
            run(() => simple({ ...base, authMode: 'LIMITED' }));
          } finally {
            st.authMode = 'FULL';
          }
        }
        // Every user's edit trigger on this file fires, each as its owner.
        for (const t of st.triggers.filter((x) => x.eventType === 'ON_EDIT' && x.sourceId === ss.id)) {
          const fn = handlerOf(app, t.handler);
          if (!fn) throw new Error(`Script function not found: ${t.handler}`);
          asTrigger(t, 'edit', () => fn({ ...base, authMode: 'FULL', triggerUid: t.id }));
        }
      } finally {
        st.activeUser = st.user;
      }
    },

    tick(app, at) {
      st.clock = at.getTime();
      for (const t of st.triggers.filter((x) => x.eventType === 'CLOCK')) {
        if (!clockDue(t, st.clock)) continue;
        t.lastFired = st.clock;
        const fn = handlerOf(app, t.handler);
        if (!fn) throw new Error(`Script function not found: ${t.handler}`);
        asTrigger(t, 'clock', () => fn(timeEvent(new Date(st.clock), t.id)));
      }
    },

    open(app, o = {}) {
      st.activeUser = o.user ?? st.user;
      st.authMode = 'LIMITED';
      const onOpen = handlerOf(app, 'onOpen');
      try {
        if (onOpen) run(() => onOpen({ authMode: 'LIMITED', source: ss, user: makeUser(st.activeUser) }));
      } finally {
        st.authMode = 'FULL';
        st.activeUser = st.user;
      }
    },

    asUser(email, fn) {
      const before = st.user;
      becomeUser(email);
      st.activeUser = email;
      try {
        return fn();
      } finally {
        st.user = before;
        ss.effectiveUser = before;
        st.activeUser = before;
      }
    },
    setUser(email) {
      becomeUser(email);
      st.activeUser = email;
    },
    share(...emails) {
      for (const e of emails) if (!ss.fileEditors().includes(e)) ss.sharedWith.push(e);
    },
    canEdit: (target, email) => canEditAs(target, email),
  };
  return rt;
}

/** A bundle's top-level function by name (what a trigger's handler names), or undefined. */
function handlerOf(app: AnyBundle, name: string): ((e: object) => unknown) | undefined {
  const fn = (app as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (fn as (e: object) => unknown) : undefined;
}

function withoutCounting(ss: MemSpreadsheet, fn: () => void): void {
  const t = ss.tracker;
  ss.tracker = null;
  try {
    fn();
  } finally {
    ss.tracker = t;
  }
}

/** e.value/e.oldValue are strings in Apps Script: numbers as typed, booleans TRUE/FALSE, dates as serial numbers. */
function eventValue(v: CellValue, tz: string): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) {
    const w = wallClock(v, tz);
    const serial = (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Date.UTC(1899, 11, 30)) / 86400000;
    return String(serial);
  }
  return String(v);
}

/** The time-driven event: Apps Script reports its fields in UTC. */
function timeEvent(d: Date, triggerUid: string): GoogleAppsScript.Events.TimeDriven {
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL' as unknown as GoogleAppsScript.Script.AuthMode,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': Math.ceil(((d.getTime() - start) / 86400000 + new Date(start).getUTCDay() + 1) / 7),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
  };
}

/**
 * The realm's builtins a bundle looks up by name. In a vm context every global name is resolved through the
 * sandbox's interceptor, some 50 times slower than on Apps Script's plain global object (a whole-tab check spent
 * a third of its time there); the loader binds these, and the runtime's services, as script-scope constants first.
 */
const BUILTINS = [
  'Object',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'Math',
  'JSON',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'Promise',
  'Reflect',
  'Intl',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
];
/** Names a script declares at its top level (or anywhere: skipping more names than needed costs only speed). */
const DECLARED = /(?:^|[\s;{}])(?:function\s*\*?\s*|var\s+|let\s+|const\s+|class\s+)([A-Za-z_$][\w$]*)/g;

/**
 * Loads one bundle file into a FRESH vm context whose globals are a copy of rt.globals, as gas-local does.
 * Top-level `function`s and `var`s become properties of the returned sandbox; `const`/`let`/`class` do not.
 * Typed as the real bundle (src/gas/entry.ts) unless a caller loading other code names its functions as T.
 */
export function loadBundle<T extends AnyBundle = Sandbox>(rt: Runtime, codePath: string = join(repoRoot(), 'dist', 'Code.js')): T {
  const target = resolve(codePath);
  if (!existsSync(target)) throw new Error(`Bundle not found: ${target} (run npm run build)`);
  const code = readFileSync(target, 'utf8');
  const ctx = vm.createContext({ ...rt.globals });
  const declared = new Set(Array.from(code.matchAll(DECLARED), (m) => m[1]));
  const names = [...BUILTINS, ...Object.keys(rt.globals)].filter(
    (n) => !declared.has(n) && vm.runInContext(`typeof ${n} !== 'undefined'`, ctx) === true,
  );
  // The same objects under the same names: only the lookup gets faster (a later script sees script-scope constants).
  vm.runInContext(`const { ${names.join(', ')} } = globalThis;`, ctx, { filename: 'runtime-globals.js' });
  vm.runInContext(code, ctx, { filename: target });
  return ctx as T;
}

export { ButtonSet, Button };
