// Menu, dialogs and sidebar labels.
import { COLUMN_HEADER } from './definitions';
export const MENU = {
  title: 'i-Speed',
  setup: 'Thiết lập biểu mẫu',
  checkAll: 'Kiểm tra toàn bộ',
  report: 'Báo cáo tổng hợp',
  remindOn: 'Bật nhắc nhở tự động',
  remindOff: 'Tắt nhắc nhở tự động',
  releaseTriggers: 'Gỡ trình kích hoạt của tôi',
  takeOverTriggers: 'Nhận trình kích hoạt về tài khoản này',
} as const;

export const SIDEBAR_TITLE = 'i-Speed: Báo cáo tổng hợp';

/** At most this many headers are named per tab in setup's summary. */
const NAMED_HEADERS = 6;

/** Setup's summary of the headers it added to tabs that were already there (a new tab's are part of creating it). */
function columnsAdded(added: ReadonlyArray<{ tab: string; header: string }>): string[] {
  if (!added.length) return ['Các cột tiêu đề đã có đủ.'];
  const tabs = [...new Set(added.map((c) => c.tab))];
  return tabs.map((tab) => {
    const headers = added.filter((c) => c.tab === tab).map((c) => `"${c.header}"`);
    const named = headers.slice(0, NAMED_HEADERS).join(', ');
    const more = headers.length > NAMED_HEADERS ? ` và ${headers.length - NAMED_HEADERS} cột khác` : '';
    return `Đã thêm vào tab "${tab}" ${headers.length} cột còn thiếu (ở cuối dòng tiêu đề): ${named}${more}.`;
  });
}

/** A trigger as an admin knows it: what it does, its function after (as Apps Script's Triggers page lists it). */
const TRIGGER_NAMES: Record<string, string> = { handleEdit: 'kiểm tra khi sửa ô', dailyTick: 'chạy hằng ngày' };
const triggerName = (fn: string) => (TRIGGER_NAMES[fn] ? `${TRIGGER_NAMES[fn]} (${fn})` : fn);

export const SETUP = {
  noHeaderRow: (tab: string) =>
    `Tab "${tab}" đã có dữ liệu nhưng không tìm thấy dòng tiêu đề (cần có cột "Đơn vị" và "Kỳ báo cáo"). Hãy thêm dòng tiêu đề rồi chạy lại Thiết lập.`,
  doneTitle: 'Thiết lập biểu mẫu',
  done: (r: {
    createdTabs: string[];
    addedColumns: Array<{ tab: string; header: string }>;
    addedSettings: number;
    triggers: string[];
    notes: string[];
  }) =>
    [
      r.createdTabs.length ? `Đã tạo tab: ${r.createdTabs.join(', ')}.` : 'Các tab đã có đủ.',
      ...columnsAdded(r.addedColumns.filter((c) => !r.createdTabs.includes(c.tab))),
      r.addedSettings ? `Đã thêm ${r.addedSettings} dòng cấu hình với giá trị mặc định.` : '',
      r.triggers.length ? `Đã cài trình kích hoạt: ${r.triggers.map(triggerName).join(', ')}.` : 'Trình kích hoạt đã có sẵn.',
      'Quy tắc nhập liệu (danh sách chọn, giới hạn số) đã được áp dụng lại.',
      ...r.notes,
    ]
      .filter(Boolean)
      .join('\n'),
  /** Headers of an adopted tab that match no defined column: kept as they are, and how to adopt them. */
  extraHeaders: (tab: string, headers: string[]) =>
    `Tab "${tab}" có ${headers.length} cột không thuộc định nghĩa biểu mẫu (giữ nguyên): ${headers.map((h) => `"${h}"`).join(', ')}. Nếu cột nào là một chỉ tiêu đã định nghĩa dưới tên khác, hãy thêm tên đó vào "${COLUMN_HEADER.aliases}" của cột trong tab "Định nghĩa biểu mẫu" rồi chạy lại Thiết lập.`,
  /** Columns not added to a tab with data whose headers include some the definitions do not read (`unread`). */
  missingHeld: (tab: string, missing: string[], unread: string[], headerRow: number) =>
    `Tab "${tab}" chưa có ${missing.length} cột của định nghĩa: ${missing.map((h) => `"${h}"`).join(', ')}. Chưa thêm cột nào, ` +
    `vì tab còn các cột chưa nhận ra (${unread.map((h) => `"${h}"`).join(', ')}) có thể chính là các cột đó dưới tên khác. ` +
    `Cột nào đã có: thêm tiêu đề của nó vào "${COLUMN_HEADER.aliases}" của cột trong tab "Định nghĩa biểu mẫu". ` +
    `Cột nào thực sự chưa có: gõ tiêu đề ấy vào một ô trống của dòng tiêu đề (dòng ${headerRow}). Rồi chạy lại Thiết lập.`,
  repeatedHeader: (tab: string, header: string, letter: string, first: string, firstLetter: string) =>
    `Tab "${tab}": cột ${letter} "${header}" lặp lại cột "${first}" đã đọc ở cột ${firstLetter}, nên được giữ nguyên nhưng không đọc, không kiểm tra. Hãy xóa cột thừa, hoặc đổi tiêu đề nếu đó là một cột khác, rồi chạy lại Thiết lập.`,
  triggersOwnedBy: (owner: string) =>
    [
      `Trình kích hoạt (kiểm tra khi sửa, chạy hằng ngày) của bảng tính này thuộc tài khoản ${owner} và chạy dưới tài khoản đó; ` +
        'không cài thêm bộ thứ hai để mỗi lần sửa không bị xử lý hai lần. Giờ gửi nhắc chỉ đổi được khi tài khoản đó chạy Thiết lập.',
      `Để chuyển sang tài khoản của bạn: ${owner} chọn i-Speed > ${MENU.releaseTriggers}, rồi bạn chạy lại Thiết lập biểu mẫu.`,
      `Nếu tài khoản ${owner} không còn dùng được: chọn i-Speed > ${MENU.takeOverTriggers}.`,
    ].join('\n'),
};

export const TRIGGERS = {
  title: 'Trình kích hoạt',
  released: (n: number) =>
    n
      ? `Đã gỡ ${n} trình kích hoạt của tài khoản này. Quản trị viên khác chạy Thiết lập biểu mẫu để cài trình kích hoạt dưới tài khoản của họ.`
      : 'Tài khoản này không có trình kích hoạt nào của i-Speed.',
  releasedNotOwner: (owner: string) => `Trình kích hoạt đang dùng thuộc tài khoản ${owner}; chỉ tài khoản đó gỡ được.`,
  confirmTakeOver: (owner: string | null) =>
    owner
      ? `Trình kích hoạt hiện thuộc tài khoản ${owner}. Chỉ nhận về khi tài khoản đó không còn dùng được; nếu nó vẫn hoạt động, mỗi lần sửa sẽ được xử lý hai lần (không sai dữ liệu nhưng tốn thời gian) cho đến khi ${owner} chọn i-Speed > ${MENU.releaseTriggers}. Tiếp tục?`
      : 'Cài trình kích hoạt dưới tài khoản này?',
  tookOver: (me: string) => `Trình kích hoạt của bảng tính này nay thuộc tài khoản ${me}.`,
  alreadyYours: 'Trình kích hoạt của bảng tính này đã thuộc tài khoản của bạn.',
};

/** The hidden, script-owned tab the unit and period drop-downs list from. */
export const CHOICE_LISTS = {
  tab: 'Danh sách chọn',
  unitsHeader: (tab: string) => `Đơn vị (${tab})`,
  periodsHeader: 'Kỳ báo cáo',
};

export const PROTECTION = {
  scriptColumn: (header: string) => `i-Speed: cột "${header}" do hệ thống ghi, không sửa tay`,
  adminTab: 'i-Speed: chỉ chủ sở hữu và quản trị viên được sửa',
};

export const CHECK = {
  title: 'Kiểm tra toàn bộ',
  summary: (perTab: { sheet: string; errors: number; warnings: number }[]) => {
    const lines = perTab.filter((t) => t.errors || t.warnings).map((t) => `• ${t.sheet}: ${t.errors} lỗi, ${t.warnings} cảnh báo`);
    return lines.length
      ? `Kết quả kiểm tra:\n${lines.join('\n')}\n\nDi chuột vào ô tô màu để xem hướng dẫn sửa.`
      : 'Không có lỗi hay cảnh báo nào. Dữ liệu hợp lệ.';
  },
};

export const REMINDER_SWITCH = {
  on: 'Đã bật nhắc nhở tự động: mỗi ngày hệ thống sẽ gửi email nhắc các đơn vị chưa báo cáo.',
  off: 'Đã tắt nhắc nhở tự động.',
};

export const SIDEBAR_ERRORS = {
  noForm: 'Chưa chọn biểu mẫu nào có trong tab Danh sách biểu mẫu. Hãy chọn ít nhất một biểu mẫu.',
  badPeriod: (p: string) => `Kỳ báo cáo "${p}" không hợp lệ; chọn kỳ dạng MM/YYYY, ví dụ 07/2024.`,
  noTab: (tab: string) => `Không tìm thấy tab "${tab}". Chạy menu i-Speed > Thiết lập biểu mẫu.`,
  periodBeforeStart: (p: string, start: string) =>
    `Kỳ ${p} trước kỳ bắt đầu ${start} (dòng "Kỳ bắt đầu" của tab Cấu hình); chọn một kỳ từ ${start}.`,
  periodAfterNow: (p: string, current: string) => `Kỳ ${p} chưa đến (tháng hiện tại là ${current}); chọn một kỳ đến ${current}.`,
  noUnit: (code: string) => `Không tìm thấy đơn vị "${code}" của biểu mẫu này trong Danh mục đơn vị.`,
  adminsChanged: (to: string) =>
    `Danh sách email quản trị vừa thay đổi (nay là: ${to || 'trống'}); chưa gửi. Hãy xem lại người nhận rồi bấm gửi lần nữa.`,
};

/** The reminders panel's words for a step and a run ("Biểu mẫu 03 kỳ 08/2024, 7 ngày trước hạn"). */
export const SIDEBAR_REMIND = {
  digest: 'bản tổng hợp gửi quản trị',
  item: (form: string, period: string, step: string) => `${form} kỳ ${period}, ${step}`,
  digestItem: (period: string) => `Bản tổng hợp kỳ ${period} gửi quản trị`,
};

export const REPORT_MAIL = {
  noAdmins: 'Chưa có email quản trị. Nhập địa chỉ vào dòng "Email quản trị" của tab Cấu hình rồi thử lại.',
};
