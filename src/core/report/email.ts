// The report emailed to the admins: a short summary per form and the units to chase (tables only: mail clients
// do not render SVG charts; the full document is in the sheet).
import type { Settings } from '../model';
import { escapeHtml, neutralize } from '../safety';
import { formatDay, formatMonth, type Day } from '../periods';
import { formatPercent, type Share } from '../format';
import { REPORT_EMAIL } from '../text/report-email';
import type { Report } from './model';

const pct = (s: Share | null) => formatPercent(s, '—');

export function renderReportEmail(r: Report, settings: Settings, today: Day, sheetUrl: string): { subject: string; text: string; html: string } {
  const period = formatMonth(r.period);
  const lines = r.forms.map((f) => REPORT_EMAIL.formLine(f.tab, f.expected, f.reported, f.onTime, f.late, pct(f.shares.completeness), pct(f.shares.timeliness), pct(f.shares.installRate)));
  const chase = r.chase.map((c) => `${neutralize(c.name)} (${c.code}, Biểu mẫu ${c.form}): ${c.reason}`);
  const text = [
    REPORT_EMAIL.intro(settings.department, period, formatDay(today)),
    ...lines,
    chase.length ? REPORT_EMAIL.chaseTitle : REPORT_EMAIL.noChase,
    ...chase.map((c) => `- ${c}`),
    REPORT_EMAIL.link(sheetUrl),
  ].join('\n\n');
  const html = [
    `<p>${escapeHtml(REPORT_EMAIL.intro(settings.department, period, formatDay(today)))}</p>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    chase.length ? `<p><b>${escapeHtml(REPORT_EMAIL.chaseTitle)}</b></p><ul>${chase.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>` : `<p>${escapeHtml(REPORT_EMAIL.noChase)}</p>`,
    `<p><a href="${escapeHtml(sheetUrl)}">${escapeHtml(REPORT_EMAIL.open)}</a></p>`,
  ].join('\n');
  return { subject: REPORT_EMAIL.subject(period), text, html };
}
