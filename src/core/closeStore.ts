// What the report needs of `Số liệu đã chốt` without reading it whole: for the latest close of each form's period, the
// rows it holds on the tab and the sums of its units' figures. A report on one period needs that period's closes unit
// by unit, and of every other closed period only its sums (the cumulative flows): after years of closes the tab is as
// big as the forms, and the report would read it whole for a few hundred numbers. The store is kept in the document
// properties (durable, unlike the cache) by the daily run and every close; the report trusts it only while the tab's
// last row is the one the store was made from, and checks the rows it reads (src/gas/narrowRead.ts).
import { closeSums, latestCloses, readClosedRows, type ClosedForm } from './close';
import { fingerprint } from './fingerprint';
import type { FormId, Grid, Month } from './types';

/** The latest close of one form's period: where it is on the tab (1-based rows, inclusive) and its sums. */
export interface CloseSummary {
  form: FormId;
  period: Month;
  closedAt: number;
  first: number;
  last: number;
  sums: Record<string, number>;
}

export interface CloseStore {
  /** The tab's last row with content when the store was made (0: an empty tab). */
  lastRow: number;
  closes: CloseSummary[];
}

/** Property keys: the head (`print|pieces`, or '' when there is no store) and its pieces. */
export const CLOSE_STORE_KEY = 'ispeed:closes';
const pieceKey = (i: number) => `${CLOSE_STORE_KEY}:${i}`;
/** Characters a piece: under the 9 KB a value of PropertiesService (the JSON is ASCII but for form codes). */
const PIECE_CHARS = 4000;
/**
 * The most the store may take of the document properties' 500 KB (the reminders' ledger lives there too, and a write
 * over the quota fails whole, the memo and the last email's confirmation with it): past this, no store.
 */
const STORE_CHARS = 120000;

/**
 * The store of the closed tab as read whole (getDataRange().getValues()), or null when a latest close's rows are not
 * one block (the tab was sorted or edited by hand): the report then reads the tab whole.
 */
export function closeStoreOf(grid: Grid | undefined): CloseStore | null {
  const g = grid ?? [];
  const empty = g.every((r) => r.every((c) => c === '' || c === null || c === undefined));
  const all = readClosedRows(g);
  const closes = all.map((x) => x.close);
  const forms = new Set(closes.map((c) => c.form));
  const latest = new Set([...forms].flatMap((form) => [...latestCloses(closes, form).values()]));
  const out: CloseStore = { lastRow: empty ? 0 : g.length, closes: [] };
  for (const { close, rows } of all) {
    if (!latest.has(close)) continue;
    const first = rows[0],
      last = rows[rows.length - 1];
    if (last - first + 1 !== rows.length) return null;
    // The sums the report makes of a close read unit by unit, in the same order, so the decimals come out the same.
    out.closes.push({ form: close.form, period: close.period, closedAt: close.closedAt.getTime(), first, last, sums: closeSums(close) });
  }
  return out;
}

type Packed = [number, [FormId, Month, number, number, number, Record<string, number>][]];

/** The properties that hold `store` (null: none, so a store made before is not used), and its print for the memo. */
export function closeStoreValues(store: CloseStore | null): { print: string; values: Record<string, string> } {
  if (!store) return { print: 'none', values: { [CLOSE_STORE_KEY]: '' } };
  const packed: Packed = [store.lastRow, store.closes.map((c) => [c.form, c.period, c.closedAt, c.first, c.last, c.sums])];
  const text = JSON.stringify(packed);
  if (text.length > STORE_CHARS) return closeStoreValues(null);
  const print = fingerprint(text);
  const n = Math.max(1, Math.ceil(text.length / PIECE_CHARS));
  const values: Record<string, string> = { [CLOSE_STORE_KEY]: `${print}|${n}` };
  for (let i = 0; i < n; i++) values[pieceKey(i)] = text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
  return { print, values };
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The store out of the document properties, or null when there is none or it does not read whole. */
export function readCloseStore(props: Record<string, string>): CloseStore | null {
  const head = props[CLOSE_STORE_KEY];
  if (!head) return null;
  const [print, count] = head.split('|');
  const n = Number(count);
  if (!(Number.isInteger(n) && n >= 1)) return null;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const piece = props[pieceKey(i)];
    if (piece === undefined) return null;
    parts.push(piece);
  }
  const text = parts.join('');
  if (fingerprint(text) !== print) return null;
  try {
    const [lastRow, list] = JSON.parse(text) as Packed;
    if (!isNum(lastRow) || !Array.isArray(list)) return null;
    const closes: CloseSummary[] = [];
    for (const [form, period, closedAt, first, last, sums] of list) {
      if (typeof form !== 'string' || ![period, closedAt, first, last].every(isNum) || !sums || typeof sums !== 'object') return null;
      if (!Object.values(sums).every(isNum)) return null;
      closes.push({ form, period, closedAt, first, last, sums });
    }
    return { lastRow, closes };
  } catch {
    return null;
  }
}

/** The closes the report does not read unit by unit, as sums (ClosedForm.sums): every one but `except`'s. */
export function summedCloses(store: CloseStore, except: (c: CloseSummary) => boolean): ClosedForm[] {
  return store.closes
    .filter((c) => !except(c))
    .map((c) => ({ form: c.form, period: c.period, closedAt: new Date(c.closedAt), units: [], sums: { ...c.sums } }));
}

/**
 * What a report on `period` needs of the history, given the latest closes (a closed month's figures are its closed
 * ones, report/model.ts stocksAt): the closes to read unit by unit (the period's own, and each a stock is carried from:
 * the latest close before an open month or before the period), and per form the months whose live rows count (the
 * open ones up to the period, and the period itself, whose rows give its corrections; the others are read as sums).
 * `liveMonths` is undefined for a form with few closed months (a one-off form closes one): reading its period column first
 * to leave those rows out would cost more than it saves, so all its rows are read.
 */
export function reportNeeds(
  closes: readonly Pick<CloseSummary, 'form' | 'period'>[],
  period: Month,
): {
  unitByUnit: (c: Pick<CloseSummary, 'form' | 'period'>) => boolean;
  liveMonths: (form: FormId) => ((m: Month | null) => boolean) | undefined;
} {
  const closedOf = new Map<FormId, Set<Month>>();
  for (const c of closes) {
    const set = closedOf.get(c.form) ?? new Set<Month>();
    set.add(c.period);
    closedOf.set(c.form, set);
  }
  const closed = (form: FormId, m: Month) => closedOf.get(form)?.has(m) ?? false;
  return {
    unitByUnit: (c) => c.period === period || (c.period < period && (c.period + 1 === period || !closed(c.form, c.period + 1))),
    liveMonths: (form) => {
      const before = Array.from(closedOf.get(form) ?? []).filter((m) => m < period);
      if (!before.length || before.length * 4 < period - Math.min(...before) + 1) return undefined;
      return (m) => m !== null && m <= period && (m === period || !closed(form, m));
    },
  };
}
