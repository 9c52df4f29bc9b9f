// The document and the whole report as self-contained HTML: inline CSS and SVG, no external resource, everything escaped.
import { formatDay, formatMonth } from '../periods';
import { escapeHtml as esc } from '../safety';
import { DOC_TEXT as D, REPORT_TEXT as T, STATUS_LABEL } from '../text/report';
import type { Block, DocModel, Paragraph, Run } from './document';
import { formatDateTime, formatNumberVi, formatPercentVi } from '../format';
import type { FormReport, Report } from './model';
import { STATUS_COLOR } from './sheet';
import { MEASURED_TEXT as MT } from '../text/measured';

function css(doc: DocModel): string {
  const m = doc.page.marginsMm;
  return `@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
body { font-family: ${doc.fontFamily}; font-size: ${doc.fontSizePt}pt; line-height: 1.35; color: #000; margin: 0; }
.doc { max-width: ${doc.page.widthMm - m.left - m.right}mm; margin: 0 auto; }
.doc p { margin: 0 0 6pt; white-space: pre-wrap; }
.doc table.cols { width: 100%; border-collapse: collapse; margin: 0 0 12pt; }
.doc table.cols td { vertical-align: top; padding: 0; border: none; }
.doc table.data { width: 100%; border-collapse: collapse; margin: 0 0 10pt; }
.doc table.data th, .doc table.data td { border: 1px solid #000; padding: 2pt 4pt; }
.report { font-family: ${doc.fontFamily}; font-size: 12pt; margin: 12pt; }
.report table { border-collapse: collapse; margin: 0 0 12pt; }
.report th, .report td { border: 1px solid #999; padding: 2pt 6pt; }
.report th { background: #cfe2f3; }
.report td.n { text-align: right; }
/* Per-unit tables have a column per indicator: fixed layout and a small font keep them inside an A4 page. */
.report table.units { width: 100%; table-layout: fixed; font-size: 7pt; }
.report table.units th, .report table.units td { padding: 1pt 2pt; overflow-wrap: anywhere; }
.break { page-break-before: always; break-before: page; }
@media screen { .doc { padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4px #999; margin: 12pt auto; } }`;
}

function runHtml(r: Run): string {
  // Runs of spaces are meant (`Số:      /BC-STTTT` leaves room for the number written by hand): keep them.
  let h = esc(r.text).replace(/ {2,}/g, (m) => '&nbsp;'.repeat(m.length));
  if (r.underline) h = `<u>${h}</u>`;
  if (r.italic) h = `<i>${h}</i>`;
  if (r.bold) h = `<b>${h}</b>`;
  return h;
}

function paragraphHtml(p: Paragraph): string {
  const indent = p.firstLineIndentMm ? ` text-indent: ${p.firstLineIndentMm}mm;` : '';
  return `<p style="text-align: ${p.align}; font-size: ${p.sizePt}pt;${indent}">${p.runs.map(runHtml).join('') || '&nbsp;'}</p>`;
}

function blockHtml(b: Block): string {
  if (b.kind === 'paragraph') return paragraphHtml(b);
  if (b.kind === 'columns') {
    return `<table class="cols"><tr>${b.cells.map((cell, i) =>
      `<td style="width: ${b.widthsPercent[i]}%">${cell.map(paragraphHtml).join('')}</td>`).join('')}</tr></table>`;
  }
  const align = (i: number) => ` style="text-align: ${b.columnAlign[i] ?? 'left'}"`;
  return `<table class="data" style="font-size: ${b.sizePt}pt"><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function documentBody(doc: DocModel): string {
  return `<main class="doc">${doc.blocks.map(blockHtml).join('\n')}</main>`;
}

function page(title: string, style: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${style}</style></head>`
    + `<body>\n${body}\n</body></html>\n`;
}

/** The printable document alone, as a full HTML page (A4, Decree 30 margins). */
export function renderDocumentHtml(doc: DocModel): string {
  return page(doc.title, css(doc), documentBody(doc));
}

// ---- The report: tables and charts before the document ----

const td = (x: string) => `<td>${esc(x)}</td>`;
const tdn = (x: string) => `<td class="n">${esc(x)}</td>`;
const th = (xs: string[]) => `<tr>${xs.map((x) => `<th>${esc(x)}</th>`).join('')}</tr>`;
const fig = (x: number | null, decimal = false) => (x === null ? '' : formatNumberVi(x, decimal ? 1 : 0));

function completenessTable(r: Report): string {
  const rows = r.forms.map((f) => `<tr>${td(T.formName(f.form))}${td(f.group)}${td(f.dueBefore ? formatDay(f.dueBefore) : T.noDeadline)}`
    + [f.expected, f.reported, f.onTime, f.late, f.unknownTime, f.invalid.length, f.missing.length].map((n) => tdn(fig(n))).join('')
    + [f.completeness, f.timeliness, f.installRate].map((x) => tdn(formatPercentVi(x))).join('') + '</tr>');
  return `<h2>${esc(T.completenessTitle)}</h2><table>${th(T.completenessHeaders)}${rows.join('')}</table>`;
}

function totalsTable(f: FormReport): string {
  const rows = f.indicators.map((i, n) => `<tr>${tdn(String(n + 1))}${td(i.header)}${td(i.kind === 'stock' ? 'Lũy kế' : 'Trong kỳ')}`
    + `${tdn(fig(i.period, i.decimal))}${tdn(fig(i.cumulative, i.decimal))}${tdn(fig(i.change, i.decimal))}</tr>`);
  return `<h3>${esc(T.totalsTitle(T.formName(f.form), f.group))}</h3><table>${th(T.totalsHeaders)}${rows.join('')}</table>`;
}

function unitsTable(f: FormReport): string {
  const rows = f.units.map((u) => `<tr style="background: ${STATUS_COLOR[u.status] ?? 'transparent'}">${td(u.code)}${td(u.name)}`
    + `${td(STATUS_LABEL[u.status])}${td(u.submittedAt ? formatDateTime(u.submittedAt) : '')}${tdn(formatPercentVi(u.installRate))}`
    + f.indicators.map((i) => tdn(fig(u.values[i.key] ?? null, i.decimal))).join('') + '</tr>');
  return `<h3>${esc(T.unitsTitle(T.formName(f.form), f.group))}</h3><table class="units">${th([...T.unitHeaders, ...f.indicators.map((i) => i.header)])}${rows.join('')}</table>`;
}

function chaseTable(r: Report): string {
  if (!r.chase.length) return `<h2>${esc(T.sectionChase)}</h2><p>${esc(T.noChase)}</p>`;
  const rows = r.chase.map((c) => `<tr style="background: ${STATUS_COLOR[c.status]}">${td(c.code)}${td(c.name)}${td(T.formName(c.form))}`
    + `${td(STATUS_LABEL[c.status])}${td(c.emails.join(', '))}${td(c.reason)}</tr>`);
  return `<h2>${esc(T.sectionChase)}</h2><table>${th(T.chaseHeaders)}${rows.join('')}</table>`;
}

/** Horizontal bars: one per unit, the install rate from 0 to 100 %. */
export function barChartSvg(title: string, items: { label: string; value: number | null }[]): string {
  const labelW = 220, barW = 360, rowH = 22, top = 30;
  const h = top + items.length * rowH + 10, w = labelW + barW + 70;
  const bars = items.map((it, i) => {
    const y = top + i * rowH;
    const len = it.value === null ? 0 : Math.max(0, Math.min(1, it.value)) * barW;
    return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(it.label)}</text>`
      + `<rect x="${labelW}" y="${y + 3}" width="${len.toFixed(1)}" height="${rowH - 6}" fill="#4a86e8"></rect>`
      + `<text x="${(labelW + len + 4).toFixed(1)}" y="${y + 15}" font-size="12">${esc(it.value === null ? D.noData : formatPercentVi(it.value, 1))}</text>`;
  }).join('');
  return `<svg role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`
    + `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`
    + `<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${h - 10}" stroke="#333"></line>${bars}</svg>`;
}

/** A line of monthly values from 0 to 100 %. */
export function lineChartSvg(title: string, points: { label: string; value: number | null }[]): string {
  const left = 50, top = 30, plotW = 520, plotH = 200, w = left + plotW + 30, h = top + plotH + 40;
  const inset = 30; // keeps the first and last value labels clear of the axis
  const step = points.length > 1 ? (plotW - 2 * inset) / (points.length - 1) : 0;
  const x = (i: number) => left + (points.length > 1 ? inset + i * step : plotW / 2);
  const y = (v: number) => top + plotH - Math.max(0, Math.min(1, v)) * plotH;
  const known = points.map((p, i) => ({ p, i })).filter((q) => q.p.value !== null);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((v) => `<line x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" stroke="#ddd"></line>`
    + `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v * 100}%</text>`).join('');
  const line = known.length > 1
    ? `<polyline fill="none" stroke="#e06666" stroke-width="2" points="${known.map((q) => `${x(q.i).toFixed(1)},${y(q.p.value!).toFixed(1)}`).join(' ')}"></polyline>`
    : '';
  const dots = known.map((q) => `<circle cx="${x(q.i).toFixed(1)}" cy="${y(q.p.value!).toFixed(1)}" r="3" fill="#e06666"></circle>`
    + `<text x="${x(q.i).toFixed(1)}" y="${(y(q.p.value!) - 8).toFixed(1)}" text-anchor="middle" font-size="11">${esc(formatPercentVi(q.p.value, 1))}</text>`).join('');
  const labels = points.map((p, i) => `<text x="${x(i).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" font-size="11">${esc(p.label)}</text>`).join('');
  return `<svg role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`
    + `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>${grid}${line}${dots}${labels}</svg>`;
}

/** One self-contained HTML: the report's tables, the two charts as inline SVG, then the printable document. */
export function renderReportHtml(r: Report, doc: DocModel): string {
  const units = r.forms.flatMap((f) => f.units).map((u) => ({ label: u.name, value: u.installRate }));
  const body = `<section class="report"><h1>${esc(T.title)}</h1><p>${esc(T.period(formatMonth(r.period)))}</p>`
    + completenessTable(r)
    + `<h2>${esc(T.sectionTotals)}</h2>${r.forms.map(totalsTable).join('')}`
    + `<h2>${esc(T.sectionUnits)}</h2>${r.forms.map(unitsTable).join('')}`
    + chaseTable(r)
    + `<div>${barChartSvg(T.chartByUnit, units)}</div>`
    + `<div>${lineChartSvg(T.chartTrend, r.trend.map((p) => ({ label: p.label, value: p.installRate })))}</div>`
    + measuredHtml(r)
    + `</section>\n<div class="break"></div>\n${documentBody(doc)}`;
  return page(doc.title, css(doc), body);
}

/** VNNIC's measured samples: per form that has them, the table and bars against the target line. */
function measuredHtml(r: Report): string {
  const forms = r.forms.filter((f) => f.measured);
  if (!forms.length) return '';
  return `<h2>${esc(MT.section)}</h2>` + forms.map((f) => {
    const m = f.measured!;
    const rows = m.units.map((u) => {
      const note = [u.samples === null ? MT.unreadable : !u.listed ? MT.notListed : u.atTarget ? MT.atTarget : MT.below, ...(u.mismatch ? [MT.mismatch] : [])].join('; ');
      return `<tr style="background: ${u.samples !== null && u.atTarget ? STATUS_COLOR.on_time : STATUS_COLOR.missing}">${td(u.code)}${td(u.name)}`
        + [u.samples, m.target, u.previous, u.change, u.reported].map((x) => tdn(fig(x))).join('') + `${td(note)}</tr>`;
    });
    const names = (codes: string[]) => codes.map((c) => m.units.find((u) => u.code === c)!.name).join(', ') || T.none;
    return `<h3>${esc(MT.title(T.formName(f.form), f.group))}</h3><table>${th(MT.headers)}${rows.join('')}</table>`
      + `<p><b>${esc(MT.summary(m.atTarget, m.units.length, m.target))}</b></p>`
      + `<p>${esc(MT.belowList)}: ${esc(names(m.below))}</p><p>${esc(MT.unmatchedList)}: ${esc(m.unmatched.join(', ') || T.none)}</p>`
      + `<div>${measuredChartSvg(MT.chartTitle(m.target), m.units.map((u) => ({ label: u.name, value: u.samples })), m.target)}</div>`;
  }).join('');
}

/** Horizontal bars of measured samples, with the target as a dashed vertical line. */
function measuredChartSvg(title: string, items: { label: string; value: number | null }[], target: number): string {
  const labelW = 220, barW = 360, rowH = 22, top = 30;
  const h = top + items.length * rowH + 24, w = labelW + barW + 80;
  const max = Math.max(target, ...items.map((it) => it.value ?? 0)) || 1;
  const x = (v: number) => labelW + (v / max) * barW;
  const bars = items.map((it, i) => {
    const y = top + i * rowH;
    const end = x(it.value ?? 0);
    return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(it.label)}</text>`
      + `<rect x="${labelW}" y="${y + 3}" width="${(end - labelW).toFixed(1)}" height="${rowH - 6}" fill="${(it.value ?? 0) >= target ? '#6aa84f' : '#e06666'}"></rect>`
      + `<text x="${(end + 4).toFixed(1)}" y="${y + 15}" font-size="12">${esc(it.value === null ? D.noData : formatNumberVi(it.value, 0))}</text>`;
  }).join('');
  const t = x(target).toFixed(1);
  return `<svg role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`
    + `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`
    + `<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${h - 24}" stroke="#333"></line>${bars}`
    + `<line x1="${t}" y1="${top - 4}" x2="${t}" y2="${h - 20}" stroke="#1155cc" stroke-width="2" stroke-dasharray="6 4"></line>`
    + `<text x="${t}" y="${h - 6}" text-anchor="middle" font-size="11">${esc(MT.chartSeries[2])}: ${esc(formatNumberVi(target, 0))}</text></svg>`;
}
