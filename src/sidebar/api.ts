// The shapes that cross google.script.run (JSON-safe only: no Date, no undefined) and a typed promise client.
// The server side is src/gas/sidebar.ts; this file holds types only on that side (no code is shared at run time).

import type { Share } from '../core/format';

export interface FormInfo { id: string; tab: string; group: string }
export interface SidebarData { periods: string[]; defaultPeriod: string | null; forms: FormInfo[] }

export interface UnitLine { code: string; name: string; status: string; label: string; form: string }
export interface IndicatorLine { key: string; header: string; kind: 'stock' | 'flow'; period: number; cumulative: number; change: number | null }
export interface FormSummary {
  form: string; tab: string; dueBefore: string | null; expected: number; reported: number; onTime: number; late: number;
  completeness: number | null; timeliness: number | null; installRate: number | null;
  /** The exact integers behind the rates: the page formats them with core's one formatter. */
  shares: { completeness: Share | null; timeliness: Share | null; installRate: Share | null };
  chase: UnitLine[]; indicators: IndicatorLine[];
  /** One line on VNNIC's measured samples (tab `Dữ liệu i-Speed`), null without data for the period. */
  measured: string | null;
  /** When the period's figures are closed: when, and how many corrections since. */
  closedLine: string | null;
}
/** `reclose`: the label of the button that closes the period again (null when it is not closed). */
export interface ReportSummary { period: string; pastDeadline: boolean; forms: FormSummary[]; reclose: string | null }

export interface ReminderLine { unit: string; form: string; period: string; step: string; to: string[]; subject: string }
export interface ReminderPanel {
  autoRemind: boolean; schedule: string; nextRun: string; quota: number;
  preview: ReminderLine[]; skipped: { unit: string; form: string; step: string; reason: string }[];
  lastRuns: { at: string; sent: number; failed: number; other: number }[];
}
export interface RunSummary { busy: boolean; sent: number; failed: number; deferred: number; uncertain: number }

/** Server functions callable from the sidebar (top-level in Code.js). */
export interface ServerApi {
  sidebarData(): SidebarData;
  sidebarReport(period: string, forms: string[]): ReportSummary;
  createReportTab(period: string, forms: string[]): { sheetName: string };
  createReportDocument(period: string, forms: string[]): { url: string; name: string };
  emailReport(period: string, forms: string[]): { to: string[] };
  selectUnitRows(form: string, code: string, period: string): number;
  reminderPanel(): ReminderPanel;
  sendRemindersNow(): RunSummary;
  setAutoRemindFromSidebar(on: boolean): boolean;
  reclosePeriod(period: string): { done: boolean; message: string };
}
