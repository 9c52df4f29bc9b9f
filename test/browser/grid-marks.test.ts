// The grid in the preview (Chromium): the Kiểm tra colours and a row being typed, as a person sees them.
// Screenshots go to test-artifacts/grid/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/chromium';
import { startPreview } from '../../src/local/preview/server';

const ROOT = join(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/grid');
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

jest.setTimeout(180000);

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/Code.js')))
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'ispeed-grid-'));
  browser = await launchChromium(); // fails loudly when Chromium is missing
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cell = (row: number, col: number) => `#grid td[data-row="${row}"][data-col="${col}"]`;
const idle = (page: Page) => page.waitForSelector('#busy', { state: 'hidden' });

async function headerCol(page: Page, header: string): Promise<{ row: number; col: number }> {
  const found = await page.evaluate((h) => {
    const td = Array.from(document.querySelectorAll<HTMLElement>('#grid td')).find((x) => x.textContent === h);
    return td ? { row: Number(td.dataset.row), col: Number(td.dataset.col) } : null;
  }, header);
  if (!found) throw new Error(`header not found: ${header}`);
  return found;
}

async function typeInto(page: Page, row: number, col: number, text: string): Promise<void> {
  await page.dblclick(cell(row, col));
  await page.waitForSelector('#cell-editor', { state: 'visible' });
  await page.fill('#cell-editor', text);
  await page.press('#cell-editor', 'Enter');
  await idle(page);
}

test('Kiểm tra is coloured by result, and a new row being typed is marked lightly with one note', async () => {
  const preview = await startPreview({ port: 0, out: join(dir, 'grid.preview.xlsx') });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  try {
    await page.goto(preview.url);
    await page.waitForSelector('body[data-ready="1"]');
    // The full check writes every row's Kiểm tra (the daily trigger does the same).
    await page.click('#menubar .menu > button:text-is("i-Speed")');
    await page.click('.menu-items button:text-is("Kiểm tra toàn bộ")');
    await idle(page);
    await page.keyboard.press('Escape');
    await page.click('#tabs button[data-sheet="Biểu mẫu 03"]');
    await idle(page);
    const status = await headerCol(page, 'Kiểm tra');
    const unit = await headerCol(page, 'Đơn vị');
    // Every filled row's Kiểm tra cell has the colour of its result.
    const seen = await page.evaluate(
      ({ headerRow, col }) => {
        const out: Array<[string, string]> = [];
        for (let r = headerRow + 1; r < headerRow + 60; r++) {
          const td = document.querySelector<HTMLElement>(`#grid td[data-row="${r}"][data-col="${col}"]`);
          if (td?.textContent) out.push([td.textContent, getComputedStyle(td).backgroundColor]);
        }
        return out;
      },
      { headerRow: status.row, col: status.col },
    );
    const colour = (text: string) => (text === 'Hợp lệ' ? rgb('#d9ead3') : /lỗi/.test(text) ? rgb('#f4cccc') : rgb('#fce5cd'));
    expect(seen.length).toBeGreaterThan(5);
    for (const [text, bg] of seen) expect([text, bg]).toEqual([text, colour(text)]);
    await page.locator(cell(status.row, status.col)).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'grid-status-colours.png') });

    // A new row: the unit and the period only.
    const row = status.row + seen.length + 1;
    await typeInto(page, row, unit.col, 'Huyện Kông Chro');
    await typeInto(page, row, unit.col + 1, '08/2024');
    const st = page.locator(cell(row, status.col));
    await expect(st.textContent()).resolves.toMatch(/^Còn \d+ ô trống$/);
    expect(await st.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb('#fdeeee'));
    const staff = page.locator(cell(row, unit.col + 2));
    expect(await staff.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb('#fdeeee'));
    expect(await staff.evaluate((td) => td.classList.contains('note'))).toBe(false);
    await page.locator(cell(row, unit.col)).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'grid-row-being-typed.png') });
    await page.hover(cell(row, status.col));
    await page.screenshot({ path: join(ARTIFACTS, 'grid-row-being-typed-note.png') });

    // A wrong value: the row turns red.
    await typeInto(page, row, unit.col + 2, '0');
    expect(await st.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb('#f4cccc'));
    await page.screenshot({ path: join(ARTIFACTS, 'grid-row-wrong-value.png') });
  } finally {
    await page.close();
    await preview.close();
  }
});
