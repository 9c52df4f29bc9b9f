// The demo's `Dữ liệu i-Speed` tab: a VNNIC-style table (title block, district names as VNNIC writes them, a province
// total) with seeded figures, so the preview shows measured samples beside what the districts report.
import type { Grid, Month } from '../core/types';
import { SAMPLES_KEY, type FormSpec } from '../core/forms/schema';
import { formatMonth } from '../core/periods';
import { formatNumberVi } from '../core/format';

/** How VNNIC's portal writes a district: `TP. Pleiku`, `TX. An Khê`, `Ia Grai` (the matcher reads them all). */
function vnnicName(name: string): string {
  return name
    .replace(/^Thành phố\s+/, 'TP. ')
    .replace(/^Thị xã\s+/, 'TX. ')
    .replace(/^Huyện\s+/, '');
}

/**
 * One block per month (the month merged down its column, as the download has it), one row per unit of the forms that
 * have a `samples` column, figures from `random` (0..1), written as VNNIC writes them (`1.234`, `45,6`).
 */
export function demoMeasuredGrid(directory: Grid, forms: readonly FormSpec[], months: readonly Month[], random: () => number): Grid {
  const head = (directory[0] ?? []).map((h) => String(h).trim());
  const [code, name, form] = ['Mã đơn vị', 'Tên đơn vị', 'Biểu mẫu'].map((h) => head.indexOf(h));
  const measured = new Set(forms.filter((f) => f.columns.some((c) => c.key === SAMPLES_KEY)).map((f) => f.id));
  const units = directory
    .slice(1)
    .filter(
      (r) =>
        measured.has(
          String(r[form] ?? '')
            .trim()
            .padStart(2, '0'),
        ) && String(r[code] ?? '').trim(),
    )
    .map((r) => vnnicName(String(r[name]).trim()));
  const grid: Grid = [
    ['TRUNG TÂM INTERNET VIỆT NAM (VNNIC)', '', '', '', '', '', ''],
    ['THỐNG KÊ SỐ MẪU ĐO TỐC ĐỘ TRUY CẬP INTERNET I-SPEED THEO ĐỊA BÀN', '', '', '', '', '', ''],
    ['Tỉnh/Thành phố: Gia Lai', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['STT', 'Tháng', 'Quận/Huyện', 'Số mẫu', 'Tốc độ tải xuống (Mbps)', 'Tốc độ tải lên (Mbps)', 'Ghi chú'],
  ];
  let seq = 0;
  for (const m of months) {
    let total = 0;
    units.forEach((unit, i) => {
      const samples = Math.round(120 + random() * 600);
      total += samples;
      grid.push([
        ++seq,
        i === 0 ? formatMonth(m) : '',
        unit,
        formatNumberVi(samples, 0),
        formatNumberVi(20 + random() * 60, 1),
        formatNumberVi(8 + random() * 30, 1),
        '',
      ]);
    });
    grid.push(['', '', 'Tỉnh Gia Lai', formatNumberVi(total, 0), '', '', 'Tổng cộng']);
  }
  return grid;
}
