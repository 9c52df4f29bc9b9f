// The printable report (Decree 30/2020 layout) as one simple model: rendered to HTML here, to a Google Doc by the adapter.
import type { Settings } from '../model';
import { formatDay, formatMonth, parseDay, type Day } from '../periods';
import { neutralize } from '../safety';
import { DOC_TEXT as D, REPORT_TEXT as T, STATUS_LABEL } from '../text/report';
import { formatNumberVi, formatPercentVi } from '../format';
import type { FormReport, Report } from './model';
import { SAMPLES_KEY } from '../forms/schema';
import { MEASURED_TEXT as MT } from '../text/measured';

export interface Run { text: string; bold?: boolean; italic?: boolean; underline?: boolean }
export type Align = 'left' | 'center' | 'right' | 'justify';
export interface Paragraph { kind: 'paragraph'; runs: Run[]; align: Align; sizePt: number; firstLineIndentMm?: number }
export interface Table { kind: 'table'; header: string[]; rows: string[][]; columnAlign: Align[]; sizePt: number }
/** Side-by-side blocks without borders: the header (issuing body | motto) and the footer (recipients | signature). */
export interface Columns { kind: 'columns'; widthsPercent: number[]; cells: Paragraph[][] }
export type Block = Paragraph | Table | Columns;

export interface DocModel {
  title: string;
  page: { size: 'A4'; widthMm: number; heightMm: number; marginsMm: { top: number; bottom: number; left: number; right: number } };
  fontFamily: string;
  fontSizePt: number;
  blocks: Block[];
}

export const DOC_FONT = '"Times New Roman", "Liberation Serif", serif';
const BODY_PT = 14;

const para = (runs: Run[] | string, align: Align = 'justify', sizePt = BODY_PT, indent = true): Paragraph => ({
  kind: 'paragraph', runs: typeof runs === 'string' ? [{ text: runs }] : runs, align, sizePt,
  ...(indent && align === 'justify' ? { firstLineIndentMm: 10 } : {}),
});

/** `Gia Lai, ngày 05 tháng 8 năm 2024`: a leading zero only on days below 10 and on months 1 and 2 (Decree 30/2020). */
export function placeDateLine(place: string, day: Day): string {
  const p = parseDay(day);
  const dd = p.day < 10 ? `0${p.day}` : String(p.day);
  const mm = p.month <= 2 ? `0${p.month}` : String(p.month);
  return D.placeDate(place, dd, mm, p.year);
}

/** A header without its `(đến nay)` / `(trong kỳ)` tail, lower-cased at the start, to sit inside a sentence. */
function label(header: string): string {
  const h = header.replace(/\s*\((đến nay|trong kỳ)\)\s*$/, '');
  return h.charAt(0).toLowerCase() + h.slice(1);
}

const figure = (x: number, decimal: boolean) => formatNumberVi(x, decimal ? 1 : 0);
const names = (list: string[]) => list.map(neutralize).join(', ');

function statusSentence(f: FormReport): string {
  const lead = D.formLead(T.formName(f.form), f.group);
  if (f.units.length === 0) return `${lead}${D.noUnits}.`;
  if (f.expected === 0) {
    const invalid = f.units.filter((u) => u.status === 'invalid').map((u) => u.name);
    return `${lead}${D.noDeadline(f.reported)}${invalid.length ? D.invalidUnits(invalid.length, names(invalid)) : ''}.`;
  }
  const byStatus = (s: string) => f.units.filter((u) => u.status === s).map((u) => u.name);
  let s = lead + D.completeness(f.reported, f.expected, formatPercentVi(f.completeness));
  s += D.timeliness(f.onTime, formatPercentVi(f.timeliness), f.late);
  if (f.unknownTime) s += D.unknownTime(f.unknownTime);
  const invalid = byStatus('invalid'), missing = byStatus('missing'), pending = byStatus('pending');
  if (invalid.length) s += D.invalidUnits(invalid.length, names(invalid));
  if (missing.length) s += D.missingUnits(missing.length, names(missing));
  if (pending.length) s += D.pendingUnits(pending.length);
  return `${s}.`;
}

function resultSentence(f: FormReport): string {
  const total = f.indicators.find((i) => i.key === 'staff_total');
  const installed = f.indicators.find((i) => i.key === 'staff_installed');
  const form = T.formName(f.form);
  let s = f.installRate === null || !total || !installed
    ? D.installRateNone(form)
    : D.installRate(form, formatPercentVi(f.installRate), figure(installed.period, false), figure(total.period, false));
  const stocks = f.indicators.filter((i) => i.kind === 'stock' && i.key !== 'staff_total' && i.key !== 'staff_installed');
  const flows = f.indicators.filter((i) => i.kind === 'flow');
  if (stocks.length) s += '; ' + stocks.map((i) => D.stockItem(label(i.header), figure(i.period, i.decimal))).join('; ');
  if (flows.length) s += D.flowsLead + flows.map((i) => D.flowItem(label(i.header), figure(i.period, i.decimal), figure(i.cumulative, i.decimal))).join('; ');
  return `${s}.`;
}

function totalsTable(f: FormReport): Table {
  return {
    kind: 'table', header: D.totalsHeaders, columnAlign: ['center', 'left', 'right', 'right'], sizePt: 12,
    rows: f.indicators.map((i, n) => [String(n + 1), i.header, figure(i.period, i.decimal), figure(i.cumulative, i.decimal)]),
  };
}

function unitsTable(f: FormReport): Table {
  return {
    kind: 'table', header: D.unitHeaders, columnAlign: ['center', 'left', 'left', 'right'], sizePt: 12,
    rows: f.units.map((u, n) => [String(n + 1), neutralize(u.name), STATUS_LABEL[u.status], formatPercentVi(u.installRate)]),
  };
}

/** VNNIC's measured samples, per form that has them: a short paragraph and a table per unit. */
function measuredBlocks(r: Report): Block[] {
  const out: Block[] = [];
  for (const f of r.forms) {
    const m = f.measured;
    if (!m) continue;
    const name = (code: string) => neutralize(m.units.find((u) => u.code === code)!.name);
    const below = m.below.map((c) => `${name(c)} (${figure(m.units.find((u) => u.code === c)!.samples ?? 0, false)})`).join(', ');
    const mismatch = m.mismatch.map(name).join(', ');
    out.push(para(MT.docParagraph(T.formName(f.form), m.atTarget, m.units.length, m.target, below, m.unmatched.map(neutralize)) + (mismatch ? MT.docMismatch(mismatch) : '')));
    out.push(para([{ text: MT.docCaption(T.formName(f.form)), italic: true }], 'center', 13, false));
    out.push({
      kind: 'table', header: MT.docHeaders, columnAlign: ['center', 'left', 'right', 'right', 'right'], sizePt: 12,
      rows: m.units.map((u, n) => [String(n + 1), neutralize(u.name), u.samples === null ? MT.unreadable : figure(u.samples, false),
        u.change === null ? '' : (u.change > 0 ? '+' : '') + figure(u.change, false), u.reported === null ? '' : figure(u.reported, false)]),
    });
  }
  return out;
}

export function reportDocument(r: Report, settings: Settings, today: Day): DocModel {
  const period = formatMonth(r.period);
  const blocks: Block[] = [];
  blocks.push({
    kind: 'columns', widthsPercent: [40, 60], cells: [
      [para([{ text: neutralize(settings.department).toUpperCase(), bold: true }], 'center', 13),
        para(D.number(neutralize(settings.docSymbol)), 'center', 13)],
      [para([{ text: D.motto, bold: true }], 'center', 13),
        para([{ text: D.mottoSub, bold: true, underline: true }], 'center', 14),
        para([{ text: placeDateLine(neutralize(settings.place), today), italic: true }], 'center', 14)],
    ],
  });
  blocks.push(para([{ text: D.title, bold: true }], 'center'));
  blocks.push(para([{ text: D.subject(period), bold: true }], 'center'));
  blocks.push(para(D.intro(neutralize(settings.department), period, formatDay(today))));

  blocks.push(para([{ text: D.sectionStatus, bold: true }]));
  for (const f of r.forms) blocks.push(para(statusSentence(f)));

  blocks.push(para([{ text: D.sectionResults, bold: true }]));
  for (const f of r.forms) {
    blocks.push(para(resultSentence(f)));
    if (f.indicators.some((i) => i.key === SAMPLES_KEY) && f.units.length) {
      const reached = f.units.filter((u) => f.sampleTargetReached.indexOf(u.code) >= 0).map((u) => u.name);
      blocks.push(para(D.samples(reached.length, f.units.length, r.sampleTarget, names(reached))));
    }
  }

  blocks.push(para([{ text: D.sectionTables, bold: true }]));
  for (const f of r.forms) {
    blocks.push(para([{ text: D.tableTotals(T.formName(f.form)), italic: true }], 'center', 13, false));
    blocks.push(totalsTable(f));
    blocks.push(para([{ text: D.tableUnits(T.formName(f.form)), italic: true }], 'center', 13, false));
    blocks.push(unitsTable(f));
  }

  blocks.push(...measuredBlocks(r));

  blocks.push(para([{ text: D.sectionNext, bold: true }]));
  blocks.push(para(r.chase.length
    ? D.chase(r.chase.map((c) => `${neutralize(c.name)} (${T.formName(c.form)}, ${STATUS_LABEL[c.status].toLowerCase()})`).join('; '))
    : D.chaseNone));

  const signer = settings.signerTitle.split(/\r?\n/).map((l) => l.trim()).filter((l) => l);
  blocks.push({
    kind: 'columns', widthsPercent: [50, 50], cells: [
      [para([{ text: D.recipientsTitle, bold: true, italic: true }], 'left', 12, false),
        ...D.recipients.map((t) => para(t, 'left', 11, false))],
      [...signer.map((l) => para([{ text: neutralize(l).toUpperCase(), bold: true }], 'center', 14, false)),
        ...[0, 1, 2, 3].map(() => para('', 'center', 14, false)),
        para([{ text: neutralize(settings.signerName), bold: true }], 'center', 14, false)],
    ],
  });

  return {
    title: D.htmlTitle(period),
    page: { size: 'A4', widthMm: 210, heightMm: 297, marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } },
    fontFamily: DOC_FONT, fontSizePt: BODY_PT, blocks,
  };
}

// The HTML renderers live beside this model; callers import them from here as the API says.
export { renderDocumentHtml, renderReportHtml } from './html';
