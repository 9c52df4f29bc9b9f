// The directory of units (Danh mục đơn vị): reading it, and matching what users type in `Đơn vị`.
import type { CellValue, FormId, Grid, Month, Problem } from './types';
import type { Settings, TabLayout, Unit } from './model';
import { DIRECTORY_COLUMNS, FORMS, TAB, type FormSpec } from './forms/schema';
import { cellText, foldText, isBlank, readFormCode, isDate, readEmails, readPeriod, readYesNo } from './cells';
import { findLayout } from './layout';
import { formatMonth } from './periods';
import { MSG } from './text/validation';

/** A unit exists for `m` when `Hoạt động` is not `Không` and `m` lies within `Từ kỳ`–`Đến kỳ`. */
export function isActive(unit: Unit, m: Month): boolean {
  return unit.enabled && (unit.from === null || m >= unit.from) && (unit.to === null || m <= unit.to);
}


function readCount(v: CellValue): number | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  return typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
}

/** Reads the directory; a row without code, name or a readable form is reported and left out. */
export function readDirectory(grid: Grid | undefined, _settings?: Settings, forms: readonly FormSpec[] = FORMS): { units: Unit[]; problems: Problem[]; layout: TabLayout } {
  const codes = new Set(forms.map((f) => f.id));
  const readForm = (v: CellValue): FormId | null => {
    const code = readFormCode(v);
    return code !== null && codes.has(code) ? code : null;
  };
  const sheet = TAB.directory;
  const layout = findLayout(sheet, grid, DIRECTORY_COLUMNS, ['code', 'name']);
  const problems: Problem[] = [];
  const units: Unit[] = [];
  if (!grid) return { units, problems, layout };
  const col = layout.columns, hdr = layout.headers;
  const headerRow = layout.headerRow || 1;
  for (const c of DIRECTORY_COLUMNS) {
    if (c.required && !(c.key in col)) {
      problems.push({ sheet, row: headerRow, column: c.header, severity: 'error', code: 'missing_column', message: MSG.missingColumn(c.header) });
    }
  }
  if (!layout.headerRow) return { units, problems, layout };
  const add = (row: number, key: string, code: Problem['code'], message: string) =>
    problems.push({ sheet, row, column: hdr[key], severity: 'error', code, message });
  const byCode = new Map<string, number[]>(), byName = new Map<string, number[]>();

  for (let r = layout.headerRow; r < grid.length; r++) {
    const cells = grid[r] || [];
    const get = (key: string): CellValue => (key in col ? cells[col[key]] ?? '' : '');
    if (DIRECTORY_COLUMNS.every((c) => isBlank(get(c.key)))) continue;
    const row = r + 1;
    const code = cellText(get('code')).trim(), name = cellText(get('name')).replace(/\s+/g, ' ').trim();
    let usable = true;
    for (const key of ['code', 'name', 'form']) {
      if (key in col && isBlank(get(key))) { add(row, key, 'required', MSG.required(hdr[key])); usable = false; }
    }
    const form = readForm(get('form'));
    if (!isBlank(get('form')) && !form) { add(row, 'form', 'bad_directory', MSG.badDirectoryForm(cellText(get('form')), [...codes])); usable = false; }

    let emails: string[] = [], badEmail = false;
    const emailCell = get('email');
    if (!isBlank(emailCell)) {
      const e = readEmails(cellText(emailCell));
      if (e) emails = e; else { badEmail = true; add(row, 'email', 'bad_email', MSG.badEmail(cellText(emailCell))); }
    }
    const communes = readCount(get('communes'));
    if (communes === undefined) add(row, 'communes', 'bad_directory', MSG.badDirectoryCommunes(cellText(get('communes'))));
    const months: Record<'from' | 'to', Month | null> = { from: null, to: null };
    for (const key of ['from', 'to'] as const) {
      const v = get(key);
      if (isBlank(v)) continue;
      const m = isDate(v) || typeof v === 'string' ? readPeriod(v) : null;
      if (m === null) add(row, key, 'bad_directory', MSG.badDirectoryMonth(hdr[key], cellText(v)));
      else months[key] = m;
    }
    if (months.from !== null && months.to !== null && months.from > months.to) {
      add(row, 'to', 'bad_directory', MSG.badDirectoryRange(formatMonth(months.from), formatMonth(months.to)));
    }
    const enabled = readYesNo(get('active'), true);
    if (enabled === null) add(row, 'active', 'bad_directory', MSG.badDirectoryActive(cellText(get('active'))));

    if (code) byCode.set(code.toLowerCase(), [...(byCode.get(code.toLowerCase()) || []), row]);
    if (name) byName.set(foldText(name), [...(byName.get(foldText(name)) || []), row]);
    if (!usable || !code || !name || !form) continue;
    units.push({
      code, name, form, emails, badEmail,
      contact: cellText(get('contact')).trim(), phone: cellText(get('phone')).trim(),
      communes: communes ?? null,
      aliases: cellText(get('aliases')).split(';').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean),
      from: months.from, to: months.to, enabled: enabled ?? true, row,
    });
  }
  for (const [key, map, msg] of [
    ['code', byCode, MSG.duplicateUnitCode], ['name', byName, MSG.duplicateUnitName],
  ] as const) {
    for (const rows of map.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const text = cellText((grid[row - 1] || [])[col[key]] ?? '').trim();
        add(row, key, 'duplicate_unit', msg(text, rows.filter((x) => x !== row)));
      }
    }
  }
  return { units, problems, layout };
}

// ---- Matching ----

export type UnitMatch =
  | { kind: 'none' }
  | { kind: 'one'; unit: Unit; alias: boolean }
  | { kind: 'many'; units: Unit[] };

const PREFIX = /^(tp\.?|tx\.?|huyện|thành phố|thị xã)\s*/;

/** Look-alike folding on top of foldText: `ð` (U+00F0, lower case of `Ð` U+00D0) -> `đ`, and the district prefixes. */
function lookAlikeKey(folded: string): string {
  return folded.replace(/[\u00f0\u0256]/g, 'đ').replace(PREFIX, '').trim();
}

/**
 * Builds a matcher: exact name or code; then NFC + case + spaces (no warning); then look-alikes, prefixes and
 * aliases (`alias: true`, a unit_alias warning). The candidates for each distinct text are cached.
 * When several units match, the one on `form`'s tab and active for `m` wins.
 */
export function unitMatcher(units: readonly Unit[]): (text: string, form: FormId, m: Month | null) => UnitMatch {
  const exact = new Map<string, Unit[]>(), folded = new Map<string, Unit[]>(), loose = new Map<string, Unit[]>();
  const put = (map: Map<string, Unit[]>, key: string, u: Unit) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [u]); else if (!list.includes(u)) list.push(u);
  };
  for (const u of units) {
    put(exact, u.name, u); put(exact, u.code, u);
    put(folded, foldText(u.name), u); put(folded, foldText(u.code), u);
    put(loose, lookAlikeKey(foldText(u.name)), u);
    for (const a of u.aliases) { put(loose, foldText(a), u); put(loose, lookAlikeKey(foldText(a)), u); }
  }
  const cache = new Map<string, { units: Unit[]; alias: boolean }>();
  const candidates = (text: string) => {
    let c = cache.get(text);
    if (!c) {
      const trimmed = text.trim(), f = foldText(text);
      const e = exact.get(trimmed) || folded.get(f);
      c = e ? { units: e, alias: false } : { units: loose.get(lookAlikeKey(f)) || [], alias: true };
      cache.set(text, c);
    }
    return c;
  };
  return (text, form, m) => {
    const c = candidates(text);
    if (!c.units.length) return { kind: 'none' };
    if (c.units.length === 1) return { kind: 'one', unit: c.units[0], alias: c.alias };
    const onTab = c.units.filter((u) => u.form === form);
    if (onTab.length === 1) return { kind: 'one', unit: onTab[0], alias: c.alias };
    const active = onTab.filter((u) => m !== null && isActive(u, m));
    if (active.length === 1) return { kind: 'one', unit: active[0], alias: c.alias };
    return { kind: 'many', units: onTab.length ? onTab : c.units };
  };
}

/** One-off matching (builds the index each call: use unitMatcher for many rows). */
export function matchUnit(units: readonly Unit[], text: string, form: FormId, m: Month | null): UnitMatch {
  return unitMatcher(units)(text, form, m);
}
