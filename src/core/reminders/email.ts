// Email texts: settings templates filled for a unit, and the admins' digest; plain text and escaped HTML.
import type { Problem } from '../types';
import { formatPercent, share } from '../format';
import { escapeHtml, neutralize } from '../safety';
import { DIGEST_TEXT, REMINDER_TEXT } from '../text/reminders';

export interface EmailText { subject: string; text: string; html: string }

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

/** A subject is one line: a CR/LF from a cell must never start a new header. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

function linkHtml(url: string): string {
  return isWebLink(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url);
}

function detailLines(problems: Problem[]): string[] {
  const shown = problems.slice(0, MAX_DETAILS).map((p) => `${REMINDER_TEXT.detailCell(p.row, neutralize(oneLine(p.column)))}: ${neutralize(oneLine(p.message))}`);
  if (problems.length > MAX_DETAILS) shown.push(REMINDER_TEXT.detailMore(problems.length - MAX_DETAILS));
  return shown;
}

function detailsText(problems: Problem[]): string {
  return problems.length ? [REMINDER_TEXT.detailsIntro, ...detailLines(problems).map((l) => `- ${l}`)].join('\n') : '';
}

function detailsHtml(problems: Problem[]): string {
  if (!problems.length) return '';
  return `<p>${escapeHtml(REMINDER_TEXT.detailsIntro)}</p><ul>${detailLines(problems).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
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

function htmlParagraph(par: string, v: TemplateValues): string {
  if (par.trim() === '{chi_tiet}') return detailsHtml(v.chi_tiet);
  let html = '';
  let last = 0;
  for (const m of par.matchAll(PLACEHOLDER)) {
    html += escapeHtml(par.slice(last, m.index));
    const key = m[1];
    if (key === 'duong_dan') html += linkHtml(v.duong_dan);
    else if (key === 'chi_tiet') html += escapeHtml(detailsText(v.chi_tiet));
    else html += escapeHtml(textValue(key, v) ?? m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  html += escapeHtml(par.slice(last));
  return `<p>${html.trim().replace(/\n/g, '<br>')}</p>`;
}

/** A reminder or overdue email from the settings' templates; blank paragraphs (no {chi_tiet}) are dropped. */
export function fillTemplates(subject: string, body: string, v: TemplateValues): EmailText {
  const pars = paragraphs(body).filter((p) => fillText(p, v).trim() !== '');
  return {
    subject: oneLine(fillText(subject, { ...v, chi_tiet: [] })),
    text: pars.map((p) => fillText(p, v).trim()).join('\n\n'),
    html: `<div>${pars.map((p) => htmlParagraph(p, v)).join('')}</div>`,
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

type Block = { heading: string; items: string[] };

function digestBlocks(d: DigestInput): Block[] {
  const blocks: Block[] = [];
  for (const f of d.forms) {
    const items = f.expected === 0 ? [DIGEST_TEXT.noUnits] : [
      DIGEST_TEXT.completeness(f.reported, f.expected, percent(f.reported, f.expected)),
      DIGEST_TEXT.timeliness(f.onTime, f.expected, percent(f.onTime, f.expected)),
      `${DIGEST_TEXT.missing}: ${f.missing.length ? f.missing.join('; ') : DIGEST_TEXT.none}`,
      `${DIGEST_TEXT.invalid}: ${f.invalid.length ? f.invalid.join('; ') : DIGEST_TEXT.none}`,
    ];
    blocks.push({ heading: DIGEST_TEXT.formLine(f.form, f.group), items });
  }
  if (d.badEmails.length) blocks.push({ heading: `${DIGEST_TEXT.badEmails}:`, items: d.badEmails });
  if (d.uncertain.length) blocks.push({ heading: `${DIGEST_TEXT.uncertain}:`, items: d.uncertain });
  return blocks;
}

/** The admins' digest after a deadline; every value from the sheet neutralised and, in HTML, escaped. */
export function digestEmail(d: DigestInput): EmailText {
  const clean = (s: string) => neutralize(oneLine(s));
  const blocks = digestBlocks({ ...d, badEmails: d.badEmails.map(clean), uncertain: d.uncertain.map(clean),
    forms: d.forms.map((f) => ({ ...f, group: clean(f.group), missing: f.missing.map(clean), invalid: f.invalid.map(clean) })) });
  const department = clean(d.department);
  const intro = DIGEST_TEXT.intro(d.period, d.due, d.today);
  const text = [
    DIGEST_TEXT.greeting, intro,
    ...blocks.map((b) => [b.heading, ...b.items.map((i) => `- ${i}`)].join('\n')),
    ...(d.spreadsheetUrl ? [`${DIGEST_TEXT.link} ${d.spreadsheetUrl}`] : []),
    [department, DIGEST_TEXT.closing].filter(Boolean).join('\n'),
  ].join('\n\n');
  const html = [
    `<p>${escapeHtml(DIGEST_TEXT.greeting)}</p>`, `<p>${escapeHtml(intro)}</p>`,
    ...blocks.map((b) => `<p>${escapeHtml(b.heading)}</p><ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`),
    ...(d.spreadsheetUrl ? [`<p>${escapeHtml(DIGEST_TEXT.link)} ${linkHtml(d.spreadsheetUrl)}</p>`] : []),
    `<p>${[department, DIGEST_TEXT.closing].filter(Boolean).map(escapeHtml).join('<br>')}</p>`,
  ].join('');
  return { subject: oneLine(DIGEST_TEXT.subject(d.period, d.due)), text, html: `<div>${html}</div>` };
}
