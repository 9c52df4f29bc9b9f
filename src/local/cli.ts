// The `ispeed` command line (INTERFACES.md): demo, setup, validate, report, remind on .xlsx exports.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Grid, Workbook } from '../core/types';
import { TAB } from '../core/forms/schema';
import { atHour, dayOf, formatDay, formatMonth, monthOfDay } from '../core/periods';
import { readSettings } from '../core/settings';
import {
  CLI_COLUMNS,
  CLI_DONE,
  CLI_ERROR,
  CLI_HELP,
  CLI_PROGRESS,
  CLI_REMIND,
  CSV_DELIMITER_NAMES,
  type CliCommandName,
} from '../core/text/cli';
import { COLUMN_HEADER } from '../core/text/definitions';
import { validateWorkbook } from '../core/validate';
import { buildReport, reportJson } from '../core/report/model';
import { reportSheet } from '../core/report/sheet';
import { reportDocument, renderReportHtml } from '../core/report/document';
import { setupWorkbook } from './setup';
import { bookFromSpreadsheet } from './workbook';
import {
  planJson,
  planReminders,
  readLog,
  logRow,
  recipientsLoggedOn,
  ledgerFromLog,
  type LogEntry,
  type PlannedEmail,
} from '../core/reminders';
import { encodeHeaderWord, toEml } from './eml';
import { makeDemoWorkbook, DEMO_TODAY } from './demo';
import { CsvEncodingError, CsvProblem, readUnitsCsv, repoRoot } from './units';
import {
  UsageError,
  formsAsked,
  onlyFile,
  parseArgs,
  parseForms,
  parsePeriod,
  parseSheetUrl,
  parseToday,
  parseWhole,
  type OptionSpec,
} from './cli/args';
import { makeIo, println, quietWhenClosed, type CliIo } from './cli/io';
import { bookWarnings, checkXlsxFile, formRowCount, openBook } from './cli/input';
import { checkFileTarget, checkFolderTarget, checkInPlace } from './cli/targets';
import { appendLogRows, workbookToSpreadsheet, writeAtomically, writePdf, writeReportXlsx, writeSpreadsheet } from './cli/files';
import { columnsText, count, definitionsText, directoryText, planText, reportNotes, reportText, validationText } from './cli/print';
import { formsOf } from '../core/forms/book';
import { columnsJson, formColumns } from '../core/forms/columns';
import { loadSamplesFile, useSamples } from './cli/samples';
import { runDaily } from './cli/daily';

export type { CliIo } from './cli/io';
export { UsageError } from './cli/args';

/** Validating this many rows takes about a second: say so. */
const SLOW_CHECK_ROWS = 20_000;
const DEFAULT_QUOTA = 100;
/** Every demo address is under `.example`: nothing can really be sent. */
const SENDER_ADDRESS = 'no-reply@gialai.example';

const OPTIONS: Record<Exclude<CliCommandName, 'tool'>, OptionSpec> = {
  demo: { seed: 'value', today: 'value', force: 'flag' },
  setup: { units: 'value', force: 'flag' },
  validate: { today: 'value', json: 'flag' },
  report: { period: 'value', form: 'list', today: 'value', json: 'flag', out: 'value', samples: 'value', date: 'value', force: 'flag' },
  remind: { today: 'value', json: 'flag', quota: 'value', send: 'flag', outbox: 'value', url: 'value' },
  columns: { json: 'flag' },
  daily: { today: 'value', json: 'flag', outbox: 'value', quota: 'value', url: 'value' },
};

type Command = (argv: string[], io: CliIo) => Promise<number>;

function json(io: CliIo, value: unknown): void {
  println(io.stdout, JSON.stringify(value, null, 2));
}

function lines(io: CliIo, text: string[]): void {
  for (const l of text) println(io.stdout, l);
}

function requireXlsxOut(path: string): void {
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(CLI_ERROR.outMustBeXlsx(path));
}

/** Parses the command's options; prints its help and returns null for --help. */
function args(name: Exclude<CliCommandName, 'tool'>, argv: string[], io: CliIo) {
  const a = parseArgs(argv, OPTIONS[name], name);
  if (a.help) {
    println(io.stdout, CLI_HELP[name]);
    return null;
  }
  return a;
}

/** The workbook's warnings: returned to go first in the text; with --json, said on stderr so the JSON stays as it is. */
function warnings(book: Workbook, io: CliIo, asJson: boolean): string[] {
  const found = bookWarnings(book);
  if (!asJson) return found;
  for (const w of found) println(io.stderr, w);
  return [];
}

function nowFrom(text: string | undefined, io: CliIo): Date {
  return text === undefined ? io.now() : parseToday(text);
}

function checkRows(io: CliIo, rows: number): void {
  if (rows > SLOW_CHECK_ROWS) io.progress(CLI_PROGRESS.checking(count(rows)));
}

const demo: Command = async (argv, io) => {
  const a = args('demo', argv, io);
  if (!a) return 0;
  const out = onlyFile(a, 'demo');
  requireXlsxOut(out);
  const seed = a.values.seed === undefined ? undefined : parseWhole(a.values.seed, CLI_ERROR.badSeed, true);
  const today = a.values.today === undefined ? DEMO_TODAY : parseToday(a.values.today);
  checkFileTarget(out, { reads: [], existing: 'refuse', force: a.flags.has('force') });
  const book = makeDemoWorkbook({ seed, today });
  await writeSpreadsheet(workbookToSpreadsheet(book), out);
  println(io.stdout, CLI_DONE.demo(out, count(formRowCount(book)), formatDay(dayOf(today))));
  return 0;
};

/** The units CSV of `setup --units`, as Excel saves it; says which separator it found. */
function readUnits(csv: string, io: CliIo): Grid {
  let read: ReturnType<typeof readUnitsCsv>;
  try {
    read = readUnitsCsv(readFileSync(csv));
  } catch (err) {
    if (err instanceof CsvProblem) throw new UsageError(CLI_ERROR.unitsCsvLine(csv, err.line, err.message));
    if (err instanceof CsvEncodingError) throw new UsageError(CLI_ERROR.unitsCsvEncoding(csv));
    throw new UsageError(CLI_ERROR.unitsCsv(csv));
  }
  if (read.units < 1) throw new UsageError(CLI_ERROR.unitsCsv(csv));
  io.progress(CLI_PROGRESS.unitsRead(csv, count(read.units), CSV_DELIMITER_NAMES[read.delimiter] ?? `“${read.delimiter}”`));
  return read.grid;
}

const setup: Command = async (argv, io) => {
  const a = args('setup', argv, io);
  if (!a) return 0;
  const out = onlyFile(a, 'setup');
  requireXlsxOut(out);
  const csv = a.values.units;
  if (csv !== undefined && !existsSync(csv)) throw new UsageError(CLI_ERROR.fileNotFound(csv));
  checkFileTarget(out, { reads: csv === undefined ? [] : [csv], existing: 'refuse', force: a.flags.has('force') });
  const units = csv === undefined ? undefined : readUnits(csv, io);
  // Setup is the Apps Script bundle's own, run locally: a clone that was never built has none yet.
  const code = join(repoRoot(), 'dist', 'Code.js');
  if (!existsSync(code)) throw new UsageError(CLI_ERROR.notBuilt);
  io.progress(CLI_PROGRESS.setup);
  const ss = setupWorkbook(units, io.now(), code);
  await writeSpreadsheet(ss, out);
  println(io.stdout, CLI_DONE.written(out));
  // The units as the check reads them: a code used twice or a bad form is said now, not at the first validate.
  if (units) lines(io, directoryText(validateWorkbook(bookFromSpreadsheet(ss), io.now()), basename(csv!)));
  return 0;
};

const validate: Command = async (argv, io) => {
  const a = args('validate', argv, io);
  if (!a) return 0;
  const file = onlyFile(a, 'validate');
  const now = nowFrom(a.values.today, io);
  const book = await openBook(file, io);
  const first = warnings(book, io, a.flags.has('json'));
  checkRows(io, formRowCount(book));
  const v = validateWorkbook(book, now);
  if (a.flags.has('json')) {
    json(io, {
      problems: v.problems.map((p) => ({
        sheet: p.sheet,
        row: p.row,
        column: p.column,
        severity: p.severity,
        code: p.code,
        message: p.message,
      })),
      summary: v.summary,
    });
  } else lines(io, [...first, ...validationText(v, basename(file))]);
  return v.summary.errors > 0 ? 1 : 0;
};

const REPORT_OUTPUTS = ['.xlsx', '.html', '.pdf'];

const report: Command = async (argv, io) => {
  const a = args('report', argv, io);
  if (!a) return 0;
  const file = onlyFile(a, 'report');
  if (a.values.period === undefined) throw new UsageError(CLI_ERROR.missingPeriod);
  const period = parsePeriod(a.values.period);
  const asked = parseForms(a.lists.form);
  // A document is never dated before the day its figures are summed to: without --today, a past --date is that day.
  const dated = a.values.date === undefined ? undefined : parseToday(a.values.date);
  const date = dated && dayOf(dated);
  const clock = nowFrom(a.values.today, io);
  const now = a.values.today === undefined && dated && date! < dayOf(clock) ? dated : clock;
  if (date !== undefined && date < dayOf(now)) throw new UsageError(CLI_ERROR.dateBeforeData(formatDay(date), formatDay(dayOf(now))));
  const out = a.values.out;
  if (out !== undefined && !REPORT_OUTPUTS.includes(extname(out).toLowerCase())) throw new UsageError(CLI_ERROR.badOut(out));
  checkXlsxFile(file);
  const samplesFile = a.values.samples;
  // An .xlsx may be someone's workbook; an .html or .pdf is only ever a report this command wrote before.
  if (out !== undefined)
    checkFileTarget(out, {
      reads: samplesFile !== undefined ? [file, samplesFile] : [file],
      existing: extname(out).toLowerCase() === '.xlsx' ? 'refuse' : 'replace',
      force: a.flags.has('force'),
    });
  // Read now: a samples file nothing of which could count is unusable input, refused before any work.
  const samples = samplesFile === undefined ? undefined : await loadSamplesFile(samplesFile);
  const book = await openBook(file, io);
  const today = dayOf(now);
  // Before the campaign there is nothing to count; after this month, nothing has happened yet.
  const start = readSettings(book[TAB.settings]).settings.startMonth;
  if (period < start) throw new UsageError(CLI_ERROR.periodBeforeStart(formatMonth(period), formatMonth(start)));
  if (period > monthOfDay(today)) throw new UsageError(CLI_ERROR.periodAfterNow(formatMonth(period), formatMonth(monthOfDay(today))));
  const first = warnings(book, io, a.flags.has('json'));
  checkRows(io, formRowCount(book));
  const v = validateWorkbook(book, now);
  if (samples !== undefined) useSamples(samples, samplesFile!, v, io);
  const r = buildReport(v, period, formsAsked(asked, v.forms), today);
  if (a.flags.has('json')) json(io, reportJson(r));
  else
    lines(io, [
      ...first,
      ...reportText(r),
      ...reportNotes(r, a.values.today === undefined && date === undefined, v.settings.signerName, out),
    ]);
  if (out !== undefined) {
    const ext = extname(out).toLowerCase();
    if (ext === '.xlsx') {
      await writeReportXlsx(reportSheet(r, v.settings, now), out);
    } else {
      const html = renderReportHtml(r, reportDocument(r, v.settings, today, date));
      if (ext === '.html') {
        await writeAtomically(out, async (tmp) => {
          writeFileSync(tmp, html, 'utf8');
        });
      } else {
        io.progress(CLI_PROGRESS.printingPdf);
        try {
          await writePdf(html, out);
        } catch (err) {
          throw new UsageError(CLI_ERROR.pdfFailed((err instanceof Error ? err.message : String(err)).split('\n')[0]));
        }
      }
    }
    if (!a.flags.has('json')) println(io.stdout, CLI_DONE.written(out));
  }
  return 0;
};

/** A file name that says what the email is: day, form, unit, period and step. */
function emlName(e: PlannedEmail, today: string): string {
  const part = (s: string) => s.replace(/[^A-Za-z0-9+-]+/g, '-');
  return `${today}_${e.form ? `${e.form}_${part(e.unit)}` : 'tong-hop'}_${part(e.period)}_${part(e.step)}.eml`;
}

const remind: Command = async (argv, io) => {
  const a = args('remind', argv, io);
  if (!a) return 0;
  const file = onlyFile(a, 'remind');
  if (a.values.today === undefined) throw new UsageError(CLI_ERROR.missingToday);
  const now = parseToday(a.values.today);
  const quotaLimit = a.values.quota === undefined ? DEFAULT_QUOTA : parseWhole(a.values.quota, CLI_ERROR.badQuota);
  const send = a.flags.has('send');
  const outbox = a.values.outbox;
  if (send && outbox === undefined) throw new UsageError(CLI_ERROR.sendNeedsOutbox);
  if (!send && outbox !== undefined) throw new UsageError(CLI_ERROR.outboxNeedsSend);
  const url = parseSheetUrl(a.values.url);
  if (send && outbox !== undefined) {
    // Every .eml and the log row of each send must land, or the next run would send again: refuse now if they cannot.
    checkXlsxFile(file);
    checkFolderTarget(outbox, [file]);
    checkInPlace(file);
  }

  const book = await openBook(file, io);
  const first = warnings(book, io, a.flags.has('json'));
  checkRows(io, formRowCount(book));
  const v = validateWorkbook(book, now);
  const today = dayOf(now);
  const log = readLog(book[TAB.log] ?? []);
  const quota = Math.max(0, quotaLimit - recipientsLoggedOn(log, today));
  // A local file has no Google address and no tab ids: every link points at the spreadsheet. It has no document
  // properties either: the log's addresses are its sent ledger, so it plans what the trigger plans on the same book.
  const plan = planReminders({ v, log, today, quota, links: { spreadsheetUrl: url, tabUrl: () => url }, ledger: ledgerFromLog(log) });

  if (a.flags.has('json')) json(io, planJson(plan));
  else
    lines(io, [
      ...first,
      ...planText(plan, !send, new Map(v.units.map((u) => [u.code, u.name])), new Map(v.forms.map((f) => [f.id, f.tab]))),
    ]);
  if (!send || !outbox) return 0;

  mkdirSync(outbox, { recursive: true });
  const from = `${encodeHeaderWord(v.settings.department)} <${SENDER_ADDRESS}>`;
  // Sent when the daily trigger sends (Giờ gửi nhắc), as `ispeed daily` stamps them, not at --today's noon.
  const at = atHour(today, v.settings.sendHour);
  const entries: LogEntry[] = [];
  for (const e of plan.emails) {
    writeFileSync(join(outbox, emlName(e, today)), toEml({ from, to: e.to, subject: e.subject, text: e.text, html: e.html, date: at }));
    entries.push({ unit: e.unit, form: e.form, period: e.period, step: e.step, at, to: e.to, result: 'sent', detail: e.kind });
  }
  for (const s of plan.skipped) {
    if (s.reason === 'already_sent' || s.reason === 'reported') continue; // the log already says so
    entries.push({
      unit: s.unit,
      form: s.form,
      period: s.period,
      step: s.step,
      at,
      to: [],
      result: s.reason === 'quota' ? 'deferred' : 'skipped',
      detail: s.reason,
    });
  }
  await appendLogRows(file, entries.map(logRow));
  if (!a.flags.has('json')) println(io.stdout, CLI_REMIND.outbox(outbox));
  return 0;
};

const columns: Command = async (argv, io) => {
  const a = args('columns', argv, io);
  if (!a) return 0;
  const book = await openBook(onlyFile(a, 'columns'), io);
  const { forms, problems } = formsOf(book);
  const current = monthOfDay(dayOf(io.now()));
  const list = forms.map((f) => formColumns(f, book[f.tab], current));
  // A bad definition is left out of the mapping: say which and why first (with --json on stderr, the JSON unchanged).
  const defs = definitionsText(problems);
  if (!(TAB.formList in book) && !(TAB.formColumns in book))
    defs.unshift(CLI_COLUMNS.template(TAB.formList, TAB.formColumns, COLUMN_HEADER.aliases));
  if (a.flags.has('json')) {
    for (const l of defs) println(io.stderr, l);
    json(io, columnsJson(list.filter((f) => !f.absent)));
  } else lines(io, [...defs, ...columnsText(list)]);
  return 0;
};

const daily: Command = async (argv, io) => {
  const a = args('daily', argv, io);
  if (!a) return 0;
  const file = onlyFile(a, 'daily');
  if (a.values.today === undefined) throw new UsageError(CLI_ERROR.missingToday);
  const today = dayOf(parseToday(a.values.today));
  const quota = a.values.quota === undefined ? DEFAULT_QUOTA : parseWhole(a.values.quota, CLI_ERROR.badQuota);
  const url = parseSheetUrl(a.values.url);
  const codePath = join(repoRoot(), 'dist', 'Code.js');
  const run = await runDaily(file, { today, outbox: a.values.outbox, quota, url, sender: SENDER_ADDRESS, codePath });
  if (a.flags.has('json')) {
    for (const w of run.warnings) println(io.stderr, w);
    json(io, run.result);
  } else lines(io, [...run.warnings, ...run.lines]);
  return 0;
};

const COMMANDS: Record<string, Command> = { demo, setup, validate, report, remind, columns, daily };

/** Runs one command; returns the exit code (0 done, 1 validate found errors, 2 unusable input). */
export async function main(argv: string[], partialIo: Partial<Pick<CliIo, 'stdout' | 'stderr' | 'now'>> = {}): Promise<number> {
  const io = makeIo(partialIo);
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      println(io.stderr, CLI_ERROR.noCommand);
      return 2;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      println(io.stdout, CLI_HELP.tool);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(CLI_ERROR.unknownCommand(name));
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) println(io.stderr, err.message);
    else {
      const why = err instanceof Error ? err.message : String(err);
      println(io.stderr, CLI_ERROR.internal(why.split('\n')[0]));
      if (process.env.ISPEED_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    }
    return 2;
  }
}

/** Run when started as a program (bin/ispeed.js, `npx ispeed`, run-ts.mjs), never when a test imports it. */
function startedAsProgram(): boolean {
  if (typeof require !== 'undefined' && require.main === module) return true;
  const script = process.argv[1] ? basename(process.argv[1]) : '';
  return /^ispeed(\.js)?$/.test(script) || /(^|[\\/])cli\.(ts|cjs)$/.test(process.argv[1] ?? '') || process.env.ISPEED_CLI === '1';
}

if (startedAsProgram()) {
  // A reader that stops early (`| head`) closes the pipe: the command still finishes its work, silently.
  main(process.argv.slice(2), { stdout: quietWhenClosed(process.stdout), stderr: quietWhenClosed(process.stderr) }).then((code) => {
    process.exitCode = code;
  });
}
