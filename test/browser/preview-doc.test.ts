// The printable document in the preview: Google Docs is out of reach, so the sidebar's link opens the preview's copy.
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from '../../src/local/preview/session';
import { fromLocal } from '../../src/core/periods';

test('createReportDocument returns a local link that serves the document the script wrote', async () => {
  const dir = join(__dirname, '../../test-artifacts/preview-doc');
  mkdirSync(dir, { recursive: true });
  const s = await Session.open({ out: join(dir, 'doc.preview.xlsx'), now: fromLocal(2024, 8, 20, 9) });
  const { result } = await s.runServer('createReportDocument', ['07/2024', ['03']]);
  const url = (result as { url: string }).url;
  expect(url).toMatch(/^\/doc\/[^/]+$/);
  const html = s.documentHtml(decodeURIComponent(url.slice('/doc/'.length)))!;
  expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(html).toContain('Gia Lai, ngày 20 tháng 8 năm 2024');
  writeFileSync(join(dir, 'document.html'), html);
});
