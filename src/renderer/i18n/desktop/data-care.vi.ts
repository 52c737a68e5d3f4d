/**
 * Vietnamese messages of the "Dữ liệu và sao lưu" screen: the data folder, backups and
 * restoring one, the support bundle (`dataCare.*` in the app catalog).
 */
export const dataCareVi = {
  menu: 'Dữ liệu và sao lưu…',
  title: 'Dữ liệu và sao lưu',
  back: 'Các thôn',
  folderTitle: 'Thư mục dữ liệu',
  folderHint:
    'Toàn bộ dữ liệu khảo sát của máy này nằm trong thư mục dưới đây, thuộc thư mục dữ liệu người dùng của hệ điều hành. Bản sao lưu và nhật ký nằm ngay bên trong.',
  databaseSize: 'Dữ liệu đang dùng: {{size}}',
  copy: 'Chép đường dẫn',
  copied: 'Đã chép',
  backupsTitle: 'Sao lưu',
  backupsHint:
    'Mỗi ngày máy tự sao lưu một lần khi Làng Số đang mở và giữ {{auto}} bản gần nhất. Bấm "Sao lưu ngay" trước khi mang máy đi xa, sửa máy hay cài lại.',
  backupNow: 'Sao lưu ngay',
  backedUp: 'Đã sao lưu lúc {{time}}.',
  noBackups: 'Chưa có bản sao lưu nào.',
  colTime: 'Thời điểm',
  colKind: 'Loại',
  colSize: 'Dung lượng',
  kind: {
    auto: 'Tự động hằng ngày',
    manual: 'Sao lưu ngay',
    'pre-restore': 'Trước khi khôi phục',
  },
  restore: 'Khôi phục…',
  restoreTitle: 'Khôi phục bản sao lưu lúc {{time}}',
  checking: 'Đang kiểm tra bản sao lưu…',
  checksTitle: 'Bản sao lưu đã qua các bước kiểm tra',
  checks: {
    integrity: 'Tệp nguyên vẹn, không hỏng',
    schema: 'Mở được bằng phiên bản Làng Số này',
    dataKey: 'Đúng khoá mã hoá dữ liệu của máy này',
    device: 'Đúng là dữ liệu của chính máy này',
  },
  backupHolds:
    'Bản sao lưu có {{households}} hộ, {{pending}} bản ghi chưa gửi và {{drafts}} phiếu đang làm dở.',
  nothingLost:
    'Không mất việc gì: mọi bản ghi chưa gửi và phiếu đang làm trên máy đều có trong bản sao lưu.',
  lossTitle: 'Những việc chưa gửi này sẽ mất',
  lossHint:
    'Các hộ và phiếu dưới đây chưa được tỉnh nhận và không có trong bản sao lưu. Khôi phục sẽ bỏ chúng khỏi dữ liệu đang dùng. Máy vẫn giữ một bản "Trước khi khôi phục" để cán bộ hỗ trợ lấy lại khi cần.',
  lostRecords: 'Hộ có bản ghi chưa gửi: {{count}}',
  lostDrafts: 'Phiếu đang làm dở: {{count}}',
  colHead: 'Chủ hộ',
  colVillage: 'Thôn',
  colVisitDate: 'Ngày khảo sát',
  colState: 'Tình trạng',
  colUpdated: 'Sửa lần cuối',
  noHeadName: '(chưa có tên chủ hộ)',
  recordState: {
    pending: 'Chưa gửi',
    awaiting: 'Đã gửi, chờ biên nhận',
    rejected: 'Bị tỉnh từ chối',
  },
  draftChange: {
    missing: 'Không có trong bản sao lưu',
    older: 'Bản sao lưu là bản cũ hơn',
  },
  sentNotInBackup:
    '{{count}} bản ghi đã gửi lên tỉnh sau lần sao lưu này: tỉnh vẫn giữ, nhưng máy này sẽ không còn.',
  teamNotInBackup: '{{count}} thành viên tổ thêm sau lần sao lưu này sẽ không còn trong danh sách.',
  enrolmentDiffers:
    'Máy đã đăng ký lại sau lần sao lưu này: khôi phục sẽ đưa máy về lần đăng ký cũ, có thể phải đăng ký lại.',
  confirmLoss: 'Tôi đã xem danh sách trên và đồng ý bỏ những việc đó',
  confirm: 'Khôi phục và khởi động lại',
  restarting: 'Đã chọn bản sao lưu. Làng Số đang khởi động lại để khôi phục…',
  lastRestored: 'Đã khôi phục bản sao lưu lúc {{backup}} (vào {{time}}).',
  lastRestoreSafety: 'Dữ liệu ngay trước khi khôi phục được giữ trong bản "Trước khi khôi phục".',
  lastRestoreFailed: 'Lần khôi phục vào {{time}} không thành: {{reason}} Dữ liệu vẫn như trước.',
  diagnosticsTitle: 'Thông tin gửi cán bộ hỗ trợ',
  diagnosticsHint:
    'Tạo một tệp nén gồm nhật ký, phiên bản ứng dụng và số liệu về dữ liệu (số bản ghi, dung lượng) để gửi cán bộ hỗ trợ của tỉnh. Tệp không có tên, số điện thoại, số định danh hay câu trả lời nào.',
  exportDiagnostics: 'Xuất tệp chẩn đoán',
  diagnosticsSaved: 'Đã tạo tệp {{name}} ({{size}}).',
  logsAt: 'Nhật ký nằm ở: {{path}}',
  errors: {
    backup_not_found: 'Không tìm thấy bản sao lưu này nữa. Mở lại màn hình để xem danh sách mới.',
    backup_damaged:
      'Bản sao lưu này bị hỏng (tệp không nguyên vẹn) nên không khôi phục được. Hãy chọn một bản khác.',
    backup_incompatible:
      'Bản sao lưu này do phiên bản Làng Số khác tạo ra nên không mở được. Hãy chọn một bản khác.',
    backup_other_key:
      'Bản sao lưu này được mã hoá bằng khoá khác, máy này không đọc được. Hãy chọn một bản khác.',
    backup_other_device: 'Bản sao lưu này là của máy khác, không khôi phục lên máy này được.',
    restore_loss_not_confirmed:
      'Trong lúc chờ xác nhận đã có thêm việc mới trên máy. Hãy mở lại bước khôi phục để xem danh sách mới.',
    backup_busy: 'Máy đang sao lưu. Chờ một lát rồi thử lại.',
    backup_failed:
      'Không ghi được bản sao lưu (ổ đĩa có thể đã đầy). Dữ liệu đang dùng không bị ảnh hưởng.',
  },
  size: {
    kb: '{{value}} KB',
    mb: '{{value}} MB',
  },
}

export type DataCareMessages = typeof dataCareVi
