// The document's PDF, as Docs' export?format=pdf gives it: the preview's copy printed to A4 by Debian's Chromium.
import type { Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints `html` to an A4 PDF; Chromium is started for the one print and closed after it. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  // Loaded only when a PDF is asked for: most preview sessions never need a browser of their own.
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
