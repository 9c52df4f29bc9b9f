// A realistic, seeded demo workbook (and bigger ones for the benchmark): most units on time, some late,
// a few missing, and a handful of the mistakes people really make.
import type { CellValue, FormId, Grid, Month, Workbook } from '../core/types';
import { DIRECTORY_COLUMNS, FORMS, LOG_COLUMNS, SETTINGS, SETTINGS_HEADERS, TAB, YES, formById } from '../core/forms/schema';
import { readYesNo } from '../core/cells';
import { addDays, dayOf, formatMonth, fromLocal, month, monthOfDay, monthOfYear, parseDay, yearOf } from '../core/periods';
import { validateWorkbook } from '../core/validate';
import { logRow, planReminders, type LogEntry } from '../core/reminders';
import { CLI_PLACEHOLDER_URL as PLACEHOLDER_URL } from '../core/text';
import { defaultUnitsGrid } from './units';
import { demoMeasuredGrid } from './demoMeasured';

export interface DemoOptions {
  seed?: number;
  /** Default 2024-08-20 12:00 Asia/Ho_Chi_Minh (or the 20th after the last period when `months` is given). */
  today?: Date;
  units?: Grid;
  /** How many periods from 06/2024 (default: every month before today's). */
  months?: number;
}

export const DEMO_SEED = 20240601;
export const DEMO_TODAY = fromLocal(2024, 8, 20, 12);
export const DEMO_ADMIN_EMAIL = 'sotttt@gialai.example';
const START: Month = month(2024, 6);
const DUE_DAY = 12;
/** Forms 01/02: due before 28/06/2024. */
const ONE_OFF_DAY = 28;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

interface DemoUnit {
  code: string;
  name: string;
  form: FormId;
  communes: number | null;
  aliases: string[];
  enabled: boolean;
}

/** A unit's levels, which only grow, and the scale of its monthly activity. */
interface UnitState {
  staff: number;
  installedShare: number;
  relatives: number;
  communes: number;
  communesActive: number;
  villages: number;
  villagesActive: number;
  teams: number;
  points: number;
  pointsActive: number;
  screens: number;
  scale: number;
  reporter: string;
  phone: string;
}

/** One generated report row, with the moment it was typed and whether it is (meant to be) valid. */
interface DemoRow {
  form: FormId;
  unit: DemoUnit;
  period: Month;
  entered: Date;
  valid: boolean;
  cells: CellValue[];
}

/** key -> 0-based column of each form tab, so rows are built straight into arrays (100,000 rows, little garbage). */
const COLUMN: Record<FormId, Record<string, number>> = Object.fromEntries(
  FORMS.map((f) => [f.id, Object.fromEntries(f.columns.map((c, i) => [c.key, i]))]),
) as Record<FormId, Record<string, number>>;

const get = (x: DemoRow, key: string): CellValue => x.cells[COLUMN[x.form][key]];
const set = (x: DemoRow, key: string, v: CellValue): void => {
  x.cells[COLUMN[x.form][key]] = v;
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Đức', 'Ngọc', 'Quang', 'Thu', 'Hồng', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const HIGHLAND = ['Ksor H\u2019Hen', 'Rơ Mah Hlên', 'Siu Blơi', 'Rơ Châm Dũng', 'Kpă Thuyên', 'Đinh Văn Hrai', 'Nay Phai'];
const NOTES = ['', '', '', '', '', '', 'Số liệu đã rà soát', 'Báo cáo bổ sung số liệu tuyên truyền', 'Đã gửi kèm công văn giấy'];

function personName(r: Rand): string {
  return r() < 0.12 ? pick(r, HIGHLAND) : `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
}

function phoneNumber(r: Rand): string {
  const d = (n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
  const kind = r();
  if (kind < 0.2) return `0269 3${d(3)} ${d(3)}`;
  const mobile = `${pick(r, ['09', '03', '08'])}${int(r, 0, 9)}${d(7)}`;
  if (kind < 0.6) return `${mobile.slice(0, 4)} ${mobile.slice(4, 7)} ${mobile.slice(7)}`;
  if (kind < 0.8) return `${mobile.slice(0, 4)}.${mobile.slice(4, 7)}.${mobile.slice(7)}`;
  return mobile;
}

function unitsFromGrid(grid: Grid): DemoUnit[] {
  const head = (grid[0] ?? []).map((h) => String(h).trim());
  const col = (key: string) => head.indexOf(DIRECTORY_COLUMNS.find((c) => c.key === key)!.header);
  const [code, name, form, communes, aliases, active] = ['code', 'name', 'form', 'communes', 'aliases', 'active'].map(col);
  const units: DemoUnit[] = [];
  for (const row of grid.slice(1)) {
    const f = String(row[form] ?? '')
      .trim()
      .padStart(2, '0') as FormId;
    if (!FORMS.some((x) => x.id === f) || !String(row[name] ?? '').trim()) continue;
    const c = communes >= 0 ? Number(row[communes]) : NaN;
    units.push({
      code: String(row[code]).trim(),
      name: String(row[name]).trim(),
      form: f,
      communes: Number.isInteger(c) && c > 0 ? c : null,
      aliases:
        aliases >= 0
          ? String(row[aliases] ?? '')
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      enabled: active < 0 || readYesNo(row[active] ?? '', true) !== false,
    });
  }
  return units;
}

function initialState(r: Rand, u: DemoUnit): UnitState {
  const staff =
    u.form === '03' ? int(r, 150, 600) : u.form === '04' ? int(r, 80, 900) : u.form === '02' ? int(r, 80, 200) : int(r, 35, 300);
  const communes = u.communes ?? int(r, 6, 20);
  const points = u.form === '04' ? int(r, 8, 80) : 0;
  return {
    staff,
    installedShare: 0.15 + r() * 0.35,
    relatives: 0,
    communes,
    communesActive: Math.max(1, Math.floor(communes * (0.2 + r() * 0.3))),
    villages: communes * int(r, 8, 14),
    villagesActive: 0,
    teams: int(r, 1, 4),
    points,
    pointsActive: Math.floor(points * (0.2 + r() * 0.3)),
    screens: int(r, 0, 3),
    scale: 0.5 + r(),
    reporter: personName(r),
    phone: phoneNumber(r),
  };
}

/** One step of a campaign month (or part of one): every level grows a little, none ever drops. */
function grow(r: Rand, s: UnitState, share = 1): void {
  s.installedShare = Math.min(1, s.installedShare + share * (0.04 + r() * 0.12));
  s.relatives += Math.floor(share * s.staff * s.installedShare * (0.3 + r() * 0.6));
  s.communesActive = Math.min(s.communes, s.communesActive + (r() < 0.6 * share ? int(r, 1, 3) : 0));
  s.villagesActive = Math.min(
    s.villages,
    Math.max(s.villagesActive, Math.floor(((s.villages * s.communesActive) / s.communes) * (0.5 + r() * 0.4))),
  );
  if (r() < 0.4 * share) s.teams += int(r, 1, 3);
  if (r() < 0.1 * share) s.points += 1;
  s.pointsActive = Math.min(s.points, s.pointsActive + (r() < 0.7 * share ? int(r, 1, 4) : 0));
  if (r() < 0.3 * share) s.screens += 1;
}

function putFlows(x: DemoRow, r: Rand, s: UnitState, share = 1): void {
  const f = (lo: number, hi: number) => Math.max(0, Math.round(share * s.scale * (lo + r() * (hi - lo))));
  switch (x.form) {
    case '01':
      set(x, 'portal_posts', f(1, 6));
      set(x, 'social_posts', f(2, 12));
      return;
    case '02':
      set(x, 'print_items', f(1, 6));
      set(x, 'online_items', f(3, 18));
      set(x, 'radio_items', f(1, 6));
      set(x, 'tv_items', f(1, 5));
      set(x, 'airtime_minutes', Math.round(share * s.scale * (15 + r() * 45) * 10) / 10);
      set(x, 'social_posts', f(3, 15));
      return;
    case '03':
      set(x, 'loudspeaker_broadcasts', f(20, 80));
      set(x, 'residents_guided', f(150, 700));
      set(x, 'portal_posts', f(1, 8));
      set(x, 'social_posts', f(2, 15));
      set(x, 'samples', r() < 0.1 ? '' : f(150, 500));
      return;
    default:
      set(x, 'leaflets', f(300, 2500));
      set(x, 'customers_guided', f(150, 1500));
      set(x, 'messages_sent', f(2000, 30000));
  }
}

function putStocks(x: DemoRow, s: UnitState): void {
  set(x, 'staff_total', s.staff);
  set(x, 'staff_installed', Math.floor(s.staff * s.installedShare));
  set(x, 'relatives_guided', s.relatives);
  if (x.form === '03') {
    set(x, 'communes_active', s.communesActive);
    set(x, 'villages_active', s.villagesActive);
    set(x, 'digital_teams', s.teams);
  }
  if (x.form === '04') {
    set(x, 'service_points', s.points);
    set(x, 'service_points_active', s.pointsActive);
    set(x, 'screens', s.screens);
  }
}

function periodText(r: Rand, m: Month): string {
  const x = r();
  if (x < 0.03) return `Tháng ${monthOfYear(m)}/${yearOf(m)}`;
  if (x < 0.05) return `T${monthOfYear(m)}/${yearOf(m)}`;
  return formatMonth(m);
}

function links(r: Rand, u: DemoUnit, m: Month): string {
  if (r() < 0.45) return '';
  const host = `${u.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}.gialai.example`;
  const one = () => `https://${host}/tin-tuc/i-speed-${formatMonth(m).replace('/', '-')}-${int(r, 100, 999)}`;
  return r() < 0.3 ? `${one()}\n${one()}` : one();
}

/** A moment in the working hours of a day of the month after `m` (or of `m` itself with monthOffset 0). */
function workTime(r: Rand, m: Month, monthOffset: number, dayLo: number, dayHi: number): Date {
  const t = m + monthOffset;
  return fromLocal(yearOf(t), monthOfYear(t), int(r, dayLo, dayHi), int(r, 7, 17), int(r, 0, 59), int(r, 0, 59));
}

interface GenConfig {
  seed: number;
  units: DemoUnit[];
  periods: Month[];
  today: Date;
  everyMonth: boolean;
}

function generateRows(cfg: GenConfig, r: Rand): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const u of cfg.units) {
    if (!u.enabled) continue;
    const s = initialState(r, u);
    const hasLinks = formById(u.form).columns.some((c) => c.key === 'links');
    const width = formById(u.form).columns.length;
    const make = (m: Month, entered: Date, share = 1): DemoRow => {
      const x: DemoRow = { form: u.form, unit: u, period: m, entered, valid: true, cells: new Array(width).fill('') };
      putStocks(x, s);
      putFlows(x, r, s, share);
      set(x, 'unit', u.name);
      set(x, 'period', periodText(r, m));
      set(x, 'reporter', r() < 0.9 ? s.reporter : personName(r));
      set(x, 'phone', r() < 0.85 ? s.phone : '');
      if (hasLinks) set(x, 'links', links(r, u, m));
      set(x, 'note', pick(r, NOTES));
      return x;
    };
    for (const m of cfg.periods) {
      grow(r, s);
      const roll = r();
      if (u.form === '03' || u.form === '04') {
        if (roll < 0.06) continue; // missing
        rows.push(make(m, roll < 0.18 ? workTime(r, m, 1, DUE_DAY, 27) : workTime(r, m, 1, 1, DUE_DAY - 1)));
      } else if (m === START) {
        if (roll < 0.05) continue;
        const late = roll < 0.15;
        if (u.form === '01') rows.push(make(m, late ? workTime(r, m, 1, 1, 10) : workTime(r, m, 0, 10, ONE_OFF_DAY - 1)));
        else {
          // Form 02 reports whenever it publishes: a few rows in June, levels growing between them.
          const n = int(r, 2, 3);
          const days = Array.from({ length: n }, () => int(r, 5, ONE_OFF_DAY - 1)).sort((a, b) => a - b);
          days.forEach((d, i) => {
            if (i > 0) grow(r, s, 0.3);
            rows.push(make(m, fromLocal(yearOf(m), monthOfYear(m), d, int(r, 7, 17), int(r, 0, 59)), 1 / n + 0.2));
          });
        }
      } else if (u.form === '02' ? roll < (cfg.everyMonth ? 0.9 : 0.5) : cfg.everyMonth && roll < 0.95) {
        rows.push(make(m, u.form === '02' ? workTime(r, m, 0, 3, 28) : workTime(r, m, 1, 1, 20)));
      }
    }
  }
  return rows.filter((x) => x.entered.getTime() <= cfg.today.getTime());
}

/** The mistakes people make, each on its own row: a typed 1.234, an alias, a duplicate, installs above staff. */
function plantMistakes(rows: DemoRow[], units: DemoUnit[], periods: Month[], today: Date, r: Rand): DemoRow[] {
  const used = new Set<DemoRow>();
  const last = periods[periods.length - 1];
  const choose = (ok: (x: DemoRow) => boolean, preferPeriod: Month): DemoRow | undefined => {
    const pool = rows.filter((x) => !used.has(x) && x.valid && ok(x));
    const preferred = pool.filter((x) => x.period === preferPeriod);
    const found = (preferred.length ? preferred : pool)[Math.floor(r() * (preferred.length || pool.length))];
    if (found) used.add(found);
    return found;
  };
  const invalid = (x: DemoRow) => {
    x.valid = false;
  };

  // A thousands dot typed in a US-locale sheet: the count arrives as the decimal number 1.234.
  const typo = choose((x) => x.form === '03', periods[0]);
  if (typo) {
    set(typo, 'residents_guided', 1.234);
    invalid(typo);
  }

  // Installs above staff: the two columns swapped in a hurry.
  const over = choose((x) => x.form === '03' && x.unit !== typo?.unit, last);
  if (over) {
    set(over, 'staff_installed', Number(get(over, 'staff_total')) + int(r, 5, 40));
    invalid(over);
  }

  // The local spelling of a district: matches only through the directory's aliases (a warning).
  const aliased =
    units.find((u) => u.form === '03' && u.aliases.includes('Đak Đoa')) ?? units.find((u) => u.form === '03' && u.aliases.length);
  const alias = aliased && choose((x) => x.unit === aliased, last);
  if (alias && aliased) set(alias, 'unit', aliased.aliases.includes('Đak Đoa') ? 'Đak Đoa' : aliased.aliases[0]);

  // The same month sent twice: both rows are flagged; the copy came later and never became valid.
  const twiceDay = 2 * 86400000;
  const original = choose((x) => (x.form === '04' || x.form === '03') && x.entered.getTime() + twiceDay <= today.getTime(), last);
  const extra: DemoRow[] = [];
  if (original) {
    const copy: DemoRow = {
      ...original,
      entered: new Date(original.entered.getTime() + twiceDay),
      valid: false,
      cells: original.cells.slice(),
    };
    set(copy, 'reporter', personName(r));
    set(copy, 'note', 'Gửi lại');
    for (const k of ['leaflets', 'customers_guided', 'residents_guided']) {
      const v = k in COLUMN[copy.form] ? get(copy, k) : '';
      if (typeof v === 'number') set(copy, k, Math.round(v * 1.1));
    }
    extra.push(copy);
  }
  return rows.concat(extra);
}

function formGrid(form: FormId, rows: DemoRow[]): Grid {
  const spec = formById(form);
  const grid: Grid = [spec.columns.map((c) => c.header)];
  const mine = rows.filter((x) => x.form === form).sort((a, b) => a.entered.getTime() - b.entered.getTime());
  mine.forEach((x, i) => {
    set(x, 'seq', i + 1);
    set(x, 'submitted_at', x.valid ? x.entered : '');
    set(x, 'updated_at', x.entered);
    grid.push(x.cells);
  });
  return grid;
}

function settingsGrid(): Grid {
  return [
    [SETTINGS_HEADERS.name, SETTINGS_HEADERS.value],
    ...SETTINGS.map((s) => [s.name, s.key === 'adminEmails' ? DEMO_ADMIN_EMAIL : (DEMO_SETTINGS[s.key] ?? s.default)]),
  ];
}

/** The demo Department's contact, signed under its reminder emails. */
const DEMO_SETTINGS: Record<string, string> = { contactName: 'Trần Thị Hồng (Phòng Bưu chính, Viễn thông)', contactPhone: '0269 3823 456' };

function assemble(cfg: GenConfig, directory: Grid): Workbook {
  const r = mulberry32(cfg.seed);
  const rows = plantMistakes(generateRows(cfg, r), cfg.units, cfg.periods, cfg.today, r);
  const book: Workbook = {};
  for (const f of FORMS) book[f.tab] = formGrid(f.id, rows);
  book[TAB.directory] = directory.map((row) => row.slice());
  book[TAB.settings] = settingsGrid();
  book[TAB.log] = [[...LOG_COLUMNS]];
  return book;
}

function periodsFor(today: Date, months?: number): Month[] {
  const before = monthOfDay(dayOf(today)) - 1;
  const count = Math.max(0, Math.min(months ?? Infinity, before - START + 1));
  return Array.from({ length: count }, (_, i) => START + i);
}

/** The 20th of the month after `last`, at noon in Gia Lai: every period is then over, the last one partly late. */
function todayAfter(last: Month): Date {
  const t = last + 1;
  return fromLocal(yearOf(t), monthOfYear(t), 20, 12);
}

export function makeDemoWorkbook(opts: DemoOptions = {}): Workbook {
  const today = opts.today ?? (opts.months ? todayAfter(START + opts.months - 1) : DEMO_TODAY);
  const directory = opts.units ?? defaultUnitsGrid();
  const book = assemble(
    { seed: opts.seed ?? DEMO_SEED, units: unitsFromGrid(directory), periods: periodsFor(today, opts.months), today, everyMonth: false },
    directory,
  );
  book[TAB.log] = [[...LOG_COLUMNS], ...pastSends(book, today).map(logRow)];
  book[TAB.measured] = demoMeasuredGrid(directory, FORMS, periodsFor(today, opts.months), mulberry32((opts.seed ?? DEMO_SEED) + 15));
  return book;
}

/**
 * The reminders the daily trigger would have sent from the campaign's first day until the day before `today`
 * (at 08:00, the default send hour), each day reading the workbook as it stood then: the demo's `Nhật ký`.
 */
export function pastSends(book: Workbook, today: Date): LogEntry[] {
  const log: LogEntry[] = [];
  const links = { spreadsheetUrl: PLACEHOLDER_URL, tabUrl: () => PLACEHOLDER_URL };
  for (let day = `${yearOf(START)}-${String(monthOfYear(START)).padStart(2, '0')}-01`; day < dayOf(today); day = addDays(day, 1)) {
    const p = parseDay(day);
    const at = fromLocal(p.year, p.month, p.day, 8, 0);
    const plan = planReminders({ v: validateWorkbook(book, at), log, today: day, quota: 100, links });
    for (const e of plan.emails)
      log.push({ unit: e.unit, form: e.form, period: e.period, step: e.step, at, to: e.to, result: 'sent', detail: e.kind });
  }
  return log;
}

const BENCH_NAMES: Record<FormId, string[]> = {
  '01': ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế', 'Sở Xây dựng', 'Ban Dân tộc', 'Sở Công Thương'],
  '02': ['Báo Gia Lai', 'Đài Phát thanh - Truyền hình Gia Lai'],
  '03': ['Xã Ia Grai', 'Xã Chư Păh', 'Phường Pleiku', 'Xã Kông Chro', 'Xã Mang Yang', 'Phường An Khê', 'Xã Chư Sê', 'Xã Krông Pa'],
  '04': ['Viettel', 'VNPT', 'MobiFone', 'Bưu điện', 'FPT Telecom'],
};

/** The real mix of 2024: 20 agencies, 2 media, 17 districts, 8 enterprises in every 47 units. */
function benchForm(i: number): FormId {
  const k = i % 47;
  return k < 20 ? '01' : k < 22 ? '02' : k < 39 ? '03' : '04';
}

export function benchUnitsGrid(count: number, seed: number): Grid {
  const r = mulberry32(seed ^ 0x5eed);
  const grid: Grid = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= count; i++) {
    const form = benchForm(i - 1);
    const code = `B${form}-${String(i).padStart(5, '0')}`;
    const byKey: Record<string, CellValue> = {
      code,
      name: `${pick(r, BENCH_NAMES[form])} ${i}`,
      form,
      email: `${code.toLowerCase()}@gialai.example`,
      contact: personName(r),
      phone: phoneNumber(r),
      communes: form === '03' ? int(r, 5, 25) : '',
      aliases: '',
      from: '',
      to: '',
      active: YES,
    };
    grid.push(DIRECTORY_COLUMNS.map((c) => byKey[c.key]));
  }
  return grid;
}

/** The demo generator at benchmark scale: about units x months rows, every form reporting every month. */
export function makeBenchWorkbook(opts: { seed: number; units: number; months: number; directory?: Grid }): Workbook {
  const directory = opts.directory ?? benchUnitsGrid(opts.units, opts.seed);
  const periods = Array.from({ length: opts.months }, (_, i) => START + i);
  const today = todayAfter(periods[periods.length - 1] ?? START);
  return assemble({ seed: opts.seed, units: unitsFromGrid(directory), periods, today, everyMonth: true }, directory);
}

/** The "today" a bench workbook was made for. */
export function benchToday(months: number): Date {
  return todayAfter(START + Math.max(1, months) - 1);
}
