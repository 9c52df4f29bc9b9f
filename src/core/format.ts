// Figures and times as Vietnamese readers write them (1.234; 49,6%; 20/08/2024 08:00).
// The one number rule: a percentage is computed once from its exact integers, rounded half-up once to one decimal.
import { localParts } from './periods';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'dd/MM/yyyy HH:mm' in Asia/Ho_Chi_Minh. */
export function formatDateTime(d: Date): string {
  const p = localParts(d);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** 'HH:mm dd/MM/yyyy' in Asia/Ho_Chi_Minh: a moment after "lúc" (lúc 08:00 14/08/2024), as close times are shown. */
export function formatTimeAndDay(d: Date): string {
  const p = localParts(d);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** A number with '.' thousand groups and ',' decimals: `digits` decimals, trailing zeros dropped unless `fixed`. */
export function formatNumberVi(x: number, digits = 1, fixed = false): string {
  const neg = x < 0;
  let [int, frac] = Math.abs(x).toFixed(digits).split('.');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  frac = fixed ? (frac ?? '') : (frac ?? '').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `,${frac}` : ''}`;
}

/** A share as its exact integers (2881 of 5814): every percentage is computed from these, never from a rounded ratio. */
export interface Share {
  num: number;
  den: number;
}

/** The share of num in den, or null when den is 0 (no percentage to show). */
export function share(num: number, den: number): Share | null {
  return den ? { num, den } : null;
}

/** Tenths of a percent, rounded half-up once from the exact integers (2881/5814 -> 496); null for no share. */
export function percentTenths(s: Share | null): number | null {
  if (!s?.den) return null;
  const { num, den } = s;
  if (Number.isInteger(num) && Number.isInteger(den) && num >= 0 && den > 0) return Math.floor((2000 * num + den) / (2 * den));
  return Math.round((num / den) * 1000 + 1e-9);
}

/** The share as the ratio its percentage shows (0.496 for 49,6%): for cells formatted `0.0%` and bar widths. */
export function shareRatio(s: Share | null): number | null {
  const t = percentTenths(s);
  return t === null ? null : t / 1000;
}

/** The one percentage formatter: '49,6%', '100,0%'; `empty` when there is no share. */
export function formatPercent(s: Share | null, empty = ''): string {
  const t = percentTenths(s);
  return t === null ? empty : `${formatNumberVi(t / 10, 1, true)}%`;
}

/**
 * The one change formatter (a figure on the period before): '+233', '-455', '0'. A rise carries its sign wherever a
 * change is shown, so a reader never takes it for a level; `empty` when there is nothing to compare with.
 */
export function formatChange(x: number | null, digits = 0, empty = ''): string {
  if (x === null) return empty;
  const s = formatNumberVi(x, digits);
  // Only a figure that still reads as more than nothing once rounded is a rise (or a fall).
  if (/^-?0$/.test(s)) return '0';
  return x > 0 ? `+${s}` : s;
}
