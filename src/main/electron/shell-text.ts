/**
 * The words the main process shows itself: the application menu and the message when the
 * app cannot start. Vietnamese, as the people using it say it. Menu labels carry no "&"
 * mnemonics, so Alt+letter stays free for the visit form's own shortcuts (Alt+M adds a
 * member).
 */
export const shellTextVi = {
  file: 'Tệp',
  openDataFolder: 'Mở thư mục dữ liệu',
  quit: 'Thoát',
  edit: 'Sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  view: 'Xem',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  resetZoom: 'Cỡ chữ mặc định',
  fullScreen: 'Toàn màn hình',
  reload: 'Tải lại',
  devTools: 'Công cụ phát triển',
  help: 'Trợ giúp',
  about: 'Giới thiệu Làng Số',
  aboutDetail: 'Phiên bản {{version}}\nThư mục dữ liệu: {{dataDir}}',
  startFailedTitle: 'Làng Số không khởi động được',
  startFailed:
    'Làng Số không mở được dữ liệu trên máy này (mã lỗi: {{code}}). Dữ liệu không bị xoá. Hãy khởi động lại máy rồi mở lại Làng Số; nếu vẫn lỗi, gửi thư mục nhật ký cho cán bộ hỗ trợ của tỉnh: {{logsDir}}',
} as const

export type ShellText = { readonly [K in keyof typeof shellTextVi]: string }

/** Fills `{{name}}` placeholders of a shell text. */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)
}
