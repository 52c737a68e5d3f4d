/**
 * Vietnamese messages of record review (`console.review.*`): states, decisions, comments
 * and bulk review. "Cần bổ sung" is what commune staff say of a record to be completed.
 */
export const reviewVi = {
  states: {
    received: 'Chờ duyệt',
    approved: 'Đã duyệt',
    has_issues: 'Cần bổ sung',
    rejected: 'Không duyệt',
  },
  actions: {
    approved: 'Duyệt',
    has_issues: 'Cần bổ sung',
    rejected: 'Không duyệt',
  },
  title: 'Duyệt hồ sơ',
  decidedBy: '{{name}} · {{time}}',
  changedSince:
    'Hộ đã thay đổi sau lần duyệt trước ({{state}}, {{name}} · {{time}}) nên cần duyệt lại.',
  viewerNote: 'Cán bộ xã xem và góp ý; chỉ cán bộ tỉnh duyệt hồ sơ.',
  decideTitle: {
    approved: 'Duyệt hồ sơ này',
    has_issues: 'Yêu cầu bổ sung',
    rejected: 'Không duyệt hồ sơ',
  },
  decideManyTitle: {
    approved: 'Duyệt {{count, number}} hồ sơ',
    has_issues: 'Yêu cầu bổ sung {{count, number}} hồ sơ',
    rejected: 'Không duyệt {{count, number}} hồ sơ',
  },
  comment: 'Ghi chú',
  commentOptional: 'Ghi chú (không bắt buộc)',
  commentPlaceholder: 'Ví dụ: thiếu số định danh của con, đề nghị tổ thôn hỏi lại',
  commentRequired: 'Ghi rõ cần bổ sung gì hoặc vì sao không duyệt.',
  confirm: {
    approved: 'Duyệt',
    has_issues: 'Gửi yêu cầu bổ sung',
    rejected: 'Không duyệt',
  },
  stale: 'Hộ này vừa có thay đổi mới. Trang đã tải lại, xem lại rồi duyệt.',
  threadEmpty: 'Chưa có ai duyệt hay góp ý hồ sơ này.',
  eventDecision: 'đã chọn “{{state}}”',
  eventComment: 'góp ý',
  eventOld: 'với phiên bản trước của hộ',
  addComment: 'Góp ý',
  addCommentPlaceholder: 'Ghi góp ý cho tỉnh và tổ thôn',
  send: 'Gửi góp ý',
  bulk: {
    selected_one: 'Đã chọn {{count, number}} hộ',
    selected_other: 'Đã chọn {{count, number}} hộ',
    clear: 'Bỏ chọn',
    limit: 'Mỗi lần duyệt tối đa {{count, number}} hộ.',
    done: 'Đã cập nhật {{count, number}} hồ sơ.',
    stale_one: '{{count, number}} hộ vừa có thay đổi mới nên chưa được cập nhật; xem lại hộ đó.',
    stale_other:
      '{{count, number}} hộ vừa có thay đổi mới nên chưa được cập nhật; xem lại các hộ đó.',
    missing: '{{count, number}} hộ không còn trên máy chủ.',
  },
  audit: {
    approved: 'Duyệt hồ sơ',
    has_issues: 'Yêu cầu bổ sung hồ sơ',
    rejected: 'Không duyệt hồ sơ',
    commented: 'Góp ý hồ sơ',
  },
}

export type ReviewMessages = typeof reviewVi
