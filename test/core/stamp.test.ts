// The stamp rule: `Thời điểm nộp` is renewed only when the row's unit or period really changed.
import { checkedStampNotes, decideStamp, readStampNote, stampNote, fromSerial, type StampRecord } from '../../src/core/stamp';
import { formatMonth, fromLocal, month } from '../../src/core/periods';
import { validateWorkbook } from '../../src/core/validate';
import { book, NOW as CHECK_NOW, row as formRow } from './book';

const T1 = fromLocal(2024, 8, 5, 9, 0),
  NOW = fromLocal(2024, 8, 20, 9, 0);
const JULY = month(2024, 7),
  JUNE = month(2024, 6);
const rec = (unit: string, period: number, at = T1): StampRecord => ({ unit, period, at });
const row = (unit: string | null, period: number | null, valid = true) => ({ unit, period, valid });

describe('decideStamp', () => {
  test('the same unit and period as recorded: the recorded stamp stays, whatever the cell shows', () => {
    expect(decideStamp({ previous: null, recorded: rec('H-1', JULY), current: row('H-1', JULY), now: NOW })).toEqual({
      stamp: T1,
      record: rec('H-1', JULY),
    });
    expect(decideStamp({ previous: fromLocal(2020, 1, 1), recorded: rec('H-1', JULY), current: row('H-1', JULY), now: NOW }).stamp).toEqual(
      T1,
    );
  });

  test('another unit or another period: a new report, stamped now when valid', () => {
    expect(decideStamp({ previous: T1, recorded: rec('H-1', JULY), current: row('H-2', JULY), now: NOW })).toEqual({
      stamp: NOW,
      record: rec('H-2', JULY, NOW),
    });
    expect(decideStamp({ previous: T1, recorded: rec('H-1', JULY), current: row('H-1', JUNE), now: NOW }).stamp).toEqual(NOW);
  });

  test('another unit on a row with errors: no stamp and no record until it is valid', () => {
    expect(decideStamp({ previous: T1, recorded: rec('H-1', JULY), current: row('H-2', JULY, false), now: NOW })).toEqual({
      stamp: '',
      record: null,
    });
  });

  test('a valid row that gets an error keeps the stamp of when it first became valid', () => {
    expect(decideStamp({ previous: T1, recorded: rec('H-1', JULY), current: row('H-1', JULY, false), now: NOW }).stamp).toEqual(T1);
  });

  test('a unit or period that does not resolve yet (a typo) renews nothing and keeps the record', () => {
    expect(decideStamp({ previous: null, recorded: rec('H-1', JULY), current: row(null, JULY, false), now: NOW })).toEqual({
      stamp: T1,
      record: rec('H-1', JULY),
    });
    expect(decideStamp({ previous: null, recorded: rec('H-1', JULY), current: row('H-1', null, false), now: NOW }).stamp).toEqual(T1);
  });

  test('a row stamped before records were kept keeps its stamp and is recorded for its current identity', () => {
    expect(decideStamp({ previous: T1, recorded: null, current: row('H-1', JULY), now: NOW })).toEqual({
      stamp: T1,
      record: rec('H-1', JULY),
    });
  });

  test('an old row whose single-cell edit says the period changed is renewed', () => {
    expect(
      decideStamp({ previous: T1, recorded: null, before: { unit: 'H-1', period: JUNE }, current: row('H-1', JULY), now: NOW }).stamp,
    ).toEqual(NOW);
  });

  test('a new valid row is stamped now; a new row with errors is not stamped', () => {
    expect(decideStamp({ previous: null, recorded: null, current: row('H-1', JULY), now: NOW }).stamp).toEqual(NOW);
    expect(decideStamp({ previous: null, recorded: null, current: row('H-1', JULY, false), now: NOW })).toEqual({
      stamp: '',
      record: null,
    });
  });
});

describe('a record the full check could not read the identity of', () => {
  test('any readable identity later is a new report', () => {
    expect(decideStamp({ previous: T1, recorded: { unit: '', period: JULY, at: T1 }, current: row('H-1', JULY), now: NOW }).stamp).toEqual(
      NOW,
    );
    expect(
      decideStamp({ previous: T1, recorded: { unit: 'H-1', period: null, at: T1 }, current: row('H-1', JULY), now: NOW }).stamp,
    ).toEqual(NOW);
  });

  test('it reads back as written', () => {
    const r = { unit: '', period: null, at: T1 };
    expect(readStampNote(stampNote(r))).toEqual(r);
    expect(stampNote(r)).toContain('chưa xác định');
  });
});

describe('the stamp note', () => {
  test('reads back what it recorded, whatever the unit code holds', () => {
    const r = rec('H-6"2|2', JULY);
    const note = stampNote(r, 'Huyện Đăk Đoa (H-622)');
    expect(note).toContain('Huyện Đăk Đoa');
    expect(note).toContain('07/2024');
    expect(readStampNote(note)).toEqual(r);
  });

  test('a note without the record, or a broken one, reads as none', () => {
    expect(readStampNote('')).toBe(null);
    expect(readStampNote('ghi chú của người dùng')).toBe(null);
    expect(readStampNote('x\n[i-Speed: {"u":"H-1","k":"13/2024","t":"2024-08-05T02:00:00.000Z"}]')).toBe(null);
    expect(readStampNote('x\n[i-Speed: {not json}]')).toBe(null);
  });

  test('an edit event date (a serial day number, wall clock in Asia/Ho_Chi_Minh) reads as its instant', () => {
    expect(fromSerial(45509.375)).toEqual(fromLocal(2024, 8, 5, 9, 0));
  });

  test('its machine line is the JSON of the unit, the period and the ISO instant, whatever the unit code holds', () => {
    const r = rec('H-6"2\\|\n2', JULY);
    const note = stampNote(r, 'Huyện Đăk Đoa');
    const machine = note.slice(note.lastIndexOf('\n[i-Speed: ') + '\n[i-Speed: '.length, -1);
    expect(machine).toBe(JSON.stringify({ u: r.unit, k: formatMonth(JULY), t: T1.toISOString() }));
    expect(readStampNote(note)).toEqual(r);
  });
});

describe("the full check's stamp notes", () => {
  test('each stamped row gets the note of its own unit, period and stamp; unstamped rows none', () => {
    const t2 = fromLocal(2024, 8, 6, 10, 0);
    const b = book('03', [
      formRow('03', { submitted_at: T1 }),
      formRow('03', { submitted_at: t2 }),
      formRow('03', { unit: 'Huyện Đăk Đoa', submitted_at: t2 }),
      formRow('03', { period: '06/2024', submitted_at: T1 }),
      formRow('03', { unit: 'Huyện Đăk Đoa' }),
    ]);
    const v = validateWorkbook(b, CHECK_NOW);
    const notes = checkedStampNotes(v, 'Biểu mẫu 03', b['Biểu mẫu 03'], 2, 6);
    expect(notes).toEqual([
      stampNote(rec('H-622', JULY, T1), 'Thành phố Pleiku (H-622)'),
      stampNote(rec('H-622', JULY, t2), 'Thành phố Pleiku (H-622)'),
      stampNote(rec('H-626', JULY, t2), 'Huyện Đăk Đoa (H-626)'),
      stampNote(rec('H-622', JUNE, T1), 'Thành phố Pleiku (H-622)'),
      '',
    ]);
  });
});
