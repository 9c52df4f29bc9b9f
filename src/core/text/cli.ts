// The `ispeed` command line: help, errors, progress and human-readable output.
import { MEASURED_CLI } from './measured';
import { MENU } from './ui';
import { COLUMN_HEADER, LIST_HEADER } from './definitions';
import { ONE_OFF_TEXT } from './report';

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const q = (s: string) => `“${s}”`;

/** Tabs as a message names them: `trang “A”` or `các trang “A”, “B”`. */
const tabList = (names: string[]) => `${names.length > 1 ? 'các trang' : 'trang'} ${names.map(q).join(', ')}`;

/** How Google Sheets gives an .xlsx of the shared sheet. */
const DOWNLOAD_XLSX = 'Tệp > Tải xuống > Microsoft Excel (.xlsx)';

const PLACEHOLDER_URL_TEXT = 'https://docs.google.com/spreadsheets/d/ID-BANG-TINH/edit';

/** The --url lines of the commands that write emails (remind, daily). */
const URL_HELP = [
  '  --url URL            địa chỉ bảng tính Google dùng trong đường dẫn của email (mặc định là địa chỉ giữ chỗ',
  `                       ${PLACEHOLDER_URL_TEXT}, vì tệp .xlsx không có địa chỉ Google)`,
];

/** The --force line of every command that refuses an existing workbook. */
const forceHelp = (file: string, why = '') => `  --force              ghi đè ${file} nếu tệp đã có (mặc định: không ghi đè${why})`;

/** The spreadsheet address used in reminder links when none is given (a file has no Google address). */
export const CLI_PLACEHOLDER_URL = PLACEHOLDER_URL_TEXT;

export const CLI_HELP = {
  tool: [
    'ispeed: công cụ dòng lệnh cho báo cáo tuyên truyền i-Speed (tỉnh Gia Lai), làm việc trên tệp .xlsx',
    'xuất từ bảng tính dùng chung.',
    '',
    'Cách dùng: ispeed <lệnh> [tùy chọn]',
    '',
    'Các lệnh:',
    '  demo OUT.xlsx       tạo bảng tính mẫu có số liệu giả lập (kèm vài lỗi thường gặp)',
    '  setup OUT.xlsx      tạo bảng tính trống với đủ các trang, tiêu đề, quy tắc kiểm tra',
    '  validate BOOK.xlsx  kiểm tra toàn bộ số liệu, liệt kê từng lỗi',
    '  report BOOK.xlsx    báo cáo tổng hợp một kỳ',
    '  remind BOOK.xlsx    các email nhắc sẽ gửi trong ngày (chạy thử, hoặc ghi ra thư mục với --send)',
    '  columns BOOK.xlsx   các cột của từng trang biểu mẫu được đọc thành cột nào của định nghĩa biểu mẫu',
    '  daily BOOK.xlsx     việc lịch chạy hằng ngày làm vào một ngày, trên chính tệp (chỉ các trang, cột do hệ thống ghi)',
    '',
    'Xem hướng dẫn từng lệnh: ispeed <lệnh> --help',
    'Mã thoát: 0 thành công; 1 lệnh validate tìm thấy lỗi; 2 dữ liệu vào không dùng được.',
  ].join('\n'),
  demo: [
    'Cách dùng: ispeed demo OUT.xlsx [--seed N] [--today YYYY-MM-DD] [--force]',
    '',
    'Tạo bảng tính mẫu: danh mục đơn vị năm 2024, số liệu các biểu mẫu từ kỳ 06/2024 đến tháng trước',
    'ngày "hôm nay", đa số đúng hạn, một số nộp muộn, vài đơn vị chưa nộp và vài lỗi thường gặp.',
    '',
    '  --seed N             số khởi tạo ngẫu nhiên (cùng số cho cùng bảng tính)',
    '  --today YYYY-MM-DD   ngày "hôm nay" (mặc định 2024-08-20)',
    forceHelp('OUT.xlsx'),
  ].join('\n'),
  setup: [
    'Cách dùng: ispeed setup OUT.xlsx [--units UNITS.csv] [--force]',
    '',
    'Tạo bảng tính trống với đủ các trang, tiêu đề, quy tắc kiểm tra và bảo vệ, sẵn sàng tải lên.',
    '',
    '  --units UNITS.csv    điền sẵn danh mục đơn vị từ tệp CSV (các cột như data/gialai-2024-units.csv:',
    '                       code, name, form, email, contact, phone, communes, aliases, active);',
    '                       phân cách bằng dấu phẩy, chấm phẩy hoặc tab (như Excel lưu), mã UTF-8;',
    '                       mặc định: danh mục để trống',
    forceHelp('OUT.xlsx'),
  ].join('\n'),
  validate: [
    'Cách dùng: ispeed validate BOOK.xlsx [--today YYYY-MM-DD] [--json]',
    '',
    'Kiểm tra mọi trang của bảng tính và liệt kê từng lỗi, cảnh báo (trang, dòng, cột, nội dung).',
    'Mã thoát 1 khi có lỗi.',
    '',
    '  --today YYYY-MM-DD   đọc bảng tính như vào ngày này (mặc định: hôm nay)',
    '  --json               kết quả dạng JSON',
  ].join('\n'),
  report: [
    'Cách dùng: ispeed report BOOK.xlsx --period MM/YYYY [--form MÃ] [--today YYYY-MM-DD] [--json]',
    '                      [--out FILE.xlsx|FILE.html|FILE.pdf [--force]] [--samples FILE.xlsx|FILE.csv] [--date YYYY-MM-DD]',
    '',
    'Báo cáo tổng hợp của một kỳ: đơn vị đúng hạn, muộn, chưa nộp; tổng các chỉ tiêu.',
    '',
    '  --period MM/YYYY     kỳ báo cáo (bắt buộc), từ "Kỳ bắt đầu" trong Cấu hình đến tháng hiện tại',
    '  --form MÃ            chỉ biểu mẫu có mã này, ví dụ 03 (có thể lặp lại; mặc định: mọi biểu mẫu)',
    '  --today YYYY-MM-DD   ngày lập báo cáo (mặc định: hôm nay)',
    '  --date YYYY-MM-DD    ngày ghi trên văn bản (mặc định: ngày lập báo cáo); không có --today,',
    '                       số liệu tổng hợp đến ngày này nếu là ngày đã qua',
    '  --json               kết quả dạng JSON',
    '  --out FILE           ghi báo cáo ra tệp: .html, .pdf (bảng, biểu đồ, văn bản) hoặc .xlsx (các bảng);',
    '                       không bao giờ ghi đè BOOK.xlsx; tệp .html, .pdf đã có được thay bằng báo cáo mới',
    forceHelp('FILE.xlsx', ', vì đó có thể là một bảng tính'),
    MEASURED_CLI.help,
  ].join('\n'),
  remind: [
    'Cách dùng: ispeed remind BOOK.xlsx --today YYYY-MM-DD [--json] [--quota N] [--send --outbox DIR] [--url URL]',
    '',
    'Các email nhắc mà lịch chạy hằng ngày sẽ gửi vào ngày đó. Mặc định chỉ chạy thử, không gửi gì.',
    '',
    '  --today YYYY-MM-DD   ngày chạy (bắt buộc)',
    '  --json               kết quả dạng JSON',
    '  --quota N            hạn mức người nhận trong ngày (mặc định 100), trừ số đã ghi trong Nhật ký hôm đó',
    '  --send --outbox DIR  ghi mỗi email thành một tệp .eml trong DIR và ghi vào trang Nhật ký của BOOK.xlsx,',
    '                       nên chạy lại trong cùng ngày sẽ không gửi trùng',
    ...URL_HELP,
  ].join('\n'),
  columns: [
    'Cách dùng: ispeed columns BOOK.xlsx [--json]',
    '',
    'Cho biết mỗi trang biểu mẫu được đọc thế nào: dòng tiêu đề, từng cột của trang được hiểu là cột nào',
    'trong "Định nghĩa biểu mẫu" (theo tên cột hoặc theo "Tên gọi khác"), cột nào không thuộc định nghĩa',
    '(được giữ nguyên, không kiểm tra) và cột đã định nghĩa nào chưa tìm thấy. Dùng khi đưa bảng tính',
    'đang có vào sử dụng: thêm tên cột của trang vào "Tên gọi khác" để cột đó được nhận.',
    '',
    '  --json               kết quả dạng JSON',
  ].join('\n'),
  daily: [
    'Cách dùng: ispeed daily BOOK.xlsx --today YYYY-MM-DD [--json] [--outbox DIR] [--quota N] [--url URL]',
    '',
    'Làm đúng việc lịch chạy hằng ngày làm vào ngày đó (lúc "Giờ gửi nhắc"), trên chính BOOK.xlsx: kiểm tra toàn bộ',
    '(ghi chú, màu, cột Kiểm tra), danh sách chọn, trang Tình hình báo cáo, chốt số liệu các kỳ đến hạn chốt và',
    'nhắc nhở (khi "Nhắc nhở tự động" là Có). Chỉ các ô, các trang do hệ thống ghi thay đổi; tệp chỉ được thay',
    'khi cả lượt chạy xong (ghi ra tệp tạm rồi đổi tên), nên lỗi giữa chừng không làm hỏng tệp.',
    '',
    '  --today YYYY-MM-DD   ngày chạy (bắt buộc)',
    '  --json               kết quả dạng JSON',
    '  --outbox DIR         ghi mỗi email thành tệp .eml trong DIR và ghi vào Nhật ký; không có tùy chọn này thì',
    '                       không email nào được gửi hay ghi vào Nhật ký',
    '  --quota N            hạn mức người nhận trong ngày (mặc định 100), trừ số đã ghi trong Nhật ký hôm đó',
    ...URL_HELP,
  ].join('\n'),
} as const;

/** `ispeed daily`: what the day's run did. */
export const CLI_DAILY = {
  ran: (day: string, hour: number) => `Đã chạy lịch hằng ngày cho ngày ${day}, lúc ${String(hour).padStart(2, '0')}:00.`,
  checked: (errors: number, warnings: number) => `Kiểm tra toàn bộ: ${errors} lỗi, ${warnings} cảnh báo.`,
  status: (rows: number) => `Trang Tình hình báo cáo: ${rows} đơn vị.`,
  closed: (tab: string, period: string, at: string) => `Đã chốt số liệu ${tab} kỳ ${period} lúc ${at}.`,
  noClose: 'Không có kỳ nào đến hạn chốt số liệu.',
  emails: (n: number, dir: string, logged: boolean) =>
    `${n} email đã ghi vào thư mục ${dir}; ${logged ? 'Nhật ký đã được cập nhật' : 'Nhật ký không thay đổi'}.`,
  /** The names are the schema's: the settings tab, the setting, its two values. */
  remindersOff: (tab: string, setting: string, yes: string, no: string) =>
    `Nhắc nhở tự động đang tắt (mục “${setting}” trong trang ${tab} là “${no}”): không gửi email nhắc nào. ` +
    `Để bật, ghi “${yes}” vào mục đó, hoặc chọn ${MENU.title} > ${MENU.remindOn} trong bảng tính.`,
  dryRun: (n: number) => `${n} email sẽ được gửi; không gửi và không ghi Nhật ký vì không có --outbox.`,
  written: (file: string) => `Đã cập nhật ${file}.`,
};

/** `ispeed columns`: the mapping of each form tab's headers, in Vietnamese. */
export const CLI_COLUMNS = {
  form: (tab: string, form: string, headerRow: number) => `Trang “${tab}” (mã biểu mẫu ${form}): dòng tiêu đề ${headerRow}`,
  absent: (tab: string, form: string) =>
    `Trang “${tab}” (mã biểu mẫu ${form}): chưa có trong bảng tính (“Thiết lập biểu mẫu” sẽ tạo trang này cùng dòng tiêu đề)`,
  /** The file has neither definition tab: the built-in forms are read, and aliases have nowhere to go yet. */
  template: (list: string, columns: string, aliases: string) =>
    `Tệp chưa có các trang “${list}” và “${columns}”: các trang biểu mẫu được đọc theo biểu mẫu có sẵn của i-Speed. ` +
    `Để thêm “${aliases}” cho các tiêu đề riêng của Sở, hãy chạy “Thiết lập biểu mẫu” trong bảng tính (hoặc chép hai trang ấy ` +
    'từ tệp do “ispeed setup” tạo) rồi sửa trang định nghĩa.',
  noHeader: (tab: string, form: string) =>
    `Trang “${tab}” (mã biểu mẫu ${form}): không tìm thấy dòng tiêu đề (cần cột đơn vị và cột kỳ báo cáo, hoặc tên gọi khác của chúng)`,
  /** `defined` is the header of the definitions the sheet's header is read as (the same text but for case or `(đến nay)`). */
  byHeader: (header: string, defined: string) =>
    header === defined ? `  “${header}”: đúng tên cột đã định nghĩa` : `  “${header}” → cột “${defined}”`,
  byAlias: (header: string, defined: string) => `  “${header}” → cột “${defined}” (theo tên gọi khác)`,
  extra: (header: string) => `  “${header}” → không thuộc định nghĩa (giữ nguyên, không kiểm tra)`,
  repeats: (header: string, letter: string, defined: string, firstLetter: string) =>
    `  “${header}” (cột ${letter}) → lặp lại cột “${defined}” đã đọc ở cột ${firstLetter}: cột này giữ nguyên nhưng không được đọc, ` +
    `không kiểm tra; hãy xóa cột thừa, hoặc đổi tiêu đề nếu đó là một cột khác.`,
  /** The definition tabs' own problems, said first: what they name is left out of the mapping below. */
  definitionProblems: (errors: number) =>
    `Các trang định nghĩa biểu mẫu có ${errors} lỗi; phần bị lỗi không được dùng khi đọc các trang dưới đây. ` +
    'Hãy sửa các ô sau rồi chạy lại lệnh:',
  /** `definitions` is the tab `Định nghĩa biểu mẫu`. */
  missing: (headers: string[], definitions: string) =>
    `  Chưa tìm thấy cột: ${headers.map(q).join(', ')}. Hãy thêm cột vào trang, hoặc thêm tiêu đề đang dùng vào ` +
    `“${COLUMN_HEADER.aliases}” của cột đó trong trang ${q(definitions)}.`,
};

export type CliCommandName = keyof typeof CLI_HELP;

export const CLI_ERROR = {
  unknownCommand: (cmd: string) => `Lệnh không hợp lệ: ${q(cmd)}. Xem: ispeed --help`,
  noCommand: 'Thiếu lệnh. Xem: ispeed --help',
  unknownOption: (opt: string, cmd: string) => `Tùy chọn không hợp lệ cho lệnh ${cmd}: ${q(opt)}. Xem: ispeed ${cmd} --help`,
  missingValue: (opt: string) => `Tùy chọn ${opt} cần một giá trị.`,
  flagWithValue: (opt: string) => `Tùy chọn ${opt} không nhận giá trị.`,
  missingFile: (cmd: string) => `Thiếu tên tệp. Xem: ispeed ${cmd} --help`,
  extraArgument: (arg: string) => `Thừa tham số: ${q(arg)}.`,
  fileNotFound: (path: string) => `Không tìm thấy tệp ${q(path)}.`,
  notAFile: (path: string) => `${q(path)} không phải là một tệp.`,
  notXlsx: (path: string) =>
    `Tệp ${q(path)} không phải tệp .xlsx: hãy mở tệp bằng Excel rồi lưu thành “Sổ làm việc Excel (*.xlsx)”, ` +
    `hoặc mở bằng Google Sheets rồi chọn ${DOWNLOAD_XLSX}.`,
  encrypted: (path: string) => `Tệp ${q(path)} được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi xuất lại tệp .xlsx.`,
  corrupt: (path: string) =>
    `Không đọc được tệp ${q(path)}: tệp .xlsx bị hỏng hoặc không đúng định dạng; hãy tải/xuất lại tệp (Google Sheets: ${DOWNLOAD_XLSX}).`,
  /**
   * `formList` is the tab `Danh sách biểu mẫu`, where each form's tab is named; `listed` says whether the file has it
   * (without it the built-in template's names hold, and renaming the tabs is the one fix).
   */
  noFormTabs: (path: string, expected: string[], has: string[], formList: string, listed: boolean) =>
    `Tệp ${q(path)} không có trang biểu mẫu nào: định nghĩa biểu mẫu cần ${tabList(expected)}, ` +
    `còn tệp ${has.length ? `có ${tabList(has)}` : 'không có trang nào'}. Hãy đổi tên các trang biểu mẫu cho đúng` +
    (listed
      ? `, hoặc sửa cột “${LIST_HEADER.tab}” trong trang ${q(formList)} theo tên các trang đang dùng.`
      : ` (tệp không có trang ${q(formList)} nên dùng tên trang mặc định).`),
  badToday: (text: string) => `Ngày không hợp lệ: ${q(text)}. Dùng dạng YYYY-MM-DD, ví dụ 2024-08-20.`,
  badPeriod: (text: string) => `Kỳ báo cáo không hợp lệ: ${q(text)}. Dùng dạng MM/YYYY, ví dụ 07/2024.`,
  missingPeriod: 'Thiếu kỳ báo cáo: thêm --period MM/YYYY, ví dụ --period 07/2024.',
  missingToday: 'Thiếu ngày chạy: thêm --today YYYY-MM-DD, ví dụ --today 2024-08-09.',
  badForm: (text: string) =>
    `Biểu mẫu không hợp lệ: ${q(text)}. Dùng mã một biểu mẫu có trong tab Danh sách biểu mẫu của bảng tính, ví dụ 03.`,
  badQuota: (text: string) => `Hạn mức không hợp lệ: ${q(text)}. Dùng một số nguyên ≥ 0.`,
  badSeed: (text: string) => `Số khởi tạo không hợp lệ: ${q(text)}. Dùng một số nguyên.`,
  badUrl: (text: string) => `Địa chỉ không hợp lệ: ${q(text)}. Dùng địa chỉ bắt đầu bằng https://.`,
  badOut: (path: string) => `Tệp kết quả ${q(path)} phải có đuôi .xlsx, .html hoặc .pdf.`,
  outMustBeXlsx: (path: string) => `Tệp kết quả ${q(path)} phải có đuôi .xlsx.`,
  sendNeedsOutbox: 'Tùy chọn --send cần --outbox DIR (thư mục ghi các email).',
  outboxNeedsSend: 'Tùy chọn --outbox chỉ dùng cùng --send.',
  cannotWrite: (path: string, why: string) => `Không ghi được ${q(path)}: ${why}.`,
  overwritesInput: (target: string, input: string) =>
    `Không ghi vào ${q(target)}: đó chính là tệp ${q(input)} mà lệnh đang đọc. Hãy chọn một tên tệp khác.`,
  exists: (path: string) => `Tệp ${q(path)} đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
  outboxIsFile: (path: string) => `--outbox ${q(path)} là một tệp, không phải thư mục: hãy chọn một thư mục (sẽ được tạo nếu chưa có).`,
  periodBeforeStart: (period: string, start: string) =>
    `Kỳ ${period} trước kỳ bắt đầu của đợt báo cáo (${start}, mục “Kỳ bắt đầu” trong trang Cấu hình).`,
  periodAfterNow: (period: string, current: string) => `Kỳ ${period} chưa đến: tháng hiện tại là ${current}.`,
  dateBeforeData: (date: string, data: string) =>
    `Văn bản không thể đề ngày ${date}, trước ngày tổng hợp số liệu (${data}): chọn --date từ ngày ${data}, hoặc bỏ --today để số liệu tổng hợp đến ngày ghi trên văn bản.`,
  unitsCsvEncoding: (path: string) =>
    `Tệp ${q(path)} không phải văn bản UTF-8: trong Excel hãy lưu lại bằng “CSV UTF-8 (phân cách bằng dấu phẩy)”.`,
  unitsCsvLine: (path: string, line: number, why: string) => `Tệp ${q(path)}, dòng ${line}: ${why}`,
  unitsCsv: (path: string) =>
    `Không đọc được danh mục đơn vị từ ${q(path)}: cần tệp CSV có các cột code, name, form (hoặc Mã đơn vị, Tên đơn vị, Biểu mẫu).`,
  pdfFailed: (why: string) => `Không tạo được tệp PDF (cần Chromium tại /usr/bin/chromium): ${why}`,
  notBuilt: 'Chưa có bản dựng dist/Code.js mà lệnh setup chạy: hãy chạy npm run build một lần (npm test cũng dựng nó).',
  internal: (why: string) => `Lỗi không mong đợi: ${why}`,
} as const;

/** What a reader of the output must know first: said before the text, or on stderr beside an unchanged --json. */
export const CLI_WARN = {
  noDirectory: (tab: string, has: string[]) =>
    `Cảnh báo: không tìm thấy trang ${q(tab)} (tệp có ${tabList(has)}), nên không đơn vị nào được nhận ra và không đơn vị ` +
    `nào phải báo cáo. Hãy đổi tên trang danh mục đơn vị thành ${q(tab)} rồi chạy lại.`,
} as const;

/** Why a target cannot be written (the end of CLI_ERROR.cannotWrite). */
export const CLI_WRITE = {
  underAFile: (path: string) => `${q(path)} là một tệp, không phải thư mục`,
  folderReadOnly: (path: string) => `không có quyền ghi vào thư mục ${q(path)}`,
  isAFolder: 'đó là một thư mục',
  fileReadOnly: 'tệp chỉ cho phép đọc',
} as const;

/** The separators a units CSV may use, as the progress line names them. */
export const CSV_DELIMITER_NAMES: Record<string, string> = {
  ',': 'dấu phẩy (,)',
  ';': 'dấu chấm phẩy (;)',
  '\t': 'dấu tab',
  '|': 'dấu gạch đứng (|)',
};

/** Why a units CSV cannot be read, at a line (CLI_ERROR.unitsCsvLine). */
export const CSV_PROBLEM = {
  unterminatedQuote: 'dấu ngoặc kép (") mở ở đây không được đóng.',
  badQuote: 'sau dấu ngoặc kép (") đóng phải là dấu phân cách hoặc hết dòng; dấu ngoặc kép bên trong ô phải viết đôi ("").',
  tooManyFields: (found: number, header: number, delimiter: string) =>
    `dòng có ${found} ô nhưng dòng tiêu đề chỉ có ${header} ô (phân cách bằng ${delimiter}): có thể một ô chứa dấu phân cách mà không nằm trong ngoặc kép.`,
} as const;

export const CLI_PROGRESS = {
  reading: (path: string) => `Đang đọc tệp ${path}…`,
  checking: (rows: string) => `Đang kiểm tra ${rows} dòng…`,
  generating: 'Đang tạo số liệu mẫu…',
  writing: (path: string) => `Đang ghi tệp ${path}…`,
  printingPdf: 'Đang in báo cáo ra PDF…',
  setup: 'Đang thiết lập bảng tính…',
  unitsRead: (path: string, units: string, delimiter: string) => `Đọc ${path}: ${units} đơn vị, phân cách bằng ${delimiter}`,
} as const;

export const CLI_DONE = {
  written: (path: string) => `Đã tạo tệp ${path}.`,
  unitsProblems: (csv: string, errors: number, all: number, tab: string) =>
    `Danh mục đơn vị lấy từ ${q(csv)} có ${errors === all ? `${all} lỗi (các đơn vị đó chưa dùng được)` : `${all} vấn đề${errors ? `, trong đó ${errors} lỗi (các đơn vị đó chưa dùng được)` : ''}`}; sửa trong tệp CSV rồi chạy lại, hoặc sửa trong trang ${q(tab)} ở các dòng sau:`,
  demo: (path: string, rows: string, day: string) => `Đã tạo bảng tính mẫu ${path}: ${rows} dòng số liệu, tính đến ngày ${day}.`,
} as const;

const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo' } as const;

export const CLI_VALIDATE = {
  summary: (file: string, errors: string, warnings: string, rows: string) =>
    `Kiểm tra ${file}: ${errors} lỗi, ${warnings} cảnh báo trên ${rows} dòng số liệu.`,
  clean: 'Không có lỗi nào.',
  problem: (severity: 'error' | 'warning', sheet: string, row: number, column: string, message: string) =>
    `[${SEVERITY_LABEL[severity]}] ${sheet}, dòng ${row}${column ? `, cột ${q(column)}` : ''}: ${message}`,
} as const;

export const CLI_REPORT = {
  title: (period: string, today: string) => `BÁO CÁO TỔNG HỢP KỲ ${period} (lập ngày ${today})`,
  datedToday: (today: string) =>
    `Lưu ý: số liệu tổng hợp đến ngày ${today} (hôm nay) và văn bản đề ngày ${today}; dùng --today YYYY-MM-DD để tổng hợp đến ngày khác, --date YYYY-MM-DD để ghi ngày khác trên văn bản.`,
  noSigner: 'Lưu ý: chưa có "Người ký" trong trang Cấu hình; văn bản để dòng trống để ghi họ tên người ký.',
  form: (tab: string, group: string) => `${tab} (${group})`,
  due: (day: string | null, oneOff: string | null) =>
    day
      ? `  Hạn nộp: trước ngày ${day}`
      : oneOff
        ? `  ${upperFirst(ONE_OFF_TEXT.reported(oneOff))}: ${ONE_OFF_TEXT.notDue}.`
        : '  Kỳ này không có hạn nộp.',
  counts: (expected: number, reported: number, onTime: number, late: number, unknownTime: number) =>
    `  Phải báo cáo: ${expected}; đã báo cáo: ${reported} (đúng hạn ${onTime}, muộn ${late}${unknownTime ? `, không rõ thời điểm ${unknownTime}` : ''})`,
  reportedOnly: (reported: number) => `  Đã báo cáo: ${reported} đơn vị`,
  rates: (completeness: string, timeliness: string) => `  Tỷ lệ báo cáo: ${completeness || '—'}; tỷ lệ đúng hạn: ${timeliness || '—'}`,
  installRate: (rate: string) => `  Tỷ lệ cài đặt i-Speed: ${rate || '—'}`,
  list: (label: string, names: string[]) => `  ${label}: ${names.length ? names.join('; ') : 'không có'}`,
  missing: 'Chưa báo cáo',
  invalid: 'Báo cáo còn lỗi',
  pending: 'Chưa đến hạn, chưa nộp',
  indicatorsTitle: '  Chỉ tiêu:',
  /** A stock is one figure (its header says "đến nay"); a flow, the period's (its header says "trong kỳ") and the running total. */
  stock: (header: string, value: string, carried: string) => `    - ${header}: ${value}${carried ? ` — ${carried}` : ''}`,
  flow: (header: string, period: string, cumulative: string) => `    - ${header}: ${period}; lũy kế ${cumulative}`,
} as const;

export const CLI_REMIND = {
  title: (day: string, count: number, dryRun: boolean) =>
    `Ngày ${day}: ${count} email ${dryRun ? 'sẽ gửi (chạy thử, chưa gửi)' : 'đã ghi ra thư mục'}.`,
  none: 'Không có email nào cần gửi.',
  email: (step: string, who: string, to: string, subject: string) => `  [${step}] ${who} <${to}>: ${subject}`,
  digest: 'Bản tổng hợp gửi quản trị',
  skippedTitle: (n: number) => `Bỏ qua ${n} lượt:`,
  skipped: (step: string, who: string, period: string, reason: string) => `  [${step}] ${who}, kỳ ${period}: ${reason}`,
  reasons: {
    reported: 'đã báo cáo',
    already_sent: 'đã gửi trước đó',
    quota: 'hết hạn mức gửi trong ngày, gửi ở lần chạy sau',
    bad_email: 'địa chỉ email trong danh mục không hợp lệ',
    weekend: 'cuối tuần, dời sang ngày làm việc',
  } as Record<string, string>,
  outbox: (dir: string) => `Các email đã ghi vào thư mục ${dir}; Nhật ký đã được cập nhật.`,
} as const;
