// The shapes that cross google.script.run (JSON-safe only: no Date, no undefined) and the client's view of the server.
// src/gas/sidebar.ts asserts, at compile time only, that src/gas/entry.ts exports every ServerApi function with these
// very signatures: a function renamed, dropped from the entry or given other parameters or results does not compile.

import type { Share } from '../core/format';
import type { Carried } from '../core/report/model';

export interface FormInfo {
  id: string;
  tab: string;
  group: string;
}
export interface SidebarData {
  /** From `Kỳ bắt đầu` to the current month (Asia/Ho_Chi_Minh), newest first, reported or not. */
  periods: string[];
  defaultPeriod: string | null;
  forms: FormInfo[];
}

export interface UnitLine {
  code: string;
  name: string;
  status: string;
  label: string;
  form: string;
}
export interface IndicatorLine {
  key: string;
  header: string;
  kind: 'stock' | 'flow';
  decimal: boolean;
  period: number;
  cumulative: number;
  change: number | null;
  /** Stocks: the figures taken from an earlier period (units, the oldest period, and whether every figure is). */
  carried: Carried | null;
}
export interface FormSummary {
  form: string;
  tab: string;
  dueBefore: string | null;
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  completeness: number | null;
  timeliness: number | null;
  installRate: number | null;
  /** The exact integers behind the rates: the page formats them with core's one formatter. */
  shares: { completeness: Share | null; timeliness: Share | null; installRate: Share | null };
  chase: UnitLine[];
  indicators: IndicatorLine[];
  /** One line on VNNIC's measured samples (tab `Dữ liệu i-Speed`), null without data for the period. */
  measured: string | null;
  /** When the period's figures are closed: when, and how many corrections since. */
  closedLine: string | null;
}
/** `reclose`: the label of the button that closes the period again (null when it is not closed). */
export interface ReportSummary {
  period: string;
  pastDeadline: boolean;
  forms: FormSummary[];
  adminEmails: string[];
  reclose: string | null;
  /** `Người ký` is empty: the document leaves a line to sign on, and the officer is told to fill the setting. */
  signerMissing: boolean;
}

/** What clicking a unit to chase did on its tab. */
export interface UnitRows {
  tab: string;
  unit: string;
  period: string;
  /** The unit's rows of the period, selected; empty when it has none. */
  rows: number[];
  /** When it has none: the first empty row, selected, and the headers to type the unit and the period under. */
  emptyRow: number | null;
  unitHeader: string;
  periodHeader: string;
}

export interface ReminderLine {
  unit: string;
  form: string;
  period: string;
  step: string;
  to: string[];
  subject: string;
}
export interface NextSend {
  /** dd/MM/yyyy, and whether that is today. */
  day: string;
  today: boolean;
  hour: number;
  emails: number;
  /** The forms, periods and steps of that run ("Biểu mẫu 03 kỳ 08/2024, 7 ngày trước hạn"). */
  what: string[];
}
export interface ReminderPanel {
  autoRemind: boolean;
  /** The steps and the weekend rule, in words. */
  schedule: string;
  /** The next automatic run that would send something, as the sheet stands now; null when none is coming. */
  nextSend: NextSend | null;
  sentToday: number;
  quota: number;
  preview: ReminderLine[];
  skipped: { unit: string; form: string; step: string; reason: string }[];
  lastRuns: { at: string; sent: number; failed: number; other: number }[];
}
export interface RunSummary {
  busy: boolean;
  sent: number;
  failed: number;
  deferred: number;
  uncertain: number;
}

/**
 * The server functions the sidebar calls, as properties (so parameters are checked both ways, not bivariantly like
 * methods); each must be a top-level export of src/gas/entry.ts with exactly this signature (checked in src/gas/sidebar.ts).
 */
export interface ServerApi {
  sidebarData: () => SidebarData;
  sidebarReport: (period: string, forms: string[]) => ReportSummary;
  createReportTab: (period: string, forms: string[]) => { sheetName: string };
  createReportDocument: (period: string, forms: string[]) => { url: string; name: string; pdfUrl: string };
  emailReport: (period: string, forms: string[], confirmed: string[]) => { to: string[] };
  selectUnitRows: (form: string, code: string, period: string) => UnitRows;
  reminderPanel: () => ReminderPanel;
  sendRemindersNow: () => RunSummary;
  setAutoRemindFromSidebar: (on: boolean) => boolean;
  reclosePeriod: (period: string) => { done: boolean; message: string };
}
