// Menu, dialogs and sidebar labels.
export const MENU = {
  title: 'i-Speed',
  setup: 'Thiết lập biểu mẫu',
  checkAll: 'Kiểm tra toàn bộ',
  report: 'Báo cáo tổng hợp',
  remindOn: 'Bật nhắc nhở tự động',
  remindOff: 'Tắt nhắc nhở tự động',
} as const;

export const SIDEBAR_TITLE = 'i-Speed: Báo cáo tổng hợp';
