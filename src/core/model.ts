// What validation makes of a workbook: the directory, the settings and every form row, parsed.
// The report and the reminders read only this; adapters render `problems` and row patches.
import type { FormId, Month, Problem } from './types';
import type { FormSpec } from './forms/schema';
import type { MeasuredTable } from './measured';
import type { ClosedForm } from './close';

export interface Unit {
  code: string;
  name: string;
  form: FormId;
  emails: string[];
  /** True when the Email cell did not parse (bad_email): no email is sent to this unit. */
  badEmail: boolean;
  contact: string;
  phone: string;
  /** Số xã, phường, thị trấn (form 03), when given. */
  communes: number | null;
  aliases: string[];
  /** Periods in which the unit exists; null = open. */
  from: Month | null;
  to: Month | null;
  /** Hoạt động = Không means never expected. */
  enabled: boolean;
  /** 1-based row in the directory tab. */
  row: number;
}

export interface Settings {
  /** `Cơ quan chủ quản`: the superior body above the issuing body in the document header. */
  superiorBody: string;
  department: string;
  place: string;
  docSymbol: string;
  /** The Department's contact person and phone, signed under the reminder emails ('' when not set). */
  contactName: string;
  contactPhone: string;
  adminEmails: string[];
  startMonth: Month;
  dueDay: number;
  /** The one-off deadline of forms 01/02 as a calendar day 'YYYY-MM-DD' (reports are due BEFORE it). */
  oneOffDeadline: string;
  /** Reminder offsets in days from the deadline day, sorted ascending, distinct, never 0. */
  reminderOffsets: number[];
  sendHour: number;
  skipWeekends: boolean;
  sampleTarget: number;
  signerTitle: string;
  signerName: string;
  autoRemind: boolean;
  reminderSubject: string;
  reminderBody: string;
  overdueSubject: string;
  overdueBody: string;
  /** Days after the deadline day at whose 00:00 a period's figures close (`Chốt số liệu sau hạn (ngày)`). */
  closeAfterDays: number;
}

/** One non-empty data row of a form tab, parsed and checked. */
export interface FormRow {
  form: FormId;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The canonical unit, when the `Đơn vị` cell matched one (even with errors elsewhere). */
  unitCode: string | null;
  month: Month | null;
  /** Indicator key -> parsed value, null when blank or unreadable. */
  values: Record<string, number | null>;
  /** `Thời điểm nộp` as an instant, null when blank. */
  submittedAt: Date | null;
  problems: Problem[];
  /** No error (warnings allowed): the row counts in the report. */
  valid: boolean;
}

/** Where each schema column sits in a tab (0-based index into the row array), found by header. */
export interface TabLayout {
  sheet: string;
  /** 1-based row of the header, 0 when the tab has no header row. */
  headerRow: number;
  /**
   * 1-based row of the column numbers right under the header (`(1) (2) (3)…`, `A B C 1 2…`): part of the header
   * block, never a data row (layout.ts isColumnNumbers). Absent when there is none. Data starts at firstDataRow.
   */
  numbersRow?: number;
  /** key -> 0-based column index; a missing column has no entry. */
  columns: Record<string, number>;
  /** key -> the header text as found in the sheet. */
  headers: Record<string, string>;
  /** key -> how the header was recognised: the defined header, or one of its other names (`Tên gọi khác`). */
  via?: Record<string, 'header' | 'alias'>;
}

export interface Validation {
  /** The forms in force (the definition tabs, or the built-in template), each `tab` as found in the workbook. */
  forms: FormSpec[];
  units: Unit[];
  settings: Settings;
  rows: FormRow[];
  /** Sorted as `validate --json` prints them. */
  problems: Problem[];
  layouts: Record<string, TabLayout>;
  summary: { errors: number; warnings: number; rows: number };
  /** VNNIC's measured samples (tab `Dữ liệu i-Speed`); absent or null without that tab. */
  measured?: MeasuredTable | null;
  /** Every close recorded in `Số liệu đã chốt` (empty without that tab). */
  closed?: ClosedForm[];
}
