// The report emailed to the admins: a table of the forms and one of the units to chase (tables only: mail clients
// do not render SVG charts), with buttons to the printable document and the sheet.
import type { Settings } from '../model';
import { escapeHtml, neutralize } from '../safety';
import { formatDay, formatMonth, type Day } from '../periods';
import { formatPercent, type Share } from '../format';
import { button, page, para, signature, table, textSignature } from '../mailHtml';
import { REPORT_EMAIL } from '../text/report-email';
import type { Report } from './model';
import { formLabel } from '../text/reminders';

const pct = (s: Share | null) => formatPercent(s, '—');

/** `documentUrl`: the printable document just made for this report, linked first (none: only the sheet). */
export function renderReportEmail(
  r: Report,
  settings: Settings,
  today: Day,
  sheetUrl: string,
  documentUrl = '',
): { subject: string; text: string; html: string } {
  const period = formatMonth(r.period);
  const department = neutralize(settings.department);
  const intro = REPORT_EMAIL.intro(department, period, formatDay(today));
  const lines = r.forms.map((f) =>
    REPORT_EMAIL.formLine(
      f.tab,
      f.expected,
      f.reported,
      f.onTime,
      f.late,
      pct(f.shares.completeness),
      pct(f.shares.timeliness),
      pct(f.shares.installRate),
    ),
  );
  const cells = r.forms.map((f) => [
    f.tab,
    String(f.expected),
    String(f.reported),
    String(f.onTime),
    String(f.late),
    pct(f.shares.completeness),
    pct(f.shares.timeliness),
    pct(f.shares.installRate),
  ]);
  const chase = r.chase.map((c) => [c.code, neutralize(c.name), formLabel(c.form), c.reason]);
  const text = [
    REPORT_EMAIL.greeting,
    intro,
    ...lines,
    chase.length
      ? [REPORT_EMAIL.chaseTitle, ...chase.map((c) => `- ${c[1]} (${c[0]}, ${c[2]}): ${c[3]}`)].join('\n')
      : REPORT_EMAIL.noChase,
    ...(documentUrl ? [REPORT_EMAIL.documentLink(documentUrl)] : []),
    REPORT_EMAIL.link(sheetUrl),
    textSignature(department, [], REPORT_EMAIL.closing),
  ].join('\n\n');
  const html = [
    para(escapeHtml(REPORT_EMAIL.greeting)),
    para(escapeHtml(intro)),
    table(REPORT_EMAIL.formHeaders, cells, [1, 2, 3, 4, 5, 6, 7]),
    chase.length
      ? para(`<b>${escapeHtml(REPORT_EMAIL.chaseTitle)}</b>`, 'margin-bottom:4px') + table(REPORT_EMAIL.chaseHeaders, chase)
      : para(escapeHtml(REPORT_EMAIL.noChase)),
    documentUrl ? button(documentUrl, REPORT_EMAIL.openDocument) : '',
    button(sheetUrl, REPORT_EMAIL.open),
    signature(department, [], REPORT_EMAIL.closing),
  ].join('');
  return { subject: REPORT_EMAIL.subject(period), text, html: page(html) };
}
