// The one number rule: a percentage is computed once from its exact integers, rounded half-up once to one decimal,
// and every renderer (document, HTML report, report tab, report email, digest, CLI text, sidebar) shows the same string.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumberVi, formatPercent, percentTenths, share, shareRatio } from '../../../src/core/format';
import { buildReport, type Report } from '../../../src/core/report/model';
import { reportDocument, renderReportHtml } from '../../../src/core/report/document';
import { reportSheet } from '../../../src/core/report/sheet';
import { renderReportEmail } from '../../../src/core/report/email';
import { digestEmail } from '../../../src/core/reminders/email';
import { reportText } from '../../../src/local/cli/print';
import { fromLocal } from '../../../src/core/periods';
import { JUL, row, unit, validation } from './fixture';

const TODAY = '2024-08-20';

describe('percentTenths and formatPercent', () => {
  test('half-up once from the exact integers, never from a rounded ratio', () => {
    expect(percentTenths(share(2881, 5814))).toBe(496); // 49.5528…%
    expect(formatPercent(share(2881, 5814))).toBe('49,6%');
    // 0.4955 exactly: a float times 1000 is 495.4999…, the integers say it is a tie and it goes up.
    expect(formatPercent(share(4955, 10000))).toBe('49,6%');
    // 0.495495 rounds to 0.4955 at 4 decimals, which would then round up again: the true value is 49,5%.
    expect(formatPercent(share(99099, 200000))).toBe('49,5%');
    expect(formatPercent(share(3, 400))).toBe('0,8%');
    expect(formatPercent(share(1, 3))).toBe('33,3%');
    expect(formatPercent(share(2, 4))).toBe('50,0%');
    expect(formatPercent(share(7, 7))).toBe('100,0%');
    expect(formatPercent(share(0, 5))).toBe('0,0%');
  });

  test("no share (a zero denominator) shows the caller's blank, and its ratio is null", () => {
    expect(share(3, 0)).toBeNull();
    expect(formatPercent(null)).toBe('');
    expect(formatPercent(share(1, 0), '—')).toBe('—');
    expect(shareRatio(null)).toBeNull();
    expect(shareRatio(share(2881, 5814))).toBe(0.496);
  });
});

/** Form 03 with three units: 2/3 reported (66,7%), 1/3 on time (33,3%), staff 99099/200000 (49,5%), units 49,5% and 49,6%. */
function tricky(): Report {
  const v = validation(
    [unit('X-1', 'Huyện Một', '03'), unit('X-2', 'Huyện Hai', '03'), unit('X-3', 'Huyện Ba', '03')],
    [
      row('03', 2, 'X-1', JUL, [100000, 49549, 10, 1, 1, 5, 1, 5, 5, 5, 5], [2024, 8, 1, 8, 0]),
      row('03', 3, 'X-2', JUL, [100000, 49550, 10, 1, 1, 5, 1, 5, 5, 5, 5], [2024, 8, 15, 8, 0]),
    ],
  );
  return buildReport(v, JUL, ['03'], TODAY);
}

const ALLOWED = new Set(['66,7%', '33,3%', '49,5%', '49,6%']);
const AXIS = new Set(['0%', '25%', '50%', '75%', '100%']); // the trend chart's gridlines
const percents = (text: string) => [...text.matchAll(/\d+(?:[.,]\d+)?\s?%/g)].map((m) => m[0].replace(/\s/g, ''));
const strip = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ');

describe('one model, every renderer: the same percentage strings', () => {
  const r = tricky();
  const f = r.forms[0];
  const v = validation([], []);
  const doc = reportDocument(r, v.settings, TODAY);
  const docText = doc.blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? b.runs.map((x) => x.text).join('')
        : b.kind === 'table'
          ? [b.header, ...b.rows].map((x) => x.join(' | ')).join('\n')
          : b.cells
              .flat()
              .map((p) => p.runs.map((x) => x.text).join(''))
              .join('\n'),
    )
    .join('\n');
  const html = strip(renderReportHtml(r, doc));
  const email = renderReportEmail(r, v.settings, TODAY, 'https://docs.google.com/spreadsheets/d/x');
  const digest = digestEmail({
    period: '07/2024',
    due: '12/08/2024',
    today: '20/08/2024',
    badEmails: [],
    uncertain: [],
    spreadsheetUrl: '',
    department: 'Sở',
    forms: [{ form: f.form, group: f.group, expected: f.expected, reported: f.reported, onTime: f.onTime, missing: [], invalid: [] }],
  });
  const cli = reportText(r).join('\n');
  const layout = reportSheet(r, v.settings, fromLocal(2024, 8, 20, 9));
  // What Sheets shows for a `0.0%` cell: the value times 100 with one decimal.
  const sheetText = layout.values
    .flatMap((cells, i) =>
      cells.map((x, j) => (layout.numberFormats[i][j] === '0.0%' && typeof x === 'number' ? `${formatNumberVi(x * 100, 1, true)}%` : '')),
    )
    .join(' ');

  const renderers: Record<string, string> = {
    document: docText,
    html,
    'email text': email.text,
    'email html': strip(email.html),
    'digest text': digest.text,
    cli,
    sheet: sheetText,
  };

  test.each(Object.keys(renderers))('%s shows only the rounded-once strings', (name) => {
    const found = percents(renderers[name]).filter((p) => !(name === 'html' && AXIS.has(p)));
    expect(found.length).toBeGreaterThan(0);
    expect([name, found.filter((p) => !ALLOWED.has(p))]).toEqual([name, []]);
  });

  test('each rate reads the same in every renderer that shows it', () => {
    for (const [name, text] of Object.entries(renderers)) {
      for (const pct of ['66,7%', '33,3%']) expect([name, pct, text.includes(pct)]).toEqual([name, pct, true]);
    }
    for (const name of ['document', 'html', 'email text', 'cli', 'sheet'])
      expect([name, renderers[name].includes('49,5%')]).toEqual([name, true]);
    // The unit at exactly 49,55 % goes up, in the document's unit table, the HTML report and the report tab alike.
    for (const name of ['document', 'html', 'sheet']) expect([name, renderers[name].includes('49,6%')]).toEqual([name, true]);
  });

  test('the report tab stores the ratio its percentage shows', () => {
    const rates = layout.values.flatMap((cells, i) => cells.filter((_, j) => layout.numberFormats[i][j] === '0.0%'));
    expect(rates).toEqual(expect.arrayContaining([0.667, 0.333, 0.495, 0.496]));
  });

  test('the sidebar formats with the same core function (it is bundled alone and imports it)', () => {
    const src = readFileSync(join(__dirname, '../../../src/sidebar/sidebar.ts'), 'utf8');
    expect(src).toMatch(/import \{[^}]*\bformatPercent\b[^}]*\} from '\.\.\/core\/format';/);
    expect(src).not.toMatch(/toFixed|\* ?100\)/); // no formatter of its own
    expect(formatPercent(f.shares.installRate, '—')).toBe('49,5%');
  });
});
