// Email texts: settings templates filled for a unit, and the admins' digest; plain text and escaped HTML.
import type { Problem } from '../types';
import { formatPercent, share } from '../format';
import { escapeHtml, neutralize } from '../safety';
import { DIGEST_TEXT, REMINDER_TEXT, formLabel } from '../text/reminders';
import { button, isWebLink, link, page, para, signature, table, textSignature } from '../mailHtml';

export interface EmailText {
  subject: string;
  text: string;
  html: string;
}

/** Values of the placeholders; `duong_dan` is a link and `chi_tiet` a list of cells to fix. */
export interface TemplateValues {
  don_vi: string;
  bieu_mau: string;
  ky_bao_cao: string;
  han_nop: string;
  duong_dan: string;
  co_quan: string;
  chi_tiet: Problem[];
}

const MAX_DETAILS = 20;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (header injection)
const CONTROL_CHARS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** A subject is one line: a CR/LF from a cell must never start a new header. */
export function oneLine(s: string): string {
  return s.replace(CONTROL_CHARS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The button under the paragraph that holds {duong_dan}, and the signature under the body. */
export interface EmailFrame {
  buttonLabel: string;
  /** A paragraph of the system's own under the body, above the signature (an overdue period already closed). */
  note?: string;
  signature: { department: string; contactName: string; contactPhone: string };
}

function detailRows(problems: Problem[]): string[][] {
  const rows = problems.slice(0, MAX_DETAILS).map((p) => [String(p.row), neutralize(oneLine(p.column)), neutralize(oneLine(p.message))]);
  if (problems.length > MAX_DETAILS) rows.push(['', '', REMINDER_TEXT.detailMore(problems.length - MAX_DETAILS)]);
  return rows;
}

function detailLines(problems: Problem[]): string[] {
  const shown = problems
    .slice(0, MAX_DETAILS)
    .map((p) => `${REMINDER_TEXT.detailCell(p.row, neutralize(oneLine(p.column)))}: ${neutralize(oneLine(p.message))}`);
  if (problems.length > MAX_DETAILS) shown.push(REMINDER_TEXT.detailMore(problems.length - MAX_DETAILS));
  return shown;
}

function detailsText(problems: Problem[]): string {
  return problems.length ? [REMINDER_TEXT.detailsIntro, ...detailLines(problems).map((l) => `- ${l}`)].join('\n') : '';
}

function detailsHtml(problems: Problem[]): string {
  if (!problems.length) return '';
  return para(escapeHtml(REMINDER_TEXT.detailsIntro)) + table(REMINDER_TEXT.detailHeaders, detailRows(problems), [0], [1, 2]);
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

function textValue(key: string, v: TemplateValues): string | null {
  if (key === 'chi_tiet') return detailsText(v.chi_tiet);
  const value = (v as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

function fillText(template: string, v: TemplateValues): string {
  return template.replace(PLACEHOLDER, (all, key: string) => textValue(key, v) ?? all);
}

function paragraphs(template: string): string[] {
  return template.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/);
}

function htmlParagraph(par: string, v: TemplateValues, frame?: EmailFrame): string {
  if (par.trim() === '{chi_tiet}') return detailsHtml(v.chi_tiet);
  let html = '';
  let last = 0;
  let linked = false;
  for (const m of par.matchAll(PLACEHOLDER)) {
    html += escapeHtml(par.slice(last, m.index));
    const key = m[1];
    if (key === 'duong_dan') {
      html += frame && isWebLink(v.duong_dan) ? link(v.duong_dan, REMINDER_TEXT.inlineLink) : link(v.duong_dan);
      linked = true;
    } else if (key === 'chi_tiet') html += escapeHtml(detailsText(v.chi_tiet));
    else html += escapeHtml(textValue(key, v) ?? m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  html += escapeHtml(par.slice(last));
  const p = para(html.trim().replace(/\n/g, '<br>'));
  // The address itself is long (#gid=…&range=…): the HTML part shows a button under its paragraph instead.
  return linked && frame && isWebLink(v.duong_dan) ? p + button(v.duong_dan, frame.buttonLabel) : p;
}

function signatureText(frame: EmailFrame): string {
  const s = frame.signature;
  const contact = REMINDER_TEXT.contact(neutralize(oneLine(s.contactName)), neutralize(oneLine(s.contactPhone)));
  return textSignature(neutralize(oneLine(s.department)), contact ? [contact] : [], REMINDER_TEXT.automatic);
}

function signatureHtml(frame: EmailFrame): string {
  const s = frame.signature;
  const contact = REMINDER_TEXT.contact(neutralize(oneLine(s.contactName)), neutralize(oneLine(s.contactPhone)));
  return signature(neutralize(oneLine(s.department)), contact ? [contact] : [], REMINDER_TEXT.automatic);
}

/**
 * A reminder or overdue email from the settings' templates; blank paragraphs (no {chi_tiet}) are dropped. With a
 * frame, the HTML part gets a button under the link's paragraph and both parts the Department's signature.
 */
export function fillTemplates(subject: string, body: string, v: TemplateValues, frame?: EmailFrame): EmailText {
  const pars = paragraphs(body).filter((p) => fillText(p, v).trim() !== '');
  const note = frame?.note ? [frame.note] : [];
  const text = [...pars.map((p) => fillText(p, v).trim()), ...note];
  const html = pars.map((p) => htmlParagraph(p, v, frame)).join('') + note.map((n) => para(escapeHtml(n))).join('');
  return {
    subject: oneLine(fillText(subject, { ...v, chi_tiet: [] })),
    text: [...text, ...(frame ? [signatureText(frame)] : [])].join('\n\n'),
    html: frame ? page(html + signatureHtml(frame)) : `<div>${html}</div>`,
  };
}

/** The digest of one deadline, per form. */
export interface DigestForm {
  form: string;
  group: string;
  expected: number;
  reported: number;
  onTime: number;
  /** 'CODE Name' lines, already sorted. */
  missing: string[];
  invalid: string[];
}

export interface DigestInput {
  period: string;
  due: string;
  today: string;
  forms: DigestForm[];
  badEmails: string[];
  uncertain: string[];
  spreadsheetUrl: string;
  department: string;
}

function percent(n: number, d: number): string {
  return formatPercent(share(n, d), '—');
}

/** One form's figures, as the table's cells and the text part's line. */
function formCells(f: DigestForm): string[] {
  if (f.expected === 0) return [formLabel(f.form), '0', '—', '—', '—', '—'];
  return [
    formLabel(f.form),
    String(f.expected),
    DIGEST_TEXT.count(f.reported, percent(f.reported, f.expected)),
    DIGEST_TEXT.count(f.onTime, percent(f.onTime, f.expected)),
    String(f.missing.length),
    String(f.invalid.length),
  ];
}

function chaseRows(f: DigestForm): string[][] {
  const split = (line: string) => {
    const i = line.indexOf(' ');
    return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
  };
  return [...f.missing.map((l) => [...split(l), DIGEST_TEXT.missing]), ...f.invalid.map((l) => [...split(l), DIGEST_TEXT.invalid])];
}

/** The admins' digest after a deadline: a table of the forms, then per form the units to chase; every value from the sheet neutralised and, in HTML, escaped. */
export function digestEmail(d: DigestInput): EmailText {
  const clean = (s: string) => neutralize(oneLine(s));
  const forms = d.forms.map((f) => ({ ...f, group: clean(f.group), missing: f.missing.map(clean), invalid: f.invalid.map(clean) }));
  const badEmails = d.badEmails.map(clean),
    uncertain = d.uncertain.map(clean);
  const department = clean(d.department);
  const intro = DIGEST_TEXT.intro(d.period, d.due, d.today);
  const text: string[] = [DIGEST_TEXT.greeting, intro];
  for (const f of forms) {
    const c = formCells(f);
    const lines = [
      DIGEST_TEXT.formLine(f.form, f.group),
      f.expected === 0
        ? `- ${DIGEST_TEXT.noUnits}`
        : `- ${DIGEST_TEXT.textLine(f.expected, c[2], c[3], f.missing.length, f.invalid.length)}`,
      ...chaseRows(f).map((r) => `  + ${r[0]} ${r[1]}: ${r[2].toLowerCase()}`),
    ];
    text.push(lines.join('\n'));
  }
  if (badEmails.length) text.push([`${DIGEST_TEXT.badEmails}:`, ...badEmails.map((i) => `- ${i}`)].join('\n'));
  if (uncertain.length) text.push([`${DIGEST_TEXT.uncertain}:`, ...uncertain.map((i) => `- ${i}`)].join('\n'));
  if (d.spreadsheetUrl) text.push(`${DIGEST_TEXT.link} ${d.spreadsheetUrl}`);
  text.push(textSignature(department, [], DIGEST_TEXT.closing));

  const html: string[] = [
    para(escapeHtml(DIGEST_TEXT.greeting)),
    para(escapeHtml(intro)),
    table(DIGEST_TEXT.tableHeaders, forms.map(formCells), [1, 2, 3, 4, 5]),
  ];
  for (const f of forms) {
    const rows = chaseRows(f);
    if (rows.length)
      html.push(para(`<b>${escapeHtml(DIGEST_TEXT.chaseTitle(f.form))}</b>`, 'margin-bottom:4px'), table(DIGEST_TEXT.chaseHeaders, rows));
  }
  if (badEmails.length)
    html.push(
      para(`<b>${escapeHtml(DIGEST_TEXT.badEmails)}</b>`, 'margin-bottom:4px'),
      table(
        DIGEST_TEXT.chaseHeaders.slice(0, 2),
        badEmails.map((l) => {
          const i = l.indexOf(' ');
          return i < 0 ? [l, ''] : [l.slice(0, i), l.slice(i + 1)];
        }),
      ),
    );
  if (uncertain.length)
    html.push(
      para(`<b>${escapeHtml(DIGEST_TEXT.uncertain)}</b>`, 'margin-bottom:4px'),
      `<ul style="margin:0 0 16px 0">${uncertain.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    );
  if (d.spreadsheetUrl) html.push(button(d.spreadsheetUrl, DIGEST_TEXT.button));
  html.push(signature(department, [], DIGEST_TEXT.closing));
  return { subject: oneLine(DIGEST_TEXT.subject(d.period, d.due)), text: text.join('\n\n'), html: page(html.join('')) };
}
