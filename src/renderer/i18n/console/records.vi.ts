/**
 * Vietnamese messages of the console's household records (`console.records.*`): the list's
 * search and filters, and a household's history of visits and revisions.
 */
export const recordsVi = {
  searchPlaceholder:
    'Tên chủ hộ hoặc thành viên (không cần dấu), số điện thoại, số định danh, tên thôn',
  searchHint: 'Số điện thoại và số định danh phải gõ đủ.',
  visitResult: 'Kết quả khảo sát',
  allResults: 'Mọi kết quả',
  reviewState: 'Trạng thái duyệt',
  allStates: 'Mọi trạng thái',
  totalCapped: 'Hơn {{count, number}} hộ',
  searchCapped: 'Hơn {{count, number}} hộ khớp — gõ thêm tên hoặc chọn xã, thôn để thu hẹp',
  windowNote:
    'Chỉ hiện {{count, number}} hộ đầu tiên theo thứ tự mới nhất. Chọn thêm bộ lọc để xem các hộ khác.',
  columns: {
    review: 'Duyệt',
    select: 'Chọn hộ {{name}}',
    selectPage: 'Chọn cả trang',
  },
  detail: {
    tabs: {
      answers: 'Thông tin hộ',
      history: 'Lịch sử ({{count, number}} lần lưu)',
      review: 'Duyệt và trao đổi ({{count, number}})',
      conflicts: 'Xung đột đang mở ({{count, number}})',
    },
    conflictsIntro:
      'Hai máy cùng sửa một câu trả lời. Giá trị mới hơn đang được dùng; chọn giá trị ở trang Xung đột dữ liệu.',
    openConflicts: 'Mở trang Xung đột dữ liệu',
  },
  history: {
    visitsTitle: 'Các lần khảo sát ({{count, number}})',
    visit: 'Lần khảo sát ngày {{date}}',
    visitSaves_one: '{{count, number}} lần lưu',
    visitSaves_other: '{{count, number}} lần lưu',
    otherRevisions: 'Bản ghi không thuộc lần khảo sát nào đã nhận',
    truncated: 'Hộ này có quá nhiều bản ghi: chỉ hiện {{count, number}} bản mới nhất.',
    savedAt: 'Lưu trên máy lúc {{time}}',
    receivedAt: 'Máy chủ nhận lúc {{time}}',
    device: 'Máy: {{name}}',
    unknownDevice: 'Máy {{id}}',
    enumerator: 'Người khảo sát: {{name}}',
    noEnumerator: 'Không ghi người khảo sát',
    server: 'Máy chủ (khi giải quyết xung đột)',
    settledBy: 'Do {{name}} chọn giá trị khi giải quyết xung đột',
    current: 'Đang dùng',
    rejected: 'Bị từ chối',
    rejectedReason: 'Lý do: {{reason}}',
    created: 'Tạo hộ: {{answers, number}} câu trả lời, {{members, number}} thành viên',
    baseMissing: 'Bản trước của lần lưu này không có trên máy chủ: so với phiếu trống.',
    noChanges: 'Không thay đổi câu trả lời nào.',
    question: 'Câu hỏi',
    before: 'Trước',
    after: 'Sau',
    memberAdded: 'Thêm thành viên: {{name}}',
    memberRemoved: 'Bớt thành viên: {{name}}',
    member: 'Thành viên {{n}}',
  },
}

export type RecordsMessages = typeof recordsVi
