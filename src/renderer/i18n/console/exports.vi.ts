/**
 * Vietnamese messages of the export page (`console.exports.*`): making an XLSX or CSV file
 * of households, members and indicators, watching it being written, downloading it.
 */
export const exportsVi = {
  title: 'Xuất dữ liệu',
  intro:
    'Tải về danh sách hộ, thành viên và chỉ số để làm báo cáo. Máy chủ chuẩn bị tệp trong nền; xong thì có nút tải về.',
  newTitle: 'Tạo tệp mới',
  format: 'Định dạng',
  formats: {
    xlsx: 'Excel (XLSX)',
    csv: 'CSV',
  },
  formatHints: {
    xlsx: 'Một tệp Excel gồm các trang: hộ gia đình, thành viên, chỉ số theo xã và thôn, thông tin.',
    csv: 'Hai tệp CSV (hộ gia đình, thành viên) để đưa vào phần mềm thống kê.',
  },
  commune: 'Xã / Phường',
  allCommunes: 'Toàn tỉnh',
  village: 'Thôn / Tổ dân phố',
  allVillages: 'Tất cả các thôn',
  chooseCommuneFirst: 'Chọn xã trước',
  visitResult: 'Kết quả khảo sát',
  allResults: 'Tất cả',
  from: 'Khảo sát từ ngày',
  to: 'Đến ngày',
  datePlaceholder: 'dd/mm/yyyy',
  create: 'Tạo tệp xuất',
  recentTitle: 'Các lần xuất gần đây',
  recentHint: 'Tệp được giữ trên máy chủ 24 giờ rồi tự xoá. Chỉ bạn thấy và tải được tệp mình tạo.',
  emptyTitle: 'Chưa xuất lần nào',
  empty: 'Chọn phạm vi ở trên rồi bấm "Tạo tệp xuất".',
  columns: {
    createdAt: 'Tạo lúc',
    what: 'Nội dung',
    status: 'Tình trạng',
    files: 'Tệp',
  },
  scope: {
    province: 'Toàn tỉnh',
    result: 'Kết quả: {{result}}',
    from: 'từ {{date}}',
    to: 'đến {{date}}',
  },
  status: {
    queued: 'Đang chờ',
    running: 'Đang ghi',
    done: 'Xong',
    failed: 'Không xong',
    expired: 'Đã xoá tệp',
  },
  phases: {
    households: 'Đang ghi hộ: {{written, number}} / {{total, number}}',
    members: 'Đang ghi thành viên: {{written, number}} / {{total, number}}',
    finishing: 'Đang đóng tệp…',
  },
  counted: '{{households, number}} hộ, {{members, number}} thành viên',
  waiting: 'Chờ lượt ghi…',
  preparing: 'Đang chuẩn bị (đếm số hộ)…',
  expiresAt: 'Giữ đến {{time}}',
  failed: {
    interrupted: 'Máy chủ đã dừng khi đang ghi. Hãy tạo lại tệp.',
    other: 'Có lỗi khi ghi tệp ({{code}}). Hãy tạo lại; nếu vẫn lỗi, báo quản trị tỉnh.',
  },
  download: 'Tải {{name}}',
  fileKinds: {
    workbook: 'Tệp Excel',
    households: 'Hộ gia đình',
    members: 'Thành viên',
  },
  delete: 'Xoá',
  deleteLabel: 'Xoá lần xuất này',
  errors: {
    export_busy:
      'Bạn đang có 2 tệp chờ hoặc đang ghi. Hãy đợi một tệp xong (hoặc xoá bớt) rồi tạo tiếp.',
    export_not_ready: 'Tệp này chưa xong hoặc đã bị xoá. Hãy tạo lại.',
    exports_unavailable: 'Máy chủ chưa có thư mục dữ liệu để ghi tệp. Báo quản trị máy chủ.',
  },
}

export type ExportsMessages = typeof exportsVi
