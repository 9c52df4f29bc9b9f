// The preview server's Vietnamese messages (the page has its own in client/text.ts).

export const PV = {
  openFailed: 'onOpen gặp lỗi',
  setupFailed: 'Thiết lập (menuSetup) gặp lỗi',
  checkFailed: 'Kiểm tra toàn bộ (menuCheckAll) gặp lỗi',
  noSheet: (name: string) => `Không có tab "${name}".`,
  badEdit: 'Ô cần sửa không hợp lệ.',
  outside: (rows: number, cols: number) => `Vùng dán vượt quá kích thước trang tính (${rows} dòng, ${cols} cột).`,
  noFunction: (name: string) =>
    `Không tìm thấy hàm "${name}" trong mã Apps Script (chỉ gọi được hàm cấp cao nhất, tên không kết thúc bằng "_").`,
  notWireSafe: (name: string, kind: string, path: string) =>
    `Kết quả của ${name} không gửi được về thanh bên: ${path} có kiểu ${kind} (google.script.run chỉ nhận số, chuỗi, đúng/sai, null, mảng và đối tượng của chúng).`,
  badRequest: 'Yêu cầu không hợp lệ.',
  tooLarge: 'Yêu cầu quá lớn.',
  notFound: 'Không tìm thấy.',
  badTime: 'Thời điểm không hợp lệ (cần dạng YYYY-MM-DDTHH:mm).',
  saveFailed: (file: string, why: string) => `Không lưu được ${file}: ${why}`,
  noMail: 'Không có email này trong hộp thư đi.',
  noSidebar: 'Chưa mở thanh bên nào.',
  serving: (url: string, file: string) =>
    `Xem trước i-Speed tại ${url}\nBảng tính đang dùng: ${file} (tự lưu sau mỗi thay đổi). Nhấn Ctrl+C để dừng.`,
  portTaken: (port: number) => `Cổng ${port} đang được dùng; hãy chọn cổng khác, ví dụ: PORT=${port + 1} npm start`,
  noBook: (file: string) => `Không tìm thấy tệp ${file}.`,
  notXlsx: (file: string) => `${file} không phải tệp .xlsx.`,
  startFailed: (why: string) => `Không khởi động được bản xem trước: ${why}`,
  stopped: (file: string) => `Đã dừng; bảng tính đã lưu ở ${file}.`,
};
