// The note the script keeps on each `Thời điểm nộp` cell: what the stamp was written for.

export const STAMP_TEXT = {
  /** The readable part of the note; the machine line after it is what the script reads back. */
  note: (unit: string, period: string) =>
    `Thời điểm nộp do hệ thống ghi cho đơn vị ${unit}, kỳ ${period}. Ghi chú này đi theo dòng khi sắp xếp hay cắt dán, để giữ đúng thời điểm nộp; không sửa hay xoá ghi chú này.`,
  /** A unit or period the check could not read. */
  unknown: 'chưa xác định',
};
