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
    unknown:
      'Có lỗi không xác định (mã: {{code}}). Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ kỹ thuật.',
  },
  sync: {
    button: 'Đồng bộ',
    running: 'Đang gửi dữ liệu lên máy chủ…',
    pending: '{{count, number}} phiếu chờ gửi',
    allSent: 'Đã gửi hết',
    resultTitle: 'Đồng bộ xong',
    resultSent:
      'Đã gửi {{sent, number}} hồ sơ: {{accepted, number}} được nhận, {{duplicate, number}} máy chủ đã có, {{rejected, number}} bị từ chối.',
    resultNothing: 'Không có hồ sơ nào cần gửi. Mọi hộ đều đã được gửi.',
    resultRejectedHint: 'Hộ bị từ chối có nhãn đỏ "Bị từ chối" — mở hộ để xem lý do và sửa lại.',
    errorTitle: 'Chưa đồng bộ được',
    settings: 'Máy chủ',
    settingsTitle: 'Máy chủ của tỉnh',
    serverUrl: 'Địa chỉ máy chủ',
    serverUrlHint: 'Do cán bộ tỉnh cung cấp, ví dụ http://192.168.1.10:8080',
    serverUrlInvalid: 'Địa chỉ chưa đúng. Nhập đầy đủ, bắt đầu bằng http:// hoặc https://',
    serverUrlSave: 'Lưu địa chỉ',
    serverUrlSaved: 'Đã lưu địa chỉ máy chủ.',
    lastSync: 'Lần đồng bộ gần nhất: {{time}}',
    neverSynced: 'Chưa đồng bộ lần nào.',
    counts:
      'Chờ gửi: {{pending, number}} · Đã gửi: {{sent, number}} · Bị từ chối: {{rejected, number}}',
  },
  syncState: {
    pending: 'Chờ gửi',
    sent: 'Đã gửi',
    rejected: 'Bị từ chối',
    rejectedHint: 'Mở hộ để xem lý do bị từ chối',
  },
  rejectReasons: {
    invalid_response: 'Phiếu có thông tin chưa hợp lệ',
    wrong_commune: 'Hộ không thuộc xã của máy này',
    unknown_form: 'Máy chủ không có mẫu phiếu này',
    unknown_village: 'Thôn không có trong danh sách của xã',
    other: 'Lý do: {{reason}}',
  },
  villages: {
    title: 'Chọn thôn để khảo sát',
    households: '{{count, number}} hộ',
    pending: '{{count, number}} chờ gửi',
    noPending: 'Đã gửi hết',
    empty: 'Xã chưa có thôn nào trên máy này. Hãy đồng bộ với máy chủ tỉnh để nhận danh sách thôn.',
  },
  households: {
    title: 'Danh sách hộ',
    breadcrumbVillages: 'Các thôn',
    add: 'Thêm hộ',
    search: 'Tìm hộ',
    searchPlaceholder: 'Gõ tên chủ hộ, tên thành viên, địa chỉ hoặc số điện thoại',
    count: '{{count, number}} hộ',
    empty: 'Thôn này chưa có hộ nào. Bấm "Thêm hộ" để ghi phiếu cho hộ đầu tiên.',
    emptyTitle: 'Chưa có hộ nào',
    noMatchTitle: 'Không tìm thấy',
    noMatch:
      'Không có hộ nào khớp với "{{query}}". Thử gõ ít chữ hơn, hoặc bấm "Thêm hộ" nếu đây là hộ mới.',
    members: '{{count, number}} người',
    noAddress: 'Chưa có địa chỉ',
    savedFlash: 'Đã lưu phiếu của hộ {{name}}. Hộ đang chờ gửi lên máy chủ.',
    columns: {
      head: 'Chủ hộ',
      address: 'Địa chỉ',
      members: 'Số người',
      visitResult: 'Kết quả',
      visitDate: 'Ngày khảo sát',
      sync: 'Gửi lên tỉnh',
    },
  },
  form: {
    newTitle: 'Thêm hộ mới',
    editTitle: 'Sửa phiếu hộ',
    visitDate: 'Ngày khảo sát',
    datePlaceholder: 'dd/mm/yyyy',
    dateInvalid: 'Ngày chưa đúng. Nhập theo dạng ngày/tháng/năm, ví dụ 05/09/2025.',
    save: 'Lưu',
    saving: 'Đang lưu…',
    cancel: 'Huỷ, về danh sách',
    requiredNote: 'Câu có dấu * là bắt buộc.',
    integerPlaceholder: 'Nhập số',
    selectPlaceholder: 'Chọn…',
    rejectedTitle: 'Máy chủ đã từ chối phiếu này',
    rejectedHint: 'Sửa lại thông tin rồi bấm "Lưu", sau đó bấm "Đồng bộ" để gửi lại.',
    members: {
      add: 'Thêm thành viên',
      remove: 'Xoá thành viên này',
      confirmRemove: 'Xoá {{name}} khỏi danh sách?',
      confirmYes: 'Xoá',
      confirmNo: 'Không xoá',
      untitled: 'Thành viên {{n}}',
      count: '{{count, number}} thành viên',
      empty:
        'Chưa có thành viên nào. Bấm "Thêm thành viên" để ghi từng người trong hộ, bắt đầu từ chủ hộ.',
      hasErrors: 'cần sửa',
    },
    issues: {
      summaryTitle: 'Chưa lưu được: còn {{count, number}} chỗ cần sửa',
      summaryHint: 'Bấm vào từng dòng để đến câu hỏi đó.',
      inMember: '{{member}} — {{question}}',
      warningsTitle: 'Đã lưu phiếu. Có {{count, number}} điều nên kiểm tra lại',
      warningsHint:
        'Phiếu đã được lưu. Nếu thông tin đúng, bấm "Về danh sách hộ"; nếu sai, bấm "Sửa tiếp".',
      backToList: 'Về danh sách hộ',
      keepEditing: 'Sửa tiếp',
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
  },
  console: {
    title: 'Hộ đã nhận',
    search: 'Tìm hộ',
    searchPlaceholder: 'Gõ tên chủ hộ, thành viên, địa chỉ hoặc số điện thoại',
    village: 'Thôn',
    allVillages: 'Tất cả các thôn',
    total: 'Tổng số: {{count, number}} hộ',
    emptyTitle: 'Chưa có hộ nào',
    empty: 'Máy chủ chưa nhận hộ nào. Khi các tổ ở thôn bấm "Đồng bộ", hộ sẽ hiện ở đây.',
    noMatchTitle: 'Không tìm thấy',
    noMatch:
      'Không có hộ nào khớp với bộ lọc. Thử bỏ bớt chữ tìm kiếm hoặc chọn "Tất cả các thôn".',
    columns: {
      headName: 'Chủ hộ',
      village: 'Thôn',
      members: 'Số người',
      visitResult: 'Kết quả',
      visitDate: 'Ngày khảo sát',
      receivedAt: 'Nhận lúc',
      device: 'Máy gửi',
    },
    detail: {
      back: '← Về danh sách hộ',
      answers: 'Thông tin hộ',
      members: 'Thành viên ({{count, number}})',
      membersEmpty: 'Hộ này chưa ghi thành viên nào.',
      receivedAt: 'Nhận lúc {{time}}',
      device: 'Máy gửi: {{device}}',
      formVersion: 'Mẫu phiếu: {{form}} (phiên bản {{version}})',
      columns: {
        name: 'Họ và tên',
        relation: 'Quan hệ với chủ hộ',
        sex: 'Giới tính',
        birthYear: 'Năm sinh',
        phone: 'Điện thoại',
        vneid: 'VNeID',
      },
    },
  },
}

/** The shape every catalog must have: the Vietnamese keys, with any text. */
export type Messages = typeof vi
