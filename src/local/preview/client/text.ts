// The preview page's Vietnamese labels.

export const T = {
  busy: 'Đang chạy…',
  error: 'Lỗi:',
  offline: 'Không kết nối được máy chủ xem trước (đã dừng npm start?).',
  serverError: (status: number) => `Máy chủ xem trước trả lỗi ${status}.`,
  scriptFailed: (what: string) => `Mã Apps Script gặp lỗi khi chạy ${what}:`,
  editWhat: (ref: string) => `sửa ô ${ref}`,
  menuWhat: (caption: string) => `"${caption}"`,
  dailyWhat: 'trình kích hoạt hằng ngày',
  ok: 'OK',
  close: 'Đóng',
  /** The buttons of ui.alert as Sheets shows them in Vietnamese (Button names as the script receives them). */
  buttons: { OK: 'OK', CANCEL: 'Hủy', YES: 'Có', NO: 'Không' } as Record<string, string>,
  closeSidebar: 'Đóng thanh bên',
  outbox: 'Hộp thư đi',
  outboxEmpty: 'Chưa gửi email nào.',
  outboxHead: { at: 'Thời điểm', to: 'Người nhận', subject: 'Tiêu đề' },
  clock: 'Đồng hồ Apps Script (giờ Gia Lai)',
  runDaily: 'Chạy trình kích hoạt hằng ngày',
  dailyDone: (how: 'trigger' | 'direct', at: string, mails: number, remindersOff: boolean) =>
    `${how === 'trigger' ? 'Trình kích hoạt hằng ngày đã chạy' : 'Đã chạy dailyTick trực tiếp (chưa đến giờ của trình kích hoạt)'} lúc ${at}: ${mails} email mới${mails === 0 && remindersOff ? ' (Nhắc nhở tự động đang tắt: bật bằng i-Speed > Bật nhắc nhở tự động, hoặc ghi “Có” ở trang Cấu hình)' : ''}.`,
  clockSet: (at: string) => `Đồng hồ Apps Script: ${at}.`,
  saved: (file: string) => `Tự lưu vào ${file}`,
  startup: 'Khi mở bảng tính:',
  truncated: (rows: number) => `Chỉ hiển thị ${rows} dòng đầu.`,
  charts: (n: number) => `Tab này có ${n} biểu đồ: Google Trang tính sẽ vẽ, bản xem trước thì không.`,
  dialogOpened: (title: string) => `Mã đã mở hộp thoại "${title}" (bản xem trước chưa hiển thị hộp thoại).`,
  triggers: (n: number) => `${n} trình kích hoạt`,
};
