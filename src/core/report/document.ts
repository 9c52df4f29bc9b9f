// The printable report (Decree 30/2020 layout) as one simple model: rendered to HTML here, to a Google Doc by the adapter.
import type { Settings } from '../model';
import { formatDay, formatMonth, parseDay, type Day } from '../periods';
import { neutralize } from '../safety';
import { CARRIED_TEXT, DOC_TEXT as D, REPORT_TEXT as T, STATUS_LABEL } from '../text/report';
import { formatChange, formatNumberVi, formatPercent } from '../format';
import { formsToPrint, hasFigure, stocksCarried, type FormReport, type IndicatorTotal, type Report } from './model';
import { SAMPLES_KEY } from '../forms/schema';
import { MEASURED_TEXT as MT } from '../text/measured';
import { correctionsSection } from '../close';
import { SHORT_TABLE_ROWS } from './html';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}
export type Align = 'left' | 'center' | 'right' | 'justify';
export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  align: Align;
  sizePt: number;
  firstLineIndentMm?: number;
  /** One line that must not wrap (the header's names and motto are broken into lines here, where the words allow). */
  noWrap?: boolean;
  /** A rule as long as the text under it (the motto's). */
  ruleUnder?: boolean;
  /** The paragraph is only a short centred rule this many mm long (under the issuing body). */
  ruleMm?: number;
  /** A caption: printed on the same page as the table after it. */
  keepWithNext?: boolean;
}
export interface Table {
  kind: 'table';
  header: string[];
  rows: string[][];
  columnAlign: Align[];
  sizePt: number;
  /** Short enough to print whole on one page (SHORT_TABLE_ROWS): never split; a longer one repeats its header row. */
  keepTogether?: boolean;
}
/** Side-by-side blocks without borders: the header (issuing body | motto) and the footer (recipients | signature). */
export interface Columns {
  kind: 'columns';
  widthsPercent: number[];
  cells: Paragraph[][];
  /** Never split across pages (the signature block). */
  keepTogether?: boolean;
  /** How far the block reaches into each side margin, as Decree 30 headers commonly do to keep the motto on one line. */
  bleedMm?: number;
}
export type Block = Paragraph | Table | Columns;

export interface DocModel {
  title: string;
  page: { size: 'A4'; widthMm: number; heightMm: number; marginsMm: { top: number; bottom: number; left: number; right: number } };
  fontFamily: string;
  fontSizePt: number;
  blocks: Block[];
  /** The heading of the working tables that follow the document (HTML/PDF): `Phụ lục`, its title, what it comes with. */
  appendix: Paragraph[];
}

// Times New Roman on the officers' machines; Tinos and Liberation Serif 2 (fonts-liberation2) are its metric twins with Vietnamese.
export const DOC_FONT = '"Times New Roman", Tinos, "Liberation Serif", serif';
const BODY_PT = 14;
const HEADER_PT = 12;
/** Characters of bold 12 pt capitals that fit one line of the header's left column (`SỞ THÔNG TIN VÀ TRUYỀN THÔNG`: 74 mm). */
const LEFT_LINE_CHARS = 29;

const para = (runs: Run[] | string, align: Align = 'justify', sizePt = BODY_PT, indent = true): Paragraph => ({
  kind: 'paragraph',
  runs: typeof runs === 'string' ? [{ text: runs }] : runs,
  align,
  sizePt,
  ...(indent && align === 'justify' ? { firstLineIndentMm: 10 } : {}),
});
const line = (run: Run, sizePt = HEADER_PT): Paragraph => ({ ...para([run], 'center', sizePt, false), noWrap: true });
/** A table's caption: centred, italic, on the page of the table under it. */
const caption = (text: string): Paragraph => ({ ...para([{ text, italic: true }], 'center', 13, false), keepWithNext: true });
/** A bold heading, on the page of what follows it. */
const heading = (text: string): Paragraph => ({ ...para([{ text, bold: true }]), keepWithNext: true });
/** A data table of the body, kept whole on one page when it is short. */
const table = (t: Omit<Table, 'kind' | 'keepTogether'>): Table => ({
  kind: 'table',
  ...t,
  keepTogether: t.rows.length <= SHORT_TABLE_ROWS,
});

function dateParts(day: Day): { dd: string; mm: string; yyyy: number } {
  const p = parseDay(day);
  return { dd: p.day < 10 ? `0${p.day}` : String(p.day), mm: p.month <= 2 ? `0${p.month}` : String(p.month), yyyy: p.year };
}

/** `Gia Lai, ngày 05 tháng 8 năm 2024`: a leading zero only on days below 10 and on months 1 and 2 (Decree 30/2020). */
export function placeDateLine(place: string, day: Day): string {
  const p = dateParts(day);
  return D.placeDate(place, p.dd, p.mm, p.yyyy);
}

// Words that open an administrative place name: a body's name breaks before them first (`… TRUYỀN THÔNG` / `TỈNH GIA LAI`).
const PLACE_WORDS = [['tỉnh'], ['thành', 'phố'], ['huyện'], ['thị', 'xã'], ['quận'], ['xã'], ['phường'], ['thị', 'trấn']];
// Words a line never ends with: they bind to the word after them.
const BINDING_WORDS = new Set(['và', 'của', 'về', 'các', 'cho', '-']);

/**
 * A body's name in capitals, broken into lines of at most `max` characters where the word groups allow: before a place
 * name, before `và`, or before a capitalised syllable as the setting writes it (`Phát triển nông thôn` is one group).
 */
export function nameLines(name: string, max = LEFT_LINE_CHARS): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const text = words.join(' ');
  if (words.length < 2 || text.length <= max) return [text.toUpperCase()];
  const lower = words.map((w) => w.toLowerCase());
  const opensPlace = (i: number) => PLACE_WORDS.some((p) => p.every((w, k) => lower[i + k] === w));
  const capital = (w: string) => w.charAt(0) !== w.charAt(0).toLowerCase();
  // A name written all in capitals (or none) says nothing of its groups: any space will do.
  const cased = words.slice(1).some(capital) && words.slice(1).some((w) => !capital(w));
  const place = words.findIndex((_, i) => i > 0 && opensPlace(i));
  const breaksBefore = (i: number) => opensPlace(i) || ((place < 0 || i < place) && (!cased || capital(words[i]) || lower[i] === 'và'));
  let best: { at: number; score: number } | null = null;
  for (let i = 1; i < words.length; i++) {
    if (!breaksBefore(i) || BINDING_WORDS.has(lower[i - 1])) continue;
    const first = words.slice(0, i).join(' '),
      rest = words.slice(i).join(' ');
    // A first line that fits first; then a place name's start; then the most even split.
    const score = (first.length > max ? 10000 : 0) + (opensPlace(i) ? 0 : 1000) + Math.max(first.length, rest.length);
    if (!best || score < best.score) best = { at: i, score };
  }
  if (!best) return [text.toUpperCase()];
  return [words.slice(0, best.at).join(' ').toUpperCase(), ...nameLines(words.slice(best.at).join(' '), max)];
}

/** A header without its `(đến nay)` / `(trong kỳ)` tail. */
function bare(header: string): string {
  return header.replace(/\s*\((đến nay|trong kỳ)\)\s*$/, '');
}
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const figure = (x: number, decimal: boolean) => formatNumberVi(x, decimal ? 1 : 0);
const names = (list: string[]) => list.map(neutralize).join(', ');
/** An indicator's total for the period as a table shows it: unknown when no unit gave a figure (its 0 says nothing). */
const periodFigure = (f: FormReport, i: IndicatorTotal) => (hasFigure(f, i) ? figure(i.period, i.decimal) : D.unknown);

/** An indicator as a phrase with its figure where a Vietnamese sentence puts it: `2.973 người thân…`, `thời lượng phát sóng 42,3 phút`. */
export function indicatorPhrase(header: string, value: string): string {
  const h = bare(header);
  const unit = /^(.*), (phút|giờ|giây)$/.exec(h);
  if (unit) return `${lowerFirst(unit[1])} ${value} ${unit[2]}`;
  const counted = /^(?:Tổng số|Số) (.+)$/.exec(h);
  return counted ? `${value} ${counted[1]}` : `${lowerFirst(h)} ${value}`;
}

/** Who reports on a form, as a sentence names them: from the names of the units active in the period. */
export function groupName(f: FormReport): string {
  // `UBND huyện KBang` and `Huyện KBang` are the same kind of unit.
  const bare = f.units.map((u) => u.name.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '').toLowerCase());
  const count = (prefix: string) => bare.filter((n) => n.startsWith(`${prefix} `)).length;
  const kinds = (words: string[]) => words.filter((w) => count(w) > 0);
  const districts = kinds(['huyện', 'thị xã', 'thành phố', 'quận']);
  const communes = kinds(['xã', 'phường', 'thị trấn']);
  if (districts.length + communes.length === 0) return D.groupOf(f.group);
  // Districts and communes report on the same form only by mistake: the larger set names the group.
  const total = (words: string[]) => words.reduce((n, w) => n + count(w), 0);
  return D.councils(total(communes) > total(districts) ? communes : districts);
}

/** The staff words of a form, from its own `staff_total` header (`cán bộ, nhân viên` for enterprises). */
function staffWords(f: FormReport): string {
  const total = f.indicators.find((i) => i.key === 'staff_total');
  const words = total ? bare(total.header).replace(/^Tổng số\s+/, '') : '';
  return D.staffWords[words] ?? (words ? lowerFirst(words) : D.staffWords.default);
}

function statusSentence(f: FormReport): string {
  const lead = D.formLead(T.formName(f.form), groupName(f));
  if (f.units.length === 0) return `${lead}${D.noUnits}.`;
  const byStatus = (s: string) => f.units.filter((u) => u.status === s).map((u) => u.name);
  const invalid = byStatus('invalid');
  if (f.expected === 0) {
    const due = f.oneOffDue ? formatDay(f.oneOffDue) : null;
    return `${lead}${D.noDeadline(f.reported, due)}.${invalid.length ? ` ${D.invalidUnits(invalid.length, names(invalid))}.` : ''}`;
  }
  let s = lead + D.completeness(f.reported, f.expected, formatPercent(f.shares.completeness));
  s += D.timeliness(f.onTime, formatPercent(f.shares.timeliness), f.late);
  if (f.unknownTime) s += D.unknownTime(f.unknownTime);
  s += '.';
  const missing = byStatus('missing'),
    pending = byStatus('pending');
  const rest = [
    ...(invalid.length ? [D.invalidUnits(invalid.length, names(invalid))] : []),
    ...(missing.length ? [D.missingUnits(missing.length, names(missing))] : []),
    ...(pending.length ? [D.pendingUnits(pending.length)] : []),
  ];
  return rest.length ? `${s} ${D.remaining(rest)}.` : s;
}

function resultSentences(f: FormReport): string[] {
  const total = f.indicators.find((i) => i.key === 'staff_total');
  const installed = f.indicators.find((i) => i.key === 'staff_installed');
  const lead = D.formLead(T.formName(f.form), groupName(f));
  const out = [
    f.installRate === null || !total || !installed
      ? lead + D.installRateNone(staffWords(f))
      : lead +
        D.installRate(figure(installed.period, false), figure(total.period, false), staffWords(f), formatPercent(f.shares.installRate)),
  ];
  const phrase = (i: IndicatorTotal) => indicatorPhrase(i.header, figure(i.period, i.decimal));
  const stocks = f.indicators.filter((i) => i.kind === 'stock' && i.key !== 'staff_total' && i.key !== 'staff_installed');
  const flows = f.indicators.filter((i) => i.kind === 'flow');
  if (stocks.length) out.push(`${D.stocksLead}${stocks.map(phrase).join('; ')}.`);
  // Figures carried from an earlier period are said to be (a reader would otherwise take them for this period's).
  const carried = stocksCarried(f);
  if (carried) out.push(CARRIED_TEXT.stocks(carried));
  if (flows.some((i) => hasFigure(f, i)))
    out.push(`${D.flowsLead}${flows.map((i) => D.flowItem(phrase(i), figure(i.cumulative, i.decimal))).join('; ')}.`);
  else if (flows.length)
    out.push(`${D.flowsNoneLead}${flows.map((i) => indicatorPhrase(i.header, figure(i.cumulative, i.decimal))).join('; ')}.`);
  return out;
}

function totalsTable(f: FormReport): Table {
  return table({
    header: D.totalsHeaders,
    columnAlign: ['center', 'left', 'right', 'right'],
    sizePt: 12,
    rows: f.indicators.map((i, n) => [String(n + 1), i.header, periodFigure(f, i), figure(i.cumulative, i.decimal)]),
  });
}

function unitsTable(f: FormReport): Table {
  return table({
    header: D.unitHeaders,
    columnAlign: ['center', 'left', 'left', 'right'],
    sizePt: 12,
    rows: f.units.map((u, n) => [String(n + 1), neutralize(u.name), STATUS_LABEL[u.status], formatPercent(u.installShare, D.unknown)]),
  });
}

/** VNNIC's measured samples, per form that has them: a short paragraph and a table per unit. */
function measuredBlocks(forms: FormReport[]): Block[] {
  const out: Block[] = [];
  for (const f of forms) {
    const m = f.measured;
    if (!m) continue;
    const name = (code: string) => neutralize(m.units.find((u) => u.code === code)!.name);
    const below = m.below.map((c) => `${name(c)} (${figure(m.units.find((u) => u.code === c)!.samples ?? 0, false)})`).join(', ');
    const mismatch = m.mismatch.map(name).join(', ');
    out.push(
      para(
        MT.docParagraph(T.formName(f.form), m.atTarget, m.units.length, m.target, below, m.unmatched.map(neutralize)) +
          (mismatch ? MT.docMismatch(mismatch) : ''),
      ),
    );
    out.push(caption(MT.docCaption(T.formName(f.form))));
    out.push(
      table({
        header: MT.docHeaders,
        columnAlign: ['center', 'left', 'right', 'right', 'right'],
        sizePt: 12,
        rows: m.units.map((u, n) => [
          String(n + 1),
          neutralize(u.name),
          u.samples === null ? MT.unreadable : figure(u.samples, false),
          formatChange(u.change, 0, D.unknown),
          u.reported === null ? D.unknown : figure(u.reported, false),
        ]),
      }),
    );
  }
  return out;
}

function chaseParagraphs(r: Report): Paragraph[] {
  if (!r.chase.length) return [para(D.chaseNone)];
  const out: Paragraph[] = [];
  for (const status of ['missing', 'invalid'] as const) {
    const items = r.chase.filter((c) => c.status === status);
    if (!items.length) continue;
    const forms = Array.from(new Set(items.map((c) => c.form)));
    const list = forms.map((form) => `${names(items.filter((c) => c.form === form).map((c) => c.name))} (${T.formName(form)})`).join('; ');
    out.push(para(status === 'missing' ? D.chaseMissing(list) : D.chaseInvalid(list)));
  }
  return out;
}

/**
 * The document of a report whose figures stand as of `today`, dated `date` (`--date`; today when not given).
 */
export function reportDocument(r: Report, settings: Settings, today: Day, date: Day = today): DocModel {
  const period = formatMonth(r.period);
  const department = neutralize(settings.department);
  const superior = neutralize(settings.superiorBody).trim();
  const blocks: Block[] = [];
  blocks.push({
    kind: 'columns',
    widthsPercent: [46, 54],
    bleedMm: 5,
    cells: [
      [
        ...(superior ? nameLines(superior).map((t) => line({ text: t })) : []),
        ...nameLines(department).map((t) => line({ text: t, bold: true })),
        { ...para('', 'center', 8, false), ruleMm: 22 },
        line({ text: D.number(neutralize(settings.docSymbol)) }),
      ],
      [
        line({ text: D.motto, bold: true }, 12),
        { ...line({ text: D.mottoSub, bold: true }, 13), ruleUnder: true },
        line({ text: placeDateLine(neutralize(settings.place), date), italic: true }, 13),
      ],
    ],
  });
  blocks.push(para([{ text: D.title, bold: true }], 'center'));
  blocks.push(para([{ text: D.subject(period), bold: true }], 'center'));
  blocks.push({ ...para('', 'center', 8, false), ruleMm: 40 });
  blocks.push(para(D.intro(department, period, formatDay(today))));

  // A form with no unit and no figure is named once, not printed as zeros and empty tables.
  const { shown, empty } = formsToPrint(r);
  blocks.push(heading(D.sectionStatus));
  for (const f of shown) blocks.push(para(statusSentence(f)));
  if (empty.length) blocks.push(para(D.formsWithoutUnits(empty.map((f) => f.form))));

  if (shown.length) blocks.push(heading(D.sectionResults));
  for (const f of shown) {
    for (const s of resultSentences(f)) blocks.push(para(s));
    if (f.indicators.some((i) => i.key === SAMPLES_KEY) && f.units.length) {
      const reached = f.units.filter((u) => f.sampleTargetReached.indexOf(u.code) >= 0).map((u) => u.name);
      // Two counts of who reached the target, by two sources: each says whose figures it counts.
      const measured = f.measured ? MT.docBeside(f.measured.atTarget, f.measured.units.length) : '';
      blocks.push(para(D.samples(reached.length, f.units.length, r.sampleTarget, names(reached), measured)));
    }
  }

  if (shown.length) blocks.push(heading(D.sectionTables));
  for (const f of shown) {
    blocks.push(caption(D.tableTotals(T.formName(f.form))), totalsTable(f));
    blocks.push(caption(D.tableUnits(T.formName(f.form))), unitsTable(f));
  }

  blocks.push(...measuredBlocks(shown));

  blocks.push(heading(D.sectionNext));
  blocks.push(...chaseParagraphs(r));
  // The signed document states what the close holds; how to mend the sheet is for the working views.
  const corrections = correctionsSection(r, false);
  if (corrections) {
    blocks.push(heading(corrections.title), ...corrections.lines.map((l) => para(l)));
    if (corrections.rows.length)
      blocks.push(
        table({
          header: corrections.headers,
          rows: corrections.rows.map((row) => row.map(neutralize)),
          columnAlign: ['left', 'left', 'left', 'right', 'right'],
          sizePt: 12,
        }),
      );
  }

  const signer = settings.signerTitle
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l);
  const signerName = neutralize(settings.signerName).trim();
  blocks.push({
    kind: 'columns',
    widthsPercent: [50, 50],
    keepTogether: true,
    cells: [
      [
        para([{ text: D.recipientsTitle, bold: true, italic: true }], 'left', 12, false),
        ...D.recipients.map((t) => para(t, 'left', 11, false)),
      ],
      [
        ...signer.map((l) => line({ text: neutralize(l).toUpperCase(), bold: true }, 13)),
        ...[0, 1, 2, 3].map(() => para('', 'center', 14, false)),
        signerName ? line({ text: signerName, bold: true }, 14) : line({ text: D.signerBlank }, 14),
      ],
    ],
  });

  const appendix: Paragraph[] = [
    para([{ text: D.appendixTitle, bold: true }], 'center', 14, false),
    para([{ text: D.appendixSubject(period), bold: true }], 'center', 13, false),
    para([{ text: D.appendixRef(neutralize(settings.docSymbol), dateWords(date), department), italic: true }], 'center', 13, false),
    { ...para('', 'center', 6, false), ruleMm: 40 },
  ];

  return {
    title: D.htmlTitle(period),
    page: { size: 'A4', widthMm: 210, heightMm: 297, marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } },
    fontFamily: DOC_FONT,
    fontSizePt: BODY_PT,
    blocks,
    appendix,
  };
}

/** `ngày 20 tháng 8 năm 2024`, the Decree 30 way. */
function dateWords(day: Day): string {
  const p = dateParts(day);
  return D.dateWords(p.dd, p.mm, p.yyyy);
}

// The HTML renderers live beside this model; callers import them from here as the API says.
export { renderDocumentHtml, renderReportHtml } from './html';
