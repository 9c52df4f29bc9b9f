// The report email to the admins.
import { MAIL_TEXT } from './reminders';

export const REPORT_EMAIL = {
  subject: (period: string) => `[i-Speed] Báo cáo tổng hợp kỳ ${period}`,
  greeting: MAIL_TEXT.adminGreeting,
  intro: (dept: string, period: string, today: string) =>
    `${dept}: tổng hợp kết quả báo cáo i-Speed kỳ ${period}, số liệu đến ngày ${today}.`,
  formLine: (
    tab: string,
    expected: number,
    reported: number,
    onTime: number,
    late: number,
    completeness: string,
    timeliness: string,
    rate: string,
  ) =>
    `${tab}: phải báo cáo ${expected}, đã báo cáo ${reported} (đúng hạn ${onTime}, trễ ${late}); đầy đủ ${completeness}, đúng hạn ${timeliness}; tỷ lệ cài đặt ${rate}.`,
  formHeaders: [
    'Biểu mẫu',
    'Phải báo cáo',
    'Đã báo cáo',
    'Đúng hạn',
    'Trễ hạn',
    'Tỷ lệ đầy đủ',
    'Tỷ lệ đúng hạn',
    'Tỷ lệ cài đặt',
  ] as const,
  chaseTitle: 'Đơn vị cần đôn đốc:',
  chaseHeaders: ['Mã', 'Đơn vị', 'Biểu mẫu', 'Tình trạng'] as const,
  noChase: 'Không có đơn vị nào cần đôn đốc.',
  documentLink: (url: string) => `Văn bản báo cáo (bản in): ${url}`,
  link: (url: string) => `Xem chi tiết tại: ${url}`,
  openDocument: 'Mở văn bản báo cáo',
  open: 'Mở bảng tính báo cáo',
  closing: 'Email này được gửi từ hệ thống báo cáo i-Speed.',
};
