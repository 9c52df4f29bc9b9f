// The document and the whole report as self-contained HTML: inline CSS and SVG, no external resource, everything escaped.
// The report prints the document first, then its appendix (Phụ lục) of working tables on landscape pages.
import { correctionsSection } from '../close';
import { formatDay } from '../periods';
import { escapeHtml as esc } from '../safety';
import { DOC_TEXT as D, REPORT_TEXT as T, STATUS_LABEL } from '../text/report';
import type { Block, DocModel, Paragraph, Run } from './document';
import { formatChange, formatDateTime, formatNumberVi, formatPercent, share, shareRatio, type Share } from '../format';
import { formsToPrint, hasFigure, type FormReport, type IndicatorTotal, type Report } from './model';
import { STATUS_COLOR } from './sheet';
import { MEASURED_TEXT as MT } from '../text/measured';

/**
 * A table of at most this many rows prints whole on one page (moved to the next, with its caption, rather than split);
 * a longer one may break between rows, its header row repeated on each page (thead).
 */
export const SHORT_TABLE_ROWS = 15;

function css(doc: DocModel): string {
  const m = doc.page.marginsMm;
  return `@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
/* Page numbers centred in the top margin from page 2 on (Decree 30/2020: the first page shows none). */
@page { @top-center { content: counter(page); font-family: ${doc.fontFamily}; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
/* The working tables are wide: they print on landscape pages of their own (a named page). */
@page appendix { size: A4 landscape; margin: 20mm 15mm 15mm 20mm; }
body { font-family: ${doc.fontFamily}; font-size: ${doc.fontSizePt}pt; line-height: 1.35; color: #000; margin: 0; }
.doc { max-width: ${doc.page.widthMm - m.left - m.right}mm; margin: 0 auto; }
.doc p { margin: 0 0 6pt; white-space: pre-wrap; }
.doc p.nowrap { white-space: pre; margin: 0; }
.doc p.rule { margin: 1pt auto 4pt; height: 0; border-top: 1px solid #000; }
.doc span.ruled { border-bottom: 1px solid #000; padding-bottom: 1pt; }
.doc p.nowrap:has(span.ruled) { margin-bottom: 8pt; }
.doc table.cols { width: 100%; border-collapse: collapse; margin: 0 0 12pt; }
.doc table.cols td { vertical-align: top; padding: 0; border: none; }
.doc table.cols td p { margin: 0 0 2pt; }
.doc table.cols td p.rule { margin: 1pt auto 3pt; }
.keep, .keep tr { break-inside: avoid; page-break-inside: avoid; }
/* The signature never stands alone on a page: the last paragraph before it goes along. */
.keep { break-before: avoid; page-break-before: avoid; }
.doc table.data { width: 100%; border-collapse: collapse; margin: 0 0 10pt; }
.doc table.data th, .doc table.data td { border: 1px solid #000; padding: 2pt 4pt; }
.doc table.data tr { break-inside: avoid; }
/* A short table is never split; its caption or heading (break-after: avoid) goes along with it. */
table.whole { break-inside: avoid; page-break-inside: avoid; }
.appendix { page: appendix; font-family: ${doc.fontFamily}; font-size: 10pt; }
.appendix .head p { margin: 0 0 3pt; }
.appendix .head p.rule { margin: 2pt auto 10pt; height: 0; border-top: 1px solid #000; }
.appendix h2 { font-size: 12pt; margin: 10pt 0 4pt; break-after: avoid; }
.appendix h3 { font-size: 11pt; margin: 8pt 0 3pt; break-after: avoid; }
.appendix table { border-collapse: collapse; margin: 0 0 10pt; width: 100%; }
.appendix th, .appendix td { border: 1px solid #666; padding: 1.5pt 3pt; font-size: 9.5pt; vertical-align: top; }
/* Words and numbers are never broken inside: a long header wraps between its words only. */
.appendix th, .appendix td { overflow-wrap: normal; word-break: normal; hyphens: none; }
.appendix th { background: #cfe2f3; font-weight: bold; }
.appendix td.n, .appendix td.nw { white-space: nowrap; }
.appendix td.n { text-align: right; }
.appendix tr { break-inside: avoid; }
.appendix .chart { break-inside: avoid; }
@media screen { .doc { padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4px #999; margin: 12pt auto; } .appendix { margin: 12pt; } }`;
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
  if (p.ruleMm) return `<p class="rule" style="width: ${p.ruleMm}mm"></p>`;
  const indent = (p.firstLineIndentMm ? ` text-indent: ${p.firstLineIndentMm}mm;` : '') + (p.keepWithNext ? ' break-after: avoid;' : '');
  const inner = p.runs.map(runHtml).join('') || '&nbsp;';
  return (
    `<p${p.noWrap ? ' class="nowrap"' : ''} style="text-align: ${p.align}; font-size: ${p.sizePt}pt;${indent}">` +
    `${p.ruleUnder ? `<span class="ruled">${inner}</span>` : inner}</p>`
  );
}

function blockHtml(b: Block): string {
  if (b.kind === 'paragraph') return paragraphHtml(b);
  if (b.kind === 'columns') {
    const bleed = b.bleedMm ? ` style="width: calc(100% + ${2 * b.bleedMm}mm); margin-left: -${b.bleedMm}mm"` : '';
    return `<table class="cols${b.keepTogether ? ' keep' : ''}"${bleed}><tr>${b.cells
      .map((cell, i) => `<td style="width: ${b.widthsPercent[i]}%">${cell.map(paragraphHtml).join('')}</td>`)
      .join('')}</tr></table>`;
  }
  const align = (i: number) => ` style="text-align: ${b.columnAlign[i] ?? 'left'}"`;
  return (
    `<table class="data${b.keepTogether ? ' whole' : ''}" style="font-size: ${b.sizePt}pt">` +
    `<thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

function documentBody(doc: DocModel): string {
  return `<main class="doc">${doc.blocks.map(blockHtml).join('\n')}</main>`;
}

function page(title: string, style: string, body: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${style}</style></head>` +
    `<body>\n${body}\n</body></html>\n`
  );
}

/** The printable document alone, as a full HTML page (A4, Decree 30 margins). */
export function renderDocumentHtml(doc: DocModel): string {
  return page(doc.title, css(doc), documentBody(doc));
}

// ---- The appendix: the working tables and charts after the document ----

const td = (x: string) => `<td>${esc(x)}</td>`;
const tdn = (x: string) => `<td class="n">${esc(x)}</td>`;
/** A cell that must stay on one line (a date, a code, a short label). */
const tdw = (x: string) => `<td class="nw">${esc(x)}</td>`;
const th = (xs: string[]) => `<thead><tr>${xs.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead>`;
/** A working table: its header row repeats on every page it spans; a short one is kept whole. */
const grid = (headers: string[], rows: string[], cls = '') => {
  const classes = [cls, rows.length <= SHORT_TABLE_ROWS ? 'whole' : ''].filter(Boolean).join(' ');
  return `<table${classes ? ` class="${classes}"` : ''}>${th(headers)}<tbody>${rows.join('')}</tbody></table>`;
};
const fig = (x: number | null, decimal = false) => (x === null ? D.unknown : formatNumberVi(x, decimal ? 1 : 0));
const pct = (x: Share | null) => formatPercent(x, D.unknown);
const change = (x: number | null, decimal = false) => formatChange(x, decimal ? 1 : 0, D.unknown);
/** Indicator columns per per-unit table: more would squeeze the headers below one word a line. */
const UNIT_TABLE_INDICATORS = 7;
/** A name or label this short stays on one line; a longer one wraps between its words. */
const short = (x: string) => (x.length <= 24 ? tdw(x) : td(x));

function completenessTable(forms: FormReport[]): string {
  const rows = forms.map(
    (f) =>
      `<tr>${tdw(T.formName(f.form))}${td(f.group)}${tdw(f.dueBefore ? formatDay(f.dueBefore) : T.noDeadline)}` +
      [f.expected, f.reported, f.onTime, f.late, f.unknownTime, f.invalid.length, f.missing.length].map((n) => tdn(fig(n))).join('') +
      [f.shares.completeness, f.shares.timeliness, f.shares.installRate].map((x) => tdn(pct(x))).join('') +
      '</tr>',
  );
  return `<h2>${esc(T.completenessTitle)}</h2>${grid(T.completenessHeaders, rows)}`;
}

function totalsTable(f: FormReport): string {
  const rows = f.indicators.map(
    (i, n) =>
      `<tr>${tdn(String(n + 1))}${td(i.header)}${tdw(i.kind === 'stock' ? 'Lũy kế' : 'Trong kỳ')}` +
      // No unit gave a figure: its period total and change are unknown, not 0.
      (hasFigure(f, i)
        ? `${tdn(fig(i.period, i.decimal))}${tdn(fig(i.cumulative, i.decimal))}${tdn(change(i.change, i.decimal))}</tr>`
        : `${tdn(D.unknown)}${tdn(fig(i.cumulative, i.decimal))}${tdn(D.unknown)}</tr>`),
  );
  return `<h3>${esc(T.totalsTitle(T.formName(f.form), f.group))}</h3>${grid(T.totalsHeaders, rows)}`;
}

function chunks<X>(xs: X[], size: number): X[][] {
  const out: X[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** A form's per-unit figures as tables narrow enough for a landscape page: the stocks, then the flows of the period. */
function unitsTables(f: FormReport): string {
  const header = (i: IndicatorTotal) => i.header.replace(/\s*\((đến nay|trong kỳ)\)\s*$/, '');
  const parts = [
    ...chunks(
      f.indicators.filter((i) => i.kind === 'stock'),
      UNIT_TABLE_INDICATORS,
    ).map((list) => ({ title: D.unitStocks(T.formName(f.form), f.group), list })),
    ...chunks(
      f.indicators.filter((i) => i.kind === 'flow'),
      UNIT_TABLE_INDICATORS,
    ).map((list) => ({ title: D.unitFlows(T.formName(f.form), f.group), list })),
  ];
  if (!parts.length) parts.push({ title: T.unitsTitle(T.formName(f.form), f.group), list: [] });
  return parts
    .map(({ title, list }, k) => {
      // A table of the period's figures in which no unit has one would be rows of dashes: one line says so instead.
      if (k > 0 && !list.some((i) => hasFigure(f, i))) return `<h3>${esc(title)}</h3><p>${esc(D.noFlows)}</p>`;
      // The first table carries the status columns; the others repeat only the unit, so each reads on its own.
      const fixed = k === 0 ? T.unitHeaders : T.unitHeaders.slice(0, 2);
      const rows = f.units.map((u) => {
        const when = u.submittedAt ? formatDateTime(u.submittedAt).split(' ') : [D.unknown];
        const status =
          k === 0 ? `${short(STATUS_LABEL[u.status])}<td class="nw">${when.map(esc).join('<br>')}</td>${tdn(pct(u.installShare))}` : '';
        return (
          `<tr style="background: ${STATUS_COLOR[u.status] ?? 'transparent'}">${tdw(u.code)}${short(u.name)}${status}` +
          list.map((i) => tdn(fig(u.values[i.key] ?? null, i.decimal))).join('') +
          '</tr>'
        );
      });
      return `<h3>${esc(title)}</h3>${grid([...fixed, ...list.map(header)], rows, 'units')}`;
    })
    .join('');
}

function chaseTable(r: Report): string {
  if (!r.chase.length) return `<h2>${esc(T.sectionChase)}</h2><p>${esc(T.noChase)}</p>`;
  const rows = r.chase.map(
    (c) =>
      `<tr style="background: ${STATUS_COLOR[c.status]}">${tdw(c.code)}${td(c.name)}${tdw(T.formName(c.form))}` +
      `${td(STATUS_LABEL[c.status])}${td(c.emails.join(', '))}${td(c.reason)}</tr>`,
  );
  return `<h2>${esc(T.sectionChase)}</h2>${grid(T.chaseHeaders, rows)}`;
}

/** The geometry the horizontal bar charts share: the label column, the longest bar, a row, the space above. */
const BARS = { labelW: 220, barW: 360, rowH: 22, top: 30 } as const;

/** Horizontal bars: one per unit, the install rate from 0 to 100 %. */
export function barChartSvg(title: string, items: { label: string; value: Share | null }[]): string {
  const { labelW, barW, rowH, top } = BARS;
  const h = top + items.length * rowH + 10,
    w = labelW + barW + 70;
  const bars = items
    .map((it, i) => {
      const y = top + i * rowH;
      const len = Math.max(0, Math.min(1, shareRatio(it.value) ?? 0)) * barW;
      return (
        `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(it.label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${len.toFixed(1)}" height="${rowH - 6}" fill="#4a86e8"></rect>` +
        `<text x="${(labelW + len + 4).toFixed(1)}" y="${y + 15}" font-size="12">${esc(formatPercent(it.value, D.noData))}</text>`
      );
    })
    .join('');
  return (
    `<svg role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>` +
    `<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${h - 10}" stroke="#333"></line>${bars}</svg>`
  );
}

/** A line of monthly values from 0 to 100 %. */
export function lineChartSvg(title: string, shares: { label: string; value: Share | null }[]): string {
  const points = shares.map((p) => ({ label: p.label, share: p.value, value: shareRatio(p.value) }));
  const left = 50,
    top = 30,
    plotW = 520,
    plotH = 200,
    w = left + plotW + 30,
    h = top + plotH + 40;
  const inset = 30; // keeps the first and last value labels clear of the axis
  const step = points.length > 1 ? (plotW - 2 * inset) / (points.length - 1) : 0;
  const x = (i: number) => left + (points.length > 1 ? inset + i * step : plotW / 2);
  const y = (v: number) => top + plotH - Math.max(0, Math.min(1, v)) * plotH;
  const known = points.map((p, i) => ({ p, i })).filter((q) => q.p.value !== null);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" stroke="#ddd"></line>` +
        `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12">${v * 100}%</text>`,
    )
    .join('');
  const line =
    known.length > 1
      ? `<polyline fill="none" stroke="#e06666" stroke-width="2" points="${known.map((q) => `${x(q.i).toFixed(1)},${y(q.p.value!).toFixed(1)}`).join(' ')}"></polyline>`
      : '';
  const dots = known
    .map(
      (q) =>
        `<circle cx="${x(q.i).toFixed(1)}" cy="${y(q.p.value!).toFixed(1)}" r="3" fill="#e06666"></circle>` +
        `<text x="${x(q.i).toFixed(1)}" y="${(y(q.p.value!) - 8).toFixed(1)}" text-anchor="middle" font-size="12">${esc(formatPercent(q.p.share))}</text>`,
    )
    .join('');
  const labels = points
    .map((p, i) => `<text x="${x(i).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" font-size="12">${esc(p.label)}</text>`)
    .join('');
  return (
    `<svg role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>${grid}${line}${dots}${labels}</svg>`
  );
}

/** `Điều chỉnh sau khi chốt số liệu` of a closed period; nothing otherwise. */
function correctionsHtml(r: Report): string {
  const c = correctionsSection(r);
  if (!c) return '';
  return (
    `<h2>${esc(c.title)}</h2>${c.lines.map((l) => `<p>${esc(l)}</p>`).join('')}` +
    (c.rows.length
      ? grid(
          c.headers,
          c.rows.map((row) => `<tr>${row.map(td).join('')}</tr>`),
        )
      : '')
  );
}

/** One self-contained HTML: the printable document first, then its appendix (the working tables and the two charts). */
export function renderReportHtml(r: Report, doc: DocModel): string {
  // The forms the document prints: one with no unit and no figure is left out here too.
  const { shown } = formsToPrint(r);
  const appendix =
    `<section class="appendix"><div class="head">${doc.appendix.map(paragraphHtml).join('')}</div>` +
    (shown.length
      ? completenessTable(shown) +
        `<h2>${esc(T.sectionTotals)}</h2>${shown.map(totalsTable).join('')}` +
        `<h2>${esc(T.sectionUnits)}</h2>${shown.map(unitsTables).join('')}`
      : '') +
    chaseTable(r) +
    correctionsHtml(r) +
    `<h2>${esc(D.appendixCharts)}</h2>` +
    // One bar chart per form: a chart of every unit would be taller than a page.
    shown
      .filter((f) => f.units.length)
      .map(
        (f) =>
          `<div class="chart">${barChartSvg(
            D.chartByUnit(T.chartByUnit, T.formName(f.form)),
            f.units.map((u) => ({ label: u.name, value: u.installShare })),
          )}</div>`,
      )
      .join('') +
    (shown.length
      ? `<div class="chart">${lineChartSvg(
          T.chartTrend(shown.map((f) => f.form)),
          r.trend.map((p) => ({ label: p.label, value: share(p.staffInstalled, p.staffTotal) })),
        )}</div>`
      : '') +
    measuredHtml(shown) +
    `</section>`;
  return page(doc.title, css(doc), `${documentBody(doc)}\n${appendix}`);
}

/** VNNIC's measured samples: per form that has them, the table and bars against the target line. */
function measuredHtml(shown: FormReport[]): string {
  const forms = shown.filter((f) => f.measured);
  if (!forms.length) return '';
  return `<h2>${esc(MT.section)}</h2>${forms
    .map((f) => {
      const m = f.measured!;
      const rows = m.units.map((u) => {
        const note = [
          u.samples === null ? MT.unreadable : !u.listed ? MT.notListed : u.atTarget ? MT.atTarget : MT.below,
          ...(u.mismatch ? [MT.mismatch] : []),
        ].join('; ');
        return (
          `<tr style="background: ${u.samples !== null && u.atTarget ? STATUS_COLOR.on_time : STATUS_COLOR.missing}">${td(u.code)}${td(u.name)}` +
          [fig(u.samples), fig(m.target), fig(u.previous), change(u.change), fig(u.reported)].map(tdn).join('') +
          `${td(note)}</tr>`
        );
      });
      const names = (codes: string[]) => codes.map((c) => m.units.find((u) => u.code === c)!.name).join(', ') || T.none;
      return (
        `<h3>${esc(MT.title(T.formName(f.form), f.group))}</h3>${grid(MT.headers, rows)}` +
        `<p><b>${esc(MT.summary(m.atTarget, m.units.length, m.target))}</b></p>` +
        `<p>${esc(MT.belowList)}: ${esc(names(m.below))}</p><p>${esc(MT.unmatchedList)}: ${esc(m.unmatched.join(', ') || T.none)}</p>` +
        `<div>${measuredChartSvg(
          MT.chartTitle(m.target),
          m.units.map((u) => ({ label: u.name, value: u.samples })),
          m.target,
        )}</div>`
      );
    })
    .join('')}`;
}

/** Horizontal bars of measured samples, with the target as a dashed vertical line. */
function measuredChartSvg(title: string, items: { label: string; value: number | null }[], target: number): string {
  const { labelW, barW, rowH, top } = BARS;
  const h = top + items.length * rowH + 24,
    w = labelW + barW + 80;
  const max = Math.max(target, ...items.map((it) => it.value ?? 0)) || 1;
  const x = (v: number) => labelW + (v / max) * barW;
  const bars = items
    .map((it, i) => {
      const y = top + i * rowH;
      const end = x(it.value ?? 0);
      return (
        `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(it.label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${(end - labelW).toFixed(1)}" height="${rowH - 6}" fill="${(it.value ?? 0) >= target ? '#6aa84f' : '#e06666'}"></rect>` +
        `<text x="${(end + 4).toFixed(1)}" y="${y + 15}" font-size="12">${esc(it.value === null ? D.noData : formatNumberVi(it.value, 0))}</text>`
      );
    })
    .join('');
  const t = x(target).toFixed(1);
  return (
    `<svg role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>` +
    `<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${h - 24}" stroke="#333"></line>${bars}` +
    `<line x1="${t}" y1="${top - 4}" x2="${t}" y2="${h - 20}" stroke="#1155cc" stroke-width="2" stroke-dasharray="6 4"></line>` +
    `<text x="${t}" y="${h - 6}" text-anchor="middle" font-size="12">${esc(MT.chartSeries[2])}: ${esc(formatNumberVi(target, 0))}</text></svg>`
  );
}
