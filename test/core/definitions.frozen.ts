// A frozen copy of the hand-written FORMS literal of src/core/forms/schema.ts as it stood before the forms became
// data (commit 3af5df2): the built-in template read from its rows must equal it field by field.
import type { FormId } from '../../src/core/types';
import type { BoundRule, ColumnSpec, FormSpec } from '../../src/core/forms/schema';

const HEADER_UNIT = 'Đơn vị';
const HEADER_PERIOD = 'Kỳ báo cáo';

const stockHelp = 'Chỉ tiêu lũy kế (đến nay): nhập con số tính đến cuối kỳ báo cáo, không cộng dồn qua các tháng. Số nguyên ≥ 0.';
const flowHelp = 'Chỉ tiêu trong kỳ: chỉ nhập số phát sinh trong tháng báo cáo. Số nguyên ≥ 0.';

function stock(key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, header, type: 'int', required: true, kind: 'stock', help: stockHelp, width: 150, ...extra };
}
function flow(key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, header, type: 'int', required: true, kind: 'flow', help: flowHelp, width: 150, ...extra };
}

const leading: ColumnSpec[] = [
  { key: 'seq', header: 'STT', type: 'text', required: false, help: 'Số thứ tự (không bắt buộc).', width: 50 },
  {
    key: 'unit',
    header: HEADER_UNIT,
    type: 'unit',
    required: true,
    help: 'Chọn tên đơn vị trong danh sách (theo Danh mục đơn vị).',
    width: 220,
  },
  { key: 'period', header: HEADER_PERIOD, type: 'period', required: true, help: 'Tháng báo cáo, dạng MM/YYYY, ví dụ 07/2024.', width: 100 },
];

function staff(form: FormId): ColumnSpec[] {
  const people = form === '04' ? 'cán bộ, nhân viên' : 'CBCCVC, NLĐ';
  return [
    stock('staff_total', form === '04' ? 'Tổng số cán bộ, nhân viên' : 'Tổng số CBCCVC, NLĐ', {
      min: 1,
      help: `Tổng số ${people} của đơn vị tại cuối kỳ. Số nguyên ≥ 1.`,
    }),
    stock('staff_installed', `Số ${people} đã cài đặt i-Speed (đến nay)`, {
      help: `Số ${people} đã cài đặt ứng dụng i-Speed tính đến cuối kỳ (lũy kế, không vượt tổng số). Số nguyên ≥ 0.`,
    }),
    stock('relatives_guided', 'Số người thân được hướng dẫn cài đặt (đến nay)'),
  ];
}

function trailing(hasLinks: boolean): ColumnSpec[] {
  return [
    { key: 'reporter', header: 'Người báo cáo', type: 'text', required: true, help: 'Họ và tên người lập báo cáo.', width: 160 },
    {
      key: 'phone',
      header: 'Số điện thoại',
      type: 'phone',
      required: false,
      help: 'Số điện thoại liên hệ, ví dụ 0912 345 678 hoặc 0269 3823 456.',
      width: 120,
    },
    ...(hasLinks
      ? [
          {
            key: 'links',
            header: 'Đường dẫn tin bài',
            type: 'links' as const,
            required: false,
            help: 'Đường dẫn (link) các tin, bài đã đăng; nhiều link cách nhau bằng dấu cách, dấu phẩy hoặc xuống dòng.',
            width: 220,
          },
        ]
      : []),
    { key: 'note', header: 'Ghi chú', type: 'text', required: false, help: 'Ghi chú thêm (không bắt buộc).', width: 160 },
    {
      key: 'submitted_at',
      header: 'Thời điểm nộp',
      type: 'datetime',
      required: false,
      scriptOwned: true,
      help: 'Do hệ thống ghi: thời điểm dòng báo cáo lần đầu hợp lệ. Không nhập vào cột này.',
      width: 130,
    },
    {
      key: 'updated_at',
      header: 'Cập nhật lần cuối',
      type: 'datetime',
      required: false,
      scriptOwned: true,
      help: 'Do hệ thống ghi: lần sửa gần nhất của dòng. Không nhập vào cột này.',
      width: 130,
    },
    {
      key: 'status',
      header: 'Kiểm tra',
      type: 'status',
      required: false,
      scriptOwned: true,
      help: 'Do hệ thống ghi: kết quả kiểm tra dòng; di chuột vào ô để xem chi tiết lỗi.',
      width: 110,
    },
  ];
}

function form(
  id: FormId,
  group: string,
  indicators: ColumnSpec[],
  opts: { bounds?: BoundRule[]; multiple?: boolean; monthly: boolean; links: boolean },
): FormSpec {
  return {
    id,
    tab: `Biểu mẫu ${id}`,
    group,
    columns: [...leading, ...staff(id), ...indicators, ...trailing(opts.links)],
    bounds: [{ key: 'staff_installed', max: { column: 'staff_total' } }, ...(opts.bounds ?? [])],
    multipleRowsPerPeriod: !!opts.multiple,
    monthly: opts.monthly,
    dueDay: null,
    dueDate: null,
    reminders: true,
  };
}

export const FROZEN_FORMS: readonly FormSpec[] = [
  form(
    '01',
    'Sở, ban, ngành cấp tỉnh',
    [flow('portal_posts', 'Số tin, bài trên cổng/trang TTĐT (trong kỳ)'), flow('social_posts', 'Số tin, bài trên mạng xã hội (trong kỳ)')],
    { monthly: false, links: true },
  ),
  form(
    '02',
    'Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai',
    [
      flow('print_items', 'Số tin, bài trên báo in (trong kỳ)'),
      flow('online_items', 'Số tin, bài trên báo điện tử (trong kỳ)'),
      flow('radio_items', 'Số tin, phóng sự phát thanh (trong kỳ)'),
      flow('tv_items', 'Số tin, phóng sự truyền hình (trong kỳ)'),
      flow('airtime_minutes', 'Thời lượng phát sóng, phút (trong kỳ)', {
        type: 'decimal',
        help: 'Tổng thời lượng phát sóng trong kỳ, tính bằng phút; được nhập số thập phân (ví dụ 12,5). Số ≥ 0.',
      }),
      flow('social_posts', 'Số tin, bài trên mạng xã hội (trong kỳ)'),
    ],
    { monthly: false, links: true, multiple: true },
  ),
  form(
    '03',
    'UBND các huyện, thị xã, thành phố',
    [
      stock('communes_active', 'Số xã, phường, thị trấn đã triển khai (đến nay)', {
        help: 'Số xã, phường, thị trấn đã triển khai tuyên truyền tính đến cuối kỳ (không vượt số xã của đơn vị trong Danh mục). Số nguyên ≥ 0.',
      }),
      stock('villages_active', 'Số thôn, làng, tổ dân phố đã triển khai (đến nay)'),
      flow('loudspeaker_broadcasts', 'Số lượt phát trên hệ thống truyền thanh cơ sở (trong kỳ)'),
      stock('digital_teams', 'Số tổ công nghệ số cộng đồng tham gia (đến nay)'),
      flow('residents_guided', 'Số người dân được hướng dẫn cài đặt (trong kỳ)'),
      flow('portal_posts', 'Số tin, bài trên cổng/trang TTĐT (trong kỳ)'),
      flow('social_posts', 'Số tin, bài trên mạng xã hội (trong kỳ)'),
      flow('samples', 'Số mẫu đo i-Speed trên địa bàn (trong kỳ)', {
        required: false,
        help: 'Số mẫu đo tốc độ bằng i-Speed trên địa bàn trong tháng (không bắt buộc); chỉ tiêu của Bộ: từ 300 mẫu/tháng. Số nguyên ≥ 0.',
      }),
    ],
    { monthly: true, links: true, bounds: [{ key: 'communes_active', max: { unitField: 'communes' } }] },
  ),
  form(
    '04',
    'Doanh nghiệp bưu chính, viễn thông',
    [
      stock('service_points', 'Tổng số điểm giao dịch (đến nay)'),
      stock('service_points_active', 'Số điểm giao dịch đã tuyên truyền (đến nay)'),
      flow('leaflets', 'Số tờ rơi đã phát (trong kỳ)'),
      stock('screens', 'Số màn hình điện tử trình chiếu (đến nay)'),
      flow('customers_guided', 'Số khách hàng được hướng dẫn cài đặt (trong kỳ)'),
      flow('messages_sent', 'Số tin nhắn SMS/OTT gửi khách hàng (trong kỳ)'),
    ],
    { monthly: true, links: false, bounds: [{ key: 'service_points_active', max: { column: 'service_points' } }] },
  ),
];
