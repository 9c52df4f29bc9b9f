// A seeded, large workbook for the scale test and the timing script: units spread over the four forms, one row
// per unit and month (several on form 02), a few planted mistakes at known rows.
import type { CellValue, FormId, Grid, Workbook } from '../../src/core/types';
import { FORMS } from '../../src/core/forms/schema';
import { fromLocal, formatMonth, month } from '../../src/core/periods';
import { DIRECTORY_HEADER, header, row } from './book';

/** Park–Miller: small, seeded, deterministic. */
function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

export interface Generated {
  book: Workbook;
  now: Date;
  planted: { sheet: string; row: number; code: string }[];
}

export function generate(units: number, months: number, seed = 1): Generated {
  const next = rng(seed);
  const dir: Grid = [DIRECTORY_HEADER];
  const tabs: Record<FormId, Grid> = { '01': [header('01')], '02': [header('02')], '03': [header('03')], '04': [header('04')] };
  const planted: Generated['planted'] = [];
  const start = month(2024, 6);
  for (let u = 0; u < units; u++) {
    const form = FORMS.map((f) => f.id)[u % 4];
    const code = `U-${String(u).padStart(5, '0')}`,
      name = `Đơn vị thử ${u}`;
    dir.push([code, name, form, `u${u}@gialai.example`, '', '', 1000, `ĐV ${u}`, '', '', 'Có']);
    let installed = 10;
    for (let k = 0; k < months; k++) {
      const m = start + k;
      installed += Math.floor(next() * 5);
      const copies = form === '02' ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        const values: Record<string, CellValue> = {
          unit: next() < 0.1 ? `ĐV ${u}` : name,
          period: formatMonth(m),
          staff_total: 1000,
          staff_installed: installed,
          relatives_guided: installed,
          communes_active: 5,
          villages_active: 20,
          digital_teams: 3,
          service_points: 20,
          service_points_active: 10,
          screens: 3,
          portal_posts: 1 + Math.floor(next() * 9),
          social_posts: 1 + Math.floor(next() * 9),
          residents_guided: 10 + Math.floor(next() * 90),
          print_items: c + 1,
          online_items: 2,
          radio_items: 1,
          tv_items: 1,
          airtime_minutes: 1.5,
          note: `lần ${c}`,
          submitted_at: fromLocal(2024, 7, 1, 8, 0),
        };
        const grid = tabs[form];
        if (next() < 0.01) {
          values.staff_installed = 2000;
          planted.push({ sheet: `Biểu mẫu ${form}`, row: grid.length + 1, code: 'exceeds' });
        }
        grid.push(row(form, values));
      }
    }
  }
  const book: Workbook = { 'Danh mục đơn vị': dir, 'Cấu hình': [['Tham số', 'Giá trị']] };
  for (const f of FORMS.map((f) => f.id)) book[`Biểu mẫu ${f}`] = tabs[f];
  // "today": the month after the last one, so no period is current or in the future.
  const last = start + months;
  return { book, now: fromLocal(Math.floor(last / 12), (last % 12) + 1, 15, 12, 0), planted };
}
