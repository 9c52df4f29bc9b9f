// Figures and times as Vietnamese readers write them (1.234; 49,19%; 20/08/2024 08:00).
import { localParts } from '../periods';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'dd/MM/yyyy HH:mm' in Asia/Ho_Chi_Minh. */
export function formatDateTime(d: Date): string {
  const p = localParts(d);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** A number with '.' thousand groups and ',' decimals, at most `digits` decimals (trailing zeros dropped). */
export function formatNumberVi(x: number, digits = 1): string {
  const neg = x < 0;
  const fixed = Math.abs(x).toFixed(digits);
  let [int, frac] = fixed.split('.');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  frac = (frac ?? '').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `,${frac}` : ''}`;
}

/** A ratio as a percentage, at most `digits` decimals (0.4919 -> '49,19%', 0.5 -> '50%'); '' for null. */
export function formatPercentVi(x: number | null, digits = 2): string {
  return x === null ? '' : `${formatNumberVi(x * 100, digits)}%`;
}
