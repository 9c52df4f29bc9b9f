// Figures and times as Vietnamese readers write them (1.234; 49,19%; 20/08/2024 08:00).
import { localParts } from './periods';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'dd/MM/yyyy HH:mm' in Asia/Ho_Chi_Minh. */
export function formatDateTime(d: Date): string {
  const p = localParts(d);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** A number with '.' thousand groups and ',' decimals: `digits` decimals, trailing zeros dropped unless `fixed`. */
export function formatNumberVi(x: number, digits = 1, fixed = false): string {
  const neg = x < 0;
  let [int, frac] = Math.abs(x).toFixed(digits).split('.');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  frac = fixed ? frac ?? '' : (frac ?? '').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `,${frac}` : ''}`;
}

/** A ratio as a percentage (0.4919 -> '49,19%', 0.5 -> '50%', or '50,0%' when `fixed`); '' for null. */
export function formatPercentVi(x: number | null, digits = 2, fixed = false): string {
  return x === null ? '' : `${formatNumberVi(x * 100, digits, fixed)}%`;
}
