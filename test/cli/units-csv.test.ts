// `setup --units` reads the units CSV as Excel writes it in a Vietnamese locale ("CSV UTF-8": `;` separated, a BOM,
// CRLF, quoted fields with "" inside; "Unicode Text": tab separated UTF-16 LE), with papaparse, and says which
// separator it found. A malformed file exits 2 with its line number, and nothing is written.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTORY_COLUMNS, TAB } from '../../src/core/forms/schema';
import { readWorkbookValues } from '../../src/local/xlsx';
import { ROOT, artifactDir, run } from './run';

const dir = artifactDir('units-csv');
const BOM = '\uFEFF';
/** The directory tab's own headers, as a CSV saved from it has them. */
const HEADER = DIRECTORY_COLUMNS.map((c) => c.header);
const unit = (values: Record<string, string>) => DIRECTORY_COLUMNS.map((c) => values[c.key] ?? '');
/** Three units: one name holds the separator, one holds quotes, one alias list spans two lines; form `3` unpadded. */
const UNITS = [
  unit({ code: 'X-24187', name: 'Phường Pleiku; mới', form: '03', email: 'pleiku@gialai.example', active: 'Có' }),
  unit({
    code: 'X-24190',
    name: 'Xã "Ia Grai"',
    form: '03',
    email: 'iagrai@gialai.example',
    contact: 'Nguyễn Văn A',
    phone: '0269 3824 123',
    communes: '1',
    active: 'Có',
  }),
  unit({
    code: 'H-630',
    name: 'Huyện Chư Păh',
    form: '3',
    email: 'chupah@gialai.example',
    communes: '12',
    aliases: 'Chư Păh\nChuPah',
    from: '06/2024',
    active: 'Có',
  }),
];
const WANT = UNITS.map((r, i) => (i === 2 ? r.map((v) => (v === '3' ? '03' : v)) : r));

/** One field as Excel writes it: quoted when it holds the separator, a quote or a line break; quotes doubled. */
function field(v: string, sep: string): string {
  return v.includes(sep) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v;
}
const csv = (rows: string[][], sep: string) => `${rows.map((r) => r.map((v) => field(v, sep)).join(sep)).join('\r\n')}\r\n`;

async function directoryOf(out: string): Promise<string[][]> {
  const grid = (await readWorkbookValues(out))[TAB.directory];
  return grid
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => r.map(String));
}

test('Excel "CSV UTF-8" in a Vietnamese locale (BOM, `;`, CRLF, "" inside quotes) fills the directory and names the `;`', async () => {
  const file = join(dir, 'units-semicolon.csv');
  writeFileSync(file, BOM + csv([HEADER, ...UNITS], ';'));
  const out = join(dir, 'semicolon.xlsx');
  const r = await run(['setup', out, '--units', file]);
  expect(r.code).toBe(0);
  expect(r.stderr.split('\n')[0]).toBe(`Đọc ${file}: 3 đơn vị, phân cách bằng dấu chấm phẩy (;)`);
  expect(await directoryOf(out)).toEqual(WANT);
});

test('Excel "Unicode Text" (UTF-16 LE with a BOM, tab separated) is read too, and the tab is named', async () => {
  const file = join(dir, 'units-tab.txt');
  writeFileSync(file, Buffer.from(BOM + csv([HEADER, ...UNITS], '\t'), 'utf16le'));
  const out = join(dir, 'tab.xlsx');
  const r = await run(['setup', out, '--units', file]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('3 đơn vị, phân cách bằng dấu tab');
  expect(await directoryOf(out)).toEqual(WANT);
});

test('the repository`s own comma-separated units file is read as before, and the comma is named', async () => {
  const file = join(ROOT, 'data', 'gialai-2024-units.csv');
  const units = readFileSync(file, 'utf8').trim().split('\n').length - 1;
  const r = await run(['setup', join(dir, 'comma.xlsx'), '--units', file]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`: ${units} đơn vị, phân cách bằng dấu phẩy (,)`);
});

describe('a malformed units file exits 2 with its line number, and writes nothing', () => {
  const cases: [string, string, string][] = [
    [
      'a quote never closed',
      `${HEADER.join(';')}\r\nX-1;Xã A;03\r\nX-2;Xã B;03\r\nX-3;"Xã C;03\r\nX-4;Xã D;03\r\n`,
      'dòng 4: dấu ngoặc kép (") mở ở đây không được đóng.',
    ],
    ['a stray quote after a quoted field', `${HEADER.join(';')}\r\nX-1;"Xã "A" mới";03\r\n`, 'dòng 2: sau dấu ngoặc kép (")'],
    [
      'a separator inside an unquoted field',
      `${HEADER.join(';')}\r\n${unit({ code: 'X-1', name: 'Xã A', form: '03' }).join(';')}\r\n\r\n${unit({ code: 'X-2', name: 'Xã B; mới', form: '03' }).join(';')}\r\n`,
      `dòng 4: dòng có ${HEADER.length + 1} ô nhưng dòng tiêu đề chỉ có ${HEADER.length} ô (phân cách bằng dấu chấm phẩy (;))`,
    ],
  ];
  test.each(cases)('%s', async (name, text, fragment) => {
    const file = join(dir, `bad-${name.replace(/\W+/g, '-')}.csv`);
    writeFileSync(file, BOM + text);
    const out = join(dir, `bad-${name.replace(/\W+/g, '-')}.xlsx`);
    const r = await run(['setup', out, '--units', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`Tệp “${file}”, ${fragment}`);
    expect(existsSync(out)).toBe(false);
  });

  test('a file saved in the Windows Vietnamese code page (not UTF-8) is refused with how to save it', async () => {
    const file = join(dir, 'cp1258.csv');
    // "Xã" in Windows-1258 is 58 E3: not valid UTF-8.
    writeFileSync(file, Buffer.concat([Buffer.from('code,name,form\r\nX-1,X'), Buffer.from([0xe3]), Buffer.from(' A,03\r\n')]));
    const r = await run(['setup', join(dir, 'cp1258.xlsx'), '--units', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CSV UTF-8');
    expect(existsSync(join(dir, 'cp1258.xlsx'))).toBe(false);
  });
});

test('papaparse is used by src/local only: no core, Apps Script or sidebar file imports it, and dist/Code.js holds none of it', () => {
  const offenders: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else if (/\.ts$/.test(name.name) && /from ['"]papaparse['"]|require\(['"]papaparse['"]\)/.test(readFileSync(p, 'utf8')))
        offenders.push(p);
    }
  };
  for (const part of ['src/core', 'src/gas', 'src/sidebar']) walk(join(ROOT, part));
  expect(offenders).toEqual([]);
  const code = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
  expect(code).not.toMatch(/papaparse|UndetectableDelimiter|Papa\.parse/i);
});
