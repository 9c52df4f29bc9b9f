// `ispeed daily BOOK.xlsx --today D`: the BUILT bundle's dailyTick run in the local runtime over the workbook, so the
// command line and Apps Script cannot differ; the file is replaced only once the whole run succeeded.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Day } from '../../core/periods';
import { atHour, formatMonth } from '../../core/periods';
import { NO, SETTINGS, TAB, YES } from '../../core/forms/schema';
import { readBookForms } from '../../core/forms/book';
import { readSettings } from '../../core/settings';
import { readLog, recipientsLoggedOn } from '../../core/reminders';
import { validateWorkbook } from '../../core/validate';
import { localDateTime, readClosed } from '../../core/close';
import { formatTimeAndDay } from '../../core/format';
import { PERIOD_TAB } from '../../core/text/period';
import { CLI_DAILY, CLI_ERROR } from '../../core/text/cli';
import { createRuntime, loadBundle, type MemSheet, type MemSpreadsheet } from '../runtime';
import { readXlsx, workbookValues, writeXlsx } from '../xlsx';
import { encodeHeaderWord, toEml } from '../eml';
import { escapeHtml } from '../../core/safety';
import { UsageError } from './args';
import { bookWarnings, checkXlsxFile, requireFormTabs } from './input';
import { writeAtomically } from './files';
import { checkFolderTarget, checkInPlace } from './targets';

const AUTO_REMIND = SETTINGS.find((s) => s.key === 'autoRemind')!.name;

export interface DailyOptions {
  today: Day;
  outbox?: string;
  quota: number;
  /** The spreadsheet's address in the emails' links (`--url`, or the placeholder remind uses too). */
  url: string;
  sender: string;
  codePath: string;
}

export interface DailyResult {
  today: Day;
  /** The local time the run was made for ('YYYY-MM-DDTHH:mm': the day at `Giờ gửi nhắc`). */
  at: string;
  check: { errors: number; warnings: number };
  status: { rows: number };
  closed: { form: string; period: string; closedAt: string }[];
  emails: { to: string[]; subject: string }[];
  /** True when the emails were written to the outbox and logged; false for a dry run. */
  sent: boolean;
}

/** A copy of a tab's cells, to put back what the run wrote there (the log without --outbox). */
function keep(sheet: MemSheet | null) {
  if (!sheet) return null;
  const copy = <T>(rows: (Array<T | undefined> | undefined)[]) => rows.map((r) => (r ? r.slice() : r));
  return {
    values: copy(sheet.values.rows),
    formulas: copy(sheet.formulas.rows),
    formats: copy(sheet.formats.rows),
    maxRows: sheet.maxRows,
  };
}

/**
 * What became of the day's emails. With reminders off in Cấu hình that comes first, with how to turn them on: "0
 * emails" alone would read as nobody needing a reminder. Emails still written then are the failure notices to admins.
 */
function emailLines(remindersOn: boolean, n: number, outbox: string | undefined, logged: boolean): string[] {
  const line = outbox === undefined ? CLI_DAILY.dryRun(n) : CLI_DAILY.emails(n, outbox, logged);
  if (remindersOn) return [line];
  const off = CLI_DAILY.remindersOff(TAB.settings, AUTO_REMIND, YES, NO);
  return n ? [off, line] : [off];
}

/**
 * The run's result, its lines, and the warnings about the workbook as a whole that come first (a missing directory tab
 * means nobody is reminded: "0 emails" alone would read as everybody having reported).
 */
export async function runDaily(file: string, opts: DailyOptions): Promise<{ result: DailyResult; lines: string[]; warnings: string[] }> {
  checkXlsxFile(file);
  // The run writes the file it reads (INTERFACES.md: "on the workbook itself"), through a renamed temporary copy.
  checkInPlace(file);
  if (opts.outbox !== undefined) checkFolderTarget(opts.outbox, [file]);
  const codePath = opts.codePath;
  if (!existsSync(codePath)) throw new UsageError(CLI_ERROR.notBuilt);
  let ss: MemSpreadsheet;
  try {
    ss = await readXlsx(file);
  } catch {
    throw new UsageError(CLI_ERROR.corrupt(file));
  }
  ss.url = opts.url; // what the bundle's getUrl() gives, so the emails link where remind's do

  const { book } = readBookForms(workbookValues(ss));
  requireFormTabs(book, file);
  const warnings = bookWarnings(book);
  const { settings } = readSettings(book[TAB.settings]);
  const now = atHour(opts.today, settings.sendHour);
  const quota = Math.max(0, opts.quota - recipientsLoggedOn(readLog(book[TAB.log] ?? []), opts.today));
  const closedBefore = new Set(readClosed(book[PERIOD_TAB.closed]).map((c) => `${c.form}|${c.period}|${c.closedAt.getTime()}`));
  const logBefore = keep(ss.sheet(TAB.log));

  const rt = createRuntime({ spreadsheet: ss, now, mailQuota: quota });
  const app = loadBundle(rt, codePath);
  app.dailyTick();

  const after = workbookValues(ss);
  const afterBook = readBookForms(after).book;
  const v = validateWorkbook(after, now);
  const closes = readClosed(afterBook[PERIOD_TAB.closed]).filter((c) => !closedBefore.has(`${c.form}|${c.period}|${c.closedAt.getTime()}`));
  const closed = closes.map((c) => ({ form: c.form, period: formatMonth(c.period), closedAt: localDateTime(c.closedAt) }));
  const statusRows = Math.max(0, (after[PERIOD_TAB.status]?.length ?? 1) - 1);
  const emails = rt.outbox.map((m) => ({ to: m.to.slice(), subject: m.subject }));

  const sent = opts.outbox !== undefined;
  // Whether the run added to the log (sends, skips, failures): 'updated' is said only when it is true.
  const logged = sent && (afterBook[TAB.log]?.length ?? 0) > (book[TAB.log]?.length ?? 0);
  if (!sent) {
    // Nothing is sent, so nothing is logged: the log tab goes back to what it was.
    const log = ss.sheet(TAB.log);
    if (log && logBefore) {
      log.maxRows = logBefore.maxRows;
      log.values.rows = logBefore.values;
      log.formulas.rows = logBefore.formulas;
      log.formats.rows = logBefore.formats;
    } else if (log) ss.sheets = ss.sheets.filter((x) => x !== log);
  } else {
    mkdirSync(opts.outbox!, { recursive: true });
    // A file's tabs have no Google ids: a tab link's fragment (#gid=N, and the &range=A6:U6 of a unit's rows, &amp; in HTML, which
    // means nothing without its tab) holds the local runtime's number, which may open another tab of the real sheet.
    // Every link points at the spreadsheet, as remind's do.
    const bare = (text: string) =>
      text
        .split(`${opts.url}#gid=`)
        .map((part, k) => (k ? part.replace(/^\d+(&(amp;)?range=[A-Z]+\d+(:[A-Z]+\d+)?)?/, '') : part))
        .join(opts.url);
    rt.outbox.forEach((m, i) => {
      const name = `${opts.today}_${String(i + 1).padStart(3, '0')}.eml`;
      writeFileSync(
        join(opts.outbox!, name),
        toEml({
          from: `${encodeHeaderWord(settings.department)} <${opts.sender}>`,
          to: m.to,
          subject: m.subject,
          text: bare(m.body),
          html: bare(m.htmlBody ?? `<pre>${escapeHtml(m.body)}</pre>`),
          date: now,
        }),
      );
    });
  }
  await writeAtomically(file, (tmp) => writeXlsx(ss, tmp));

  const result: DailyResult = {
    today: opts.today,
    at: localDateTime(now),
    check: { errors: v.summary.errors, warnings: v.summary.warnings },
    status: { rows: statusRows },
    closed,
    emails,
    sent,
  };
  const tabOf = (form: string) => v.forms.find((f) => f.id === form)?.tab ?? form;
  const lines = [
    CLI_DAILY.ran(opts.today.split('-').reverse().join('/'), settings.sendHour),
    CLI_DAILY.checked(result.check.errors, result.check.warnings),
    CLI_DAILY.status(statusRows),
    // the time as the sheet's own close messages give it (08:00 05/09/2024); the JSON keeps its ISO form
    ...(closes.length
      ? closes.map((c) => CLI_DAILY.closed(tabOf(c.form), formatMonth(c.period), formatTimeAndDay(c.closedAt)))
      : [CLI_DAILY.noClose]),
    ...emailLines(settings.autoRemind, emails.length, opts.outbox, logged),
    CLI_DAILY.written(file),
  ];
  return { result, lines, warnings };
}
