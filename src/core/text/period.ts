// The life of a period: the status tab, the closed figures, corrections after the close, the change journal.
import type { UnitStatus } from '../report/model';
import { viNumber } from './validation';

/** The script's own tabs of the period issue. */
export const PERIOD_TAB = {
  status: 'Tình hình báo cáo',
  closed: 'Số liệu đã chốt',
  journal: 'Nhật ký thay đổi',
} as const;

/** A status tab cell, by unit status (a period on the status tab always has a deadline). */
export const STATUS_CELL: Record<UnitStatus, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  unknown_time: 'Đã nộp',
  invalid: 'Có lỗi',
  pending: 'Chưa đến hạn',
  missing: 'Chưa nộp',
  reported: 'Đã nộp',
  none: 'Chưa nộp',
};

/** Its colour: green done, orange late, red errors or missing, grey not yet due. */
export const STATUS_COLOUR: Record<UnitStatus, string> = {
  on_time: '#d9ead3',
  late: '#fce5cd',
  unknown_time: '#d9ead3',
  invalid: '#f4cccc',
  pending: '#efefef',
  missing: '#f4cccc',
  reported: '#d9ead3',
  none: '#f4cccc',
};

export const STATUS_TAB = {
  headers: ['Biểu mẫu', 'Mã đơn vị', 'Tên đơn vị'],
};

export const CLOSED_TAB = {
  headers: ['Chốt lúc', 'Kỳ báo cáo', 'Biểu mẫu', 'Mã đơn vị', 'Tên đơn vị', 'Trạng thái', 'Thời điểm nộp', 'Lấy từ kỳ trước'],
};

export const JOURNAL_TAB = {
  headers: ['Thời điểm', 'Người sửa', 'Trang tính', 'Vùng', 'Giá trị cũ', 'Giá trị mới'],
  unknownUser: 'không rõ',
  /** A pasted block: its size, then its first cells. */
  block: (rows: number, cols: number, first: string) => `${rows}×${cols} ô: ${first}`,
  cleared: '(xóa)',
  removedRow: (row: number, unit: string, period: string) => [`dòng ${row}`, unit, period && `kỳ ${period}`].filter((x) => x).join(', '),
};

const shown = (v: number | string | null) => (v === null || v === '' ? 'trống' : typeof v === 'number' ? viNumber(v) : String(v));

// A cell of `Số liệu đã chốt` that does not read (core/close.ts closedTabCheck), and how to mend it; `period`: its
// close's, when its row says it. `left`: the row is left out of the close (its unit, time, period or form).
const closedFix = (period: string | null) =>
  `Khôi phục giá trị đã chốt (giá trị cũ: trang ${PERIOD_TAB.journal} hoặc Lịch sử phiên bản)${period ? `, hoặc chốt lại số liệu kỳ ${period} từ thanh bên (Chốt lại số liệu kỳ ${period})` : ''}.`;
const unread = (text: string, expected: string) => (text ? `“${text}” không phải là ${expected}` : `ô trống, cần ${expected}`);

export const CLOSED_CELL_TEXT = {
  /** What each cell must hold, by key (a figure: `number`). */
  expected: {
    number: 'số',
    time: 'thời điểm dd/MM/yyyy HH:mm',
    period: 'kỳ MM/YYYY',
    form: 'mã biểu mẫu (03)',
    code: 'mã đơn vị',
    carried: 'tiêu đề chỉ tiêu của trang này',
  } as Record<string, string>,
  status: (labels: string[]) => `trạng thái (${labels.join(', ')})`,
  cell: (header: string, text: string, expected: string, left: boolean, period: string | null) =>
    `“${header}”: ${unread(text, expected)}; ${left ? 'dòng này không được tính vào số liệu đã chốt (đơn vị không có trong báo cáo của kỳ)' : 'báo cáo tính ô này là trống'}. ${closedFix(period)}`,
  header: (first: string) =>
    `Ô A1 phải là “${first}”: không dòng nào của trang ${PERIOD_TAB.closed} được đọc, báo cáo dùng số liệu hiện nay. ${closedFix(null)}`,
  /** The report of a closed period: its close's cells that do not read (`cells` the first), its rows left out. */
  reportCells: (count: number, cells: string[]) =>
    `${count} ô của trang ${PERIOD_TAB.closed} không đọc được (${cells.join('; ')}${count > cells.length ? '; …' : ''}), báo cáo tính là trống.`,
  reportCell: (unit: string, header: string, text: string) => `${unit}, “${header}”: ${text ? `“${text}”` : 'trống'}`,
  reportRows: (rows: number[]) =>
    `Dòng ${rows.join(', ')} của trang ${PERIOD_TAB.closed} không đọc được: đơn vị của dòng không có trong số liệu đã chốt.`,
  /** How to mend the closed tab (the period's re-close named when there is one): said after what went wrong. */
  fix: closedFix,
};

export const CLOSE_TEXT = {
  changedAfterClose: (header: string, period: string, closedAt: string, closed: number | null, now: number | null) =>
    (closed === null
      ? `“${header}”: số liệu kỳ ${period} đã chốt lúc ${closedAt} khi chưa có số liệu này; nay là ${shown(now)}.`
      : `“${header}”: số liệu kỳ ${period} đã chốt lúc ${closedAt} với giá trị ${shown(closed)}; nay là ${shown(now)}.`) +
    ' Sửa sau khi chốt vẫn được ghi nhận và được liệt kê trong báo cáo (mục Điều chỉnh sau khi chốt số liệu).',
  section: 'Điều chỉnh sau khi chốt số liệu',
  /** After the carried keys of a closed unit (`Lấy từ kỳ trước`): the period their figures came from. */
  carriedFrom: (period: string) => `từ ${period}`,
  closedLine: (closedAt: string) => `Số liệu kỳ này đã chốt lúc ${closedAt}; báo cáo dùng số liệu đã chốt.`,
  correctionHeaders: ['Biểu mẫu', 'Mã đơn vị', 'Chỉ tiêu', 'Số liệu đã chốt', 'Số liệu hiện nay'],
  noCorrections: 'Không có điều chỉnh nào sau khi chốt số liệu.',
  statusKey: 'Tình trạng',
  reclose: (period: string) => `Chốt lại số liệu kỳ ${period}`,
  recloseConfirm: (period: string, closedAt: string) =>
    `Số liệu kỳ ${period} đã chốt lúc ${closedAt}. Chốt lại sẽ lấy số liệu hiện nay làm số liệu chính thức của kỳ (các lần chốt trước vẫn được lưu). Tiếp tục?`,
  reclosed: (period: string, closedAt: string) => `Đã chốt lại số liệu kỳ ${period} lúc ${closedAt}.`,
  recloseKept: (period: string, closedAt: string) => `Chưa chốt lại: kỳ ${period} vẫn dùng số liệu đã chốt lúc ${closedAt}.`,
  notClosed: (period: string) => `Số liệu kỳ ${period} chưa chốt.`,
  busy: 'Một lượt chạy khác đang làm việc với bảng tính; thử lại sau ít phút.',
  sidebarLine: (closedAt: string, corrections: number) =>
    `Đã chốt số liệu lúc ${closedAt}; ${corrections ? `${corrections} điều chỉnh sau khi chốt` : 'chưa có điều chỉnh nào sau khi chốt'}.`,
  logStep: 'Chốt số liệu',
  logReclose: 'Chốt lại số liệu',
  logDetail: (forms: string[], by: string) => `${forms.join(', ')}${by ? `; người chốt: ${by}` : ''}`,
  digestSubject: (periods: string) => `[i-Speed] Đã chốt số liệu kỳ ${periods}`,
  digestClosed: (tab: string, period: string, closedAt: string, reported: number, expected: number) =>
    `${tab} kỳ ${period}: chốt lúc ${closedAt}, ${reported}/${expected} đơn vị đã báo cáo.`,
  digestCorrectionsTitle: 'Điều chỉnh sau lần chốt trước:',
  digestCorrection: (tab: string, period: string, unit: string, key: string, closed: string, now: string) =>
    `- ${tab} kỳ ${period}, ${unit}: “${key}” ${closed} → ${now}`,
  digestNoCorrections: 'Không có điều chỉnh nào sau lần chốt trước.',
};
