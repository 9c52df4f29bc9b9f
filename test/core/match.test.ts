// Unit matching on the real lists: the 135 commune-level units of Gia Lai from 07/2025 and the 17 districts of 2024.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance as levenshtein } from 'fastest-levenshtein';
import { readDirectory, unitMatcher, type UnitMatch } from '../../src/core/directory';
import { validateWorkbook } from '../../src/core/validate';
import { parseUnitsCsv } from '../../src/local/units';
import { fromLocal, month } from '../../src/core/periods';
import type { Grid } from '../../src/core/types';
import type { Unit } from '../../src/core/model';
import { everydaySpellings, otherTonePlacement, recognised } from './spellings';
import { header, row } from './book';
import { MSG } from '../../src/core/text/validation';

const csv = (file: string) => parseUnitsCsv(readFileSync(join(__dirname, '../../data', file), 'utf8'));
const COMMUNES = csv('gialai-2025-communes.csv');
const UNITS_2024 = csv('gialai-2024-units.csv');
const JUNE_2024 = month(2024, 6),
  JUNE_2025 = month(2025, 6),
  JULY_2025 = month(2025, 7);

/** The directory across the merger: the 2024 units, the districts ending 06/2025, then the 135 communes. */
function merged(): Grid {
  const grid = UNITS_2024.map((r) => [...r]);
  const [head] = grid;
  const form = head.indexOf('Biểu mẫu'),
    to = head.indexOf('Đến kỳ');
  for (const r of grid.slice(1)) if (r[form] === '03') r[to] = '06/2025';
  return [...grid, ...COMMUNES.slice(1)];
}

const communes = readDirectory(COMMUNES).units;
const units2024 = readDirectory(UNITS_2024).units;
const districts = units2024.filter((u) => u.form === '03');
const byName = (units: readonly Unit[], name: string) => units.find((u) => u.name === name)!;
const code = (m: UnitMatch) => (m.kind === 'one' ? m.unit.code : m.kind);

describe('the real lists', () => {
  test('the 135 communes of 2025 read without a problem: 110 xã, 25 phường, national codes, from 07/2025, form 03', () => {
    const { units, problems } = readDirectory(COMMUNES);
    expect(problems).toEqual([]);
    expect(units).toHaveLength(135);
    expect(units.filter((u) => u.name.startsWith('Xã '))).toHaveLength(110);
    expect(units.filter((u) => u.name.startsWith('Phường '))).toHaveLength(25);
    expect(units.every((u) => /^X-\d{5}$/.test(u.code) && u.form === '03' && u.from === JULY_2025 && u.to === null)).toBe(true);
    expect(byName(units, 'Phường Pleiku').code).toBe('X-23575');
  });
  test('the 2024 list has the 17 districts of Gia Lai on form 03', () => {
    expect(districts).toHaveLength(17);
    expect(districts.map((u) => u.name)).toContain('Huyện Ia Grai');
  });
  test('the merged directory (districts to 06/2025, communes from 07/2025) has no problem', () => {
    expect(readDirectory(merged()).problems).toEqual([]);
  });
});

describe.each([
  ['the 135 communes of 2025', communes, JULY_2025],
  ['the 17 districts of 2024', units2024, JUNE_2024],
] as const)('every everyday spelling of %s', (_, units, period) => {
  const list = units.filter((u) => u.form === '03');
  const spellings = everydaySpellings(list);
  const match = unitMatcher(units);

  test('is found as its own unit', () => {
    const r = recognised(spellings, (t) => code(match(t, '03', period)));
    const missed = spellings.filter((s) => code(match(s.text, '03', period)) !== s.code).map((s) => s.text);
    expect(missed).toEqual([]);
    expect(r.share).toBe(1);
  });

  // FORMS.md: an alias, a look-alike or a dropped or shortened prefix warns; NFC, case and tone placement alone do not.
  const WARNS: Record<string, string | null> = {
    'prefix dropped': 'prefix',
    'short form with dot': 'prefix',
    'short form, dot, no space': 'prefix',
    'short form without dot': 'prefix',
    'lower-case short form': 'prefix',
    'UBND + prefix': 'prefix',
    'lower case, prefix dropped': 'prefix',
    'upper case, prefix dropped': 'prefix',
    'Ð (U+00D0) for Đ': 'lookalike',
    'lower-case prefix': null,
    'lower case': null,
    'upper case': null,
    NFD: null,
    'extra spaces': null,
    'other tone placement': null,
  };
  test.each(Object.entries(WARNS))('spelled as %s, the match needs folding %j', (kind, folding) => {
    const ofKind = spellings.filter((s) => s.kind === kind);
    for (const s of ofKind) {
      const m = match(s.text, '03', period);
      // A 2024 alias that is the name without its prefix (`Ia Grai`) is found as an alias: it warns too.
      expect([s.text, m.kind === 'one' && (m.folding === 'alias' && folding === 'prefix' ? 'prefix' : m.folding)]).toEqual([
        s.text,
        folding,
      ]);
    }
  });
  test('the exact name and the code need no folding', () => {
    for (const u of list) {
      expect(match(u.name, '03', period)).toEqual({ kind: 'one', unit: u, folding: null });
      expect(match(u.code, '03', period)).toEqual({ kind: 'one', unit: u, folding: null });
    }
  });
});

describe('spellings on real names', () => {
  const match = unitMatcher(communes);
  test.each([
    ['Ia Grai', 'Xã Ia Grai', 'prefix'],
    ['X. Ia Grai', 'Xã Ia Grai', 'prefix'],
    ['X.Ia Grai', 'Xã Ia Grai', 'prefix'],
    ['X Ia Grai', 'Xã Ia Grai', 'prefix'],
    ['XIa Grai', 'Xã Ia Grai', 'prefix'],
    ['UBND xã Ia Grai', 'Xã Ia Grai', 'prefix'],
    ['Ủy ban nhân dân xã Ia Grai', 'Xã Ia Grai', 'prefix'],
    ['P. Pleiku', 'Phường Pleiku', 'prefix'],
    ['P.Pleiku', 'Phường Pleiku', 'prefix'],
    ['UBND phường Pleiku', 'Phường Pleiku', 'prefix'],
    ['HRA', 'Xã Hra', 'prefix'],
    ['Hra', 'Xã Hra', 'prefix'],
    ['xã ia grai', 'Xã Ia Grai', null],
    ['XÃ IA GRAI', 'Xã Ia Grai', null],
    ['Xã An Hoà', 'Xã An Hòa', null],
    ['Xã Hoà Hội', 'Xã Hòa Hội', null],
    ['Xã Hòa Hội'.normalize('NFD'), 'Xã Hòa Hội', null],
    ['Xã  Ia   Grai ', 'Xã Ia Grai', null],
    ['Xã \u00d0ak \u00d0oa', 'Xã Đak Đoa', 'lookalike'],
    ['\u00d0ak \u00d0oa', 'Xã Đak Đoa', 'prefix'],
    ['Hoà Hội', 'Xã Hòa Hội', 'prefix'],
  ])('%j is %s, folding %j', (text, name, folding) => {
    expect(match(text, '03', JULY_2025)).toEqual({ kind: 'one', unit: byName(communes, name), folding });
  });
  test("the other tone placement of the real names (Xã An Hoà, Xã Hoà Hội) is that of the source's later release", () => {
    expect(communes.map((u) => otherTonePlacement(u.name)).filter((n) => !communes.some((u) => u.name === n))).toEqual([
      'Xã An Hoà',
      'Xã Hoà Hội',
    ]);
  });
  test.each(['Pleiku Bắc', 'Ia', 'Xã', 'Phường', 'UBND', 'Gia Lai'])('%j matches no unit', (text) => {
    expect(match(text, '03', JULY_2025).kind).toBe('none');
  });
  test('a unit of another form is still found (then wrong_form), the 2024 form-01 names match as before', () => {
    const m = unitMatcher(units2024);
    expect(code(m('Sở Tài chính', '03', JUNE_2024))).toBe('S-TC');
    expect(code(m('sở tài chính', '01', JUNE_2024))).toBe('S-TC');
    expect(code(m('TX. An Khê', '03', JUNE_2024))).toBe('H-623');
    expect(code(m('UBND huyện Ia Grai', '03', JUNE_2024))).toBe('H-628');
    expect(code(m('H. K\u2019Bang', '03', JUNE_2024))).toBe('H-625');
  });
});

describe('ambiguity: the unit active for the period and on this tab wins', () => {
  const units = readDirectory(merged()).units;
  const match = unitMatcher(units);
  test.each([
    ['Ia Grai', 'H-628', 'X-23764'],
    ['Pleiku', 'H-622', 'X-23575'],
    ['An Khê', 'H-623', 'X-23617'],
    ['Ayun Pa', 'H-624', 'X-24044'],
    ['Chư Păh', 'H-627', 'X-23722'],
    ['Kbang', 'H-625', 'X-23638'],
    ['Đak Đoa', 'H-626', 'X-23677'],
    ['Đak Pơ', 'H-634', 'X-23995'],
    ['Phú Thiện', 'H-638', 'X-24043'],
  ])('%j is the district in 06/2025 and the commune in 07/2025', (text, district, commune) => {
    expect(code(match(text, '03', JUNE_2025))).toBe(district);
    expect(code(match(text, '03', JULY_2025))).toBe(commune);
    expect(match(text, '03', null)).toMatchObject({ kind: 'many' });
  });
  test('the exact name decides before the period: Huyện Ia Grai in 07/2025 is the district (then inactive_unit)', () => {
    expect(match('Huyện Ia Grai', '03', JULY_2025)).toMatchObject({ kind: 'one', unit: { code: 'H-628' }, folding: null });
  });
  test("an ended district's row after the merger is inactive_unit with its periods and the commune of its name suggested", () => {
    const rows = ['Huyện Ia Grai', 'Thị xã An Khê'].map((unit) => row('03', { unit, period: '07/2025', communes_active: 1 }));
    const v = validateWorkbook({ 'Danh mục đơn vị': merged(), 'Biểu mẫu 03': [header('03'), ...rows] }, fromLocal(2025, 8, 20, 12, 0));
    expect(v.problems.filter((p) => p.code === 'inactive_unit').map((p) => p.message)).toEqual([
      MSG.inactiveUnit('Huyện Ia Grai', '07/2025', null, '06/2025', ['Xã Ia Grai']),
      MSG.inactiveUnit('Thị xã An Khê', '07/2025', null, '06/2025', ['Phường An Khê']),
    ]);
    expect(v.problems[0].message).toContain('(đơn vị báo cáo đến kỳ 06/2025). Có phải là “Xã Ia Grai”?');
    // Typed another way, the one error alone: a unit_alias warning beside it would only repeat its name.
    const typed = row('03', { unit: 'UBND huyện Ia Grai', period: '07/2025', communes_active: 1 });
    const w = validateWorkbook({ 'Danh mục đơn vị': merged(), 'Biểu mẫu 03': [header('03'), typed] }, fromLocal(2025, 8, 20, 12, 0));
    expect(w.problems.filter((p) => p.column === 'Đơn vị').map((p) => p.code)).toEqual(['inactive_unit']);
  });
  test('a typed prefix prefers units of that kind: TX An Khê is the thị xã, P. An Khê the phường, whatever the period', () => {
    expect(code(match('TX An Khê', '03', JULY_2025))).toBe('H-623');
    expect(code(match('P. An Khê', '03', JUNE_2025))).toBe('X-23617');
  });
  test('An Phú for Xã An Phú and Phường An Phú: the one of the period, else unknown_unit listing both', () => {
    const grid = merged();
    grid.push(['X-TEST', 'Xã An Phú', '03', '', '', '', '', '', '', '', '']);
    const both = unitMatcher(readDirectory(grid).units);
    const many = both('An Phú', '03', JULY_2025);
    expect(many.kind === 'many' && many.units.map((u) => u.name).sort()).toEqual(['Phường An Phú', 'Xã An Phú']);
    grid[grid.length - 1][9] = '06/2025';
    const byPeriod = unitMatcher(readDirectory(grid).units);
    expect(byPeriod('An Phú', '03', JULY_2025)).toMatchObject({ kind: 'one', unit: { name: 'Phường An Phú' }, folding: 'prefix' });
    expect(byPeriod('An Phú', '03', JUNE_2025)).toMatchObject({ kind: 'one', unit: { name: 'Xã An Phú' } });
  });
  test('An Phú on tab 04 when Xã An Phú reports on form 04: the unit of the tab wins', () => {
    const grid = merged();
    grid.push(['X-TEST', 'Xã An Phú', '04', '', '', '', '', '', '', '', '']);
    const m = unitMatcher(readDirectory(grid).units);
    expect(m('An Phú', '04', JULY_2025)).toMatchObject({ kind: 'one', unit: { name: 'Xã An Phú' } });
    expect(m('An Phú', '03', JULY_2025)).toMatchObject({ kind: 'one', unit: { name: 'Phường An Phú' } });
  });
});

describe('suggestions for an unknown unit', () => {
  const match = unitMatcher(readDirectory(merged()).units);
  const names = (m: UnitMatch) => (m.kind === 'none' ? m.suggestions.map((u) => u.name) : m.kind);
  test.each([
    ['Ia Gral', ['Xã Ia Grai']],
    ['Xã Ia Grau', ['Xã Ia Grai']],
    ['X. Ia Gri', ['Xã Ia Grai']],
    ['Chu Pah', ['Xã Chư Păh']],
    ['Chu Puh', ['Xã Chư Pưh']],
    ['Xa Ia Grai', ['Xã Ia Grai']],
    ['Phuong Pleku', ['Phường Pleiku']],
    ['Ia Pi', ['Xã Ia Phí', 'Xã Ia Pia', 'Xã Ia Pa']],
    ['Dak Doa', ['Xã Đak Đoa']],
    ['Tp Quy Nhon', ['Phường Quy Nhơn']],
    ['Hoài Nhơn Trung', []],
    ['Ia', []],
    ['Quy Nhơn', 'one'],
  ])('%j: %j', (text, expected) => {
    expect(names(match(text, '03', JULY_2025))).toEqual(expected);
  });
  test('the units of the period come first: in 06/2025 Ia Gral is the district', () => {
    expect(names(match('Ia Gral', '03', JUNE_2025))).toEqual(['Huyện Ia Grai']);
  });
  test("only units of the tab's form are suggested", () => {
    expect(names(match('Sở Tài chánh', '03', JULY_2025))).toEqual([]);
    expect(names(match('Sở Tài chánh', '01', JULY_2025))).toEqual(['Sở Tài chính']);
  });
});

describe('speed: 100,000 rows on the 135 communes', () => {
  test('edit distances are computed only for texts that match nothing, once per distinct text', () => {
    let calls = 0;
    const match = unitMatcher(communes, {
      distance: (a, b) => {
        calls++;
        return levenshtein(a, b);
      },
    });
    const texts = everydaySpellings(communes).map((s) => s.text);
    const typos = ['Ia Gral', 'Chu Pah', 'Phuong Pleku', 'Xã Không Có', 'Ia Grau'];
    let found = 0,
      unknown = 0;
    for (let i = 0; i < 100_000; i++) {
      const m = match(i % 50 === 0 ? typos[(i / 50) % typos.length] : texts[i % texts.length], '03', JULY_2025);
      if (m.kind === 'one') found++;
      else unknown++;
    }
    expect(unknown).toBe(2000);
    expect(found).toBe(98_000);
    // Each of the 5 typos: the 135 units once, two keys (with and without diacritics) each.
    expect(calls).toBe(typos.length * communes.length * 2);
  });
});

describe('in the check of a form tab', () => {
  const NOW_2025 = fromLocal(2025, 8, 20, 12, 0);
  const check = (units: string[]) => {
    const rows = units.map((unit) => row('03', { unit, period: '07/2025', communes_active: 1 }));
    return validateWorkbook({ 'Danh mục đơn vị': COMMUNES, 'Biểu mẫu 03': [header('03'), ...rows] }, NOW_2025);
  };
  test('case, NFD, spaces and the other tone placement give no problem', () => {
    const v = check(['xã ia grai', 'PHƯỜNG PLEIKU', 'Xã An Hoà', 'Xã Hoà Hội'.normalize('NFD'), ' Xã  Kbang ']);
    expect(v.problems).toEqual([]);
    expect(v.rows.map((r) => r.unitCode)).toEqual(['X-23764', 'X-23575', 'X-21628', 'X-21871', 'X-23638']);
  });
  test('a dropped or shortened prefix, UBND or a look-alike is unit_alias naming the canonical unit and why', () => {
    const v = check(['Ia Grai', 'P.Pleiku', 'UBND xã Chư Păh', 'Xã \u00d0ak \u00d0oa']);
    expect(v.problems.map((p) => [p.row, p.column, p.severity, p.code])).toEqual([
      [2, 'Đơn vị', 'warning', 'unit_alias'],
      [3, 'Đơn vị', 'warning', 'unit_alias'],
      [4, 'Đơn vị', 'warning', 'unit_alias'],
      [5, 'Đơn vị', 'warning', 'unit_alias'],
    ]);
    expect(v.problems[0].message).toContain('“Xã Ia Grai” (mã X-23764, tên thiếu hoặc viết tắt cấp hành chính');
    expect(v.problems[3].message).toContain('“Xã Đak Đoa” (mã X-23677, ô có chữ trông giống nhưng là ký tự khác');
    expect(v.rows.every((r) => r.valid)).toBe(true);
  });
  test('unknown_unit names the closest units: “Có phải là “Xã Ia Grai”?”', () => {
    const v = check(['Ia Gral', 'Không Biết']);
    expect(v.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'unknown_unit'],
      [3, 'unknown_unit'],
    ]);
    expect(v.problems[0].message).toContain('Có phải là “Xã Ia Grai”?');
    expect(v.problems[1].message).not.toContain('Có phải là');
  });
});
