// The units directory from a CSV file (shared/data format, or as Excel saves it), as the `Danh mục đơn vị` tab grid.
// papaparse is used here in src/local only: the Apps Script bundle (dist/Code.js) never reads a CSV.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CellValue, Grid } from '../core/types';
import { DIRECTORY_COLUMNS } from '../core/forms/schema';
import { CSV_DELIMITER_NAMES, CSV_PROBLEM } from '../core/text/cli';
import Papa from 'papaparse';

export const UNITS_CSV = 'data/gialai-2024-units.csv';

/** A CSV that cannot be read as Excel would have written it, at a 1-based line of the file. */
export class CsvProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvProblem';
  }
}

/** A file that is neither UTF-8 nor UTF-16 with a byte-order mark. */
export class CsvEncodingError extends Error {}

/**
 * The text of a CSV file as Excel saves it: "CSV UTF-8" (UTF-8 with a BOM), "Unicode Text" (UTF-16 LE with a BOM,
 * tab separated), or plain UTF-8. Windows-1258 ("CSV (Comma delimited)" in a Vietnamese locale) is refused, since
 * guessing it would garble every accented name.
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CsvEncodingError('not UTF-8');
    }
  }
  return text.replace(/^\uFEFF/, '');
}

/** The separators Excel writes (`,`; `;` where the decimal mark is a comma, as in Vietnamese; tab) and `|`. */
const CSV_DELIMITERS = [',', ';', '\t', '|'];

export interface CsvTable {
  rows: string[][];
  /** The 1-based line of the file each row starts on. */
  lines: number[];
  /** The separator: the one asked for, else papaparse's guess (`,` when there was nothing to tell). */
  delimiter: string;
}

/** 1-based line of each character offset: line breaks are CRLF, LF or CR. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * CSV as Excel writes it, read by papaparse: the separator detected (`,`, `;` in a Vietnamese locale, tab), quoted
 * fields with "" inside and line breaks, CRLF or LF, a BOM dropped, blank lines skipped. Malformed quotes throw
 * a CsvProblem at their line.
 */
export function readCsv(text: string, delimiter?: string): CsvTable {
  const s = text.replace(/^\uFEFF/, '');
  const lineOf = lineFinder(s);
  const rows: string[][] = [];
  const lines: number[] = [];
  let found = delimiter ?? ',';
  let cursor = 0;
  let problem = null as CsvProblem | null; // set by the step callback
  let blankLine: RegExp | null = null;
  Papa.parse<string[]>(s, {
    skipEmptyLines: 'greedy',
    delimiter,
    delimitersToGuess: CSV_DELIMITERS,
    step(result, parser) {
      found = result.meta.delimiter;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        const at = quote.index ?? cursor;
        problem = new CsvProblem(lineOf(at), quote.code === 'MissingQuotes' ? CSV_PROBLEM.unterminatedQuote : CSV_PROBLEM.badQuote);
        parser.abort();
        return;
      }
      // The row starts after the blank lines papaparse skipped (spaces and separators only).
      blankLine ??= new RegExp(`(?:[ \\t]|${found === '|' ? '\\|' : found})*(?:\\r\\n|\\n|\\r)`, 'y');
      let start = cursor;
      for (;;) {
        blankLine.lastIndex = start;
        if (!blankLine.test(s)) break;
        start = blankLine.lastIndex;
      }
      rows.push(result.data);
      lines.push(lineOf(start));
      cursor = result.meta.cursor;
    },
  });
  if (problem) throw problem;
  return { rows, lines, delimiter: found };
}

/** The rows of a CSV text (see readCsv). */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows;
}

/**
 * CSV -> the directory tab grid: DIRECTORY_COLUMNS headers in row 1, one row per unit.
 * CSV columns are found by key (`code`, `name`, …) or by Vietnamese header; `form` stays text ('03'),
 * `communes` becomes a number when it is one.
 */
export function parseUnitsCsv(text: string): Grid {
  return unitsGrid(readCsv(text, unitsDelimiter(text)));
}

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const isColumn = (h: string, col: { key: string; header: string }) => fold(h) === fold(col.key) || fold(h) === fold(col.header);

/**
 * The separator of a units file: the one whose first line names the most directory columns, papaparse's guess first
 * on a tie. Its guess alone can be fooled, as the header `Số xã, phường, thị trấn` holds commas in a `;` file.
 */
function unitsDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 10, delimitersToGuess: CSV_DELIMITERS }).meta.delimiter;
  let best = guess,
    bestScore = -1;
  for (const d of [guess, ...CSV_DELIMITERS]) {
    const head = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1, delimiter: d }).data[0] ?? [];
    const score = DIRECTORY_COLUMNS.filter((col) => head.some((h) => isColumn(h, col))).length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** A units CSV file: the directory grid, the separator found, and how many units it lists. */
export function readUnitsCsv(bytes: Uint8Array): { grid: Grid; delimiter: string; units: number } {
  const text = decodeCsv(bytes);
  const table = readCsv(text, unitsDelimiter(text));
  const grid = unitsGrid(table);
  return { grid, delimiter: table.delimiter, units: grid.length - 1 };
}

function unitsGrid({ rows, lines, delimiter }: CsvTable): Grid {
  const [head = [], ...body] = rows;
  body.forEach((r, i) => {
    // Excel writes every row as wide as the header: a longer row has a separator that was not quoted.
    if (r.length > head.length)
      throw new CsvProblem(lines[i + 1], CSV_PROBLEM.tooManyFields(r.length, head.length, CSV_DELIMITER_NAMES[delimiter] ?? delimiter));
  });
  const index = DIRECTORY_COLUMNS.map((col) => head.findIndex((h) => isColumn(h, col)));
  if (index[0] < 0 || index[1] < 0) throw new Error('units CSV: no code/name column');
  const grid: Grid = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (const r of body) {
    grid.push(
      DIRECTORY_COLUMNS.map((col, j): CellValue => {
        const raw = index[j] >= 0 ? (r[index[j]] ?? '').trim() : '';
        if (col.key === 'form' && /^\d$/.test(raw)) return `0${raw}`;
        if (col.key === 'communes' && /^\d+$/.test(raw)) return Number(raw);
        return raw;
      }),
    );
  }
  return grid;
}

/** The repository root: the first folder up from here (or the working directory) holding the units CSV. */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, UNITS_CSV))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(`${UNITS_CSV} not found`);
}

let cached: string | null = null;

/** The 2024 units of Gia Lai (data/gialai-2024-units.csv). */
export function defaultUnitsGrid(): Grid {
  cached ??= readFileSync(join(repoRoot(), UNITS_CSV), 'utf8');
  return parseUnitsCsv(cached);
}
