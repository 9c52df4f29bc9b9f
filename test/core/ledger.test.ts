// The sent ledger in document properties: addresses per form, period and step, within the Properties limits.
import { SentLedger, addressHash, ledgerFromLog, ledgerSlot, openSlots, HASHES_PER_VALUE } from '../../src/core/reminders/ledger';
import { deadlinesUpTo } from '../../src/core/reminders/schedule';
import { fromLocal } from '../../src/core/periods';
import { readSettings } from '../../src/core/settings';
import { FORMS } from '../../src/core/forms/schema';
import type { LogEntry } from '../../src/core/reminders/log';

// Google's limits (APPS_SCRIPT.md, https://developers.google.com/apps-script/guides/services/quotas): 9 KB a value, 500 KB
// a store; measured, a value holds at most 8,066 bytes (https://tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script/).
const VALUE_LIMIT = 8066,
  STORE_LIMIT = 500 * 1024;
const bytes = (props: Record<string, string>) =>
  Object.entries(props).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
const addresses = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `ubnd.xa.${i + 1}${tag}@gialai.gov.vn`);

describe('SentLedger', () => {
  test('an address is found whatever its case or spaces, and only in its own slot', () => {
    const l = new SentLedger();
    l.add(ledgerSlot('03', '07/2024', 'D-7'), ['Ia.Grai@GiaLai.example']);
    expect(l.has('03|07/2024|D-7', ' ia.grai@gialai.example ')).toBe(true);
    expect(l.has('03|07/2024|D-2', 'ia.grai@gialai.example')).toBe(false);
    expect(l.has('04|07/2024|D-7', 'ia.grai@gialai.example')).toBe(false);
    expect(addressHash('a@b.c')).toHaveLength(8);
  });

  test('what it writes reads back the same, and a removal is written too', () => {
    const l = new SentLedger();
    l.add('03|07/2024|D-7', ['a@x.vn', 'b@x.vn']);
    const first = l.takeChanges();
    const back = SentLedger.fromProperties(first);
    expect(back.has('03|07/2024|D-7', 'b@x.vn')).toBe(true);
    back.remove('03|07/2024|D-7', ['b@x.vn']);
    const again = SentLedger.fromProperties({ ...first, ...back.takeChanges() });
    expect([again.has('03|07/2024|D-7', 'a@x.vn'), again.has('03|07/2024|D-7', 'b@x.vn')]).toEqual([true, false]);
  });

  test('a merged province (200 units, 3 steps, 12 months kept by mistake) fits: each value under 8,066 bytes, all far under 500 KB', () => {
    const l = new SentLedger();
    for (let m = 1; m <= 12; m++)
      for (const step of ['D-7', 'D-2', 'D+1']) l.add(`03|${String(m).padStart(2, '0')}/2024|${step}`, addresses(200));
    const props = l.takeChanges();
    for (const v of Object.values(props)) expect(Buffer.byteLength(v)).toBeLessThan(VALUE_LIMIT);
    expect(bytes(props)).toBeLessThan(STORE_LIMIT / 8);
  });

  test('2,000 units in one slot are split into values under 8,066 bytes', () => {
    const l = new SentLedger();
    l.add('03|07/2024|D-7', addresses(2000));
    const props = l.takeChanges();
    expect(Object.keys(props)).toHaveLength(Math.ceil(2000 / HASHES_PER_VALUE));
    for (const v of Object.values(props)) expect(Buffer.byteLength(v)).toBeLessThan(VALUE_LIMIT);
    const back = SentLedger.fromProperties(props);
    expect(addresses(2000).every((a) => back.has('03|07/2024|D-7', a))).toBe(true);
    expect(back.has('03|07/2024|D-7', 'nobody@gialai.gov.vn')).toBe(false);
  });

  test('2,000 units x 3 steps x the periods still open stay under the store limit', () => {
    const l = new SentLedger();
    for (const period of ['06/2024', '07/2024']) for (const step of ['D-7', 'D-2', 'D+1']) l.add(`03|${period}|${step}`, addresses(2000));
    const props = l.takeChanges();
    for (const v of Object.values(props)) expect(Buffer.byteLength(v)).toBeLessThan(VALUE_LIMIT);
    expect(bytes(props)).toBeLessThan(STORE_LIMIT / 4);
  });

  test('only the new value is written when an address is added to a full slot', () => {
    const l = new SentLedger();
    l.add('03|07/2024|D-7', addresses(HASHES_PER_VALUE));
    l.takeChanges();
    l.add('03|07/2024|D-7', ['late@gialai.gov.vn']);
    const change = l.takeChanges();
    expect(Object.keys(change)).toEqual(['sent|03|07/2024|D-7|1']);
    expect(change['sent|03|07/2024|D-7|1']).toHaveLength(8);
  });

  test("the log's sends are a ledger (the command line's record); failures and skips are not", () => {
    const at = fromLocal(2024, 8, 5, 8);
    const log: LogEntry[] = [
      { unit: 'H-1', form: '03', period: '07/2024', step: 'D-7', at, to: ['a@x.vn'], result: 'sent', detail: '' },
      { unit: 'H-2', form: '03', period: '07/2024', step: 'D-7', at, to: ['b@x.vn'], result: 'failed', detail: '' },
      { unit: 'H-3', form: '03', period: '07/2024', step: 'D-7', at, to: ['c@x.vn'], result: 'uncertain', detail: '' },
    ];
    const l = ledgerFromLog(log);
    expect(['a@x.vn', 'b@x.vn', 'c@x.vn'].map((a) => l.has('03|07/2024|D-7', a))).toEqual([true, false, true]);
  });
});

describe('pruning by period', () => {
  const settings = readSettings(undefined).settings;
  test("a period's slots stay while its last step may be sent, then go", () => {
    const keep = (day: string) => openSlots(deadlinesUpTo(FORMS, settings, day), settings, day); // the built-in forms
    // 07/2024 is due before 12/08; its D+1 (13/08) may be sent until 08/2024's D-7 (05/09)
    expect(keep('2024-09-04')('03|07/2024|D+1')).toBe(true);
    expect(keep('2024-09-04')('*2024-08-12|07/2024|D+1')).toBe(true);
    expect(keep('2024-09-05')('03|07/2024|D-7')).toBe(false);
    expect(keep('2024-09-05')('03|08/2024|D-7')).toBe(true);
    expect(keep('2024-09-05')('99|07/2024|D-7')).toBe(false); // a form that no longer exists
  });
});
