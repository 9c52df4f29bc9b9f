// Opening the .xlsx a command works on, refusing anything unusable with one clear line.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Workbook } from '../../core/types';
import { formsOf, readBookForms } from '../../core/forms/book';
import { TAB } from '../../core/forms/schema';
import { CLI_ERROR, CLI_PROGRESS, CLI_WARN } from '../../core/text/cli';
import { UsageError } from './args';
import type { CliIo } from './io';
import { readWorkbookValues } from '../xlsx';

/** Files over this size take about a second to read: say so. */
const SLOW_READ_BYTES = 1_500_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An encrypted OOXML file is an OLE compound document, not a zip. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Checks that `path` is an existing, unencrypted .xlsx; throws a UsageError otherwise. Returns its size. */
export function checkXlsxFile(path: string): number {
  if (!existsSync(path)) throw new UsageError(CLI_ERROR.fileNotFound(path));
  const st = statSync(path);
  if (!st.isFile()) throw new UsageError(CLI_ERROR.notAFile(path));
  const magic = head(path, 8);
  if (magic.length === 8 && magic.equals(OLE_MAGIC)) throw new UsageError(CLI_ERROR.encrypted(path));
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(CLI_ERROR.notXlsx(path));
  if (magic.length < 4 || !magic.subarray(0, 4).equals(ZIP_MAGIC)) throw new UsageError(CLI_ERROR.notXlsx(path));
  return st.size;
}

export function formRowCount(book: Workbook): number {
  return formsOf(book).forms.reduce((n, f) => n + Math.max(0, (book[f.tab]?.length ?? 1) - 1), 0);
}

/** The workbook's values, or a UsageError: missing, not an .xlsx, encrypted, corrupt, or without any form tab. */
export async function openBook(path: string, io: CliIo): Promise<Workbook> {
  const size = checkXlsxFile(path);
  if (size > SLOW_READ_BYTES) io.progress(CLI_PROGRESS.reading(path));
  let book: Workbook;
  try {
    // Tab names as the core expects them, even when a file stored them decomposed or with stray spaces.
    book = readBookForms(await readWorkbookValues(path)).book;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const why = err instanceof Error ? err.message : String(err);
    if (code === 'encrypted' || /encrypt|password/i.test(why)) throw new UsageError(CLI_ERROR.encrypted(path));
    if (code === 'not_xlsx') throw new UsageError(CLI_ERROR.notXlsx(path));
    throw new UsageError(CLI_ERROR.corrupt(path));
  }
  requireFormTabs(book, path);
  return book;
}

/**
 * A workbook without any form tab is refused, naming the tabs it has and the ones the definitions expect: a renamed
 * tab ("BM03") is fixed by renaming it back or by changing `Tên tab` in the definitions.
 */
export function requireFormTabs(book: Workbook, path: string): void {
  const { forms } = formsOf(book);
  if (forms.some((f) => book[f.tab])) return;
  const names = Object.keys(book);
  const expected = forms.map((f) => f.tab);
  throw new UsageError(CLI_ERROR.noFormTabs(path, expected, names, TAB.formList, names.includes(TAB.formList)));
}

/** Warnings about the workbook as a whole: a directory tab that is missing (renamed) makes every unit unknown. */
export function bookWarnings(book: Workbook): string[] {
  return TAB.directory in book ? [] : [CLI_WARN.noDirectory(TAB.directory, Object.keys(book))];
}
