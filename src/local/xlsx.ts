// Workbook <-> .xlsx with exceljs. Dates in an .xlsx are wall-clock times of the spreadsheet's zone (Asia/Ho_Chi_Minh):
// exceljs hands them over as if UTC, so reading turns them into real instants and writing turns them back.
import { openSync, readSync, closeSync, existsSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { CellValue, Workbook } from '../core/types';
import { quotedSheet } from '../core/a1';
import {
  MemSpreadsheet,
  type MemSheet,
  MemDataValidation,
  type MemRange,
  DataValidationCriteria,
  columnLetter,
  parseA1,
  isDateValue,
} from './runtime/spreadsheet';
import { fromWallClock, wallClock } from './runtime/format';
import { MemBooleanCondition, MemConditionalFormatRule } from './runtime/conditional';

export type XlsxErrorCode = 'missing' | 'encrypted' | 'not_xlsx' | 'corrupt';

/** A file that cannot be read as a workbook; the message is for users (Vietnamese). */
export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Excel column width (characters) <-> Sheets width (pixels). */
const toPixels = (chars: number) => Math.round(chars * 7 + 5);
const toChars = (px: number) => Math.max(1, (px - 5) / 7);

function checkFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new XlsxError('missing', `Không tìm thấy tệp: ${path}`);
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  let n = 0;
  try {
    n = readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 4 && head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new XlsxError(
      'encrypted',
      `Tệp ${path} được đặt mật khẩu/mã hoá (hoặc là tệp .xls cũ): hãy mở tệp, bỏ mật khẩu và lưu lại dạng .xlsx rồi thử lại.`,
    );
  }
  if (n < 4 || !head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new XlsxError('not_xlsx', `Tệp ${path} không phải là tệp .xlsx.`);
  }
}

function argbToHex(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = c?.argb;
  if (!argb || typeof argb !== 'string') return undefined;
  const hex = `#${argb.slice(-6).toLowerCase()}`;
  return hex === '#ffffff' ? undefined : hex;
}
const hexToArgb = (hex: string) => `FF${hex.replace('#', '').toUpperCase().padStart(6, '0')}`;

function plainText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('');
  }
  return String(v);
}

/** A cell's value as getValues would give it: formulas as their cached result, rich text and links as text. */
function cellValue(raw: ExcelJS.CellValue, tz: string): CellValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') return raw === '' ? undefined : raw;
  if (raw instanceof Date) {
    return fromWallClock(
      tz,
      raw.getUTCFullYear(),
      raw.getUTCMonth() + 1,
      raw.getUTCDate(),
      raw.getUTCHours(),
      raw.getUTCMinutes(),
      raw.getUTCSeconds(),
    );
  }
  const o = raw as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return cellValue((o.result ?? null) as ExcelJS.CellValue, tz);
  if ('richText' in o) return plainText(o) || undefined;
  if ('hyperlink' in o) return plainText(o.text) || undefined;
  if ('error' in o) return String(o.error);
  return undefined;
}

function noteText(note: unknown): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join('') : undefined;
}

function readValidation(dv: ExcelJS.DataValidation, ss: MemSpreadsheet, sheet: MemSheet): MemDataValidation | undefined {
  const allowInvalid = dv.showErrorMessage === false || dv.errorStyle === 'warning' || dv.errorStyle === 'information';
  const help = dv.prompt ?? '';
  const f = (dv.formulae || []).map((x) => (typeof x === 'string' ? x : String(x)));
  const C = DataValidationCriteria as unknown as Record<string, GoogleAppsScript.Spreadsheet.DataValidationCriteria>;
  const make = (c: string, args: unknown[]) => new MemDataValidation(C[c], args, help, allowInvalid);
  if (dv.type === 'list' && f[0] !== undefined) {
    if (/^".*"$/.test(f[0])) return make('VALUE_IN_LIST', [f[0].slice(1, -1).split(','), true]);
    try {
      const ref = f[0].replace(/^=/, '');
      const range = ref.includes('!') ? ss.rangeA1(ref) : sheet.rangeA1(ref);
      return make('VALUE_IN_RANGE', [range, true]);
    } catch {
      return undefined;
    }
  }
  if (dv.type === 'whole' || dv.type === 'decimal') {
    const nums = f.map(Number);
    switch (dv.operator ?? 'between') {
      case 'between':
        return make('NUMBER_BETWEEN', [nums[0], nums[1]]);
      case 'greaterThanOrEqual':
        return make('NUMBER_GREATER_THAN_OR_EQUAL_TO', [nums[0]]);
      case 'greaterThan':
        return make('NUMBER_GREATER_THAN', [nums[0]]);
      case 'lessThanOrEqual':
        return make('NUMBER_LESS_THAN_OR_EQUAL_TO', [nums[0]]);
      default:
        return undefined;
    }
  }
  if (dv.type === 'date') return make('DATE_IS_VALID_DATE', []);
  return undefined;
}

/** Reads an .xlsx into an in-memory spreadsheet (values with types, notes, formats, colours, bold, validations, merges). */
export async function readXlsx(path: string): Promise<MemSpreadsheet> {
  checkFile(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new XlsxError('corrupt', `Tệp ${path} bị hỏng, không đọc được (${(err as Error).message}).`);
  }
  const ss = new MemSpreadsheet({ firstSheet: null });
  const tz = ss.timeZone;
  const validations: Array<[MemSheet, number, number, ExcelJS.DataValidation]> = [];
  wb.eachSheet((ws) => {
    const sheet = ss.addSheet(ws.name);
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    sheet.maxRows = Math.max(1000, ws.rowCount);
    sheet.maxColumns = Math.max(26, ws.columnCount);
    const view = (ws.views || [])[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
    if (view && view.state === 'frozen') {
      sheet.frozenRows = view.ySplit || 0;
      sheet.frozenColumns = view.xSplit || 0;
    }
    for (let c = 1; c <= ws.columnCount; c++) {
      const w = ws.getColumn(c).width;
      if (w) sheet.columnWidths[c] = toPixels(w);
    }
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cellValue(cell.value, tz);
        if (v !== undefined) sheet.values.set(r - 1, c - 1, v);
        const linked = cell.value as { hyperlink?: unknown } | null;
        if (typeof v === 'string' && linked && typeof linked === 'object' && typeof linked.hyperlink === 'string')
          sheet.links.set(r - 1, c - 1, linked.hyperlink);
        const raw = cell.value as unknown as Record<string, unknown> | null;
        if (raw && typeof raw === 'object' && typeof raw.formula === 'string') sheet.formulas.set(r - 1, c - 1, `=${raw.formula}`);
        if (cell.numFmt && cell.numFmt !== 'General') sheet.formats.set(r - 1, c - 1, cell.numFmt);
        const note = noteText(cell.note);
        if (note) sheet.notes.set(r - 1, c - 1, note);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
          const bg = argbToHex(fill.fgColor);
          if (bg) sheet.backgrounds.set(r - 1, c - 1, bg);
        }
        if (cell.font) {
          if (cell.font.bold) sheet.fontWeights.set(r - 1, c - 1, 'bold');
          if (cell.font.italic) sheet.fontStyles.set(r - 1, c - 1, 'italic');
          const color = argbToHex(cell.font.color);
          if (color && color !== '#000000') sheet.fontColors.set(r - 1, c - 1, color);
        }
        if (cell.alignment) {
          if (cell.alignment.wrapText) sheet.wraps.set(r - 1, c - 1, true);
          const h = cell.alignment.horizontal;
          if (h === 'left' || h === 'center' || h === 'right') sheet.hAligns.set(r - 1, c - 1, h);
        }
      });
    });
    // Validations may cover empty cells: read the model, whose keys are cells or 'range:A2:A99'.
    const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }).dataValidations?.model || {};
    for (const key of Object.keys(model)) {
      const ref = key.replace(/^range:/, '');
      const b = parseA1(ref, sheet.maxRows, sheet.maxColumns);
      for (let i = 0; i < b.numRows; i++) for (let j = 0; j < b.numCols; j++) validations.push([sheet, b.row + i, b.col + j, model[key]]);
    }
    for (const m of (ws.model as { merges?: string[] }).merges || []) {
      const b = parseA1(m, sheet.maxRows, sheet.maxColumns);
      sheet.merges.push(b);
    }
    readConditionalRules(ws, sheet);
  });
  // After all sheets exist, so a list from another tab's range resolves.
  const cache = new Map<ExcelJS.DataValidation, MemDataValidation | undefined>();
  for (const [sheet, r, c, dv] of validations) {
    if (!cache.has(dv)) cache.set(dv, readValidation(dv, ss, sheet));
    const rule = cache.get(dv);
    if (rule) sheet.validations.set(r - 1, c - 1, rule);
  }
  if (ss.sheets.length === 0) throw new XlsxError('corrupt', `Tệp ${path} không có trang tính nào.`);
  ss.active = ss.sheets[0];
  return ss;
}

function excelValidation(rule: MemDataValidation, sheet: MemSheet): ExcelJS.DataValidation | undefined {
  const base = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    showInputMessage: !!rule.helpText,
    prompt: rule.helpText || undefined,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
  } as const;
  const a = rule.args as any[];
  switch (String(rule.criteria)) {
    case 'VALUE_IN_LIST':
      return { ...base, type: 'list', formulae: [`"${(a[0] as string[]).join(',')}"`] };
    // A list from a range: an Excel list whose source is that range, on another tab by its quoted name (an inline
    // Excel list is capped at 255 characters, exceljs#667, so long lists must come from a range there too).
    case 'VALUE_IN_RANGE': {
      const r = a[0] as MemRange;
      const prefix = r.sheet === sheet ? '' : `${quotedSheet(r.sheet.name)}!`;
      const abs = `$${columnLetter(r.col)}$${r.row}:$${columnLetter(r.col + r.numCols - 1)}$${r.row + r.numRows - 1}`;
      return { ...base, type: 'list', formulae: [`${prefix}${abs}`] };
    }
    case 'NUMBER_BETWEEN':
      return { ...base, type: 'decimal', operator: 'between', formulae: [a[0], a[1]] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [a[0]] };
    case 'NUMBER_GREATER_THAN':
      return { ...base, type: 'decimal', operator: 'greaterThan', formulae: [a[0]] };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'lessThanOrEqual', formulae: [a[0]] };
    case 'DATE_IS_VALID_DATE':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    default:
      return undefined;
  }
}

/** A quoted Excel string literal ("" doubles a quote). */
const excelString = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The sheet's "text is exactly" rules as Excel's "cell value equal to" rules (also case-blind), in order: Excel, LibreOffice
 * and Sheets on import show the same colours.
 */
function writeConditionalRules(ws: ExcelJS.Worksheet, sheet: MemSheet): void {
  sheet.conditionalRules.forEach((rule, i) => {
    const ranges = rule.ranges.filter((g) => g.sheet === sheet);
    if (!ranges.length || !rule.condition.background) return;
    const argb = hexToArgb(rule.condition.background);
    ws.addConditionalFormatting({
      ref: ranges.map((g) => g.getA1Notation()).join(' '),
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: i + 1,
          formulae: [excelString(rule.condition.values[0] ?? '')],
          style: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } } },
        },
      ],
    });
  });
}

/** Excel's "cell value equal to a text" rules read back as "text is exactly" rules; other kinds are left out. */
function readConditionalRules(ws: ExcelJS.Worksheet, sheet: MemSheet): void {
  const model = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  const found: { priority: number; rule: MemConditionalFormatRule }[] = [];
  for (const cf of model) {
    const ranges = String(cf.ref)
      .split(/\s+/)
      .filter(Boolean)
      .map((ref) => {
        const b = parseA1(ref, sheet.maxRows, sheet.maxColumns);
        return sheet.range(b.row, b.col, b.numRows, b.numCols);
      });
    for (const r of cf.rules) {
      const text = r.type === 'cellIs' && r.operator === 'equal' ? /^"((?:[^"]|"")*)"$/.exec(String(r.formulae?.[0] ?? '')) : null;
      const fill = r.style?.fill as ExcelJS.FillPattern | undefined;
      const bg = fill?.type === 'pattern' ? (argbToHex(fill.bgColor) ?? argbToHex(fill.fgColor)) : undefined;
      if (!text || !bg) continue;
      found.push({
        priority: r.priority ?? found.length + 1,
        rule: new MemConditionalFormatRule(new MemBooleanCondition('TEXT_EQUAL_TO', [text[1].replace(/""/g, '"')], bg), ranges),
      });
    }
  }
  sheet.conditionalRules = found.sort((a, b) => a.priority - b.priority).map((f) => f.rule);
}

/** Writes the spreadsheet as an .xlsx; text stays text (a string '=x' is written as a string, never a formula). */
export async function writeXlsx(ss: MemSpreadsheet, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const tz = ss.timeZone;
  for (const sheet of ss.sheets) {
    const views: Array<Partial<ExcelJS.WorksheetView>> =
      sheet.frozenRows || sheet.frozenColumns ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }] : [];
    // A hidden tab (the drop-downs' choice lists) stays hidden in Excel; its lists still feed the drop-downs.
    const ws = wb.addWorksheet(sheet.name, { views, state: sheet.hidden ? 'hidden' : 'visible' });
    for (const [col, px] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col)).width = toChars(px);
    const layers = sheet.cellLayers();
    const rowCount = Math.max(...layers.map((l) => l.rows.length));
    const dvCache = new Map<MemDataValidation, ExcelJS.DataValidation | undefined>();
    for (let r = 0; r < rowCount; r++) {
      let cols = 0;
      for (const l of layers) {
        const line = l.rows[r];
        if (line && line.length > cols) cols = line.length;
      }
      for (let c = 0; c < cols; c++) {
        const v = sheet.values.get(r, c);
        const formula = sheet.formulas.get(r, c);
        const fmt = sheet.formats.get(r, c),
          note = sheet.notes.get(r, c),
          bg = sheet.backgrounds.get(r, c);
        const bold = sheet.fontWeights.get(r, c),
          color = sheet.fontColors.get(r, c),
          italic = sheet.fontStyles.get(r, c);
        const wrap = sheet.wraps.get(r, c),
          align = sheet.hAligns.get(r, c),
          rule = sheet.validations.get(r, c);
        if (v === undefined && formula === undefined && !fmt && !note && !bg && !bold && !color && !italic && !wrap && !align && !rule)
          continue;
        const cell = ws.getCell(r + 1, c + 1);
        if (formula !== undefined) {
          cell.value = { formula: formula.slice(1), result: v === '#NAME?' ? undefined : (v as any) } as ExcelJS.CellFormulaValue;
        } else if (v !== undefined) {
          if (isDateValue(v)) {
            const w = wallClock(v, tz);
            cell.value = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms));
          } else if (typeof v === 'string' && sheet.links.get(r, c)) cell.value = { text: v, hyperlink: sheet.links.get(r, c)! };
          else cell.value = v; // a string is written as a shared string (t="s"): never a formula, whatever the text
        }
        if (fmt) cell.numFmt = fmt;
        else if (v !== undefined && isDateValue(v)) cell.numFmt = 'dd/mm/yyyy hh:mm:ss';
        if (note) cell.note = note;
        if (bg) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(bg) } };
        if (bold || color || italic)
          cell.font = {
            bold: bold === 'bold' || undefined,
            italic: italic === 'italic' || undefined,
            color: color ? { argb: hexToArgb(color) } : undefined,
          };
        if (wrap || align)
          cell.alignment = { wrapText: wrap || undefined, horizontal: (align as ExcelJS.Alignment['horizontal']) || undefined };
        if (rule) {
          if (!dvCache.has(rule)) dvCache.set(rule, excelValidation(rule, sheet));
          const dv = dvCache.get(rule);
          if (dv) cell.dataValidation = dv;
        }
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
    writeConditionalRules(ws, sheet);
  }
  await wb.xlsx.writeFile(path);
}

/** Chunks of UTF-8 bytes as text, a character split between two chunks decoded whole. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

let wholeCharacters = false;
/**
 * exceljs's stream reader (4.4.0, lib/utils/parse-sax.js) decodes each chunk of an entry (16 KB of inflated XML) on
 * its own, so a character whose bytes straddle two chunks reads as two U+FFFD: a header `Tính chất` read as
 * `T\uFFFD\uFFFDnh chất`, a unit's name that matches nothing (exceljs/exceljs#2063, #2084, #2316, unfixed). Vietnamese
 * text is mostly multi-byte, so a workbook of a few thousand rows has such strings. The shared strings and the sheets
 * are decoded here as one UTF-8 stream each instead: `setEncoding` on the shared strings' entry, a decoder on a
 * sheet's chunks.
 */
function decodeWholeCharacters(): void {
  if (wholeCharacters) return;
  wholeCharacters = true;
  type Reader = {
    _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  };
  const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Reader;
  const sharedStrings = proto._parseSharedStrings;
  const worksheet = proto._parseWorksheet;
  proto._parseSharedStrings = function (this: Reader, entry) {
    entry.setEncoding('utf8');
    return sharedStrings.call(this, entry);
  };
  proto._parseWorksheet = function (this: Reader, iterator, sheetNo) {
    return worksheet.call(this, utf8Text(iterator), sheetNo);
  };
}

/**
 * Every tab's values as getValues() gives them for the data range from A1 (the CLI's input), read as a stream: only
 * the values are kept (no notes, styles or validations), so 200,000 rows fit in well under 1 GB (issue 14).
 */
export async function readWorkbookValues(path: string): Promise<Workbook> {
  checkFile(path);
  decodeWholeCharacters();
  const tz = new MemSpreadsheet({ firstSheet: null }).timeZone;
  const out: Workbook = {};
  let sheets = 0;
  try {
    // Styles are kept so a number formatted as a date is read as a Date, as the full reader does.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const ws of reader) {
      sheets++;
      const rows: CellValue[][] = [];
      let width = 0;
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        const line: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = cellValue(cell.value, tz);
          if (v !== undefined) line[c - 1] = v;
        });
        if (!line.length) continue;
        rows[row.number - 1] = line;
        if (line.length > width) width = line.length;
      }
      // Each row read is padded in place (a copy of 200,000 rows doubled the memory and the garbage).
      const grid: CellValue[][] = [];
      const w = Math.max(1, width);
      for (let r = 0; r < Math.max(1, rows.length); r++) {
        const line = rows[r] ?? [];
        for (let c = 0; c < w; c++) if (line[c] === undefined) line[c] = '';
        grid.push(line);
      }
      out[(ws as unknown as { name: string }).name] = grid;
    }
  } catch {
    // exceljs's stream reader fails on some valid entry orders (a sheet before xl/workbook.xml): the full reader
    // then decides, and says whether the file is really corrupt.
    return workbookValues(await readXlsx(path));
  }
  if (sheets === 0) throw new XlsxError('corrupt', `Tệp ${path} không có trang tính nào.`);
  return out;
}

/** The values of every tab of an in-memory spreadsheet, uncounted. */
export function workbookValues(ss: MemSpreadsheet): Workbook {
  const out: Workbook = {};
  const tracker = ss.tracker;
  ss.tracker = null;
  try {
    for (const sheet of ss.sheets) out[sheet.name] = sheet.getDataRange().getValues() as CellValue[][];
  } finally {
    ss.tracker = tracker;
  }
  return out;
}
