// The local preview in Debian's Chromium: a person edits cells, opens the real sidebar, runs the daily trigger.
// Screenshots go to test-artifacts/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/chromium';
import { startPreview, type Preview } from '../../src/local/preview/server';

const ROOT = join(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const ERROR_BG = 'rgb(244, 204, 204)';

jest.setTimeout(180000);

let browser: Browser;
let dir: string;

beforeAll(async () => {
  // A missing browser is a failure, never a skip: `npm test` installs it (scripts/ensure-tools.mjs).
  // The preview runs the built bundle: build it when this test runs alone.
  if (!existsSync(join(ROOT, 'dist/Code.js')) || !existsSync(join(ROOT, 'dist/Sidebar.html'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'ispeed-preview-'));
  browser = await launchChromium(); // fails loudly when Chromium is missing
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh preview of the demo workbook and a page on it, ready to use. */
const pageErrors: string[] = [];
afterEach(() => {
  // A script error in the page is a failure even when the flow went on.
  expect(pageErrors.splice(0)).toEqual([]);
});

async function open(name: string): Promise<{ preview: Preview; page: Page; out: string }> {
  const out = join(dir, `${name}.preview.xlsx`);
  const preview = await startPreview({ port: 0, out });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(preview.url);
  await page.waitForSelector('body[data-ready="1"]');
  return { preview, page, out };
}

async function idle(page: Page): Promise<void> {
  await page.waitForSelector('#busy', { state: 'hidden' });
}

async function showTab(page: Page, name: string): Promise<void> {
  await page.click(`#tabs button[data-sheet="${name}"]`);
  await page.waitForSelector(`#tabs button.active[data-sheet="${name}"]`);
  await idle(page);
}

/** The 1-based column whose header cell holds `header`, and that header's row. */
async function findHeader(page: Page, header: string): Promise<{ row: number; col: number }> {
  const found = await page.evaluate((h) => {
    const td = Array.from(document.querySelectorAll<HTMLElement>('#grid td')).find((x) => x.textContent === h);
    return td ? { row: Number(td.dataset.row), col: Number(td.dataset.col) } : null;
  }, header);
  if (!found) throw new Error(`header not found: ${header}`);
  return found;
}

const cell = (row: number, col: number) => `#grid td[data-row="${row}"][data-col="${col}"]`;

async function typeInto(page: Page, row: number, col: number, text: string): Promise<void> {
  await page.dblclick(cell(row, col));
  await page.waitForSelector('#cell-editor', { state: 'visible' });
  await page.fill('#cell-editor', text);
  await page.press('#cell-editor', 'Enter');
  await idle(page);
}

test('a count typed as text gets an error note and a red cell, and both clear once it is fixed', async () => {
  const { preview, page, out } = await open('grid');
  try {
    await showTab(page, 'Biểu mẫu 03');
    const header = await findHeader(page, 'Số lượt phát trên hệ thống truyền thanh cơ sở (trong kỳ)');
    // A filled report row whose count cell has no problem yet.
    const row = await page.evaluate(
      ({ headerRow, col }) => {
        for (let r = headerRow + 1; r < headerRow + 200; r++) {
          const unit = document.querySelector(`#grid td[data-row="${r}"][data-col="2"]`);
          const target = document.querySelector(`#grid td[data-row="${r}"][data-col="${col}"]`);
          if (unit?.textContent && target && !target.classList.contains('note') && /^\d/.test(target.textContent ?? '')) return r;
        }
        return 0;
      },
      { headerRow: header.row, col: header.col },
    );
    expect(row).toBeGreaterThan(header.row);

    await typeInto(page, row, header.col, 'abc');
    await page.waitForSelector(`${cell(row, header.col)}.note`);
    const bad = await page.$eval(cell(row, header.col), (td) => ({
      text: td.textContent,
      note: td.getAttribute('title'),
      bg: getComputedStyle(td).backgroundColor,
    }));
    expect(bad.text).toBe('abc');
    expect(bad.note).toMatch(/số/i);
    expect(bad.bg).toBe(ERROR_BG);
    // The row's status cell says so too (the real edit trigger ran).
    const status = await findHeader(page, 'Kiểm tra');
    await expect(page.textContent(cell(row, status.col))).resolves.toMatch(/lỗi/);
    await page.click(cell(row, header.col));
    await page.screenshot({ path: join(ARTIFACTS, 'grid-error.png') });
    // The note strip over the grid holds a Vietnamese line whole: its letters' marks are not cut at the top or bottom.
    const strip = await page.$eval('#cell-note', (el) => ({
      text: el.textContent ?? '',
      scroll: el.scrollHeight,
      client: el.clientHeight,
    }));
    expect(strip.text).toMatch(/số/i);
    expect(strip.scroll).toBeLessThanOrEqual(strip.client);
    // Scrolled right, the frozen header row and unit column stay, and where they meet (B1), and the letter B, are on
    // top: the header row's other cells and the other letters scroll under them, as in Sheets.
    await page.$eval('#grid-wrap', (el) => el.scrollBy(700, 0));
    const onTop = await page.evaluate(() => {
      const top = (el: Element | null) => {
        if (!el) return false;
        const b = el.getBoundingClientRect();
        return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === el;
      };
      return {
        b1: top(document.querySelector('#grid td[data-row="1"][data-col="2"]')),
        letter: top(document.querySelector('#grid thead th:nth-child(3)')),
      };
    });
    expect(onTop).toEqual({ b1: true, letter: true });
    await page.screenshot({ path: join(ARTIFACTS, 'grid-scrolled.png') });
    await page.$eval('#grid-wrap', (el) => el.scrollTo(0, 0));
    // The last tab of the bar is shown whole when it is the one open (it went under "Tự lưu vào…").
    await showTab(page, 'Nhật ký thay đổi');
    const [tabBox, barBox] = await Promise.all([page.locator('#tabs button.active').boundingBox(), page.locator('#tabs').boundingBox()]);
    expect(tabBox!.x + tabBox!.width).toBeLessThanOrEqual(barBox!.x + barBox!.width + 0.5);
    await showTab(page, 'Biểu mẫu 03');

    await typeInto(page, row, header.col, '150');
    await page.waitForSelector(`${cell(row, header.col)}:not(.note)`);
    const fixed = await page.$eval(cell(row, header.col), (td) => ({
      text: td.textContent,
      note: td.getAttribute('title'),
      bg: getComputedStyle(td).backgroundColor,
      align: getComputedStyle(td).textAlign,
    }));
    expect(fixed).toEqual({ text: '150', note: null, bg: 'rgb(255, 255, 255)', align: 'right' });
    // Every change is saved to the preview copy.
    expect(statSync(out).size).toBeGreaterThan(0);
  } finally {
    await page.close();
    await preview.close();
  }
});

test('the real sidebar, 300 px wide, builds the report tab of 07/2024 and shows its figures', async () => {
  const { preview, page } = await open('sidebar');
  try {
    await page.click('#menubar .menu > button:text-is("i-Speed")');
    await page.click('.menu-items button:text-is("Báo cáo tổng hợp")');
    await page.waitForSelector('#sidebar', { state: 'visible' });
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#period').waitFor();
    await frame.locator('#period').selectOption('07/2024');
    await frame.locator('#status.ok', { hasText: '07/2024' }).waitFor();
    await frame.locator('#btn-tab').click();
    // Done or failed: a failure shows the script's message here, so the assertion below says why.
    await frame.locator('#status.ok:has-text("Đã tạo tab"), #status.error').waitFor();
    const status = await frame.locator('#status').textContent();
    expect(status).toMatch(/Đã tạo tab/);
    const tabName = /"(.+)"/.exec(status ?? '')?.[1];
    expect(tabName).toBeTruthy();
    await page.waitForSelector(`#tabs button[data-sheet="${tabName}"]`);
    await idle(page);
    // A section title longer than its cell runs on over the empty cells beside it, as Sheets shows it (not clipped).
    await showTab(page, tabName!);
    const title = await page.evaluate(() => {
      const td = Array.from(document.querySelectorAll<HTMLTableCellElement>('#grid td')).find((x) => /^I\. /.test(x.textContent ?? ''));
      const next = td?.nextElementSibling as HTMLElement | null;
      return td
        ? {
            spills: td.classList.contains('spill') && getComputedStyle(td).overflow === 'visible',
            longer: td.scrollWidth > td.clientWidth,
            through: next ? getComputedStyle(next).backgroundColor : '',
          }
        : null;
    });
    expect(title).toEqual({ spills: true, longer: true, through: 'rgba(0, 0, 0, 0)' });
    await page.screenshot({ path: join(ARTIFACTS, 'report-tab.png') });

    // Figures for form 03: completeness bar and the counts line.
    const form03 = frame.locator('section.form[data-form="03"]');
    await expect(form03.locator('.counts').textContent()).resolves.toMatch(/Phải báo cáo: \d+ · Đã báo cáo: \d+/);
    await expect(form03.locator('.bar-value').first().textContent()).resolves.toMatch(/^\d+(,\d)?%$/);
    await form03.scrollIntoViewIfNeeded();
    const box = await page.locator('#sidebar-frame').boundingBox();
    expect(box?.width).toBe(300);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar.png') });
  } finally {
    await page.close();
    await preview.close();
  }
});

test('a question of the script (ui.alert with YES_NO) is asked with Có and Không, and the answer is what the script gets', async () => {
  const { preview, page } = await open('question');
  try {
    // The daily run closes 07/2024 (two days after its deadline); the sidebar then offers to close it again.
    await page.fill('#clock-input', '2024-08-20T09:00');
    await idle(page);
    await page.click('#btn-daily');
    await page.waitForSelector('.toast:has-text("Trình kích hoạt hằng ngày"), .toast:has-text("dailyTick")');
    await idle(page);
    // The demo's reminders are off: the toast says so, rather than a bare "0 email mới".
    await expect(page.locator('.toast').last().textContent()).resolves.toMatch(
      /: 0 email mới \(Nhắc nhở tự động đang tắt: bật bằng i-Speed > Bật nhắc nhở tự động, hoặc ghi “Có” ở trang Cấu hình\)\.$/,
    );
    await page.click('#menubar .menu > button:text-is("i-Speed")');
    await page.click('.menu-items button:text-is("Báo cáo tổng hợp")');
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#period').selectOption('07/2024');
    await frame.locator('#btn-reclose').waitFor();
    const answer = async (button: string) => {
      await frame.locator('#btn-reclose').click();
      const dialog = page.locator('#alert-dialog');
      await dialog.waitFor({ state: 'visible' });
      expect(await dialog.locator('#alert-message').textContent()).toMatch(/^Số liệu kỳ 07\/2024 đã chốt lúc .*Tiếp tục\?$/);
      expect(await dialog.locator('button').allTextContents()).toEqual(['Có', 'Không']);
      await page.screenshot({ path: join(ARTIFACTS, 'preview-question.png') });
      await dialog.locator(`button:text-is("${button}")`).click();
      await frame.locator('#status', { hasText: /^(Chưa chốt lại|Đã chốt lại|Lỗi)/ }).waitFor();
      return frame.locator('#status').textContent();
    };
    const closes = () => preview.session.rt.spreadsheet.sheet('Số liệu đã chốt')?.getLastRow() ?? 0;
    const before = closes();
    await expect(answer('Không')).resolves.toMatch(/^Chưa chốt lại: kỳ 07\/2024 vẫn dùng số liệu đã chốt lúc/);
    expect(closes()).toBe(before);
    await expect(answer('Có')).resolves.toMatch(/^Đã chốt lại số liệu kỳ 07\/2024 lúc/);
    expect(closes()).toBeGreaterThan(before);
    // The question was asked once per click, never shown again afterwards as a plain message.
    expect(await page.locator('#alert-dialog').isVisible()).toBe(false);
  } finally {
    await page.close();
    await preview.close();
  }
});

test('on a reminder day with automatic reminders on, the daily trigger sends emails to the outbox', async () => {
  const { preview, page } = await open('outbox');
  try {
    await showTab(page, 'Cấu hình');
    const label = await findHeader(page, 'Nhắc nhở tự động');
    await typeInto(page, label.row, label.col + 1, 'Có');
    await expect(page.textContent(cell(label.row, label.col + 1))).resolves.toBe('Có');
    expect(await page.textContent('#outbox-count')).toBe('0');

    // 5 September 2024, 08:30 in Gia Lai: D-7 before the 08/2024 deadline (the demo's log already holds August's sends).
    await page.fill('#clock-input', '2024-09-05T08:30');
    await idle(page);
    // The clock's toast gives the time as the page's other dates read (dd/MM/yyyy), not as the input holds it.
    await expect(page.textContent('.toast:has-text("Đồng hồ Apps Script")')).resolves.toBe('Đồng hồ Apps Script: 05/09/2024 08:30.');
    await page.click('#btn-daily');
    await page.waitForSelector('.toast:has-text("Trình kích hoạt hằng ngày"), .banner.error');
    await idle(page);
    expect(await page.$$eval('.banner.error', (xs) => xs.map((x) => x.textContent))).toEqual([]);
    // The installed clock trigger fired (it is due in the 8 o'clock hour), not a direct call.
    expect(preview.session.rt.triggers().find((t) => t.eventType === 'CLOCK')?.lastFired).toBe(Date.parse('2024-09-05T08:30:00+07:00'));
    expect(Number(await page.textContent('#outbox-count'))).toBeGreaterThan(0);

    await page.click('#btn-outbox');
    const first = page.locator('#outbox-list tr.mail').first();
    await expect(first.textContent()).resolves.toMatch(/05\/09\/2024 08:30.*@.*Nhắc báo cáo/);
    await first.click();
    const mail = page.frameLocator('#mail-frame');
    await mail.locator('body').filter({ hasText: 'Kính gửi' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'outbox.png') });
  } finally {
    await page.close();
    await preview.close();
  }
});

test('the status tab shows its statuses coloured by its conditional format rules', async () => {
  const { preview, page } = await open('status');
  try {
    await showTab(page, 'Tình hình báo cáo');
    const colours = await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      for (const td of Array.from(document.querySelectorAll<HTMLElement>('#grid td'))) {
        const t = td.textContent ?? '';
        if (!['Đúng hạn', 'Trễ hạn', 'Chưa nộp', 'Có lỗi', 'Chưa đến hạn', 'Đã nộp'].includes(t)) continue;
        out[t] = [...(out[t] ?? []), getComputedStyle(td).backgroundColor];
      }
      return out;
    });
    // The cells carry no fill of their own (the rules give it): every status shows its colour (src/core/text/period.ts).
    expect(Object.keys(colours).length).toBeGreaterThan(1);
    const want: Record<string, string> = {
      'Đúng hạn': 'rgb(217, 234, 211)',
      'Đã nộp': 'rgb(217, 234, 211)',
      'Trễ hạn': 'rgb(252, 229, 205)',
      'Có lỗi': ERROR_BG,
      'Chưa nộp': ERROR_BG,
      'Chưa đến hạn': 'rgb(239, 239, 239)',
    };
    for (const [text, seen] of Object.entries(colours)) expect([text, [...new Set(seen)]]).toEqual([text, [want[text]]]);
    await page.screenshot({ path: join(ARTIFACTS, 'status-tab.png') });
  } finally {
    await page.close();
    await preview.close();
  }
});
