// The directory of units (Danh mục đơn vị): reading it, and matching what users type in `Đơn vị`.
import type { CellValue, FormId, Grid, Month, Problem } from './types';
import type { Settings, TabLayout, Unit } from './model';
import { builtinForms, DIRECTORY_COLUMNS, TAB, type FormSpec } from './forms/schema';
import { cellText, isBlank, readFormCode, isDate, readEmails, readPeriod, readYesNo } from './cells';
import { findLayout, firstDataRow } from './layout';
import { formatMonth } from './periods';
import { MSG } from './text/validation';
import { distance as levenshtein } from 'fastest-levenshtein';
import { foldLookAlikes, foldLoose, foldName, splitPlainPrefix, splitPrefix, stripDiacritics } from './vietnamese';

/** A unit exists for `m` when `Hoạt động` is not `Không` and `m` lies within `Từ kỳ`–`Đến kỳ`. */
export function isActive(unit: Unit, m: Month): boolean {
  return unit.enabled && (unit.from === null || m >= unit.from) && (unit.to === null || m <= unit.to);
}

/**
 * The units of an inactive unit's form, active in `m`, with its name but for the level (Thị xã An Khê, ended 06/2025,
 * and Phường An Khê from 07/2025): what a row of that unit in `m` most likely means. At most two.
 */
export function successors(units: readonly Unit[], unit: Unit, m: Month): Unit[] {
  const base = (u: Unit) => splitPrefix(foldLookAlikes(u.name)).base;
  const own = base(unit);
  return units.filter((u) => u !== unit && u.form === unit.form && isActive(u, m) && base(u) === own).slice(0, 2);
}

function readCount(v: CellValue): number | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  return typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
}

/** Reads the directory; a row without code, name or a readable form is reported and left out. */
export function readDirectory(
  grid: Grid | undefined,
  _settings?: Settings,
  forms: readonly FormSpec[] = builtinForms(),
): { units: Unit[]; problems: Problem[]; layout: TabLayout } {
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
  const col = layout.columns,
    hdr = layout.headers;
  const headerRow = layout.headerRow || 1;
  for (const c of DIRECTORY_COLUMNS) {
    if (c.required && !(c.key in col)) {
      problems.push({
        sheet,
        row: headerRow,
        column: c.header,
        severity: 'error',
        code: 'missing_column',
        message: MSG.missingColumn(c.header),
      });
    }
  }
  if (!layout.headerRow) return { units, problems, layout };
  const add = (row: number, key: string, code: Problem['code'], message: string) =>
    problems.push({ sheet, row, column: hdr[key], severity: 'error', code, message });
  const byCode = new Map<string, number[]>(),
    byName = new Map<string, number[]>();

  for (let r = firstDataRow(layout) - 1; r < grid.length; r++) {
    const cells = grid[r] || [];
    const get = (key: string): CellValue => (key in col ? (cells[col[key]] ?? '') : '');
    if (DIRECTORY_COLUMNS.every((c) => isBlank(get(c.key)))) continue;
    const row = r + 1;
    const code = cellText(get('code')).trim(),
      name = cellText(get('name')).replace(/\s+/g, ' ').trim();
    let usable = true;
    for (const key of ['code', 'name', 'form']) {
      if (key in col && isBlank(get(key))) {
        add(row, key, 'required', MSG.required(hdr[key]));
        usable = false;
      }
    }
    const form = readForm(get('form'));
    if (!isBlank(get('form')) && !form) {
      add(row, 'form', 'bad_directory', MSG.badDirectoryForm(cellText(get('form')), [...codes]));
      usable = false;
    }

    let emails: string[] = [],
      badEmail = false;
    const emailCell = get('email');
    if (!isBlank(emailCell)) {
      const e = readEmails(cellText(emailCell));
      if (e) emails = e;
      else {
        badEmail = true;
        add(row, 'email', 'bad_email', MSG.badEmail(cellText(emailCell)));
      }
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
    if (name) byName.set(foldName(name), [...(byName.get(foldName(name)) || []), row]);
    if (!usable || !code || !name || !form) continue;
    units.push({
      code,
      name,
      form,
      emails,
      badEmail,
      contact: cellText(get('contact')).trim(),
      phone: cellText(get('phone')).trim(),
      communes: communes ?? null,
      aliases: cellText(get('aliases'))
        .split(';')
        .map((s) => s.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
      from: months.from,
      to: months.to,
      enabled: enabled ?? true,
      row,
    });
  }
  for (const [key, map, msg] of [
    ['code', byCode, MSG.duplicateUnitCode],
    ['name', byName, MSG.duplicateUnitName],
  ] as const) {
    for (const rows of map.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const text = cellText((grid[row - 1] || [])[col[key]] ?? '').trim();
        add(
          row,
          key,
          'duplicate_unit',
          msg(
            text,
            rows.filter((x) => x !== row),
          ),
        );
      }
    }
  }
  return { units, problems, layout };
}

// ---- Matching ----

/** What a match needed beyond NFC, case, spaces and tone placement: each is a unit_alias warning. */
export type Folding = 'alias' | 'lookalike' | 'prefix';

export type UnitMatch =
  | { kind: 'none'; suggestions: Unit[] }
  | { kind: 'one'; unit: Unit; folding: Folding | null }
  | { kind: 'many'; units: Unit[] };

export interface MatcherOptions {
  /** Edit distance for suggestions (fastest-levenshtein's by default; a test counts the calls). */
  distance?: (a: string, b: string) => number;
}

/** Suggestions are the closest units, at most this many edits apart after folding (FORMS.md), ties all named up to MAX_SUGGESTIONS. */
const MAX_EDITS = 2;
const MAX_SUGGESTIONS = 3;

interface Candidates {
  units: Unit[];
  folding: Map<Unit, Folding | null>;
}
interface BaseEntry {
  unit: Unit;
  viaAlias: boolean;
  type: string | null;
}

/**
 * Builds a matcher (FORMS.md, unit matching), in this order, the first level that finds a unit deciding:
 * the exact name or code; the same after NFC, case, spaces and tone placement (no warning); after look-alike
 * folding (`lookalike`); then the name without its administrative prefix, or an alias (`prefix`, `alias`).
 * A typed prefix prefers units of that kind (`TX An Khê` is the thị xã, not the phường). When several units
 * match, the one on `form`'s tab and active for `m` wins; else `many`. `none` carries the closest units of
 * `form`. Candidates are cached per distinct text, suggestions per text and form: edit distances are computed
 * only for texts that match nothing.
 */
export function unitMatcher(
  units: readonly Unit[],
  options: MatcherOptions = {},
): (text: string, form: FormId, m: Month | null) => UnitMatch {
  const distance = options.distance ?? levenshtein;
  const exact = new Map<string, Unit[]>(),
    folded = new Map<string, Unit[]>(),
    lookAlike = new Map<string, Unit[]>();
  const bases = new Map<string, BaseEntry[]>();
  const put = (map: Map<string, Unit[]>, key: string, u: Unit) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [u]);
    else if (!list.includes(u)) list.push(u);
  };
  const putBase = (key: string, e: BaseEntry) => {
    if (!key) return;
    const list = bases.get(key);
    if (!list) bases.set(key, [e]);
    else list.push(e);
  };
  /** Per unit, the keys a suggestion is measured against: its name without prefix and its aliases, with and without diacritics. */
  const suggestKeys = new Map<Unit, Array<{ folded: string; plain: string }>>();
  for (const u of units) {
    put(exact, u.name, u);
    put(exact, u.code, u);
  }
  // The folded keys cost most of the building: only made once a text is not an exact name or code (an edit's rows
  // usually are).
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    for (const u of units) buildFolded(u);
  };
  const buildFolded = (u: Unit) => {
    put(folded, foldName(u.name), u);
    put(folded, foldName(u.code), u);
    put(lookAlike, foldLoose(u.name), u);
    put(lookAlike, foldLoose(u.code), u);
    const own = splitPrefix(foldLookAlikes(u.name));
    putBase(own.base, { unit: u, viaAlias: false, type: own.type });
    const keys = [own.base];
    for (const a of u.aliases) {
      const whole = foldLoose(a),
        parts = splitPrefix(foldLookAlikes(a));
      putBase(whole, { unit: u, viaAlias: true, type: null });
      if (parts.base !== whole) putBase(parts.base, { unit: u, viaAlias: true, type: parts.type });
      keys.push(parts.base);
    }
    suggestKeys.set(
      u,
      [...new Set(keys)].map((k) => ({ folded: k, plain: stripDiacritics(k) })),
    );
  };

  const all = (list: Unit[], folding: Folding | null): Candidates => ({ units: list, folding: new Map(list.map((u) => [u, folding])) });
  const fromBases = (entries: BaseEntry[], type: string | null): Candidates => {
    // A typed level must be the unit's (FORMS.md: a prefix dropped or shortened, never replaced): "Phường Pleiku" is
    // not "Thành phố Pleiku", whose figures would be counted as a ward's; it is unknown, with the unit suggested.
    const used = type ? entries.filter((e) => e.type === type) : entries;
    const folding = new Map<Unit, Folding | null>();
    for (const e of used) if (folding.get(e.unit) !== 'prefix') folding.set(e.unit, e.viaAlias ? 'alias' : 'prefix');
    return { units: [...folding.keys()], folding };
  };
  const cache = new Map<string, Candidates>();
  const candidates = (text: string): Candidates => {
    let c = cache.get(text);
    if (c) return c;
    const hit = exact.get(text.trim());
    if (!hit) build();
    const same = hit || folded.get(foldName(text));
    const la = foldLookAlikes(text.normalize('NFC')),
      l = lookAlike.get(foldName(la));
    if (same) c = all(same, null);
    else if (l) c = all(l, 'lookalike');
    else {
      const whole = bases.get(foldName(la)),
        parts = splitPrefix(la);
      const stripped = parts.base !== foldName(la) ? bases.get(parts.base) : undefined;
      c = whole ? fromBases(whole, null) : stripped ? fromBases(stripped, parts.type) : { units: [], folding: new Map() };
    }
    cache.set(text, c);
    return c;
  };

  const suggestionCache = new Map<string, Unit[]>();
  const suggest = (text: string, form: FormId, m: Month | null): Unit[] => {
    const cacheKey = `${form}\u0000${m}\u0000${text}`;
    let s = suggestionCache.get(cacheKey);
    if (s) return s;
    build();
    const typed = splitPrefix(foldLookAlikes(text.normalize('NFC'))).base;
    const plain = splitPlainPrefix(foldLookAlikes(text.normalize('NFC'))).base;
    const closest = (pool: readonly Unit[]) => {
      const scored: Array<{ unit: Unit; d: number }> = [];
      for (const u of pool) {
        let d = Infinity;
        for (const k of suggestKeys.get(u) ?? []) d = Math.min(d, distance(typed, k.folded), distance(plain, k.plain));
        if (d <= MAX_EDITS && d < typed.length) scored.push({ unit: u, d });
      }
      const best = Math.min(...scored.map((x) => x.d));
      return scored
        .filter((x) => x.d === best)
        .slice(0, MAX_SUGGESTIONS)
        .map((x) => x.unit);
    };
    // The units of the tab's form that exist in the row's period first; the others only when none is close.
    const ofForm = units.filter((u) => u.form === form);
    const current = m === null ? ofForm : ofForm.filter((u) => isActive(u, m));
    s = closest(current);
    if (!s.length && current.length < ofForm.length) s = closest(ofForm.filter((u) => !current.includes(u)));
    suggestionCache.set(cacheKey, s);
    return s;
  };

  return (text, form, m) => {
    const c = candidates(text);
    const one = (u: Unit): UnitMatch => ({ kind: 'one', unit: u, folding: c.folding.get(u) ?? null });
    if (!c.units.length) return { kind: 'none', suggestions: suggest(text, form, m) };
    if (c.units.length === 1) return one(c.units[0]);
    const onTab = c.units.filter((u) => u.form === form);
    if (onTab.length === 1) return one(onTab[0]);
    const active = onTab.filter((u) => m !== null && isActive(u, m));
    if (active.length === 1) return one(active[0]);
    return { kind: 'many', units: active.length ? active : onTab.length ? onTab : c.units };
  };
}

/** One-off matching (builds the index each call: use unitMatcher for many rows). */
export function matchUnit(units: readonly Unit[], text: string, form: FormId, m: Month | null): UnitMatch {
  return unitMatcher(units)(text, form, m);
}
