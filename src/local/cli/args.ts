// Command-line arguments: one positional file, `--name value` / `--name=value` options, --help anywhere.
import { CLI_ERROR, CLI_PLACEHOLDER_URL } from '../../core/text/cli';
import { fromLocal, parseMonthStrict } from '../../core/periods';
import type { FormId, Month } from '../../core/types';
import { readFormCode } from '../../core/cells';

/** Unusable input: exit code 2 with one line on stderr, nothing written. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionKind = 'flag' | 'value' | 'list';
export type OptionSpec = Record<string, OptionKind>;

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  values: Record<string, string>;
  lists: Record<string, string[]>;
  help: boolean;
}

export function parseArgs(argv: string[], spec: OptionSpec, command: string): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), values: {}, lists: {}, help: false };
  // Help wins over everything else on the line, even options that would be refused.
  if (argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length).some((a) => a === '--help' || a === '-h')) {
    out.help = true;
    return out;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const kind = name.startsWith('--') ? spec[name.slice(2)] : undefined;
    if (!kind) throw new UsageError(CLI_ERROR.unknownOption(name, command));
    const key = name.slice(2);
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(CLI_ERROR.flagWithValue(name));
      out.flags.add(key);
      continue;
    }
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(CLI_ERROR.missingValue(name));
      value = argv[++i];
    }
    if (kind === 'list') out.lists[key] = [...(out.lists[key] ?? []), value];
    else out.values[key] = value;
  }
  return out;
}

/** Exactly one positional argument: the file. */
export function onlyFile(args: ParsedArgs, command: string): string {
  if (args.positional.length === 0) throw new UsageError(CLI_ERROR.missingFile(command));
  if (args.positional.length > 1) throw new UsageError(CLI_ERROR.extraArgument(args.positional[1]));
  return args.positional[0];
}

/** `--today YYYY-MM-DD`: 12:00 of that day in Asia/Ho_Chi_Minh, so the whole day reads the same. */
export function parseToday(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new UsageError(CLI_ERROR.badToday(text));
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || y < 2000)
    throw new UsageError(CLI_ERROR.badToday(text));
  return fromLocal(y, mo, d, 12);
}

export function parsePeriod(text: string): Month {
  const m = parseMonthStrict(text);
  if (m === null) throw new UsageError(CLI_ERROR.badPeriod(text));
  return m;
}

/** `--form 03`, `--form 3`, `--form 03,04`, repeatable; null (every form of the workbook) when absent. */
export function parseForms(values: string[] | undefined): FormId[] | null {
  if (!values || values.length === 0) return null;
  const out = new Set<FormId>();
  for (const part of values.flatMap((v) => v.split(','))) {
    const id = readFormCode(part.trim());
    if (id === null) throw new UsageError(CLI_ERROR.badForm(part));
    out.add(id);
  }
  return [...out].sort();
}

/** The forms asked for, each a form the workbook defines (`Danh sách biểu mẫu`, or the built-in four). */
export function formsAsked(asked: FormId[] | null, defined: readonly { id: FormId }[]): FormId[] {
  if (asked === null) return defined.map((f) => f.id);
  const unknown = asked.find((id) => !defined.some((f) => f.id === id));
  if (unknown !== undefined) throw new UsageError(CLI_ERROR.badForm(unknown));
  return asked;
}

/**
 * `--url`: the shared spreadsheet's Google address for the emails' links. An .xlsx has none, so without it the links
 * hold a placeholder the help names, which nobody can mistake for a real sheet.
 */
export function parseSheetUrl(text: string | undefined): string {
  const url = text ?? CLI_PLACEHOLDER_URL;
  if (!/^https?:\/\/\S+$/.test(url)) throw new UsageError(CLI_ERROR.badUrl(url));
  return url;
}

export function parseWhole(text: string, error: (t: string) => string, allowNegative = false): number {
  const ok = allowNegative ? /^-?\d+$/ : /^\d+$/;
  if (!ok.test(text.trim())) throw new UsageError(error(text));
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n)) throw new UsageError(error(text));
  return n;
}
