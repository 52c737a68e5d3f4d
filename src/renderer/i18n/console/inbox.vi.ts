/**
 * Vietnamese messages of one inbox batch and of settling the quarantine
 * (`console.inbox.*`).
 */
export const inboxVi = {
  back: '← Hộp thư lô',
  title: 'Lô {{id}}',
  intro: 'Lô này từ đâu đến, khi nào, và kết quả từng phiếu nó mang theo.',
  refusedTitle: 'Lô bị từ chối, không lưu phiếu nào',
  bytes_one: '{{count, number}} byte',
  bytes_other: '{{count, number}} byte',
  repeats_one: '{{count, number}} phiếu đã nhận từ lô trước nên không ghi lại.',
  repeats_other: '{{count, number}} phiếu đã nhận từ lô trước nên không ghi lại.',
  quarantine: {
    noHeadName: '(chưa có tên chủ hộ)',
    state: 'Tình trạng',
    states: { open: 'Đang chờ xử lý', dismissed: 'Đã để riêng' },
    select: 'Chọn phiếu này',
    selectAll: 'Chọn cả trang',
    selected_one: 'Đã chọn {{count, number}} phiếu',
    selected_other: 'Đã chọn {{count, number}} phiếu',
    recheck: 'Kiểm tra lại',
    recheckHint:
      'Kiểm tra lại theo danh sách thôn và mẫu phiếu hiện có. Phiếu đạt sẽ được nhận vào hộ.',
    dismiss: 'Để riêng…',
    dismissTitle: 'Để riêng các phiếu đã chọn',
    dismissText:
      'Phiếu vẫn được giữ trong nhật ký, không bị xoá, và không được nhận vào hộ. Ghi lý do để người sau biết.',
    note: 'Lý do',
    notePlaceholder: 'Ví dụ: hộ đã được khảo sát lại bằng phiếu khác',
    noteRequired: 'Cần ghi lý do',
    confirmDismiss: 'Để riêng',
    rechecked:
      'Đã kiểm tra lại {{total, number}} phiếu: {{accepted, number}} được nhận vào hộ, {{rejected, number}} vẫn bị từ chối.',
    dismissed_one: 'Đã để riêng {{count, number}} phiếu.',
    dismissed_other: 'Đã để riêng {{count, number}} phiếu.',
    handled: '{{by}} · {{at}}',
  },
}

/** The shape of these messages: the Vietnamese keys, with any text. */
export type InboxMessages = typeof inboxVi
