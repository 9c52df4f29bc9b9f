// Human-readable output of the commands, in Vietnamese.
import type { Validation } from '../../core/model';
import type { Problem } from '../../core/types';
import { carriedOf, type Report } from '../../core/report/model';
import { closedUnreadLines } from '../../core/close';
import { CARRIED_TEXT } from '../../core/text/report';
import type { ReminderPlan } from '../../core/reminders';
import { formatDay, formatMonth, monthOfDay } from '../../core/periods';
import { formatNumberVi, formatPercent } from '../../core/format';
import { CLI_COLUMNS, CLI_DONE, CLI_REMIND, CLI_REPORT, CLI_VALIDATE } from '../../core/text/cli';
import type { FormColumns, HeaderMapping } from '../../core/forms/columns';
import { TAB } from '../../core/forms/schema';
import { columnLetter } from '../../core/a1';
import { neutralize } from '../../core/safety';
import { MEASURED_TEXT } from '../../core/text/measured';

/** Whole numbers with Vietnamese thousand dots (12.345). */
export const count = (n: number) => formatNumberVi(n, 0);

export function validationText(v: Validation, file: string): string[] {
  const s = v.summary;
  const lines = [CLI_VALIDATE.summary(file, count(s.errors), count(s.warnings), count(s.rows))];
  for (const p of v.problems) lines.push(CLI_VALIDATE.problem(p.severity, p.sheet, p.row, p.column, p.message));
  if (s.errors === 0) lines.push(CLI_VALIDATE.clean);
  return lines;
}

/** The directory's problems after setup --units, each on its row of the tab; nothing when there are none. */
export function directoryText(v: Validation, csv: string): string[] {
  const found = v.problems.filter((p) => p.sheet === TAB.directory);
  if (!found.length) return [];
  return [
    CLI_DONE.unitsProblems(csv, found.filter((p) => p.severity === 'error').length, found.length, TAB.directory),
    ...found.map((p) => CLI_VALIDATE.problem(p.severity, p.sheet, p.row, p.column, p.message)),
  ];
}

export function reportText(r: Report): string[] {
  const lines = [CLI_REPORT.title(formatMonth(r.period), formatDay(r.today))];
  for (const f of r.forms) {
    const name = (code: string) => {
      const u = f.units.find((x) => x.code === code);
      return u ? `${neutralize(u.name)} (${code})` : code;
    };
    lines.push(
      '',
      CLI_REPORT.form(f.tab, f.group),
      CLI_REPORT.due(f.dueBefore ? formatDay(f.dueBefore) : null, f.oneOffDue ? formatDay(f.oneOffDue) : null),
    );
    lines.push(
      f.dueBefore ? CLI_REPORT.counts(f.expected, f.reported, f.onTime, f.late, f.unknownTime) : CLI_REPORT.reportedOnly(f.reported),
    );
    if (f.expected) lines.push(CLI_REPORT.rates(formatPercent(f.shares.completeness), formatPercent(f.shares.timeliness)));
    lines.push(CLI_REPORT.installRate(formatPercent(f.shares.installRate)));
    if (f.measured)
      lines.push(
        `  ${MEASURED_TEXT.sidebar(f.measured.atTarget, f.measured.units.length, f.measured.target, f.measured.unmatched.length)}`,
      );
    // A close whose cells do not read counts them as blank: said here as in the report's close section.
    for (const l of closedUnreadLines(f, r.period)) lines.push(`  ${l}`);
    if (f.dueBefore) lines.push(CLI_REPORT.list(CLI_REPORT.missing, f.missing.map(name)));
    lines.push(CLI_REPORT.list(CLI_REPORT.invalid, f.invalid.map(name)));
    if (f.pending.length) lines.push(CLI_REPORT.list(CLI_REPORT.pending, f.pending.map(name)));
    lines.push(CLI_REPORT.indicatorsTitle);
    for (const i of f.indicators) {
      const digits = i.decimal ? 1 : 0;
      const c = carriedOf(f, i);
      const note = c ? CARRIED_TEXT.line(c) : '';
      lines.push(
        i.kind === 'stock'
          ? CLI_REPORT.stock(i.header, formatNumberVi(i.period, digits), note)
          : CLI_REPORT.flow(i.header, formatNumberVi(i.period, digits), formatNumberVi(i.cumulative, digits)),
      );
    }
  }
  return lines;
}

/** What a reader of the document should know: it is dated today when no day was given, and who signs it. */
export function reportNotes(r: Report, datedByClock: boolean, signerName: string, out: string | undefined): string[] {
  const notes: string[] = [];
  if (datedByClock && r.period < monthOfDay(r.today)) notes.push(CLI_REPORT.datedToday(formatDay(r.today)));
  if (out && /\.(html|pdf)$/i.test(out) && !signerName.trim()) notes.push(CLI_REPORT.noSigner);
  return notes.length ? ['', ...notes] : [];
}

export function planText(plan: ReminderPlan, dryRun: boolean, unitNames: Map<string, string>, tabs: Map<string, string>): string[] {
  const who = (unit: string, form: string) =>
    unit ? `${neutralize(unitNames.get(unit) ?? unit)} (${unit}, ${tabs.get(form) ?? form})` : CLI_REMIND.digest;
  const lines = [CLI_REMIND.title(formatDay(plan.today), plan.emails.length, dryRun)];
  if (plan.emails.length === 0) lines.push(CLI_REMIND.none);
  for (const e of plan.emails) lines.push(CLI_REMIND.email(e.step, who(e.unit, e.form), e.to.join(', '), e.subject));
  if (plan.skipped.length) {
    lines.push(CLI_REMIND.skippedTitle(plan.skipped.length));
    for (const s of plan.skipped)
      lines.push(CLI_REMIND.skipped(s.step, who(s.unit, s.form), s.period, CLI_REMIND.reasons[s.reason] ?? s.reason));
  }
  return lines;
}

/** The problems of the two definition tabs (`columns` says them before the mapping they change); nothing when none. */
export function definitionsText(problems: readonly Problem[]): string[] {
  if (!problems.length) return [];
  return [
    CLI_COLUMNS.definitionProblems(problems.filter((p) => p.severity === 'error').length),
    ...problems.map((p) => CLI_VALIDATE.problem(p.severity, p.sheet, p.row, p.column, p.message)),
  ];
}

export function columnsText(list: FormColumns[]): string[] {
  const out: string[] = [];
  for (const f of list) {
    if (f.absent) {
      out.push(CLI_COLUMNS.absent(f.tab, f.form));
      continue;
    }
    if (!f.headerRow) {
      out.push(CLI_COLUMNS.noHeader(f.tab, f.form));
      continue;
    }
    out.push(CLI_COLUMNS.form(f.tab, f.form, f.headerRow));
    for (const c of f.columns) out.push(mappingText(c, f));
    if (f.missing.length)
      out.push(
        CLI_COLUMNS.missing(
          f.missing.map((k) => neutralize(f.defined[k] ?? k)),
          TAB.formColumns,
        ),
      );
  }
  return out;
}

/** One sheet header and what it is read as, the defined column named by its header (officers never see the keys). */
function mappingText(c: HeaderMapping, f: FormColumns): string {
  const header = neutralize(c.header);
  const defined = (key: string) => neutralize(f.defined[key] ?? key);
  if (c.repeats) {
    const first = f.columns.find((x) => x.key === c.repeats)!;
    return CLI_COLUMNS.repeats(header, columnLetter(c.index + 1), defined(c.repeats), columnLetter(first.index + 1));
  }
  if (c.key === null) return CLI_COLUMNS.extra(header);
  return c.via === 'alias' ? CLI_COLUMNS.byAlias(header, defined(c.key)) : CLI_COLUMNS.byHeader(header, defined(c.key));
}
