import type { ExportsMessages } from './exports.vi'

/** English messages of the export page. */
export const exportsEn: ExportsMessages = {
  title: 'Export data',
  intro:
    'Download households, members and indicators for reports. The server prepares the file in the background; a download button appears when it is ready.',
  newTitle: 'New export',
  format: 'Format',
  formats: {
    xlsx: 'Excel (XLSX)',
    csv: 'CSV',
  },
  formatHints: {
    xlsx: 'One Excel file with sheets: households, members, indicators by commune and village, about.',
    csv: 'Two CSV files (households, members) for statistics software.',
  },
  commune: 'Commune / ward',
  allCommunes: 'Whole province',
  village: 'Village / residential group',
  allVillages: 'All villages',
  chooseCommuneFirst: 'Choose a commune first',
  visitResult: 'Visit result',
  allResults: 'All',
  from: 'Visited from',
  to: 'To',
  datePlaceholder: 'dd/mm/yyyy',
  create: 'Create export',
  recentTitle: 'Recent exports',
  recentHint:
    'Files stay on the server for 24 hours, then are deleted. Only you see and download the files you made.',
  emptyTitle: 'No exports yet',
  empty: 'Choose what to export above, then press "Create export".',
  columns: {
    createdAt: 'Created',
    what: 'Contents',
    status: 'Status',
    files: 'Files',
  },
  scope: {
    province: 'Whole province',
    result: 'Result: {{result}}',
    from: 'from {{date}}',
    to: 'to {{date}}',
  },
  status: {
    queued: 'Waiting',
    running: 'Writing',
    done: 'Ready',
    failed: 'Failed',
    expired: 'Files deleted',
  },
  phases: {
    households: 'Writing households: {{written, number}} / {{total, number}}',
    members: 'Writing members: {{written, number}} / {{total, number}}',
    finishing: 'Closing the file…',
  },
  counted: '{{households, number}} households, {{members, number}} members',
  waiting: 'Waiting for a free writer…',
  preparing: 'Getting ready (counting households)…',
  expiresAt: 'Kept until {{time}}',
  failed: {
    interrupted: 'The server stopped while writing. Create the export again.',
    other:
      'Writing the file failed ({{code}}). Create it again; if it fails again, tell the province administrator.',
  },
  download: 'Download {{name}}',
  fileKinds: {
    workbook: 'Excel file',
    households: 'Households',
    members: 'Members',
  },
  delete: 'Delete',
  deleteLabel: 'Delete this export',
  errors: {
    export_busy:
      'You already have 2 exports waiting or being written. Wait for one to finish (or delete one), then create another.',
    export_not_ready: 'This file is not ready or was deleted. Create it again.',
    exports_unavailable:
      'The server has no data folder to write files to. Tell the server administrator.',
  },
}
