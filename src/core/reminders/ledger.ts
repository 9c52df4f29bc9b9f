// The sent ledger: which addresses got which email (form, period, step), kept in document properties so that no
// email goes twice to the same address, whatever happens to the `Nhật ký` tab or to a unit's code.
// Budget (APPS_SCRIPT.md): 9 KB a value, 500 KB a store; measured, a value takes at most 8,066 bytes (tanaikech,
// "Specification of Properties Service", 2023). An address is kept as an 8-character hash (48 bits), so one value
// holds 900 addresses (7,200 bytes); 2,000 units x 3 steps x 2 open periods is about 100 KB; closed periods are pruned.
import type { Day } from '../periods';
import { formatMonth } from '../periods';
import type { Settings } from '../model';
import { countsAsSent, type LogEntry } from './log';
import { stepsFor, type Deadline } from './schedule';

/** Property keys of the ledger start with this; `sent|inflight` is the send in flight. */
export const LEDGER_PREFIX = 'sent|';
export const INFLIGHT_KEY = 'sent|inflight';
/** Hashes per property value: 900 x 8 bytes = 7,200 bytes, under the 8,066 bytes a value measured holds. */
export const HASHES_PER_VALUE = 900;
const HASH_LENGTH = 8;

/** The slot of one email: the form (or `*` and the deadline day for the digest), the period and the step. */
export function ledgerSlot(form: string, period: string, step: string, digestDue?: Day): string {
  return `${form === '' ? `*${digestDue ?? ''}` : form}|${period}|${step}`;
}

/** 48 bits of cyrb53 over the folded address, as 8 base64url characters. */
export function addressHash(address: string): string {
  const s = address.trim().toLowerCase();
  let h1 = 0xdeadbeef,
    h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let a = h1 >>> 0,
    b = h2 >>> 0;
  for (let i = 0; i < 4; i++) {
    out += alphabet[a & 63];
    a >>>= 6;
  }
  for (let i = 0; i < 4; i++) {
    out += alphabet[b & 63];
    b >>>= 6;
  }
  return out;
}

/** Read access, for the planner: was this address already sent this slot's email? */
export interface AddressLedger {
  has(slot: string, address: string): boolean;
}

/** The ledger held in memory: slots -> hashes in the order they were added, chunked into property values. */
export class SentLedger implements AddressLedger {
  private slots = new Map<string, string[]>();
  private sets = new Map<string, Set<string>>();
  /** Slot -> the first position changed since the last write: only the values from there on are written. */
  private dirty = new Map<string, number>();
  /** Chunks each slot had when read, so a chunk emptied by a removal is written blank. */
  private chunksRead = new Map<string, number>();

  static fromProperties(props: Record<string, string>): SentLedger {
    const l = new SentLedger();
    const parts = new Map<string, string[]>();
    for (const [key, value] of Object.entries(props)) {
      const m = /^sent\|(.+)\|(\d+)$/.exec(key);
      if (!m || key === INFLIGHT_KEY) continue;
      const list = parts.get(m[1]) ?? [];
      list[Number(m[2])] = value ?? '';
      parts.set(m[1], list);
    }
    for (const [slot, chunks] of parts) {
      const hashes: string[] = [];
      for (const c of chunks) for (let i = 0; c && i + HASH_LENGTH <= c.length; i += HASH_LENGTH) hashes.push(c.slice(i, i + HASH_LENGTH));
      l.slots.set(slot, hashes);
      l.sets.set(slot, new Set(hashes));
      l.chunksRead.set(slot, chunks.length);
    }
    return l;
  }

  /** The entries of the log that count as sent: the CLI's ledger (a workbook has no document properties). */
  static fromLog(log: LogEntry[], slotOf: (e: LogEntry) => string | null): SentLedger {
    const l = new SentLedger();
    for (const e of log) {
      if (!countsAsSent(e)) continue;
      const slot = slotOf(e);
      if (slot) l.add(slot, e.to);
    }
    l.dirty.clear();
    return l;
  }

  has(slot: string, address: string): boolean {
    return this.sets.get(slot)?.has(addressHash(address)) ?? false;
  }

  add(slot: string, addresses: string[]): void {
    const list = this.slots.get(slot) ?? [];
    const set = this.sets.get(slot) ?? new Set<string>();
    this.touch(slot, list.length);
    for (const a of addresses) {
      const h = addressHash(a);
      if (!set.has(h)) {
        set.add(h);
        list.push(h);
      }
    }
    this.slots.set(slot, list);
    this.sets.set(slot, set);
  }

  remove(slot: string, addresses: string[]): void {
    const gone = new Set(addresses.map(addressHash));
    const list = this.slots.get(slot);
    if (!list) return;
    const at = list.findIndex((h) => gone.has(h));
    if (at < 0) return;
    this.touch(slot, at);
    this.slots.set(
      slot,
      list.filter((h) => !gone.has(h)),
    );
    for (const h of gone) this.sets.get(slot)?.delete(h);
  }

  private touch(slot: string, position: number): void {
    this.dirty.set(slot, Math.min(position, this.dirty.get(slot) ?? position));
  }

  /** The property values changed since the last markWritten() (a value emptied by a removal is written blank). */
  changes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [slot, from] of this.dirty) {
      const list = this.slots.get(slot) ?? [];
      const chunks = Math.max(1, Math.ceil(list.length / HASHES_PER_VALUE));
      const start = Math.min(Math.floor(from / HASHES_PER_VALUE), chunks - 1);
      for (let i = start; i < Math.max(chunks, this.chunksRead.get(slot) ?? 0); i++) {
        out[`${LEDGER_PREFIX}${slot}|${i}`] = list.slice(i * HASHES_PER_VALUE, (i + 1) * HASHES_PER_VALUE).join('');
      }
    }
    return out;
  }

  /** The changes are stored: the next changes() starts from here. */
  markWritten(): void {
    for (const slot of this.dirty.keys()) {
      const chunks = Math.max(1, Math.ceil((this.slots.get(slot) ?? []).length / HASHES_PER_VALUE));
      this.chunksRead.set(slot, Math.max(chunks, this.chunksRead.get(slot) ?? 0));
    }
    this.dirty.clear();
  }

  /** changes(), then markWritten(): for a caller whose write cannot fail halfway. */
  takeChanges(): Record<string, string> {
    const out = this.changes();
    this.markWritten();
    return out;
  }

  /** Every slot's values, for a rewrite of the whole ledger (after pruning). */
  allValues(): Record<string, string> {
    for (const slot of this.slots.keys()) this.dirty.set(slot, 0);
    return this.takeChanges();
  }

  get slotNames(): string[] {
    return [...this.slots.keys()];
  }

  /** Forgets the slots `keep` refuses; returns whether any went. */
  prune(keep: (slot: string) => boolean): boolean {
    let gone = false;
    for (const slot of [...this.slots.keys()]) {
      if (keep(slot)) continue;
      this.slots.delete(slot);
      this.sets.delete(slot);
      this.chunksRead.delete(slot);
      this.dirty.delete(slot);
      gone = true;
    }
    return gone;
  }
}

/** What the log tab says was sent, as a ledger: the command line's only record (digests are kept by the log's dates). */
export function ledgerFromLog(log: LogEntry[]): SentLedger {
  return SentLedger.fromLog(log, (e) => (e.form === '' ? null : ledgerSlot(e.form, e.period, e.step)));
}

/** Both ledgers at once: the durable one and the one the log tab gives. */
export function eitherLedger(...ledgers: AddressLedger[]): AddressLedger {
  return { has: (slot, address) => ledgers.some((l) => l.has(slot, address)) };
}

/**
 * The slots still worth keeping today: those of a deadline whose last step may still be sent. A period whose last
 * step window has closed is never chased again, so its slots can go.
 */
export function openSlots(
  deadlines: Deadline[],
  settings: Pick<Settings, 'reminderOffsets' | 'skipWeekends'>,
  today: Day,
): (slot: string) => boolean {
  const open = new Set<string>();
  for (const d of deadlines) {
    const steps = stepsFor(d.due, settings);
    const last = steps[steps.length - 1];
    if (!last || today >= last.until) continue;
    open.add(`${d.form}|${formatMonth(d.period)}`);
    open.add(`*${d.due}|${formatMonth(d.period)}`);
  }
  return (slot) => {
    const [form, period] = slot.split('|');
    return open.has(`${form}|${period}`);
  };
}
