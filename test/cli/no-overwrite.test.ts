// INTERFACES.md, "Command line": no command ever writes over a file it reads, or over an existing workbook it did not
// read (setup and demo refuse an existing OUT unless --force); a target that cannot be written is refused before any
// work (exit 2, one line on stderr, nothing written).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, artifactDir, letOthersEnter, run } from './run';

const dir = artifactDir('no-overwrite');
const BOOK = join(dir, 'book.xlsx');
let original: Buffer;

beforeAll(async () => {
  expect((await run(['demo', BOOK])).code).toBe(0);
  original = readFileSync(BOOK);
});

/** Exit 2, one line on stderr holding `fragment`, nothing on stdout (no work was done). */
async function refused(argv: string[], fragment: string): Promise<void> {
  const r = await run(argv);
  expect(r.stderr).toContain(fragment);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('report never writes over the workbook it reads', () => {
  const ways: [string, () => string][] = [
    ['the same path', () => BOOK],
    ['another path to it', () => relative(process.cwd(), join(dir, '.', '..', 'no-overwrite', 'book.xlsx'))],
    [
      'a symlink to it',
      () => {
        const p = join(dir, 'link.xlsx');
        if (!existsSync(p)) symlinkSync(BOOK, p);
        return p;
      },
    ],
    [
      'a hard link to it',
      () => {
        const p = join(dir, 'hard.xlsx');
        if (!existsSync(p)) linkSync(BOOK, p);
        return p;
      },
    ],
  ];
  test.each(ways)('--out naming the workbook through %s exits 2 and leaves it byte-identical', async (_, target) => {
    await refused(['report', BOOK, '--period', '07/2024', '--today', '2024-08-20', '--out', target()], 'đó chính là tệp');
    expect(readFileSync(BOOK).equals(original)).toBe(true);
  });

  test('reading the workbook through a link and writing to its real name is refused too', async () => {
    const link = join(dir, 'link2.xlsx');
    symlinkSync(BOOK, link);
    await refused(['report', link, '--period', '07/2024', '--today', '2024-08-20', '--out', BOOK], 'mà lệnh đang đọc');
    expect(readFileSync(BOOK).equals(original)).toBe(true);
  });

  test('an existing .xlsx it did not read is refused as setup and demo refuse it, and left byte-identical; with --force it is replaced', async () => {
    const other = join(dir, 'other.xlsx');
    copyFileSync(BOOK, other);
    const argv = ['report', BOOK, '--period', '07/2024', '--today', '2024-08-20', '--out', other];
    await refused(argv, `Tệp “${other}” đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`);
    expect(readFileSync(other).equals(original)).toBe(true);
    const forced = await run([...argv, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Đã tạo tệp ${other}.`);
    expect(readFileSync(other).equals(original)).toBe(false);
  });

  test('report --help names --force', async () => {
    expect((await run(['report', '--help'])).stdout).toContain('--force              ghi đè FILE.xlsx nếu tệp đã có');
  });

  test('--force never lets report write over the workbook it reads', async () => {
    await refused(['report', BOOK, '--period', '07/2024', '--today', '2024-08-20', '--out', BOOK, '--force'], 'đó chính là tệp');
    expect(readFileSync(BOOK).equals(original)).toBe(true);
  });

  test('an existing .html report file that is another file is replaced', async () => {
    const out = join(dir, 'old-report.html');
    writeFileSync(out, 'cũ');
    const r = await run(['report', BOOK, '--period', '07/2024', '--today', '2024-08-20', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});

describe('setup and demo never replace an existing workbook unless --force', () => {
  test.each([['setup'], ['demo']])('%s refuses an existing OUT and leaves it byte-identical; with --force it writes', async (cmd) => {
    const out = join(dir, `${cmd}-existing.xlsx`);
    copyFileSync(BOOK, out);
    await refused([cmd, out], '--force');
    expect(readFileSync(out).equals(original)).toBe(true);
    const forced = await run([cmd, out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).equals(original)).toBe(false);
  });

  test('setup --force still never writes over the units file it reads', async () => {
    const units = join(dir, 'units-as.xlsx');
    writeFileSync(units, 'code,name,form\nX-1,Xã A,03\n');
    const before = readFileSync(units);
    await refused(['setup', units, '--units', units, '--force'], 'đó chính là tệp');
    expect(readFileSync(units).equals(before)).toBe(true);
  });
});

describe('remind --send --outbox', () => {
  test('an outbox that names an existing file is refused before any work: no list, no email, the workbook unchanged', async () => {
    const file = join(dir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    await refused(['remind', BOOK, '--today', '2024-08-13', '--send', '--outbox', file], 'không phải thư mục');
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(readFileSync(BOOK).equals(original)).toBe(true);
  });

  test('an outbox that is the workbook itself is refused as writing over the file it reads', async () => {
    await refused(['remind', BOOK, '--today', '2024-08-13', '--send', '--outbox', BOOK], 'đó chính là tệp');
    expect(readFileSync(BOOK).equals(original)).toBe(true);
  });
});

describe('a target that cannot be written is refused before any work', () => {
  const blocker = join(dir, 'plain-file');
  beforeAll(() => writeFileSync(blocker, 'x'));

  test('report --out inside a path that runs through a file: no report printed, exit 2', async () => {
    await refused(['report', BOOK, '--period', '07/2024', '--today', '2024-08-20', '--out', join(blocker, 'r.html')], 'không phải thư mục');
  });

  test('report --out naming a folder', async () => {
    mkdirSync(join(dir, 'a-folder.html'));
    await refused(['report', BOOK, '--period', '07/2024', '--today', '2024-08-20', '--out', join(dir, 'a-folder.html')], 'là một thư mục');
  });

  test('demo into a path that runs through a file', async () => {
    await refused(['demo', join(blocker, 'sub', 'demo.xlsx')], 'Không ghi được');
  });

  test('remind --send --outbox inside a path that runs through a file: no email planned or written', async () => {
    await refused(['remind', BOOK, '--today', '2024-08-13', '--send', '--outbox', join(blocker, 'outbox')], 'không phải thư mục');
    expect(readFileSync(BOOK).equals(original)).toBe(true);
  });

  // A folder the user cannot write to: as root permissions are not enforced, so the command runs as `nobody`.
  test('report --out into a folder the user cannot write to: exit 2 before the report is printed', () => {
    const ro = join(dir, 'read-only');
    mkdirSync(ro);
    copyFileSync(BOOK, join(ro, 'book.xlsx'));
    chmodSync(join(ro, 'book.xlsx'), 0o444);
    chmodSync(ro, 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const undo = 'uid' in asUser ? letOthersEnter(ro, ROOT, realpathSync(join(ROOT, 'node_modules'))) : () => {};
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'ispeed.js'),
        'report',
        join(ro, 'book.xlsx'),
        '--period',
        '07/2024',
        '--today',
        '2024-08-20',
        '--out',
        join(ro, 'r.html'),
      ],
      { cwd: ROOT, encoding: 'utf8', ...asUser },
    );
    undo();
    chmodSync(ro, 0o755);
    expect(r.stderr).toContain('không có quyền ghi vào thư mục');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    expect(readdirSync(ro)).toEqual(['book.xlsx']);
  });
});
