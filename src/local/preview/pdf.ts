// The document's PDF, as Docs' export?format=pdf gives it: the preview's copy printed to A4 by Debian's Chromium.
import { launchChromium } from '../chromium';

/** Prints `html` to an A4 PDF; Chromium is started for the one print and closed after it. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await launchChromium(); // most preview sessions never need a browser of their own
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
