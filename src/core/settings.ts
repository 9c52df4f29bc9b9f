// The `Cấu hình` tab: one setting a row; a value that does not parse is bad_setting and the default is used.
import type { Grid, CellValue, Problem } from './types';
import type { Settings, TabLayout } from './model';
import { SETTINGS, SETTINGS_HEADERS, TAB, TEMPLATE_PLACEHOLDERS, type SettingSpec } from './forms/schema';
import { cellText, foldText, isBlank, isDate, readEmails, readPeriod, readYesNo } from './cells';
import { dayOf, makeDay, parseMonthStrict } from './periods';
import { MSG, SETTING_FORMAT } from './text/validation';

type Parsed = { ok: true; value: unknown } | { ok: false; unknown?: string[] };

function wholeNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return null;
}

function parseDate(v: CellValue): string | null {
  if (isDate(v)) return dayOf(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    if (!m) return null;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d ? makeDay(y, mo, d) : null;
}

/** Parses one setting value of a given format. */
function parseValue(spec: SettingSpec, v: CellValue): Parsed {
  const text = cellText(v).trim();
  switch (spec.type) {
    case 'text':
      return { ok: true, value: cellText(v) };
    case 'emails': {
      const e = readEmails(text);
      return e ? { ok: true, value: e } : { ok: false };
    }
    case 'month': {
      const m = isDate(v) ? readPeriod(v) : (parseMonthStrict(text) ?? readPeriod(text));
      return m === null ? { ok: false } : { ok: true, value: m };
    }
    case 'day': {
      const n = wholeNumber(v);
      return n !== null && n >= 1 && n <= 28 ? { ok: true, value: n } : { ok: false };
    }
    case 'hour': {
      const n = wholeNumber(v);
      return n !== null && n >= 0 && n <= 23 ? { ok: true, value: n } : { ok: false };
    }
    case 'closeDays': {
      const n = wholeNumber(v);
      return n !== null && n >= 0 && n <= 27 ? { ok: true, value: n } : { ok: false };
    }
    case 'int': {
      const n = wholeNumber(v);
      return n !== null && n >= 0 ? { ok: true, value: n } : { ok: false };
    }
    case 'date': {
      const d = parseDate(v);
      return d ? { ok: true, value: d } : { ok: false };
    }
    case 'yesno': {
      const b = readYesNo(v, false);
      return b === null ? { ok: false } : { ok: true, value: b };
    }
    case 'offsets': {
      const parts =
        typeof v === 'number'
          ? [String(v)]
          : text
              .split(/[,;]/)
              .map((s) => s.trim())
              .filter(Boolean);
      const nums = parts.map((p) => (/^[+-]?\d+$/.test(p) ? Number(p) : NaN));
      const ok = nums.length > 0 && nums.every((n) => Number.isInteger(n) && n !== 0) && new Set(nums).size === nums.length;
      return ok ? { ok: true, value: nums.sort((a, b) => a - b) } : { ok: false };
    }
    case 'template': {
      const unknown: string[] = [];
      for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
        if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(m[1])) unknown.push(m[1]);
      }
      return unknown.length ? { ok: false, unknown } : { ok: true, value: cellText(v) };
    }
  }
}

/** The settings as setup writes them: every default. */
export function defaultSettings(): Settings {
  const out: Record<string, unknown> = {};
  for (const spec of SETTINGS) {
    const p = parseValue(spec, spec.default);
    out[spec.key] = p.ok ? p.value : spec.type === 'emails' ? [] : spec.default;
  }
  return out as unknown as Settings;
}

/** Where `Tham số` and `Giá trị` sit (header row optional: without one, columns A and B from row 1). */
export function settingsLayout(grid: Grid): TabLayout {
  const nameKey = foldText(SETTINGS_HEADERS.name),
    valueKey = foldText(SETTINGS_HEADERS.value);
  for (let r = 0; r < Math.min(grid.length, 50); r++) {
    const row = grid[r] || [];
    const n = row.findIndex((c) => typeof c === 'string' && foldText(c) === nameKey);
    const v = row.findIndex((c) => typeof c === 'string' && foldText(c) === valueKey);
    if (n >= 0 && v >= 0) {
      return {
        sheet: TAB.settings,
        headerRow: r + 1,
        columns: { name: n, value: v },
        headers: { name: String(row[n]).trim(), value: String(row[v]).trim() },
      };
    }
  }
  return {
    sheet: TAB.settings,
    headerRow: 0,
    columns: { name: 0, value: 1 },
    headers: { name: SETTINGS_HEADERS.name, value: SETTINGS_HEADERS.value },
  };
}

/** Reads `Cấu hình` (Tham số | Giá trị, header row optional); unknown names are ignored, a repeated name: first wins. */
export function readSettings(grid: Grid | undefined): { settings: Settings; problems: Problem[] } {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  const problems: Problem[] = [];
  if (!grid) return { settings: settings as unknown as Settings, problems };
  const byName = new Map(SETTINGS.map((s) => [foldText(s.name), s]));
  const layout = settingsLayout(grid);
  const nameCol = layout.columns.name,
    valueCol = layout.columns.value,
    valueHeader = layout.headers.value,
    start = layout.headerRow;
  const seen = new Set<string>();
  for (let r = start; r < grid.length; r++) {
    const row = grid[r] || [];
    const name = row[nameCol];
    if (typeof name !== 'string') continue;
    const spec = byName.get(foldText(name));
    if (!spec || seen.has(spec.key)) continue;
    seen.add(spec.key);
    const value = row[valueCol] ?? '';
    if (isBlank(value)) continue;
    const parsed = parseValue(spec, value);
    if (parsed.ok) {
      settings[spec.key] = parsed.value;
      continue;
    }
    const message = parsed.unknown
      ? MSG.badPlaceholder(spec.name, parsed.unknown, TEMPLATE_PLACEHOLDERS)
      : MSG.badSetting(spec.name, cellText(value), SETTING_FORMAT[spec.type], spec.default || '—');
    problems.push({ sheet: TAB.settings, row: r + 1, column: valueHeader, severity: 'error', code: 'bad_setting', message });
  }
  return { settings: settings as unknown as Settings, problems };
}
