// The aggregate report: report tab, printable document and HTML report.
import type { Carried, UnitStatus } from '../report/model';

export const STATUS_LABEL: Record<UnitStatus, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  unknown_time: 'Đã báo cáo (chưa rõ thời điểm nộp)',
  invalid: 'Báo cáo có lỗi',
  pending: 'Chưa báo cáo (chưa đến hạn)',
  missing: 'Chưa báo cáo',
  reported: 'Đã báo cáo',
  /** No row in a period without a deadline (a `Một lần` form's later months): nothing was asked, nothing is missing. */
  none: 'Không bắt buộc báo cáo',
};

export const KIND_LABEL = { stock: 'Lũy kế (đến nay)', flow: 'Trong kỳ' } as const;

export const CHASE_REASON = {
  missing: (due: string) => `Chưa gửi báo cáo (hạn trước ngày ${due})`,
  invalid: (rows: string) => `Báo cáo có lỗi, chưa được tổng hợp (dòng ${rows}); đề nghị sửa theo ghi chú ở cột Kiểm tra`,
};

/** Stocks whose figures come from an earlier period (a unit with none this period): said wherever they are shown. */
export const CARRIED_TEXT = {
  /** On one stock's line. */
  line: (c: Carried) => (c.all ? `số liệu kỳ ${c.from}` : `gồm số liệu cũ của ${c.units} đơn vị (từ kỳ ${c.from})`),
  /** Once, under a list of stocks that all carry the same. */
  once: (c: Carried) =>
    c.all ? `Số liệu trên là số liệu kỳ ${c.from}.` : `Số liệu trên gồm số liệu cũ của ${c.units} đơn vị (từ kỳ ${c.from}).`,
  /** Where stocks and flows are listed together (the document's sentences, the report tab's table): the stocks'. */
  stocks: (c: Carried) =>
    c.all
      ? `Số liệu đến cuối kỳ nêu trên là số liệu kỳ ${c.from} (kỳ này chưa có số liệu mới).`
      : `Số liệu đến cuối kỳ nêu trên gồm số liệu cũ (từ kỳ ${c.from}) của ${c.units} đơn vị chưa có số liệu kỳ này.`,
};

export const REPORT_TEXT = {
  sheetName: (mmYyyy: string) => `Báo cáo ${mmYyyy}`,
  title: 'BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN, HƯỚNG DẪN SỬ DỤNG ỨNG DỤNG I-SPEED',
  period: (p: string) => `Kỳ báo cáo: tháng ${p}`,
  generatedAt: (t: string) => `Lập lúc: ${t}`,
  completenessTitle: 'I. TÌNH HÌNH GỬI BÁO CÁO',
  completenessHeaders: [
    'Biểu mẫu',
    'Nhóm đơn vị',
    'Hạn nộp (trước ngày)',
    'Phải báo cáo',
    'Đã báo cáo',
    'Đúng hạn',
    'Trễ hạn',
    'Chưa rõ thời điểm',
    'Có lỗi',
    'Chưa báo cáo',
    'Tỷ lệ đầy đủ',
    'Tỷ lệ đúng hạn',
    'Tỷ lệ cài đặt',
  ],
  noDeadline: 'Không có hạn',
  totalsTitle: (form: string, group: string) => `Tổng hợp chỉ tiêu ${form} (${group})`,
  totalsHeaders: ['STT', 'Chỉ tiêu', 'Loại', 'Kỳ này', 'Lũy kế từ đầu đợt', 'Thay đổi so với kỳ trước'],
  sectionTotals: 'II. TỔNG HỢP CHỈ TIÊU',
  sectionUnits: 'III. CHI TIẾT THEO ĐƠN VỊ',
  unitsTitle: (form: string, group: string) => `${form} (${group})`,
  unitHeaders: ['Mã đơn vị', 'Tên đơn vị', 'Tình trạng', 'Thời điểm nộp', 'Tỷ lệ cài đặt'],
  sectionChase: 'IV. ĐƠN VỊ CẦN ĐÔN ĐỐC',
  chaseHeaders: ['Mã đơn vị', 'Tên đơn vị', 'Biểu mẫu', 'Tình trạng', 'Email', 'Lý do'],
  noChase: 'Không có đơn vị nào cần đôn đốc.',
  sectionCharts: 'V. SỐ LIỆU BIỂU ĐỒ',
  chartByUnit: 'Tỷ lệ cài đặt i-Speed theo đơn vị',
  /** The trend is the rate of the forms the report covers: named, since one form's rate is not the province's. */
  chartTrend: (forms: string[]) =>
    `Xu hướng tỷ lệ cài đặt i-Speed theo tháng, ${forms.length > 1 ? 'tính chung ' : ''}Biểu mẫu ${forms.join(', ')}`,
  chartUnitHeaders: ['Mã đơn vị', 'Đơn vị', 'Tỷ lệ cài đặt'],
  chartTrendHeaders: ['', 'Tháng', 'Tỷ lệ cài đặt', 'Số đã cài đặt'],
  sampleTargetTitle: (target: number) => `Đơn vị đạt chỉ tiêu ${target} mẫu đo trong tháng`,
  none: 'Không có',
  formName: (id: string) => `Biểu mẫu ${id}`,
};

/** A `Một lần` form in one of its later months, as the document and the command line both say it. */
export const ONE_OFF_TEXT = {
  reported: (due: string | null) => `báo cáo một lần${due ? ` (hạn trước ngày ${due})` : ''}`,
  notDue: 'kỳ này không bắt buộc báo cáo',
} as const;

export const DOC_TEXT = {
  motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  mottoSub: 'Độc lập - Tự do - Hạnh phúc',
  number: (symbol: string) => `Số:      /${symbol}`,
  placeDate: (place: string, dd: string, mm: string, yyyy: number) => `${place}, ngày ${dd} tháng ${mm} năm ${yyyy}`,
  dateWords: (dd: string, mm: string, yyyy: number) => `ngày ${dd} tháng ${mm} năm ${yyyy}`,
  title: 'BÁO CÁO',
  subject: (period: string) => `Kết quả tuyên truyền, hướng dẫn cài đặt và sử dụng ứng dụng i-Speed tháng ${period}`,
  intro: (dept: string, period: string, today: string) =>
    `${dept} báo cáo kết quả tuyên truyền, hướng dẫn cài đặt và sử dụng ứng dụng đo tốc độ truy cập Internet i-Speed kỳ báo cáo tháng ${period} (số liệu tổng hợp đến ngày ${today}) như sau:`,
  sectionStatus: 'I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ',
  sectionResults: 'II. KẾT QUẢ THỰC HIỆN',
  sectionTables: 'III. BẢNG TỔNG HỢP SỐ LIỆU',
  sectionNext: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  formLead: (form: string, group: string) => `- ${group.charAt(0).toUpperCase()}${group.slice(1)} (${form}): `,
  /** `UBND các huyện, thị xã, thành phố` from the kinds of the units that report. */
  councils: (kinds: string[]) => `UBND các ${kinds.join(', ')}`,
  /** A form's group from the schema, in a sentence: `các sở, ban, ngành cấp tỉnh`. */
  groupOf: (group: string) => (/^(Báo|Đài|UBND)\b/.test(group) ? group : `các ${group.charAt(0).toLowerCase()}${group.slice(1)}`),
  completeness: (reported: number, expected: number, pct: string) => `${reported}/${expected} đơn vị đã gửi báo cáo hợp lệ, đạt ${pct}`,
  timeliness: (onTime: number, pct: string, late: number) =>
    `; trong đó ${onTime} đơn vị gửi đúng hạn (${pct}), ${late} đơn vị gửi trễ hạn`,
  unknownTime: (n: number) => `, ${n} đơn vị chưa xác định được thời điểm nộp`,
  remaining: (parts: string[]) => `Còn ${parts.join('; ')}`,
  invalidUnits: (n: number, names: string) => `${n} đơn vị có báo cáo bị lỗi, chưa được tổng hợp (${names})`,
  missingUnits: (n: number, names: string) => `${n} đơn vị chưa gửi báo cáo (${names})`,
  pendingUnits: (n: number) => `${n} đơn vị chưa báo cáo (chưa đến hạn)`,
  /** A period without a deadline is a `Một lần` form's other month: its units reported once, and may add to it. */
  noDeadline: (reported: number, due: string | null) =>
    `${ONE_OFF_TEXT.reported(due)}, ${ONE_OFF_TEXT.notDue}; ` +
    (reported ? `${reported} đơn vị gửi báo cáo bổ sung hợp lệ` : 'không có đơn vị nào gửi báo cáo bổ sung'),
  noUnits: 'chưa có đơn vị nào trong danh mục cho kỳ này',
  /** Once, for the forms left out of the document: no unit, no figure. */
  formsWithoutUnits: (ids: string[]) => `- Biểu mẫu ${ids.join(', ')}: chưa có đơn vị nào trong danh mục cho kỳ này.`,
  /** The staff words of a form's `Tổng số …` header, spelled out. */
  staffWords: { 'CBCCVC, NLĐ': 'cán bộ, công chức, viên chức, người lao động', default: 'cán bộ, nhân viên' } as Record<string, string>,
  installRate: (installed: string, total: string, staff: string, pct: string) =>
    `${installed}/${total} ${staff} đã cài đặt ứng dụng i-Speed, đạt ${pct}.`,
  installRateNone: (staff: string) => `chưa có số liệu về số ${staff} đã cài đặt ứng dụng i-Speed.`,
  stocksLead: 'Lũy kế đến cuối kỳ: ',
  flowsLead: 'Trong kỳ: ',
  /** No unit gave a flow this period: its zeros would read as "nothing was done", so only the running totals are said. */
  flowsNoneLead: 'Trong kỳ không có số liệu mới; lũy kế từ đầu đợt: ',
  flowItem: (phrase: string, cumulative: string) => `${phrase} (lũy kế ${cumulative})`,
  /** What the units say they measured; `measured` (VNNIC's count, when its table covers the month) follows it. */
  samples: (reached: number, total: number, target: number, names: string, measured: string) =>
    `Theo số liệu đơn vị tự báo cáo, có ${reached}/${total} đơn vị đạt chỉ tiêu ${target} mẫu đo i-Speed trong tháng` +
    `${names ? ` (${names})` : ''}${measured ? `; ${measured}` : ''}.`,
  chaseMissing: (list: string) => `Đề nghị các đơn vị chưa gửi báo cáo khẩn trương gửi báo cáo: ${list}.`,
  chaseInvalid: (list: string) =>
    `Đề nghị các đơn vị có báo cáo bị lỗi rà soát, hoàn thiện số liệu theo ghi chú tại cột Kiểm tra: ${list}.`,
  chaseNone: 'Các đơn vị đã gửi đầy đủ báo cáo hợp lệ; đề nghị tiếp tục duy trì việc cập nhật số liệu hằng tháng.',
  tableTotals: (form: string) => `Bảng tổng hợp chỉ tiêu ${form}`,
  tableUnits: (form: string) => `Tình hình báo cáo theo đơn vị, ${form}`,
  totalsHeaders: ['STT', 'Chỉ tiêu', 'Kỳ này', 'Lũy kế'],
  unitHeaders: ['STT', 'Đơn vị', 'Tình trạng', 'Tỷ lệ cài đặt'],
  recipientsTitle: 'Nơi nhận:',
  recipients: ['- Bộ Thông tin và Truyền thông (Cục Viễn thông);', '- UBND tỉnh (b/c);', '- Lưu: VT.'],
  /** The signer's name line when `Người ký` is empty: room to write it by hand. */
  signerBlank: '…………………………………',
  appendixTitle: 'Phụ lục',
  appendixSubject: (period: string) => `SỐ LIỆU TỔNG HỢP KẾT QUẢ TUYÊN TRUYỀN, HƯỚNG DẪN SỬ DỤNG ỨNG DỤNG I-SPEED THÁNG ${period}`,
  appendixRef: (symbol: string, date: string, dept: string) => `(Kèm theo Báo cáo số      /${symbol} ${date} của ${dept})`,
  appendixCharts: 'V. BIỂU ĐỒ',
  chartByUnit: (title: string, form: string) => `${title}, ${form}`,
  unitStocks: (form: string, group: string) => `${form} (${group}): số liệu lũy kế đến cuối kỳ`,
  unitFlows: (form: string, group: string) => `${form} (${group}): số liệu trong kỳ`,
  /** In place of a per-unit table of the period's figures in which no unit has any. */
  noFlows: 'Không có đơn vị nào có số liệu trong kỳ này.',
  htmlTitle: (period: string) => `Báo cáo i-Speed tháng ${period}`,
  htmlDocHeading: 'Văn bản báo cáo',
  noData: 'Chưa có số liệu',
  /** A table cell whose figure is not known (no report, nothing to compare with): never blank, never a zero. */
  unknown: '—',
};
