// A job of the daily run that failed: its log entry, and the admins' notice, told once per failure.
import { escapeHtml, neutralize } from '../safety';
import { formatDay, type Day } from '../periods';
import { DAILY_FAILURE_TEXT, DAILY_STEP_LABELS } from '../text/reminders';
import { oneLine, type EmailText } from './email';
import type { LogEntry } from './log';

export type DailyStep = keyof typeof DAILY_STEP_LABELS;

export interface StepFailure {
  step: DailyStep;
  message: string;
}

/** The document property holding the failures already told: step -> message. */
export const TOLD_FAILURES_KEY = 'daily|failures';

export interface FailureNotice {
  /** The failures the admins have not been told yet. */
  tell: StepFailure[];
  /** What to record as told once they are: the failing steps and their messages (a step that works again drops out). */
  record: Record<string, string>;
}

function readTold(raw: string | null): Record<string, string> {
  try {
    const o = raw ? (JSON.parse(raw) as unknown) : {};
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Which failures to tell: those not told before with the same message. A step that recovered is told again next time. */
export function failureNotice(toldRaw: string | null, failures: StepFailure[]): FailureNotice {
  const told = readTold(toldRaw);
  const tell = failures.filter((f) => told[f.step] !== f.message);
  const record: Record<string, string> = {};
  for (const f of failures) record[f.step] = f.message;
  return { tell, record };
}

/** Whether the record to keep differs from the one stored. */
export function recordChanged(toldRaw: string | null, record: Record<string, string>): boolean {
  const told = readTold(toldRaw);
  const keys = new Set([...Object.keys(told), ...Object.keys(record)]);
  return [...keys].some((k) => told[k] !== record[k]);
}

/** The log rows of the failures: which job, and the error's message. */
export function failureEntries(failures: StepFailure[], at: Date): LogEntry[] {
  return failures.map((f) => ({
    unit: '',
    form: '',
    period: '',
    step: DAILY_STEP_LABELS[f.step],
    at,
    to: [],
    result: 'error',
    detail: f.message,
  }));
}

/** The admins' notice; every message neutralised and, in HTML, escaped. */
export function failureEmail(failures: StepFailure[], today: Day, spreadsheetUrl: string): EmailText {
  const day = formatDay(today);
  const lines = failures.map((f) => DAILY_FAILURE_TEXT.line(DAILY_STEP_LABELS[f.step], neutralize(oneLine(f.message))));
  const text = [
    DAILY_FAILURE_TEXT.greeting,
    DAILY_FAILURE_TEXT.intro(day),
    lines.map((l) => `- ${l}`).join('\n'),
    DAILY_FAILURE_TEXT.after,
    ...(spreadsheetUrl ? [`${DAILY_FAILURE_TEXT.link} ${spreadsheetUrl}`] : []),
    DAILY_FAILURE_TEXT.closing,
  ].join('\n\n');
  const html = [
    `<p>${escapeHtml(DAILY_FAILURE_TEXT.greeting)}</p>`,
    `<p>${escapeHtml(DAILY_FAILURE_TEXT.intro(day))}</p>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(DAILY_FAILURE_TEXT.after)}</p>`,
    ...(spreadsheetUrl ? [`<p>${escapeHtml(DAILY_FAILURE_TEXT.link)} ${escapeHtml(spreadsheetUrl)}</p>`] : []),
    `<p>${escapeHtml(DAILY_FAILURE_TEXT.closing)}</p>`,
  ].join('');
  return { subject: oneLine(DAILY_FAILURE_TEXT.subject(day)), text, html: `<div>${html}</div>` };
}
