// The real sidebar (dist/Sidebar.html) in Debian's Chromium, over the preview of the demo (20/08/2024 09:00).
// Each state is screenshotted into test-artifacts/sidebar-*.png for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/chromium';
import { startPreview, type Preview } from '../../src/local/preview/server';

const ROOT = join(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

jest.setTimeout(180000);

let browser: Browser;
let preview: Preview;
let dir: string;
/** The preview page with the sidebar open in its 300 px frame (the grid shows what the sidebar selects). */
let main: Page;
let frame: Frame;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/Code.js')) || !existsSync(join(ROOT, 'dist/Sidebar.html'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'ispeed-sidebar-'));
  preview = await startPreview({ port: 0, out: join(dir, 'sidebar.preview.xlsx') });
  browser = await launchChromium(); // fails loudly when Chromium is missing
  main = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  main.on('pageerror', (e) => pageErrors.push(String(e)));
  await main.goto(preview.url);
  await main.waitForSelector('body[data-ready="1"]');
  await main.click('#menubar .menu > button:text-is("i-Speed")');
  await main.click('.menu-items button:text-is("Báo cáo tổng hợp")');
  await main.waitForSelector('#sidebar', { state: 'visible' });
  const handle = await main.waitForSelector('#sidebar-frame');
  frame = (await handle.contentFrame())!;
  await frame.waitForSelector('#status.ok');
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

/** The same sidebar page alone, 300 px wide and as tall as its content, for a full screenshot of one state. */
async function standalone(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${preview.url}/sidebar`);
  await page.waitForSelector('#status.ok');
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `sidebar-${name}.png`), fullPage: true });
const text = (page: Page | Frame, sel: string) => page.locator(sel).innerText();

test('the period picker offers every month from Kỳ bắt đầu to this one and opens on the one due last', async () => {
  const page = await standalone();
  try {
    expect(await page.$$eval('#period option', (xs) => xs.map((x) => (x as HTMLOptionElement).value))).toEqual([
      '08/2024',
      '07/2024',
      '06/2024',
    ]);
    expect(await page.inputValue('#period')).toBe('07/2024');
    // A stock shows one value; a flow its period and running totals.
    const form03 = page.locator('section.form[data-form="03"]');
    expect(await form03.locator('table.stocks tr').first().locator('th').count()).toBe(2);
    expect(await form03.locator('table.flows tr').first().locator('th').count()).toBe(3);
    // The figures line up on the right under their right-aligned headers (the table's own rule once won).
    const aligned = await form03
      .locator('table.totals td.num, table.totals th.num')
      .evaluateAll((xs) => [...new Set(xs.map((x) => getComputedStyle(x).textAlign))]);
    expect(aligned).toEqual(['right']);
    await shot(page, 'report');
    // August has not been reported by anyone yet, and can still be picked.
    await page.selectOption('#period', '08/2024');
    await page.waitForSelector('#status.ok:has-text("08/2024")');
    expect(await text(page, 'section.form[data-form="03"] .counts')).toMatch(/Đã báo cáo: 0/);
    await shot(page, 'august');
  } finally {
    await page.close();
  }
});

test('a form with no deadline in the period shows one line, no 0/0 bars, and its carried stocks say from when', async () => {
  const page = await standalone();
  try {
    await page.selectOption('#form', '01');
    await page.waitForFunction(() => document.querySelectorAll('section.form').length === 1 && !document.querySelector('[aria-busy]'));
    const form = page.locator('section.form[data-form="01"]');
    expect(await form.locator('.no-deadline').innerText()).toMatch(/^Kỳ này không có hạn nộp; \d+ đơn vị đã gửi\.$/);
    expect(await form.locator('.bar-row').count()).toBe(0);
    expect(await form.locator('.counts').count()).toBe(0);
    // Every stock of the form comes from June: said once, under its table.
    expect(await form.locator('.carried').allInnerTexts()).toEqual(['Số liệu trên là số liệu kỳ 06/2024.']);
    await shot(page, 'no-deadline');
  } finally {
    await page.close();
  }
});

test('while an action runs it shows progress and every other control is disabled', async () => {
  const page = await standalone();
  let release: () => void = () => undefined;
  const held = new Promise<void>((ok) => {
    release = ok;
  });
  await page.route('**/api/run', async (route) => {
    if (/createReportTab/.test(route.request().postData() ?? '')) await held;
    await route.continue();
  });
  try {
    await page.click('#btn-tab');
    await page.waitForSelector('#status.progress:has-text("Đang tạo tab báo cáo")');
    const states = await page.$$eval('button, select, input', (xs) =>
      xs.map((x) => [x.id || x.textContent, (x as HTMLButtonElement).disabled]),
    );
    expect(states.filter(([, disabled]) => !disabled)).toEqual([]);
    expect(await page.getAttribute('#app', 'aria-busy')).toBe('true');
    await shot(page, 'busy');
    release();
    await page.waitForSelector('#status.ok:has-text("Đã tạo tab")');
    expect(await page.isDisabled('#btn-doc')).toBe(false);
    expect(await page.isDisabled('#period')).toBe(false);
  } finally {
    release();
    await page.close();
  }
});

test('the report email names its recipients and is sent only once the officer says so', async () => {
  const page = await standalone();
  try {
    const before = preview.session.rt.outbox.length;
    await page.click('#btn-mail');
    await page.waitForSelector('.confirm');
    expect(await text(page, '.confirm')).toMatch(
      /Gửi báo cáo kỳ 07\/2024 \(Tất cả biểu mẫu\) tới 1 địa chỉ quản trị sau\?[\s\S]*sotttt@gialai\.example/,
    );
    expect(await page.isDisabled('#btn-tab')).toBe(true);
    await shot(page, 'confirm-mail');
    await page.click('#confirm-no');
    await page.waitForSelector('#status:has-text("Đã hủy")');
    expect(preview.session.rt.outbox.length).toBe(before);
    await page.click('#btn-mail');
    await page.click('#confirm-yes');
    await page.waitForSelector('#status.ok:has-text("Đã gửi báo cáo tới 1 địa chỉ quản trị")');
    expect(preview.session.rt.outbox.length).toBe(before + 1);
    expect(preview.session.rt.outbox[before].to).toEqual(['sotttt@gialai.example']);
  } finally {
    await page.close();
  }
});

test('the document link sits with a PDF link, and the preview serves that PDF', async () => {
  const page = await standalone();
  try {
    await page.selectOption('#form', '03');
    await page.waitForFunction(() => document.querySelectorAll('section.form').length === 1 && !document.querySelector('[aria-busy]'));
    await page.click('#btn-doc');
    await page.waitForSelector('#status.ok #pdf-link');
    expect(await page.getAttribute('#doc-link', 'href')).toMatch(/^\/doc\/[^/]+$/);
    const pdf = await page.getAttribute('#pdf-link', 'href');
    expect(pdf).toMatch(/^\/doc\/[^/]+\/pdf$/);
    await shot(page, 'document');
    const res = await page.request.get(`${preview.url}${pdf}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await page.close();
  }
});

test('clicking a unit to chase selects its rows in the grid, or the first empty row with what to type', async () => {
  const form03 = frame.locator('section.form[data-form="03"]');
  // What a click did is said under the list, where the officer clicked, not at the top of the sidebar.
  const said = form03.locator('.chase-status');
  await form03.locator('a.unit.invalid').first().click();
  await frame.waitForSelector('section.form[data-form="03"] .chase-status.ok:has-text("Đã chọn")');
  expect(await said.innerText()).toMatch(/^Đã chọn \d+ dòng của .+ trên tab "Biểu mẫu 03" \(dòng [\d, ]+\)\.$/);
  await main.waitForSelector('#tabs button.active[data-sheet="Biểu mẫu 03"]');
  await main.waitForSelector('#grid td.picked');
  const row = Number(/dòng (\d+)/.exec(await said.innerText())![1]);
  expect(await main.locator(`#grid td.picked[data-row="${row}"]`).count()).toBeGreaterThan(1);
  await form03.locator('.chase-status').scrollIntoViewIfNeeded();
  await main.screenshot({ path: join(ARTIFACTS, 'sidebar-chase-rows.png') });

  await form03.locator('a.unit.missing').first().click();
  await frame.waitForSelector('section.form[data-form="03"] .chase-status:has-text("Chưa có dòng nào của đơn vị này")');
  const told = await said.innerText();
  expect(told).toMatch(
    /Để thêm: đã chọn dòng (\d+), dòng trống đầu tiên của tab "Biểu mẫu 03"\. Nhập ".+" vào cột "Đơn vị", "07\/2024" vào cột "Kỳ báo cáo"/,
  );
  const empty = Number(/đã chọn dòng (\d+)/.exec(told)![1]);
  await main.waitForSelector(`#grid td.picked[data-row="${empty}"]`);
  // Nothing was typed for the officer: the selected row is still empty.
  expect(await main.$$eval(`#grid td[data-row="${empty}"]`, (tds) => tds.map((td) => td.textContent).join(''))).toBe('');
  await main.screenshot({ path: join(ARTIFACTS, 'sidebar-chase-empty.png') });
});

test('the reminders panel: its own status, one next-send line that follows the switch, names and steps in words', async () => {
  const page = await standalone();
  try {
    await page.click('#tab-remind');
    await page.waitForSelector('#next-send');
    // The report pane's "Số liệu kỳ …" is not shown over the reminders.
    expect(await page.isVisible('#status')).toBe(false);
    expect(await text(page, '#next-send')).toContain('Nhắc nhở tự động đang tắt');
    await shot(page, 'remind-off');
    await page.check('#auto-remind');
    await page.waitForSelector('#remind-status.ok:has-text("Đã bật")');
    const next = await text(page, '#next-send');
    // 20/08: every July step has been sent (the demo's log); August's first step is 7 days before 12/09.
    expect(next).toBe(
      'Lần gửi tự động tới: 05/09/2024 lúc 08:00, 25 email (nếu đến lúc đó các đơn vị vẫn chưa báo cáo): ' +
        'Biểu mẫu 03 kỳ 08/2024, 7 ngày trước hạn; Biểu mẫu 04 kỳ 08/2024, 7 ngày trước hạn.',
    );
    const pane = await text(page, '#remind-pane');
    expect(pane).not.toMatch(/\bD[-+]\d/);
    expect(await page.locator('#next-send').count()).toBe(1);
    await shot(page, 'remind-on');
  } finally {
    await page.close();
  }
});
