import { consoleVi } from './console.vi'
import { dataCareVi } from './desktop/data-care.vi'

/**
 * Vietnamese messages: the source of truth for every UI text of the desktop app and the
 * province console. Wording is what a commune officer says, not a translation of English
 * software jargon. `{{name}}` marks a value filled in at run time.
 */
export const vi = {
  app: {
    name: 'Làng Số',
    consoleName: 'Làng Số — Bảng điều khiển tỉnh',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    back: 'Quay lại',
    close: 'Đóng',
    cancel: 'Huỷ',
    place: '{{commune}}, {{province}}',
    screenFailed:
      'Màn hình này gặp lỗi. Phiếu đang làm đã được lưu nháp, không bị mất. Bấm "Tải lại" để mở lại.',
    reload: 'Tải lại',
    home: 'Về màn hình đầu',
  },
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  answer: {
    yes: 'Có',
    no: 'Không',
    empty: '—',
    clear: 'Bỏ chọn',
  },
  errors: {
    title: 'Có lỗi xảy ra',
    no_server_url:
      'Chưa có địa chỉ máy chủ. Bấm nút "Máy chủ" ở góc trên để nhập địa chỉ máy chủ của tỉnh.',
    server_unreachable:
      'Không kết nối được máy chủ. Kiểm tra mạng hoặc địa chỉ máy chủ rồi bấm "Đồng bộ" lại. Dữ liệu vẫn được giữ an toàn trên máy.',
    bad_receipt:
      'Máy chủ trả lời không hợp lệ nên chưa đánh dấu đã gửi. Bấm "Đồng bộ" lại; nếu vẫn lỗi, báo cho cán bộ tỉnh.',
    bad_pull:
      'Dữ liệu tải về từ máy chủ không hợp lệ nên chưa được dùng. Bấm "Đồng bộ" lại; nếu vẫn lỗi, báo cho cán bộ tỉnh.',
    sync_refused:
      'Máy chủ từ chối nhận đợt gửi này. Dữ liệu vẫn được giữ trên máy; hãy báo cho cán bộ tỉnh kiểm tra máy này.',
    unknown_call: 'Phần mềm trên máy này chưa khớp phiên bản. Hãy khởi động lại ứng dụng.',
    server_error:
      'Máy chủ đang gặp sự cố. Dữ liệu vẫn được giữ trên máy; hãy thử đồng bộ lại sau ít phút.',
    internal:
      'Có lỗi trong phần mềm. Dữ liệu đã lưu không bị mất. Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ kỹ thuật.',
    invalid_input: 'Thông tin gửi đi không hợp lệ. Kiểm tra lại những gì vừa nhập rồi thử lại.',
    not_found: 'Không tìm thấy hồ sơ này. Có thể nó đã bị xoá; hãy quay lại danh sách.',
    network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi tải lại trang.',
    bad_response:
      'Máy chủ trả lời không đúng dạng. Tải lại trang; nếu vẫn lỗi, báo cho cán bộ kỹ thuật.',
    cancelled:
      'Đồng bộ đã dừng vì ứng dụng đang đóng. Dữ liệu vẫn ở trên máy; mở lại rồi bấm "Đồng bộ".',
    untrusted_sender:
      'Yêu cầu không đến từ cửa sổ của ứng dụng nên bị chặn. Hãy khởi động lại ứng dụng.',
    team_name_taken:
      'Trong tổ đã có người tên này. Thêm chữ để phân biệt, ví dụ tên đệm hoặc tên thôn.',
    team_member_inactive:
      'Người này đã ngừng khảo sát. Chọn người khác, hoặc bấm "Dùng lại" trong danh sách tổ.',
    data_unreadable:
      'Không đọc được một phần dữ liệu đã mã hoá trên máy. Đừng xoá gì; hãy báo cho cán bộ kỹ thuật.',
    data_key_unavailable:
      'Máy không mở được khoá bảo vệ dữ liệu. Hãy đăng nhập đúng tài khoản Windows đã dùng để khảo sát, rồi mở lại ứng dụng.',
    data_key_mismatch:
      'Khoá bảo vệ dữ liệu không khớp với dữ liệu trên máy. Đừng xoá gì; hãy báo cho cán bộ kỹ thuật.',
    store_migration_failed:
      'Không cập nhật được kho dữ liệu trên máy. Dữ liệu cũ vẫn còn; hãy báo cho cán bộ kỹ thuật.',
    unknown_form: 'Máy này không có mẫu phiếu của hồ sơ này. Hãy đồng bộ để nhận mẫu phiếu mới.',
    not_enrolled:
      'Máy này chưa được đăng ký với máy chủ tỉnh. Hãy đăng ký máy (Cài đặt → Đăng ký máy) bằng mã do cán bộ tỉnh cấp.',
    device_revoked:
      'Tỉnh đã thu hồi quyền gửi dữ liệu của máy này. Dữ liệu vẫn ở trên máy, không bị xoá; hãy liên hệ cán bộ tỉnh để được đăng ký lại.',
    enrolment_code_invalid:
      'Mã đăng ký không đúng hoặc đã bị huỷ. Kiểm tra lại từng ký tự (mã gồm 12 ký tự, dạng XXXX-XXXX-XXXX).',
    enrolment_code_expired: 'Mã đăng ký đã hết hạn. Hãy xin cán bộ tỉnh cấp mã mới.',
    enrolment_code_used:
      'Mã đăng ký này đã được dùng cho một máy khác. Mỗi mã chỉ dùng một lần; hãy xin cán bộ tỉnh cấp mã mới.',
    rate_limited:
      'Đã nhập sai mã quá nhiều lần. Hãy đợi khoảng 15 phút rồi thử lại, hoặc nhờ cán bộ tỉnh kiểm tra mã.',
    province_key_mismatch:
      'Khoá của máy chủ không khớp với khoá của tỉnh mà máy này tin cậy. Có thể đây không phải máy chủ của tỉnh: đừng tiếp tục, hãy báo cho cán bộ tỉnh.',
    enrolment_file_invalid:
      'Tệp đăng ký không hợp lệ hoặc đã bị sửa đổi. Hãy xin cán bộ tỉnh tải lại tệp đăng ký.',
    invalid_server_url:
      'Địa chỉ máy chủ chưa đúng. Nhập đầy đủ, bắt đầu bằng http:// hoặc https://',
    server_answer_invalid:
      'Địa chỉ này không phải máy chủ Làng Số của tỉnh, hoặc máy chủ trả lời không đúng dạng. Kiểm tra lại địa chỉ.',
    nothing_to_export: 'Không có hồ sơ nào chờ gửi nên không có gì để xuất.',
    receipt_file_invalid:
      'Tệp này không phải biên nhận của Làng Số. Hãy chọn tệp biên nhận (đuôi .langso-receipt) mà cán bộ tỉnh tải về sau khi nhập tệp gửi của máy này.',
    receipt_other_province:
      'Biên nhận này không do máy chủ của tỉnh mà máy này đã đăng ký ký xác nhận, nên không được dùng. Không có gì thay đổi; hãy xin cán bộ tỉnh tải lại biên nhận.',
    receipt_signature_invalid:
      'Chữ ký trên biên nhận không khớp: tệp đã bị hỏng hoặc bị sửa. Không có gì thay đổi; hãy xin cán bộ tỉnh tải lại biên nhận.',
    receipt_unknown_batch:
      'Biên nhận này dành cho một tệp gửi không phải do máy này xuất ra. Không có gì thay đổi; hãy chọn đúng biên nhận của máy này.',
    receipt_mismatch:
      'Biên nhận không khớp với các hồ sơ trong tệp gửi của máy này nên không được dùng. Không có gì thay đổi; hãy báo cho cán bộ tỉnh.',
    receipt_already_applied: 'Biên nhận này đã được nhập trước đó. Không có gì thay đổi.',
    unknown:
      'Có lỗi không xác định (mã: {{code}}). Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ kỹ thuật.',
  },
  sync: {
    button: 'Đồng bộ',
    running: 'Đang gửi dữ liệu lên máy chủ…',
    pending: '{{count, number}} phiếu chờ gửi',
    awaiting: '{{count, number}} phiếu chờ biên nhận',
    allSent: 'Đã gửi hết',
    rejectedLeft: '{{count, number}} phiếu bị từ chối',
    resultTitle: 'Đồng bộ xong',
    resultSent:
      'Đã gửi {{sent, number}} hồ sơ: {{accepted, number}} được nhận, {{duplicate, number}} máy chủ đã có, {{rejected, number}} bị từ chối.',
    resultNothing: 'Không có hồ sơ nào cần gửi. Mọi hộ đều đã được gửi.',
    resultRejectedHint: 'Hộ bị từ chối có nhãn đỏ "Bị từ chối" — mở hộ để xem lý do và sửa lại.',
    errorTitle: 'Chưa đồng bộ được',
    settingsTitle: 'Máy chủ của tỉnh',
    serverUrl: 'Địa chỉ máy chủ',
    serverUrlHint: 'Do cán bộ tỉnh cung cấp, ví dụ http://192.168.1.10:8080',
    serverUrlInvalid: 'Địa chỉ chưa đúng. Nhập đầy đủ, bắt đầu bằng http:// hoặc https://',
    serverUrlSave: 'Lưu địa chỉ',
    serverUrlSaved: 'Đã lưu địa chỉ máy chủ.',
    lastSync: 'Lần đồng bộ gần nhất: {{time}}',
    neverSynced: 'Chưa đồng bộ lần nào.',
    clockBehind: 'Đồng hồ máy đang chậm hơn lần đồng bộ trước — hãy chỉnh lại giờ',
    openConflicts: '{{count, number}} xung đột chờ xử lý',
    counts:
      'Chờ gửi: {{pending, number}} · Đã gửi: {{sent, number}} · Bị từ chối: {{rejected, number}}',
  },
  syncState: {
    pending: 'Chờ gửi',
    awaiting: 'Chờ biên nhận',
    sent: 'Đã gửi',
    rejected: 'Bị từ chối',
    rejectedHint: 'Mở hộ để xem lý do bị từ chối',
    awaitingUploadHint:
      'Hồ sơ đã được gửi đi trong một lô lúc {{time}} nhưng chưa nhận được biên nhận của tỉnh. Hồ sơ sẽ được đánh dấu "Đã gửi" khi có biên nhận: tự động ở lần đồng bộ tới.',
    awaitingExportHint:
      'Hồ sơ đã được xuất vào tệp gửi (USB) lúc {{time}}. Hồ sơ sẽ được đánh dấu "Đã gửi" khi có biên nhận của tỉnh: ở lần đồng bộ qua mạng tới, hoặc khi nạp tệp biên nhận bằng "Nhập biên nhận (USB)".',
  },
  rejectReasons: {
    validation_failed: 'Phiếu thiếu hoặc sai thông tin bắt buộc, cần sửa lại',
    invalid_response: 'Phiếu có thông tin chưa hợp lệ',
    wrong_commune: 'Hộ không thuộc xã của máy này',
    unknown_form: 'Máy chủ không có mẫu phiếu này',
    unknown_village: 'Thôn không có trong danh sách của xã',
    other: 'Lý do: {{reason}}',
  },
  villages: {
    title: 'Các thôn',
    empty: 'Xã chưa có thôn nào trên máy này. Hãy đồng bộ với máy chủ tỉnh để nhận danh sách thôn.',
    draftsOpen: '{{count, number}} phiếu đang làm',
    progressLabel: 'Đã đến {{visited, number}} trên {{registered, number}} hộ',
    progressNoRegister: 'Đã đến {{visited, number}} hộ (chưa có số hộ đăng ký)',
    stats: {
      registered: 'Đăng ký',
      visited: 'Đã đến',
      completed: 'Hoàn thành',
      absent: 'Vắng nhà',
      refused: 'Từ chối',
      moved: 'Không còn ở',
      notVisited: 'Chưa đến',
      pending: 'Chờ gửi',
      awaiting: 'Chờ biên nhận',
      drafts: 'Đang làm dở',
    },
  },
  village: {
    tabHouseholds: 'Danh sách hộ',
    tabProgress: 'Tiến độ và chỉ số',
  },
  start: {
    draftsTitle: 'Tiếp tục phiếu đang làm ({{count, number}})',
    unnamedDraft: 'Hộ mới, chưa có tên chủ hộ',
    newHousehold: 'hộ mới',
    revisit: 'khảo sát lại',
    updatedAt: 'sửa lúc {{time}}',
    resume: 'Tiếp tục',
    resumeLabel: 'Tiếp tục phiếu của {{name}}',
  },
  team: {
    pickerTitle: 'Ai đang khảo sát?',
    manage: 'Sửa danh sách tổ',
    emptyPicker: 'Chưa có ai trong danh sách tổ. Thêm tên người khảo sát để ghi vào mỗi phiếu.',
    addFirst: 'Thêm người',
    recordingAs: 'Người khảo sát: {{name}}',
    nobody: 'Chưa chọn người khảo sát',
    dialogTitle: 'Tổ khảo sát',
    dialogHint:
      'Những người cùng dùng máy này để khảo sát. Người đã nghỉ thì bấm "Ngừng": tên vẫn giữ trong các phiếu cũ.',
    empty: 'Chưa có ai. Nhập tên người đầu tiên ở dưới.',
    inactive: 'đã ngừng',
    rename: 'Đổi tên',
    saveName: 'Lưu tên',
    newName: 'Tên mới',
    deactivate: 'Ngừng',
    activate: 'Dùng lại',
    addLabel: 'Thêm người vào tổ',
    addPlaceholder: 'Họ và tên, ví dụ Hoàng Thị Lan',
    add: 'Thêm',
    nameRequired: 'Hãy nhập họ và tên.',
  },
  settings: {
    button: 'Cài đặt',
    team: 'Tổ khảo sát…',
    server: 'Máy chủ…',
    enrolment: 'Đăng ký máy…',
    exportBatch: 'Xuất tệp gửi (USB)',
    syncScreen: 'Đồng bộ dữ liệu…',
  },
  enrolment: {
    title: 'Đăng ký máy với máy chủ tỉnh',
    intro:
      'Trước khi khảo sát, máy này cần được đăng ký một lần với máy chủ của tỉnh. Cán bộ tỉnh cấp cho bạn địa chỉ máy chủ và mã đăng ký (hoặc một tệp đăng ký khi không có mạng).',
    serverUrl: 'Địa chỉ máy chủ',
    serverUrlHint: 'Do cán bộ tỉnh cung cấp, ví dụ https://langso.tuyenquang.gov.vn',
    code: 'Mã đăng ký',
    codeHint: 'Dạng XXXX-XXXX-XXXX. Có thể dán cả nội dung mã QR (langso-enrol:…).',
    deviceName: 'Tên máy (không bắt buộc)',
    deviceNameHint: 'Để cán bộ tỉnh nhận ra máy này, ví dụ "Laptop xã Ngọc Đường 1"',
    submit: 'Đăng ký máy',
    offlineTitle: 'Không có mạng?',
    chooseFile: 'Chọn tệp đăng ký',
    fileHint:
      'Tệp .json do cán bộ tỉnh tải về cho xã. Máy kiểm tra chữ ký của tỉnh trên tệp; lần đầu, máy tin khoá của tỉnh ghi trong tệp — hãy so mã khoá hiện ra với mã trên trang quản trị.',
    done: 'Đã đăng ký máy cho {{commune}}, {{province}}.',
    infoTitle: 'Đăng ký của máy này',
    commune: 'Xã: {{commune}}, {{province}}',
    server: 'Máy chủ: {{url}}',
    enrolledAt: 'Đăng ký lúc: {{time}}',
    keyId: 'Mã khoá của tỉnh: {{keyId}}',
    awaitingServer: 'Đăng ký bằng tệp: máy sẽ xác nhận với máy chủ ở lần đồng bộ đầu tiên có mạng.',
    reenrol: 'Đăng ký lại',
    reenrolHint: 'Đăng ký lại không xoá dữ liệu nào trên máy; hồ sơ chưa gửi vẫn được gửi.',
  },
  exportBatch: {
    done: 'Đã xuất tệp {{fileName}} gồm {{count, number}} hồ sơ. Các hồ sơ ở trạng thái "Chờ biên nhận" cho đến khi tỉnh xác nhận.',
    title: 'Xuất tệp gửi',
  },
  receiptImport: {
    button: 'Nhập biên nhận (USB)',
    title: 'Đã nhập biên nhận',
    done: 'Tỉnh đã xác nhận {{count, number}} hồ sơ trong tệp gửi: {{accepted, number}} được nhận, {{duplicate, number}} máy chủ đã có, {{rejected, number}} bị từ chối.',
    nothingChanged:
      'Biên nhận hợp lệ. {{count, number}} hồ sơ trong đó đã được đánh dấu đã gửi từ trước, không có gì thay đổi.',
    errorTitle: 'Không dùng được tệp biên nhận',
    alreadyTitle: 'Biên nhận đã nhập trước đó',
  },
  syncScreen: {
    title: 'Đồng bộ dữ liệu',
    open: 'Mở màn hình đồng bộ',
    serverTitle: 'Máy chủ và đăng ký',
    serverUrl: 'Địa chỉ máy chủ',
    noServer: 'Chưa có địa chỉ máy chủ — vào Cài đặt › Máy chủ…',
    commune: 'Xã đăng ký',
    communeValue: '{{commune}}, {{province}}',
    deviceName: 'Tên máy',
    enrolledAt: 'Đăng ký lúc',
    notEnrolled: 'Máy chưa đăng ký',
    awaitingServer: 'Máy đăng ký bằng tệp; máy chủ sẽ xác nhận ở lần đồng bộ qua mạng đầu tiên.',
    lastTitle: 'Lần đồng bộ gần nhất',
    never: 'Máy này chưa đồng bộ lần nào.',
    lastAt: 'Lúc {{time}}',
    lastOk: 'Thành công',
    lastOkWithRejected: 'Xong, có hồ sơ bị từ chối',
    lastFailed: 'Không thành công',
    lastSent:
      'Đã gửi {{sent, number}} hồ sơ ({{batches, number}} lô): {{accepted, number}} được nhận, {{duplicate, number}} máy chủ đã có, {{rejected, number}} bị từ chối.',
    lastNothing: 'Không có hồ sơ nào cần gửi.',
    lastPulled: 'Nhận từ máy chủ: {{households, number}} hộ, {{villages, number}} thôn.',
    lastPartial:
      'Trước khi bị lỗi, đã gửi xong {{sent, number}} hồ sơ; các hồ sơ đó không phải gửi lại.',
    actionsTitle: 'Gửi và nhận',
    actionsHint:
      'Có mạng: bấm "Đồng bộ". Không có mạng: xuất tệp gửi ra USB mang lên tỉnh, rồi nhập tệp biên nhận tỉnh trả về.',
    progressStarting: 'Đang chuẩn bị gửi…',
    progressUpload:
      'Đang gửi lô {{batch, number}}/{{batches, number}} — đã gửi {{sent, number}}/{{total, number}} hồ sơ',
    progressPull: 'Đang nhận thay đổi từ máy chủ…',
    villagesTitle: 'Theo thôn',
    colVillage: 'Thôn',
    colPending: 'Chờ gửi',
    colAwaiting: 'Chờ biên nhận',
    colRejected: 'Bị từ chối',
    colDrafts: 'Đang làm dở',
    total: 'Cả xã',
    noVillages: 'Chưa có thôn nào trên máy này.',
    rejectedTitle: 'Hồ sơ bị từ chối',
    rejectedNone: 'Không có hồ sơ nào bị từ chối.',
    rejectedHint:
      'Mở hộ, sửa thông tin theo lý do rồi lưu lại: hồ sơ sẽ được gửi lại ở lần đồng bộ tới.',
    colHead: 'Chủ hộ',
    colReason: 'Lý do',
  },
  households: {
    breadcrumbVillages: 'Các thôn',
    add: 'Thêm hộ',
    search: 'Tìm hộ',
    searchPlaceholder: 'Gõ tên chủ hộ, tên thành viên, địa chỉ hoặc số điện thoại',
    clearSearch: 'Xoá ô tìm kiếm',
    filterLabel: 'Lọc theo trạng thái',
    filter: {
      all: 'Tất cả',
      completed: 'Hoàn thành',
      absent: 'Vắng nhà',
      refused: 'Từ chối',
      moved: 'Không còn ở',
      pending: 'Chờ gửi',
      awaiting: 'Chờ biên nhận',
      rejected: 'Bị từ chối',
      draft: 'Đang làm dở',
    },
    count: '{{count, number}} hộ',
    limited: 'Đang hiện {{count, number}} hộ đầu tiên. Gõ tên để tìm nhanh hơn.',
    keysHint: '↑ ↓ chọn hộ · Enter mở · / tìm · Esc thoát ô tìm · N (hoặc Alt+N) thêm hộ',
    empty: 'Thôn này chưa có hộ nào. Bấm "Thêm hộ" (hoặc phím N) để ghi phiếu cho hộ đầu tiên.',
    emptyTitle: 'Chưa có hộ nào',
    noMatchTitle: 'Không tìm thấy',
    noMatch:
      'Không có hộ nào khớp với "{{query}}". Thử gõ ít chữ hơn, hoặc bấm "Thêm hộ" nếu đây là hộ mới.',
    noStatusTitle: 'Không có hộ nào',
    noStatus: 'Không có hộ nào ở trạng thái "{{status}}". Chọn "Tất cả" để xem mọi hộ.',
    noAddress: 'Chưa có địa chỉ',
    savedFlash: 'Đã lưu phiếu của hộ {{name}}. Hộ đang chờ gửi lên máy chủ.',
    columns: {
      head: 'Chủ hộ',
      members: 'Số người',
      visitResult: 'Kết quả',
      visitDate: 'Ngày khảo sát',
      sync: 'Gửi lên tỉnh',
    },
  },
  household: {
    revisit: 'Khảo sát lại',
    resume: 'Tiếp tục phiếu đang làm',
    latestTitle: 'Lần khảo sát gần nhất',
    visitDate: 'Ngày khảo sát',
    membersTitle: 'Thành viên ({{count, number}})',
    noMembers: 'Chưa ghi thành viên nào.',
    formMissingTitle: 'Máy này chưa có mẫu phiếu của hồ sơ này',
    formMissing:
      'Hồ sơ này được ghi bằng mẫu phiếu phiên bản {{version}}, nhưng máy này chưa có phiên bản đó nên chưa hiển thị được. Dữ liệu vẫn được giữ nguyên; hãy bấm "Đồng bộ" để nhận mẫu phiếu rồi bấm "Thử lại".',
  },
  visits: {
    historyTitle: 'Các lần khảo sát ({{count, number}})',
    date: 'Ngày khảo sát',
    result: 'Kết quả',
    enumerator: 'Người khảo sát',
    savedAt: 'Lưu lúc',
    view: 'Xem',
    unknownEnumerator: 'Không ghi tên',
    viewTitle: 'Lần khảo sát ngày {{date}}',
    by: 'Người khảo sát: {{name}}',
    changesTitle: 'Những gì đã đổi so với lần trước',
    firstVisit: 'Đây là lần khảo sát đầu tiên của hộ.',
    noChanges: 'Không có gì thay đổi so với lần trước.',
    wholeForm: 'Toàn bộ phiếu',
    changeQuestion: 'Câu hỏi',
    changeBefore: 'Trước',
    changeAfter: 'Sau',
    memberAdded: 'Thêm thành viên: {{name}}',
    memberRemoved: 'Không còn trong hộ: {{name}}',
  },
  indicators: {
    title: 'Chỉ số của thôn đến nay',
    targetLegend: 'Mục tiêu quốc gia',
    target: 'mục tiêu {{value}}',
    noRegister: 'Chưa có số hộ đăng ký của thôn',
    noData: 'Chưa có dữ liệu',
    note: 'Tính từ lần khảo sát hoàn thành gần nhất của mỗi hộ đồng ý cung cấp thông tin. Người trưởng thành: từ {{age}} tuổi.',
    emptyTitle: 'Chưa có chỉ số',
    empty: 'Thôn chưa có hộ nào khảo sát xong. Chỉ số sẽ hiện khi có phiếu "Hoàn thành" đầu tiên.',
    noSupport: 'Tổ chưa ghi lần hỗ trợ nào.',
    times: '{{count, number}} lượt',
  },
  form: {
    newTitle: 'Hộ mới · {{village}}',
    revisitTitle: 'Khảo sát lại: {{name}}',
    unnamed: 'hộ chưa có tên',
    visitDate: 'Ngày khảo sát',
    datePlaceholder: 'dd/mm/yyyy',
    dateInvalid: 'Ngày chưa đúng. Nhập theo dạng ngày/tháng/năm, ví dụ 05/09/2025.',
    enumerator: 'Người khảo sát',
    enumeratorPlaceholder: 'Chọn người khảo sát',
    noTeam: 'Chưa có danh sách tổ. Vào "Cài đặt → Tổ khảo sát" để thêm tên người khảo sát.',
    finalize: 'Hoàn tất phiếu',
    leave: 'Về danh sách',
    requiredNote: 'Câu có dấu * là bắt buộc. Mọi câu trả lời được lưu nháp ngay khi nhập.',
    integerPlaceholder: 'Nhập số',
    selectPlaceholder: 'Chọn…',
    rejectedTitle: 'Máy chủ đã từ chối phiếu này',
    rejectedHint:
      'Bấm "Khảo sát lại" để sửa thông tin, hoàn tất phiếu rồi bấm "Đồng bộ" để gửi lại.',
    autosave: {
      idle: 'Bản nháp',
      saving: 'Đang lưu nháp…',
      saved: 'Đã lưu nháp {{time}}',
      failed: 'Chưa lưu được nháp.',
    },
    keys: {
      title: 'Phím tắt',
      next: 'câu tiếp theo',
      choose: 'chọn đáp án',
      yes: 'C',
      no: 'K',
      yesNo: 'Có / Không',
      addMember: 'thêm thành viên',
      finalize: 'hoàn tất',
      clear: 'xoá câu trả lời',
    },
    resultOnly: {
      title: 'Chỉ lưu kết quả khảo sát',
      result:
        'Hộ "{{result}}": không cần hỏi tiếp. Phiếu chỉ lưu kết quả khảo sát, các câu khác được bỏ qua.',
      noConsent:
        'Hộ không đồng ý cung cấp thông tin: phiếu chỉ lưu kết quả khảo sát, các câu khác được bỏ qua.',
    },
    revisit: {
      previousVisit: 'Lần khảo sát trước: {{date}}',
      changed: 'đã đổi',
      changedWas: 'đã đổi, lần trước là {{value}}',
      before: 'Lần trước: {{value}}',
      newMember: 'mới',
    },
    duplicates: {
      title: 'Hộ này có thể đã được ghi',
      hint: 'Trên máy đã có hộ giống hộ này. Mở hộ đó để khảo sát lại thay vì ghi thêm hộ mới.',
    },
    confirm: {
      title: 'Kiểm tra lại {{count, number}} điều trước khi lưu',
      hint: 'Phiếu chưa được lưu. Nếu thông tin đúng, bấm "Vẫn lưu"; nếu sai, bấm "Quay lại sửa".',
      duplicatesTitle: 'Có thể trùng với hộ đã ghi',
      warningsTitle: 'Thông tin nên kiểm tra',
      openHousehold: 'Mở hộ này',
      saveAnyway: 'Vẫn lưu',
      back: 'Quay lại sửa',
      reason: {
        citizen_id: 'trùng số định danh',
        similar_name: 'tên chủ hộ gần giống',
      },
    },
    discard: {
      button: 'Bỏ phiếu này',
      title: 'Bỏ phiếu đang làm?',
      newHint: 'Mọi câu trả lời đã nhập cho hộ mới này sẽ bị xoá. Không lấy lại được.',
      revisitHint:
        'Những gì đã nhập trong lần khảo sát này sẽ bị xoá. Các lần khảo sát đã lưu của hộ vẫn giữ nguyên.',
      keep: 'Không, làm tiếp',
      confirm: 'Bỏ phiếu',
    },
    members: {
      add: 'Thêm thành viên',
      addNext: 'Thêm người tiếp theo',
      remove: 'Xoá',
      removed: 'Đã xoá {{name}} khỏi danh sách.',
      undo: 'Hoàn tác',
      moveUp: 'Lên',
      moveDown: 'Xuống',
      moveUpLabel: 'Đưa {{name}} lên trên',
      moveDownLabel: 'Đưa {{name}} xuống dưới',
      position: 'Thành viên {{n}}/{{total}}',
      untitled: 'Thành viên {{n}}',
      count: '{{count, number}} thành viên',
      age: '{{count, number}} tuổi',
      noDetails: 'chưa có quan hệ, năm sinh',
      pick: 'Chọn một thành viên ở danh sách bên trái.',
      keysHint: 'Trong danh sách: ↑ ↓ chọn người · Alt+↑ ↓ đổi thứ tự · Delete xoá',
      empty:
        'Chưa có thành viên nào. Bấm "Thêm thành viên" (Alt+M) để ghi từng người trong hộ, bắt đầu từ chủ hộ.',
      hasErrors: 'cần sửa',
    },
    issues: {
      summaryTitle: 'Chưa lưu được: còn {{count, number}} chỗ cần sửa',
      summaryHint: 'Bấm vào từng dòng để đến câu hỏi đó.',
      inMember: '{{member}} — {{question}}',
    },
  },
  validation: {
    required: 'Chưa trả lời. Câu này bắt buộc.',
    type: 'Câu trả lời không đúng dạng. Hãy nhập lại.',
    choice_unknown: 'Lựa chọn không có trong danh sách. Hãy chọn lại.',
    choice_exclusive: '"Không có" không chọn cùng các lựa chọn khác được. Hãy bỏ bớt một bên.',
    too_long: 'Quá dài: tối đa {{max}} ký tự.',
    out_of_range: 'Phải từ {{min}} đến {{max}}.',
    constraint: 'Câu trả lời chưa hợp lệ. Hãy kiểm tra lại.',
    date_format: 'Ngày chưa đúng. Nhập theo dạng ngày/tháng/năm, ví dụ 05/09/2025.',
    phone_format: 'Số điện thoại chưa đúng: cần 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
    phone_unknown_prefix: 'Đầu số này lạ. Kiểm tra lại số điện thoại.',
    citizen_id_format: 'Số định danh cần đủ 12 chữ số.',
    citizen_id_unknown_province: 'Ba số đầu không phải mã tỉnh đã biết. Kiểm tra lại số định danh.',
    citizen_id_sex_mismatch: 'Số định danh không khớp với giới tính đã chọn. Kiểm tra lại.',
    citizen_id_birth_year_mismatch:
      'Số định danh cho năm sinh {{expected}}, khác với năm sinh đã nhập. Kiểm tra lại.',
    repeat_too_many_rows: 'Quá nhiều thành viên: tối đa {{max}} người.',
    repeat_row_count: 'Danh sách thành viên chưa đúng quy định: {{count}} người thoả điều kiện.',
  },
  dataCare: dataCareVi,
  console: consoleVi,
}

/** The shape every catalog must have: the Vietnamese keys, with any text. */
export type Messages = typeof vi
