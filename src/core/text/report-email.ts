// The report email to the admins.
export const REPORT_EMAIL = {
  subject: (period: string) => `[i-Speed] Báo cáo tổng hợp kỳ ${period}`,
  intro: (dept: string, period: string, today: string) => `${dept}: tổng hợp kết quả báo cáo i-Speed kỳ ${period}, số liệu đến ngày ${today}.`,
  formLine: (tab: string, expected: number, reported: number, onTime: number, late: number, completeness: string, timeliness: string, rate: string) =>
    `${tab}: phải báo cáo ${expected}, đã báo cáo ${reported} (đúng hạn ${onTime}, trễ ${late}); đầy đủ ${completeness}, đúng hạn ${timeliness}; tỷ lệ cài đặt ${rate}.`,
  chaseTitle: 'Đơn vị cần đôn đốc:',
  noChase: 'Không có đơn vị nào cần đôn đốc.',
  link: (url: string) => `Xem chi tiết tại: ${url}`,
  open: 'Mở bảng tính báo cáo',
};
