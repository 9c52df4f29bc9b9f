// The printable document as a Google Doc: the same model that renders to HTML locally (src/core/report/document.ts).
import type { Report } from '../core/report/model';
import type { Settings } from '../core/model';
import type { Day } from '../core/periods';

export function writeReportDocument(_r: Report, _s: Settings, _today: Day): { url: string; name: string } {
  throw new Error('Chức năng tạo văn bản Google Docs chưa sẵn sàng trong phiên bản này.');
}
