// HTML that Gmail and Outlook both render: tables for layout, inline styles only (Gmail drops <style> blocks and
// Outlook's Word engine ignores most CSS outside a table cell), no images. Callers pass text; everything is escaped.
import { escapeHtml } from './safety';

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;color:#202124';
const CELL = `${FONT};border:1px solid #c9d1d9;padding:4px 8px;vertical-align:top`;
const BUTTON_COLOR = '#1a5fb4';

/** Only http(s) addresses become links; anything else is shown as text. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

/** A paragraph of already-escaped HTML. */
export function para(html: string, extra = ''): string {
  return `<p style="margin:0 0 12px 0;${FONT}${extra ? `;${extra}` : ''}">${html}</p>`;
}

/** A plain link (escaped); a non-web address is shown as text. */
export function link(url: string, label = url): string {
  return isWebLink(url)
    ? `<a href="${escapeHtml(url)}" target="_blank" style="color:${BUTTON_COLOR}">${escapeHtml(label)}</a>`
    : escapeHtml(url);
}

/** A button-styled link: a one-cell table whose background carries the colour (bgcolor for Outlook). */
export function button(url: string, label: string): string {
  if (!isWebLink(url)) return para(escapeHtml(url));
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0 16px 0;border-collapse:separate"><tr>` +
    `<td bgcolor="${BUTTON_COLOR}" style="background-color:${BUTTON_COLOR};border-radius:4px">` +
    `<a href="${escapeHtml(url)}" target="_blank" style="display:inline-block;padding:10px 20px;font-family:Arial,Helvetica,sans-serif;font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a>` +
    `</td></tr></table>`
  );
}

/**
 * A bordered data table; `right` lists the columns holding figures (right-aligned). Data cells never break (a code
 * `H-623` or `Biểu mẫu 03` split over two lines reads badly) except in the `wrap` columns (default: the last one).
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
  wrap: readonly number[] = [headers.length - 1],
): string {
  const align = (i: number) => (right.includes(i) ? ';text-align:right' : ';text-align:left');
  const nowrap = (i: number) => (wrap.includes(i) ? '' : ';white-space:nowrap');
  const head = headers
    .map((h, i) => `<th style="${CELL};background-color:#e8eef7;font-weight:bold${align(i)}">${escapeHtml(h)}</th>`)
    .join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td style="${CELL}${align(i)}${nowrap(i)}">${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px 0"><tr>${head}</tr>${body}</table>`;
}

/** The whole message: one centred column at most 640 px wide. */
export function page(inner: string): string {
  return (
    `<div style="${FONT}"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><tr>` +
    `<td style="${FONT};padding:8px 4px"><table role="presentation" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;border-collapse:collapse"><tr>` +
    `<td style="${FONT}">${inner}</td></tr></table></td></tr></table></div>`
  );
}

/** The plain-text part's signature: `--`, then the sender, its lines and the note (what `signature` shows in HTML). */
export function textSignature(name: string, lines: string[], note: string): string {
  return ['--', name, ...lines, note].filter(Boolean).join('\n');
}

/** The signature: the body's name in bold, then its lines, then a small grey note. */
export function signature(name: string, lines: string[], note: string): string {
  const main = [name ? `<b>${escapeHtml(name)}</b>` : '', ...lines.map(escapeHtml)].filter(Boolean).join('<br>');
  return (main ? para(main, 'margin-top:20px') : '') + (note ? para(escapeHtml(note), 'font-size:12px;color:#5f6368') : '');
}
