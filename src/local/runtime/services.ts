// The in-memory Apps Script services other than the spreadsheet: Ui, HtmlService, MailApp, ScriptApp, Properties,
// Lock, Cache, Utilities, Session, Logger. Each call is counted as 'Interface.method' on the shared tracker.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CallTracker } from './calls';
import { GasException, type MemSpreadsheet, makeUser } from './spreadsheet';
import { formatJavaDate, wallClock } from './format';

type GMenu = GoogleAppsScript.Base.Menu;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GProperties = GoogleAppsScript.Properties.Properties;
type GLock = GoogleAppsScript.Lock.Lock;
type GCache = GoogleAppsScript.Cache.Cache;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  at: Date;
}
export interface MenuRecord {
  title: string;
  items: Array<{ caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord }>;
}
export interface UiRecord {
  menus: MenuRecord[];
  alerts: Array<{ title: string; prompt: string; buttons: string }>;
  sidebars: MemHtmlOutput[];
  dialogs: Array<{ html: MemHtmlOutput; title: string }>;
  toasts: Array<{ message: string; title: string; timeoutSeconds: number | null }>;
  /** Buttons the next alerts return, in order (then OK). */
  nextButtons: string[];
  /**
   * Set by the preview: an alert with a choice (YES_NO, OK_CANCEL…) and no button left in `nextButtons` stops the run
   * with `AlertQuestion`, so the page can ask the person and run the function again with the answer. (Apps Script's
   * alert waits for the click; a run here cannot, and answering OK to a YES_NO question would mean neither.)
   */
  ask?: boolean;
}

/** A run stopped at an alert that asks a choice (see UiRecord.ask). */
export class AlertQuestion extends Error {
  constructor(public readonly alert: { title: string; prompt: string; buttons: string }) {
    super(`The script asks: ${alert.prompt}`);
    this.name = 'AlertQuestion';
  }
}
export type LockKind = 'document' | 'script' | 'user';

/** What every service shares: the clock, the user, the counters, the records tests inspect. */
export interface RuntimeState {
  tracker: CallTracker;
  clock: number;
  timeZone: string;
  user: string;
  activeUser: string;
  /** 'LIMITED' while a simple trigger runs: services needing authorization refuse. */
  authMode: 'FULL' | 'LIMITED';
  /** What started the execution: a user (menu, sidebar, editor) or an installable trigger, which has no UI. */
  context: 'user' | 'clock' | 'edit';
  /** False for a standalone script (or a web app): getDocumentLock() returns null. */
  containerBound: boolean;
  mailQuota: number;
  mailDay: string;
  mailUsed: number;
  outbox: SentMail[];
  ui: UiRecord;
  triggers: MemTrigger[];
  nextTriggerId: number;
  heldByOthers: Set<LockKind>;
  heldByUs: Set<LockKind>;
  logs: string[];
  consoleLines: Array<{ level: string; text: string }>;
  htmlDir: string;
  spreadsheet: MemSpreadsheet;
  properties: Record<'script' | 'document', Map<string, string>>;
  /** User properties are per user: each account sees only its own. */
  userProperties: Map<string, Map<string, string>>;
  caches: Record<'script' | 'document' | 'user', Map<string, { value: string; expires: number }>>;
}

const enumOf = <T>(names: string[]) => Object.fromEntries(names.map((n) => [n, n])) as unknown as T;
export const Button = enumOf<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const EventType = enumOf<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = enumOf<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);

function needsAuth(st: RuntimeState, what: string, scope: string): void {
  if (st.authMode === 'LIMITED') {
    throw new GasException(`You do not have permission to call ${what}. Required permissions: ${scope}`);
  }
}

// ---------------------------------------------------------------- Ui and HtmlService
export class MemMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly record: MenuRecord;
  constructor(
    private st: RuntimeState,
    title: string,
  ) {
    this.record = { title, items: [] };
  }
  addItem(caption: string, functionName: string): GMenu {
    this.st.tracker.hit('Menu.addItem');
    this.record.items.push({ caption, functionName });
    return this as unknown as GMenu;
  }
  addSeparator(): GMenu {
    this.st.tracker.hit('Menu.addSeparator');
    this.record.items.push({ separator: true });
    return this as unknown as GMenu;
  }
  addSubMenu(menu: GMenu): GMenu {
    this.st.tracker.hit('Menu.addSubMenu');
    this.record.items.push({ subMenu: (menu as unknown as MemMenu).record });
    return this as unknown as GMenu;
  }
  addToUi(): void {
    this.st.tracker.hit('Menu.addToUi');
    this.st.ui.menus = this.st.ui.menus.filter((m) => m.title !== this.record.title).concat([this.record]);
  }
}

export class MemUi
  implements
    Pick<GoogleAppsScript.Base.Ui, 'createMenu' | 'createAddonMenu' | 'alert' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private st: RuntimeState) {}
  createMenu(caption: string): GMenu {
    this.st.tracker.hit('Ui.createMenu');
    return new MemMenu(this.st, caption) as unknown as GMenu;
  }
  createAddonMenu(): GMenu {
    this.st.tracker.hit('Ui.createAddonMenu');
    return new MemMenu(this.st, '(add-on)') as unknown as GMenu;
  }
  alert(a: string, b?: string | GoogleAppsScript.Base.ButtonSet, c?: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button {
    this.st.tracker.hit('Ui.alert');
    const titled = typeof b === 'string' && c !== undefined;
    const rec = { title: titled ? a : '', prompt: titled ? String(b) : a, buttons: String((titled ? c : b) ?? 'OK') };
    if (this.st.ui.ask && rec.buttons !== 'OK' && !this.st.ui.nextButtons.length) throw new AlertQuestion(rec);
    this.st.ui.alerts.push(rec);
    return (this.st.ui.nextButtons.shift() ?? 'OK') as unknown as GoogleAppsScript.Base.Button;
  }
  showSidebar(html: GHtmlOutput): void {
    this.st.tracker.hit('Ui.showSidebar');
    this.st.ui.sidebars.push(html as unknown as MemHtmlOutput);
  }
  showModalDialog(html: GHtmlOutput, title: string): void {
    this.st.tracker.hit('Ui.showModalDialog');
    this.st.ui.dialogs.push({ html: html as unknown as MemHtmlOutput, title });
  }
  showModelessDialog(html: GHtmlOutput, title: string): void {
    this.st.tracker.hit('Ui.showModelessDialog');
    this.st.ui.dialogs.push({ html: html as unknown as MemHtmlOutput, title });
  }
}

export class MemHtmlOutput
  implements
    Pick<
      GHtmlOutput,
      'getContent' | 'setContent' | 'append' | 'setTitle' | 'getTitle' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight'
    >
{
  title = '';
  width = 300;
  height = 500;
  constructor(
    private st: RuntimeState,
    public content: string,
  ) {}
  private self(m: string): GHtmlOutput {
    this.st.tracker.hit(`HtmlOutput.${m}`);
    return this as unknown as GHtmlOutput;
  }
  getContent(): string {
    this.st.tracker.hit('HtmlOutput.getContent');
    return this.content;
  }
  setContent(content: string): GHtmlOutput {
    this.content = String(content);
    return this.self('setContent');
  }
  append(added: string): GHtmlOutput {
    this.content += String(added);
    return this.self('append');
  }
  setTitle(title: string): GHtmlOutput {
    this.title = String(title);
    return this.self('setTitle');
  }
  getTitle(): string {
    this.st.tracker.hit('HtmlOutput.getTitle');
    return this.title;
  }
  setWidth(w: number): GHtmlOutput {
    this.width = w;
    return this.self('setWidth');
  }
  getWidth(): number {
    this.st.tracker.hit('HtmlOutput.getWidth');
    return this.width;
  }
  setHeight(h: number): GHtmlOutput {
    this.height = h;
    return this.self('setHeight');
  }
  getHeight(): number {
    this.st.tracker.hit('HtmlOutput.getHeight');
    return this.height;
  }
}

export function makeHtmlService(
  st: RuntimeState,
): Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'> {
  return {
    createHtmlOutput(html?: unknown): GHtmlOutput {
      st.tracker.hit('HtmlService.createHtmlOutput');
      return new MemHtmlOutput(st, html == null ? '' : String(html)) as unknown as GHtmlOutput;
    },
    createHtmlOutputFromFile(filename: string): GHtmlOutput {
      st.tracker.hit('HtmlService.createHtmlOutputFromFile');
      const file = join(st.htmlDir, filename.endsWith('.html') ? filename : `${filename}.html`);
      if (!existsSync(file)) throw new GasException(`No HTML file named ${filename} was found.`);
      return new MemHtmlOutput(st, readFileSync(file, 'utf8')) as unknown as GHtmlOutput;
    },
  };
}

// ---------------------------------------------------------------- MailApp
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;
const splitAddresses = (s: string | undefined) =>
  s
    ? String(s)
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** The calendar day in the script's time zone: the quota resets at local midnight (a documented simplification). */
function quotaDay(st: RuntimeState): string {
  return formatJavaDate(new Date(st.clock), st.timeZone, 'yyyy-MM-dd');
}
function refreshQuota(st: RuntimeState): void {
  const day = quotaDay(st);
  if (day !== st.mailDay) {
    st.mailDay = day;
    st.mailUsed = 0;
  }
}

export function makeMailApp(st: RuntimeState): Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  return {
    getRemainingDailyQuota(): number {
      st.tracker.hit('MailApp.getRemainingDailyQuota');
      refreshQuota(st);
      return Math.max(0, st.mailQuota - st.mailUsed);
    },
    sendEmail(
      a: string | GoogleAppsScript.Mail.MailAdvancedParameters,
      b?: string,
      c?: string,
      d?: string | GoogleAppsScript.Mail.MailAdvancedParameters,
    ): void {
      st.tracker.hit('MailApp.sendEmail');
      needsAuth(st, 'MailApp.sendEmail', 'https://www.googleapis.com/auth/script.send_mail');
      let m: GoogleAppsScript.Mail.MailAdvancedParameters;
      if (typeof a === 'object' && a !== null) m = { ...a };
      else if (typeof d === 'string') m = { to: a, replyTo: b, subject: c, body: d };
      else m = { ...(d || {}), to: a, subject: b, body: c };
      const to = splitAddresses(m.to),
        cc = splitAddresses(m.cc),
        bcc = splitAddresses(m.bcc);
      const all = [...to, ...cc, ...bcc];
      if (all.length === 0) throw new GasException('Failed to send email: no recipient');
      for (const addr of all) if (!EMAIL.test(addr)) throw new GasException(`Invalid email: ${addr}`);
      if (m.replyTo && !EMAIL.test(m.replyTo)) throw new GasException(`Invalid email: ${m.replyTo}`);
      refreshQuota(st);
      if (st.mailUsed + all.length > st.mailQuota) throw new GasException('Service invoked too many times for one day: email.');
      st.mailUsed += all.length;
      st.outbox.push({
        to,
        cc,
        bcc,
        subject: String(m.subject ?? ''),
        body: String(m.body ?? ''),
        htmlBody: m.htmlBody,
        name: m.name,
        replyTo: m.replyTo,
        at: new Date(st.clock),
      });
    },
  };
}

// ---------------------------------------------------------------- ScriptApp and triggers
export const MAX_TRIGGERS = 20;
export interface ClockSpec {
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  atHour?: number;
  nearMinute?: number;
  monthDay?: number;
  at?: number;
  timeZone: string;
}

export class MemTrigger
  implements Pick<GTrigger, 'getHandlerFunction' | 'getEventType' | 'getUniqueId' | 'getTriggerSource' | 'getTriggerSourceId'>
{
  /** Last time this trigger fired (runtime clock), to fire once per due window. */
  lastFired: number | null = null;
  constructor(
    private st: RuntimeState,
    readonly id: string,
    readonly handler: string,
    readonly eventType: 'CLOCK' | 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT',
    readonly owner: string,
    readonly clock: ClockSpec | null,
    readonly sourceId: string,
    readonly createdAt: number,
  ) {}
  getHandlerFunction(): string {
    this.st.tracker.hit('Trigger.getHandlerFunction');
    return this.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.st.tracker.hit('Trigger.getEventType');
    return this.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getUniqueId(): string {
    this.st.tracker.hit('Trigger.getUniqueId');
    return this.id;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.st.tracker.hit('Trigger.getTriggerSource');
    return (this.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS') as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    this.st.tracker.hit('Trigger.getTriggerSourceId');
    return this.sourceId;
  }
}

function addTrigger(st: RuntimeState, handler: string, type: MemTrigger['eventType'], clock: ClockSpec | null, sourceId: string): GTrigger {
  needsAuth(st, 'ScriptApp.newTrigger', 'https://www.googleapis.com/auth/script.scriptapp');
  if (st.triggers.filter((t) => t.owner === st.user).length >= MAX_TRIGGERS) {
    throw new GasException('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  const t = new MemTrigger(st, String(st.nextTriggerId++), handler, type, st.user, clock, sourceId, st.clock);
  st.triggers.push(t);
  return t as unknown as GTrigger;
}

export class MemClockTriggerBuilder
  implements
    Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      'everyDays' | 'everyHours' | 'everyMinutes' | 'atHour' | 'nearMinute' | 'inTimezone' | 'onMonthDay' | 'at' | 'create'
    >
{
  private spec: ClockSpec;
  constructor(
    private st: RuntimeState,
    private handler: string,
  ) {
    this.spec = { timeZone: st.timeZone };
  }
  private self(m: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.st.tracker.hit(`ClockTriggerBuilder.${m}`);
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  everyDays(n: number) {
    this.spec.everyDays = n;
    return this.self('everyDays');
  }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new GasException('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.spec.everyHours = n;
    return this.self('everyHours');
  }
  everyMinutes(n: number) {
    this.st.tracker.hit('ClockTriggerBuilder.everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n)) throw new GasException('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.spec.everyMinutes = n;
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  atHour(h: number) {
    this.st.tracker.hit('ClockTriggerBuilder.atHour');
    if (!(Number.isInteger(h) && h >= 0 && h <= 23)) throw new GasException('Invalid argument: hour');
    this.spec.atHour = h;
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  nearMinute(m: number) {
    this.spec.nearMinute = m;
    return this.self('nearMinute');
  }
  inTimezone(tz: string) {
    this.st.tracker.hit('ClockTriggerBuilder.inTimezone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      throw new GasException(`Invalid argument: timezone`);
    }
    this.spec.timeZone = tz;
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  onMonthDay(d: number) {
    this.st.tracker.hit('ClockTriggerBuilder.onMonthDay');
    if (!(Number.isInteger(d) && d >= 1 && d <= 31)) throw new GasException('Invalid argument: day');
    this.spec.monthDay = d;
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  at(date: GoogleAppsScript.Base.Date) {
    this.spec.at = date.getTime();
    return this.self('at');
  }
  create(): GTrigger {
    this.st.tracker.hit('ClockTriggerBuilder.create');
    const s = this.spec;
    if (
      s.everyDays === undefined &&
      s.everyHours === undefined &&
      s.everyMinutes === undefined &&
      s.monthDay === undefined &&
      s.at === undefined
    ) {
      throw new GasException('The trigger must be time-based with a recurrence or a specific time.');
    }
    return addTrigger(this.st, this.handler, 'CLOCK', { ...s }, '');
  }
}

export class MemSpreadsheetTriggerBuilder
  implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'onEdit' | 'onOpen' | 'onChange' | 'create'>
{
  private type: MemTrigger['eventType'] | null = null;
  constructor(
    private st: RuntimeState,
    private handler: string,
    private sourceId: string,
  ) {}
  private self(m: string, t: MemTrigger['eventType']) {
    this.st.tracker.hit(`SpreadsheetTriggerBuilder.${m}`);
    this.type = t;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
  onEdit() {
    return this.self('onEdit', 'ON_EDIT');
  }
  onOpen() {
    return this.self('onOpen', 'ON_OPEN');
  }
  onChange() {
    return this.self('onChange', 'ON_CHANGE');
  }
  create(): GTrigger {
    this.st.tracker.hit('SpreadsheetTriggerBuilder.create');
    if (!this.type) throw new GasException('The trigger must have an event type.');
    return addTrigger(this.st, this.handler, this.type, null, this.sourceId);
  }
}

export function makeScriptApp(st: RuntimeState) {
  const app: Pick<
    GoogleAppsScript.Script.ScriptApp,
    'newTrigger' | 'getProjectTriggers' | 'deleteTrigger' | 'getUserTriggers' | 'getScriptId'
  > & {
    AuthMode: typeof AuthMode;
    EventType: typeof EventType;
    TriggerSource: typeof TriggerSource;
  } = {
    AuthMode,
    EventType,
    TriggerSource,
    newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
      st.tracker.hit('ScriptApp.newTrigger');
      const builder = {
        forSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet | string) {
          st.tracker.hit('TriggerBuilder.forSpreadsheet');
          const id = typeof ss === 'string' ? ss : (ss as unknown as MemSpreadsheet).id;
          return new MemSpreadsheetTriggerBuilder(st, functionName, id);
        },
        timeBased() {
          st.tracker.hit('TriggerBuilder.timeBased');
          return new MemClockTriggerBuilder(st, functionName);
        },
      };
      return builder as unknown as GoogleAppsScript.Script.TriggerBuilder;
    },
    /** "All installable triggers associated with the current project and current user": never another user's. */
    getProjectTriggers(): GTrigger[] {
      st.tracker.hit('ScriptApp.getProjectTriggers');
      return st.triggers.filter((t) => t.owner === st.user) as unknown as GTrigger[];
    },
    getUserTriggers(_doc: unknown): GTrigger[] {
      st.tracker.hit('ScriptApp.getUserTriggers');
      return st.triggers.filter((t) => t.owner === st.user && t.eventType !== 'CLOCK') as unknown as GTrigger[];
    },
    deleteTrigger(trigger: GTrigger): void {
      st.tracker.hit('ScriptApp.deleteTrigger');
      const id = (trigger as unknown as MemTrigger).id;
      const found = st.triggers.find((t) => t.id === id);
      // A user manages only the triggers they created (the exact refusal is unverified: refuse, never delete another's).
      if (found && found.owner !== st.user)
        throw new GasException('You do not have permission to delete this trigger: it belongs to another user.');
      st.triggers = st.triggers.filter((t) => t.id !== id);
    },
    getScriptId(): string {
      st.tracker.hit('ScriptApp.getScriptId');
      return 'mem-script-1';
    },
  };
  return app;
}

/** Whether a clock trigger is due at `now`, once per window (its hour, its n-minute slot, its day). */
export function clockDue(t: MemTrigger, now: number): boolean {
  const s = t.clock;
  if (!s) return false;
  const w = wallClock(new Date(now), s.timeZone);
  const last = t.lastFired;
  if (s.at !== undefined) return last === null && now >= s.at;
  if (s.everyMinutes !== undefined) return last === null || now - last >= s.everyMinutes * 60000;
  if (s.everyHours !== undefined) return last === null || now - last >= s.everyHours * 3600000;
  if (s.atHour !== undefined && w.hour !== s.atHour) return false;
  if (s.monthDay !== undefined && w.day !== s.monthDay) return false;
  const dayKey = formatJavaDate(new Date(now), s.timeZone, 'yyyy-MM-dd');
  if (last !== null && formatJavaDate(new Date(last), s.timeZone, 'yyyy-MM-dd') === dayKey) return false;
  if (s.everyDays && s.everyDays > 1) {
    const days = Math.floor((now - t.createdAt) / 86400000);
    if (days % s.everyDays !== 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------- PropertiesService
const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class MemProperties
  implements
    Pick<
      GProperties,
      'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'
    >
{
  constructor(
    private st: RuntimeState,
    private store: Map<string, string>,
  ) {}
  private self(m: string): GProperties {
    this.st.tracker.hit(`Properties.${m}`);
    return this as unknown as GProperties;
  }
  private size(extra: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of extra) n += bytes(k) + bytes(v);
    return n;
  }
  /** Applies changes only if the store stays within its limits, as the real store refuses the whole write. */
  private write(changes: Array<[string, string]>, clearOthers = false): void {
    const next = clearOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of changes) {
      if (bytes(v) > VALUE_LIMIT) throw new GasException('Argument too large: value');
      next.set(k, v);
    }
    if (this.size(next) > STORE_LIMIT)
      throw new GasException('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
  getProperty(key: string): string | null {
    this.self('getProperty');
    return this.store.has(String(key)) ? (this.store.get(String(key)) as string) : null;
  }
  setProperty(key: string, value: string): GProperties {
    this.self('setProperty');
    if (key === null || key === undefined || key === '') throw new GasException('Invalid argument: key');
    this.write([[String(key), String(value)]]);
    return this as unknown as GProperties;
  }
  setProperties(props: { [key: string]: string }, deleteAllOthers = false): GProperties {
    this.self('setProperties');
    this.write(
      Object.keys(props).map((k) => [k, String(props[k])] as [string, string]),
      deleteAllOthers,
    );
    return this as unknown as GProperties;
  }
  getProperties(): { [key: string]: string } {
    this.self('getProperties');
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    this.self('getKeys');
    return [...this.store.keys()];
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(String(key));
    return this.self('deleteProperty');
  }
  deleteAllProperties(): GProperties {
    this.store.clear();
    return this.self('deleteAllProperties');
  }
}

// ---------------------------------------------------------------- LockService
export class MemLock implements Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  private mine = false;
  constructor(
    private st: RuntimeState,
    private kind: LockKind,
  ) {}
  private acquire(timeoutMs: number): boolean {
    if (this.mine) return true;
    if (this.st.heldByOthers.has(this.kind) || this.st.heldByUs.has(this.kind)) {
      this.st.clock += Math.max(0, timeoutMs);
      return false;
    }
    this.st.heldByUs.add(this.kind);
    this.mine = true;
    return true;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.st.tracker.hit('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    this.st.tracker.hit('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw new GasException('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this.st.tracker.hit('Lock.releaseLock');
    if (this.mine) {
      this.st.heldByUs.delete(this.kind);
      this.mine = false;
    }
  }
  hasLock(): boolean {
    this.st.tracker.hit('Lock.hasLock');
    return this.mine;
  }
}

// ---------------------------------------------------------------- CacheService
const MAX_KEY = 250;
const MAX_VALUE = 100 * 1024;
const MAX_EXPIRY = 21600;
/** "a cache item cap of 1,000 entries" (developers.google.com/apps-script/reference/cache/cache): the oldest go first. */
const MAX_ITEMS = 1000;

export class MemCache implements Pick<GCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    private st: RuntimeState,
    private store: Map<string, { value: string; expires: number }>,
  ) {}
  private check(key: string, value: string, seconds: number): void {
    if (String(key).length > MAX_KEY) throw new GasException('Argument too large: key');
    if (bytes(value) > MAX_VALUE) throw new GasException('Argument too large: value');
    if (!(seconds >= 1 && seconds <= MAX_EXPIRY)) throw new GasException('Invalid argument: expirationInSeconds');
  }
  private read(key: string): string | null {
    const e = this.store.get(String(key));
    if (!e) return null;
    if (this.st.clock >= e.expires) {
      this.store.delete(String(key));
      return null;
    }
    return e.value;
  }
  get(key: string): string | null {
    this.st.tracker.hit('Cache.get');
    return this.read(key);
  }
  getAll(keys: string[]): { [key: string]: any } {
    this.st.tracker.hit('Cache.getAll');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.read(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    this.st.tracker.hit('Cache.put');
    const v = String(value);
    this.check(key, v, expirationInSeconds);
    this.store.delete(String(key));
    this.store.set(String(key), { value: v, expires: this.st.clock + expirationInSeconds * 1000 });
    this.evict();
  }
  /** Over the cap, expired items go first (they are no longer in the cache), then the items put longest ago. */
  private evict(): void {
    if (this.store.size <= MAX_ITEMS) return;
    for (const [k, e] of this.store) if (this.st.clock >= e.expires) this.store.delete(k);
    for (const k of this.store.keys()) {
      if (this.store.size <= MAX_ITEMS) break;
      this.store.delete(k);
    }
  }
  putAll(values: { [key: string]: any }, expirationInSeconds = 600): void {
    this.st.tracker.hit('Cache.putAll');
    const entries = Object.keys(values).map((k) => [k, String(values[k])] as const);
    for (const [k, v] of entries) this.check(k, v, expirationInSeconds);
    for (const [k, v] of entries) {
      this.store.delete(k);
      this.store.set(k, { value: v, expires: this.st.clock + expirationInSeconds * 1000 });
    }
    this.evict();
  }
  remove(key: string): void {
    this.st.tracker.hit('Cache.remove');
    this.store.delete(String(key));
  }
  removeAll(keys: string[]): void {
    this.st.tracker.hit('Cache.removeAll');
    for (const k of keys) this.store.delete(String(k));
  }
}

// ---------------------------------------------------------------- Utilities, Session, Logger, console
export function makeUtilities(st: RuntimeState): Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'sleep' | 'getUuid'> {
  return {
    formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
      st.tracker.hit('Utilities.formatDate');
      if (Object.prototype.toString.call(date) !== '[object Date]')
        throw new GasException("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
      try {
        new Intl.DateTimeFormat('en-US', { timeZone });
      } catch {
        throw new GasException(`Invalid argument: timeZone`);
      }
      return formatJavaDate(date as unknown as Date, timeZone, format);
    },
    sleep(ms: number): void {
      st.tracker.hit('Utilities.sleep');
      st.clock += Math.max(0, ms);
    },
    getUuid(): string {
      st.tracker.hit('Utilities.getUuid');
      return randomUUID();
    },
  };
}

export function makeSession(
  st: RuntimeState,
): Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale'> {
  return {
    getActiveUser() {
      st.tracker.hit('Session.getActiveUser');
      return makeUser(st.activeUser);
    },
    getEffectiveUser() {
      st.tracker.hit('Session.getEffectiveUser');
      return makeUser(st.user);
    },
    getScriptTimeZone() {
      st.tracker.hit('Session.getScriptTimeZone');
      return st.timeZone;
    },
    getActiveUserLocale() {
      st.tracker.hit('Session.getActiveUserLocale');
      return 'vi';
    },
  };
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function makeLogger(st: RuntimeState): Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  const logger = {
    log(data: any, ...values: any[]) {
      st.tracker.hit('Logger.log');
      let text = show(data);
      if (values.length) {
        let i = 0;
        text = text.replace(/%s|%d/g, () => show(values[i++]));
      }
      st.logs.push(text);
      return logger as unknown as GoogleAppsScript.Base.Logger;
    },
    getLog() {
      return st.logs.join('\n');
    },
    clear() {
      st.logs.length = 0;
    },
  };
  return logger;
}

export function makeConsole(st: RuntimeState) {
  const line =
    (level: string) =>
    (...args: unknown[]) => {
      st.consoleLines.push({ level, text: args.map(show).join(' ') });
    };
  return { log: line('log'), info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') };
}
