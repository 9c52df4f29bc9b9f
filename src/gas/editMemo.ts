// What an edit remembers between executions, in the document cache (one getAll to read it, one putAll to write):
// the context every row's check needs (the forms, the directory, the settings) and each form tab's edit index
// (src/core/rowIndex.ts). A best-effort cache (APPS_SCRIPT.md: items may vanish, 6 h at most, 100 KB a value,
// 1,000 items): whatever is missing or does not fit, the edit reads the tabs instead, as it did before.
import type { Grid, Workbook } from '../core/types';
import type { BookForms } from '../core/forms/book';
import { formsOf, tabKey } from '../core/forms/book';
import type { FormSpec } from '../core/forms/schema';
import { TAB } from '../core/forms/schema';
import type { Validation } from '../core/model';
import type { ClosedForm, ClosedUnit } from '../core/close';
import { isDate } from '../core/cells';
import { fingerprint } from '../core/fingerprint';
import { bucketOf, buildIndex, type IndexedRow, type IndexMeta, type UnitEntry } from '../core/rowIndex';
import type { Month } from '../core/types';

type Cache = GoogleAppsScript.Cache.Cache;

/** CacheService's longest expiry (6 hours). */
export const MEMO_SECONDS = 21600;
/**
 * An index put whole longer ago than this (4 hours) is put whole again by its next edit, with the context, so a tab in
 * use outlives the cache's 6 hours instead of being read whole by its first edit after them.
 */
export const KEEP_ALIVE_MS = 4 * 3600 * 1000;
/** The context is cut into at most this many pieces of PIECE_CHARS characters (3 bytes a character at worst). */
const PIECES = 64;
const PIECE_CHARS = 30000;
/** A bucket aims at this many bytes and must stay under the 100 KB a value. */
const BUCKET_AIM = 50000,
  BUCKET_MAX = 95000;
/** One character per row says its bucket (' ' none): printable ASCII without '"' and '\' (one byte each). */
const ALPHABET = (() => {
  let s = '';
  for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c) s += String.fromCharCode(c);
  return s;
})();
const MAX_BUCKETS = ALPHABET.length;

const PREFIX = 'ispeed:v2:';
const contextKey = (i: number) => `${PREFIX}ctx:${i}`;
export const indexKey = (tab: string) => `${PREFIX}idx:${fingerprint(tabKey(tab))}`;
export const bucketKey = (tab: string, i: number) => `${indexKey(tab)}:${i}`;

/** What the edit needs besides its own rows. */
export interface EditContext {
  forms: BookForms;
  directory: Grid;
  settings: Grid;
}

/** The index meta as stored: the meta and which bucket each data row is in. */
export interface StoredMeta extends IndexMeta {
  /** Character i: the bucket of row headerRow + 1 + i (ALPHABET), ' ' when the row is not in the index. */
  map: string;
  /** Written this many times by edits since it was built (an edit that finds another number forgets the index). */
  v?: number;
  /** The journal keys of the last seconds' edits, with their time and the trigger that journaled them (a doubled event is journaled once). */
  j?: [key: string, at: number, trigger?: string][];
  /** When the index was last put whole (ms): built, or kept alive by an edit (KEEP_ALIVE_MS). */
  p?: number;
}

/** Dates survive JSON as {"$d": ms}. */
function stringify(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return isDate(raw) ? { $d: raw.getTime() } : v;
  });
}
function parse<T>(text: string): T {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && typeof v.$d === 'number' && Object.keys(v).length === 1 ? new Date(v.$d) : v,
  );
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return n;
}

export function documentCache(): Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

/** The keys the edit's first read asks for: the context pieces and the edited tab's index meta, plus `more`. */
export function firstKeys(tab: string, more: string[] = []): string[] {
  return [...Array.from({ length: PIECES }, (_, i) => contextKey(i)), indexKey(tab), ...more];
}

/** The key of the context's first piece, whose head names the context's build. */
export const CONTEXT_HEAD_KEY = contextKey(0);

/** The context's pieces as a first read brought them (to put them again unchanged), or null when one is missing. */
export function contextPieces(got: Record<string, string>): Record<string, string> | null {
  const head = got[CONTEXT_HEAD_KEY];
  if (!head) return null;
  const count = Number(head.split('|')[1]);
  if (!(count >= 1 && count <= PIECES)) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const piece = got[contextKey(i)];
    if (!piece) return null;
    out[contextKey(i)] = piece;
  }
  return out;
}

/** The context and the tab's meta out of the first read (null where missing or damaged). */
export function fromFirstRead(got: Record<string, string>, tab: string): { context: EditContext | null; meta: StoredMeta | null } {
  let context: EditContext | null = null;
  try {
    const head = got[contextKey(0)];
    if (head) {
      const [id, count] = head.slice(0, head.indexOf('|', head.indexOf('|') + 1)).split('|');
      const parts: string[] = [];
      for (let i = 0; i < Number(count); i++) {
        const piece = got[contextKey(i)];
        if (!piece?.startsWith(`${id}|${count}|`)) throw new Error('piece missing');
        parts.push(piece.slice(id.length + count.length + 2));
      }
      context = parse<EditContext>(parts.join(''));
    }
  } catch {
    context = null;
  }
  let meta: StoredMeta | null = null;
  try {
    const m = got[indexKey(tab)];
    meta = m ? parse<StoredMeta>(m) : null;
  } catch {
    meta = null;
  }
  return { context, meta };
}

/** Keeps the context of `book` (its directory, settings and the forms it defines) for the next edits. */
export function rememberContext(cache: Cache | null, book: Workbook, forms: BookForms = formsOf(book)): void {
  if (!cache) return;
  const text = stringify({ forms, directory: book[TAB.directory] ?? [], settings: book[TAB.settings] ?? [] } satisfies EditContext);
  const count = Math.ceil(text.length / PIECE_CHARS) || 1;
  if (count > PIECES) {
    cache.remove(contextKey(0)); // too big to keep: edits read the tabs
    return;
  }
  const id = fingerprint(text).slice(0, 8);
  const values: Record<string, string> = {};
  for (let i = 0; i < count; i++) values[contextKey(i)] = `${id}|${count}|${text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS)}`;
  try {
    cache.putAll(values, MEMO_SECONDS);
  } catch (err) {
    console.error(`context cache: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Which bucket each row is in, as the meta's map string. */
function rowMap(headerRow: number, lastRow: number, units: Map<string, UnitEntry>, bucket: (key: string) => number): string {
  const chars: string[] = new Array(Math.max(0, lastRow - headerRow)).fill(' ');
  for (const [key, u] of units) {
    const ch = ALPHABET[bucket(key)];
    for (const r of u.rows) if (r.r > headerRow && r.r - headerRow - 1 < chars.length) chars[r.r - headerRow - 1] = ch;
  }
  return chars.join('');
}

/** The bucket a row is in, from the map (-1: none). */
export function rowBucket(meta: StoredMeta, row: number): number {
  const ch = meta.map[row - meta.headerRow - 1];
  return ch === undefined || ch === ' ' ? -1 : ALPHABET.indexOf(ch);
}

/** Sets the rows' buckets in the map (-1: not in the index), growing it as needed (the map is patched, not split). */
export function setRowBuckets(meta: StoredMeta, rows: Map<number, number>): void {
  let map = meta.map;
  for (const [row, b] of Array.from(rows).sort((x, y) => x[0] - y[0])) {
    const i = row - meta.headerRow - 1;
    if (i < 0) continue;
    if (map.length <= i) map = map.padEnd(i + 1, ' ');
    map = map.slice(0, i) + (b < 0 ? ' ' : ALPHABET[b]) + map.slice(i + 1);
  }
  meta.map = map.trimEnd();
}

/** A row as stored: [row, unit digest, period digest, month, stamp ms, valid 1/0, values in VALUE_KEYS order (false:
 * absent), identity digest?]: about 70 bytes, so a tab of 50,000 rows fits the cache. */
type PackedRow = [number, string, string, Month | null, number | null, 0 | 1, (number | null | false)[], string?];
type PackedUnit = [PackedRow[], UnitEntry['c']];
/** The closed figures with their Date already as `stringify` writes it ({"$d": ms}): packed units then need no replacer. */
const packClosed = (c: UnitEntry['c']): UnitEntry['c'] =>
  c.map(([m, at, u]) => [m, at, u.submittedAt ? ({ ...u, submittedAt: { $d: u.submittedAt.getTime() } } as unknown as ClosedUnit) : u]);

/** The closed figures' dates back from {"$d": ms} (the buckets are parsed without a reviver: it costs a call a value). */
const unpackClosed = (c: UnitEntry['c']): UnitEntry['c'] =>
  c.map(([m, at, u]) => {
    const d = u.submittedAt as unknown as { $d?: number } | null;
    return [m, at, d && typeof d.$d === 'number' ? { ...u, submittedAt: new Date(d.$d) } : u];
  });

/** The keys a form row's values may hold, in column order. */
function valueKeys(spec: FormSpec): string[] {
  return spec.columns.filter((c) => c.kind || c.type === 'int' || c.type === 'decimal').map((c) => c.key);
}

function packUnits(units: Record<string, UnitEntry>, keys: readonly string[]): Record<string, PackedUnit> {
  const out: Record<string, PackedUnit> = {};
  for (const [key, u] of Object.entries(units)) {
    const rows = u.rows.map((e): PackedRow => {
      const p: PackedRow = [e.r, e.t, e.p, e.m, e.s, e.ok ? 1 : 0, keys.map((k) => (k in e.v ? e.v[k] : false))];
      if (e.d !== undefined) p.push(e.d);
      return p;
    });
    out[key] = [rows, packClosed(u.c)];
  }
  return out;
}

function unpackUnits(packed: Record<string, PackedUnit>, keys: readonly string[]): Record<string, UnitEntry> {
  const out: Record<string, UnitEntry> = {};
  for (const [key, [rows, c]] of Object.entries(packed)) {
    out[key] = {
      c: unpackClosed(c),
      rows: rows.map(([r, t, p, m, s, ok, vals, d]): IndexedRow => {
        const v: Record<string, number | null> = {};
        keys.forEach((k, i) => {
          if (vals[i] !== false && vals[i] !== undefined) v[k] = vals[i] as number | null;
        });
        return d === undefined ? { r, k: key, t, p, m, s, ok: ok === 1, v } : { r, k: key, t, p, m, s, ok: ok === 1, v, d };
      }),
    };
  }
  return out;
}

/** A bucket's text (no Date left once packed: plain JSON). */
function bucketText(build: string, units: Record<string, UnitEntry>, keys: readonly string[]): string {
  return JSON.stringify({ b: build, u: packUnits(units, keys) });
}

/** Each unit's part of a bucket's text (`"key":[rows, closed]`) and its size, made once. */
function unitParts(units: Map<string, UnitEntry>, keys: readonly string[]): Map<string, { text: string; bytes: number }> {
  const out = new Map<string, { text: string; bytes: number }>();
  for (const [key, u] of units) {
    const one = JSON.stringify(packUnits({ [key]: u }, keys)); // no Date left: a replacer would cost a call per value
    const text = one.slice(1, -1); // `{"key":…}` without its braces
    out.set(key, { text, bytes: utf8Bytes(text) + 1 });
  }
  return out;
}

/** The buckets' texts from the units' parts (the same JSON `bucketText` makes), or null when one is over the limit. */
function bucketTexts(parts: Map<string, { text: string; bytes: number }>, n: number, build: string): Record<number, string> | null {
  const groups: { texts: string[]; bytes: number }[] = Array.from({ length: n }, () => ({ texts: [], bytes: 40 }));
  for (const [key, p] of parts) {
    const g = groups[bucketOf(key, n)];
    g.texts.push(p.text);
    g.bytes += p.bytes;
    if (g.bytes > BUCKET_MAX) return null;
  }
  const head = `{"b":${JSON.stringify(build)},"u":{`;
  const out: Record<number, string> = {};
  groups.forEach((g, i) => {
    out[i] = `${head}${g.texts.join(',')}}}`;
  });
  return out;
}

/**
 * Builds and keeps the edit index of one form tab from a full validation (`grid` as read, `closed` every close now
 * recorded). Returns false when it could not be kept (too big, no cache): edits of that tab then read it whole.
 */
export function rememberIndex(cache: Cache | null, spec: FormSpec, v: Validation, grid: Grid, closed: readonly ClosedForm[]): boolean {
  if (!cache) return false;
  const key = indexKey(spec.tab);
  try {
    const build = fingerprint(`${spec.tab}|${Date.now()}|${grid.length}|${Math.random()}`).slice(0, 10);
    const built = buildIndex(spec, v, grid, closed, grid.length, build);
    if (!built) {
      cache.remove(key);
      return false;
    }
    const parts = unitParts(built.units, valueKeys(spec));
    let total = 0;
    for (const p of parts.values()) total += p.bytes;
    let n = Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(total / BUCKET_AIM)));
    let texts = bucketTexts(parts, n, build);
    while (!texts && n < MAX_BUCKETS) {
      n = Math.min(MAX_BUCKETS, Math.ceil(n * 1.5));
      texts = bucketTexts(parts, n, build);
    }
    if (!texts) {
      cache.remove(key);
      return false;
    }
    const meta: StoredMeta = { ...built.meta, buckets: n, map: '', p: Date.now() };
    meta.map = rowMap(meta.headerRow, meta.lastRow, built.units, (k) => bucketOf(k, n));
    const values: Record<string, string> = { [key]: stringify(meta) };
    for (let i = 0; i < n; i++) values[bucketKey(spec.tab, i)] = texts[i];
    if (utf8Bytes(values[key]) > BUCKET_MAX) {
      cache.remove(key);
      return false;
    }
    cache.putAll(values, MEMO_SECONDS);
    return true;
  } catch (err) {
    console.error(`edit index ${spec.tab}: ${err instanceof Error ? err.message : String(err)}`);
    try {
      cache.remove(key);
    } catch {
      /* nothing more to do */
    }
    return false;
  }
}

/**
 * Buckets read with the context and the meta, before the edit knows which it needs: a tab of up to a few thousand
 * rows has at most this many, so its edits make one cache read, not two. A bigger tab's edit reads up to this many
 * buckets (at most 95 KB each) it may not need.
 */
export const PREFETCHED_BUCKETS = 2;

/** The keys of the given buckets of a tab. */
export function bucketKeys(tab: string, buckets: Iterable<number>): string[] {
  return Array.from(new Set(buckets), (i) => bucketKey(tab, i));
}

/** The buckets read: bucket -> its units; null when one is missing or of another build (the index is then stale). */
export function fromBucketRead(
  got: Record<string, string>,
  spec: FormSpec,
  meta: StoredMeta,
  buckets: Iterable<number>,
): Map<number, Record<string, UnitEntry>> | null {
  const tab = spec.tab,
    keys = valueKeys(spec);
  const out = new Map<number, Record<string, UnitEntry>>();
  for (const i of new Set(buckets)) {
    const text = got[bucketKey(tab, i)];
    if (!text) return null;
    try {
      const b = JSON.parse(text) as { b: string; u: Record<string, PackedUnit> };
      if (b.b !== meta.b) return null;
      out.set(i, unpackUnits(b.u, keys));
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * The values that write the buckets (`only` these when given: the changed ones) and the meta back, for one putAll,
 * or null when a bucket outgrew its limit (the caller then forgets the index: the next edit rebuilds it).
 */
export function bucketWrites(
  spec: FormSpec,
  meta: StoredMeta,
  buckets: Map<number, Record<string, UnitEntry>>,
  only?: ReadonlySet<number>,
): Record<string, string> | null {
  const tab = spec.tab,
    keys = valueKeys(spec);
  const values: Record<string, string> = {};
  for (const [i, units] of buckets) {
    if (only && !only.has(i)) continue; // unchanged: the cache holds it already
    const text = bucketText(meta.b, units, keys);
    if (utf8Bytes(text) > BUCKET_MAX) return null;
    values[bucketKey(tab, i)] = text;
  }
  const m = stringify(meta);
  if (utf8Bytes(m) > BUCKET_MAX) return null;
  values[indexKey(tab)] = m;
  return values;
}

/** Forgets the edit index of these tabs (their next edit reads the tab whole and builds it again). */
export function forgetIndexes(cache: Cache | null, tabs: readonly string[]): void {
  try {
    if (cache && tabs.length) cache.removeAll(tabs.map(indexKey));
  } catch {
    /* an index that cannot be removed is caught by its build id or its checks */
  }
}

/** After a full check: the context and every form tab's index, so the next edits read only their rows. */
export function rememberWorkbook(cache: Cache | null, book: Workbook, v: Validation, closed: readonly ClosedForm[] = v.closed ?? []): void {
  if (!cache) return;
  rememberContext(cache, book, formsOf(book));
  for (const spec of v.forms) {
    const grid = book[spec.tab];
    if (grid) rememberIndex(cache, spec, v, grid, closed);
  }
}
