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
  reported: 'Đơn vị đã báo cáo',
  already_sent: 'Đã gửi trước đó',
  quota: 'Hết hạn mức gửi email trong ngày, sẽ gửi ở lần chạy sau',
  bad_email: 'Địa chỉ email không hợp lệ hoặc chưa có',
  weekend: 'Rơi vào cuối tuần, đã dời sang ngày làm việc',
} as const;

export const REMINDER_TEXT = {
  /** `{chi_tiet}`: the heading of the list of cells to fix. */
  detailsIntro: 'Báo cáo của Quý đơn vị đang có lỗi, đề nghị sửa các ô sau:',
  detailCell: (row: number, column: string) => (column ? `Dòng ${row}, cột "${column}"` : `Dòng ${row}`),
  detailMore: (n: number) => `… và ${n} lỗi khác (xem cột "Kiểm tra" trên trang tính).`,
};

export const DIGEST_TEXT = {
  subject: (period: string, due: string) => `[i-Speed] Tổng hợp tình hình báo cáo kỳ ${period}, hạn trước ngày ${due}`,
  greeting: 'Kính gửi cán bộ quản trị,',
  intro: (period: string, due: string, today: string) =>
    `Tình hình báo cáo kỳ ${period} (hạn trước ngày ${due}), tính đến ngày ${today}:`,
  formLine: (form: string, group: string) => `${formLabel(form)} (${group}):`,
  completeness: (reported: number, expected: number, rate: string) => `Đã báo cáo: ${reported}/${expected} đơn vị (${rate})`,
  timeliness: (onTime: number, expected: number, rate: string) => `Đúng hạn: ${onTime}/${expected} đơn vị (${rate})`,
  missing: 'Chưa báo cáo',
  invalid: 'Báo cáo có lỗi, chưa được tính',
  none: 'không có',
  noUnits: 'Không có đơn vị nào phải báo cáo.',
  badEmails: 'Đơn vị có địa chỉ email không hợp lệ hoặc chưa có email (không gửi được lời nhắc)',
  uncertain: 'Email đã gửi nhưng không rõ kết quả (không gửi lại)',
  link: 'Xem chi tiết tại:',
  closing: 'Email này được gửi tự động bởi hệ thống báo cáo i-Speed.',
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
  greeting: 'Kính gửi cán bộ quản trị,',
  intro: (today: string) => `Lần chạy tự động ngày ${today} gặp lỗi ở các việc sau; các việc khác vẫn được thực hiện:`,
  line: (step: string, message: string) => `${step}: ${message}`,
  after: 'Lỗi được ghi trong trang "Nhật ký". Hệ thống sẽ thử lại ở lần chạy sau và không báo lại cùng lỗi này.',
  link: 'Bảng tính:',
  closing: 'Email này được gửi tự động bởi hệ thống báo cáo i-Speed.',
};
