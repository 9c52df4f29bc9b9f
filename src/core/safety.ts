// Untrusted text: everything in a cell comes from anyone with edit access to the sheet.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for HTML text and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Text that a spreadsheet (or a CSV/xlsx reader) would evaluate: = + - @ at the start (OWASP CSV injection). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * Text to write into a sheet cell so that it stays text: a leading apostrophe makes Sheets store the rest as
 * a literal string (the apostrophe is not part of the value), so `=IMPORTXML(…)` is never evaluated.
 */
export function asSheetText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Text copied into an email or a document: neutralised the same way, visibly. */
export function neutralize(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
