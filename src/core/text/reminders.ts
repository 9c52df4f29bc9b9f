// Reminder emails, the admins' digest, the send log's labels and the sidebar's schedule line.

/** `{bieu_mau}`: the form as users name it. */
export function formLabel(form: string): string {
  return `Biểu mẫu ${form}`;
}

/** Results in the `Nhật ký` tab, by result code. */
export const LOG_RESULT_LABELS = {
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  uncertain: 'Không rõ kết quả',
  skipped: 'Bỏ qua',
  deferred: 'Hoãn (hết hạn mức gửi)',
  error: 'Lỗi khi chạy',
} as const;

/** Why a reminder was not sent, for the log's `Chi tiết` and the sidebar. */
export const SKIP_REASON_LABELS = {
  reported: 'Đã báo cáo',
  already_sent: 'Đã gửi trước đó',
  quota: 'Hết hạn mức gửi email trong ngày, sẽ gửi ở lần chạy sau',
  bad_email: 'Địa chỉ email không hợp lệ hoặc chưa có',
  weekend: 'Rơi vào cuối tuần, đã dời sang ngày làm việc',
} as const;

/** What a sent email was, for the log's `Chi tiết` (by PlannedEmail kind). */
export const LOG_KIND_LABELS = {
  reminder: 'Email nhắc trước hạn',
  overdue: 'Email nhắc quá hạn',
  digest: 'Email tổng hợp gửi quản trị',
} as const;

/** A reminder step as the log and people name it: offset -7 is "7 ngày trước hạn", +1 "1 ngày sau hạn". */
export function stepLabel(offset: number): string {
  return offset < 0 ? `${-offset} ngày trước hạn` : `${offset} ngày sau hạn`;
}

/** Administrative prefixes whose body an office addresses as its People's Committee ("UBND huyện KBang"). */
const COMMITTEE_PREFIX = /^(huyện|thị xã|thành phố|quận|xã|phường|thị trấn|đặc khu)\s+/iu;

/** The addressee of a unit as an office writes it: `Huyện KBang` -> `UBND huyện KBang`; others as named. */
export function addressee(name: string): string {
  const n = name.normalize('NFC').trim();
  const m = COMMITTEE_PREFIX.exec(n);
  return m ? `UBND ${m[1].toLowerCase()} ${n.slice(m[0].length)}` : n;
}

/** What every email of the system says alike: the admins' greeting and the line under the signature. */
export const MAIL_TEXT = {
  adminGreeting: 'Kính gửi: cán bộ quản trị,',
  automatic: 'Email này được gửi tự động từ hệ thống báo cáo i-Speed.',
};

export const REMINDER_TEXT = {
  /** The button under the paragraph holding {duong_dan}. */
  buttonRows: 'Mở các dòng báo cáo của đơn vị',
  buttonTab: (tab: string) => `Mở trang ${tab}`,
  buttonSheet: 'Mở bảng tính báo cáo',
  /** {duong_dan} inside a paragraph of the HTML part (the text part shows the address itself). */
  inlineLink: 'bảng tính báo cáo',
  detailHeaders: ['Dòng', 'Cột', 'Cần sửa'] as const,
  /** The signature under every email to a unit. */
  contact: (name: string, phone: string) =>
    [name ? `Người liên hệ: ${name}` : '', phone ? `Điện thoại: ${phone}` : ''].filter(Boolean).join(' - '),
  automatic: MAIL_TEXT.automatic,
  /** Under an overdue email's body when the period is already closed (`at`: 00:00 14/09/2025). */
  closedNote: (period: string, at: string) =>
    `Lưu ý: số liệu kỳ ${period} đã được chốt lúc ${at}. Báo cáo nộp hoặc sửa từ nay vẫn được ghi nhận, ` +
    'và được liệt kê là điều chỉnh sau khi chốt số liệu.',
  /** `{chi_tiet}`: the heading of the list of cells to fix. */
  detailsIntro: 'Báo cáo của Quý đơn vị đang có lỗi, đề nghị sửa các ô sau:',
  /** Curly quotes, as the problem messages after it quote their columns. */
  detailCell: (row: number, column: string) => (column ? `Dòng ${row}, cột “${column}”` : `Dòng ${row}`),
  detailMore: (n: number) => `… và ${n} lỗi khác (xem cột “Kiểm tra” trên trang tính).`,
};

export const DIGEST_TEXT = {
  subject: (period: string, due: string) => `[i-Speed] Tổng hợp tình hình báo cáo kỳ ${period}, hạn trước ngày ${due}`,
  greeting: MAIL_TEXT.adminGreeting,
  intro: (period: string, due: string, today: string) => `Tình hình báo cáo kỳ ${period} (hạn trước ngày ${due}), tính đến ngày ${today}:`,
  formLine: (form: string, group: string) => `${formLabel(form)} (${group}):`,
  /** The summary table's header: one row a form. */
  tableHeaders: ['Biểu mẫu', 'Phải báo cáo', 'Đã báo cáo', 'Đúng hạn', 'Chưa báo cáo', 'Có lỗi'] as const,
  count: (n: number, rate: string) => `${n} (${rate})`,
  textLine: (expected: number, reported: string, onTime: string, missing: number, invalid: number) =>
    `Phải báo cáo ${expected}; đã báo cáo ${reported}; đúng hạn ${onTime}; chưa báo cáo ${missing}; có lỗi ${invalid}`,
  /** The list of units to chase, one table a form. */
  chaseTitle: (form: string) => `${formLabel(form)}: đơn vị cần đôn đốc`,
  chaseHeaders: ['Mã', 'Đơn vị', 'Tình trạng'] as const,
  missing: 'Chưa báo cáo',
  invalid: 'Có lỗi, chưa được tính',
  none: 'không có',
  noUnits: 'Không có đơn vị nào phải báo cáo.',
  badEmails: 'Đơn vị có địa chỉ email không hợp lệ hoặc chưa có email (không gửi được lời nhắc)',
  uncertain: 'Email đã gửi nhưng không rõ kết quả (không gửi lại)',
  link: 'Xem chi tiết tại:',
  button: 'Mở bảng tính báo cáo',
  closing: MAIL_TEXT.automatic,
};

export const SCHEDULE_TEXT = {
  before: (days: number) => `${days} ngày trước hạn`,
  after: (days: number) => `${days} ngày sau hạn`,
  steps: (list: string) => `Lịch nhắc: ${list}.`,
  weekends: 'Lời nhắc rơi vào thứ Bảy, Chủ nhật được dời sang ngày làm việc gần nhất.',
  noWeekends: 'Lời nhắc được gửi cả thứ Bảy, Chủ nhật.',
  next: (day: string, what: string) => `Lần nhắc tiếp theo: ${day} (${what}).`,
  nextItem: (forms: string, period: string, step: string) => `${forms} kỳ ${period}, bước ${step}`,
  noNext: 'Không còn lần nhắc nào sắp tới.',
  and: ' và ',
};

/** The jobs of the daily run, as the log and the admins' notice name them. */
export const DAILY_STEP_LABELS = {
  check: 'Kiểm tra toàn bộ',
  dropdowns: 'Cập nhật danh sách chọn và quy tắc nhập',
  close: 'Chốt số liệu các kỳ đến hạn chốt',
  status: 'Cập nhật trang Tình hình báo cáo',
  reminders: 'Gửi email nhắc các đơn vị',
  digest: 'Gửi email tổng hợp cho quản trị',
  log: 'Ghi nhật ký gửi email',
} as const;

/** The admins' notice of a job of the daily run that failed (sent once per failure). */
export const DAILY_FAILURE_TEXT = {
  subject: (today: string) => `[i-Speed] Lỗi khi chạy tự động hằng ngày (${today})`,
  greeting: MAIL_TEXT.adminGreeting,
  intro: (today: string) => `Lần chạy tự động ngày ${today} gặp lỗi ở các việc sau; các việc khác vẫn được thực hiện:`,
  line: (step: string, message: string) => `${step}: ${message}`,
  after: 'Lỗi được ghi trong trang "Nhật ký". Hệ thống sẽ thử lại ở lần chạy sau và không báo lại cùng lỗi này.',
  link: 'Bảng tính:',
  closing: MAIL_TEXT.automatic,
};
