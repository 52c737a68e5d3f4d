import type { DataCareMessages } from './data-care.vi'

/** English messages of the data and backups screen. */
export const dataCareEn: DataCareMessages = {
  menu: 'Data and backups…',
  title: 'Data and backups',
  back: 'Villages',
  folderTitle: 'Data folder',
  folderHint:
    "All of this laptop's survey data is in the folder below, inside the operating system's user data folder. Backups and logs are inside it.",
  databaseSize: 'Data in use: {{size}}',
  copy: 'Copy path',
  copied: 'Copied',
  backupsTitle: 'Backups',
  backupsHint:
    'The laptop backs up once a day while Làng Số is open and keeps the last {{auto}}. Press "Back up now" before taking the laptop far, having it repaired or reinstalled.',
  backupNow: 'Back up now',
  backedUp: 'Backed up at {{time}}.',
  noBackups: 'No backup yet.',
  colTime: 'Taken',
  colKind: 'Kind',
  colSize: 'Size',
  kind: {
    auto: 'Daily, automatic',
    manual: 'Back up now',
    'pre-restore': 'Before a restore',
  },
  restore: 'Restore…',
  restoreTitle: 'Restore the backup of {{time}}',
  checking: 'Checking the backup…',
  checksTitle: 'The backup passed its checks',
  checks: {
    integrity: 'The file is whole, not damaged',
    schema: 'This version of Làng Số can open it',
    dataKey: "It is sealed with this laptop's data key",
    device: "It is this laptop's own data",
  },
  backupHolds:
    'The backup holds {{households}} households, {{pending}} records not sent yet and {{drafts}} visits in progress.',
  nothingLost:
    'Nothing is lost: every record not sent yet and every visit in progress is in the backup.',
  lossTitle: 'This unsent work will be lost',
  lossHint:
    'The province has not received the households and visits below, and the backup does not have them. Restoring drops them from the data in use. The laptop keeps a "Before a restore" copy so support staff can get them back if needed.',
  lostRecords: 'Households with unsent records: {{count}}',
  lostDrafts: 'Visits in progress: {{count}}',
  colHead: 'Head of household',
  colVillage: 'Village',
  colVisitDate: 'Visit date',
  colState: 'State',
  colUpdated: 'Last changed',
  noHeadName: '(no head’s name yet)',
  recordState: {
    pending: 'Not sent',
    awaiting: 'Sent, awaiting receipt',
    rejected: 'Refused by the province',
  },
  draftChange: {
    missing: 'Not in the backup',
    older: 'The backup has an older state',
  },
  sentNotInBackup:
    '{{count}} records were sent to the province after this backup: the province keeps them, this laptop will not.',
  teamNotInBackup: '{{count}} team members added after this backup will no longer be listed.',
  enrolmentDiffers:
    'The laptop was enrolled again after this backup: restoring takes it back to the old enrolment, which may need redoing.',
  confirmLoss: 'I have looked at the list above and agree to give up that work',
  confirm: 'Restore and restart',
  restarting: 'Backup chosen. Làng Số is restarting to restore it…',
  lastRestored: 'Restored the backup of {{backup}} (on {{time}}).',
  lastRestoreSafety:
    'The data from just before the restore is kept as a "Before a restore" backup.',
  lastRestoreFailed:
    'The restore of {{time}} did not go through: {{reason}} The data is as it was.',
  diagnosticsTitle: 'Information for support staff',
  diagnosticsHint:
    "Makes a zip file with the logs, the app's version and figures about the data (record counts, sizes) to send to the province's support staff. It holds no name, phone number, citizen id or answer.",
  exportDiagnostics: 'Export diagnostics',
  diagnosticsSaved: 'Made {{name}} ({{size}}).',
  logsAt: 'Logs are in: {{path}}',
  errors: {
    backup_not_found: 'This backup is no longer there. Open the screen again to see the new list.',
    backup_damaged:
      'This backup is damaged (the file is not whole) and cannot be restored. Choose another.',
    backup_incompatible:
      'This backup was made by another version of Làng Số and cannot be opened. Choose another.',
    backup_other_key:
      'This backup is sealed with another key; this laptop cannot read it. Choose another.',
    backup_other_device: "This backup is another laptop's and cannot be restored here.",
    restore_loss_not_confirmed:
      'New work was saved while waiting for your confirmation. Open the restore again to see the new list.',
    backup_busy: 'A backup is running. Wait a moment and try again.',
    backup_failed:
      'The backup could not be written (the disk may be full). The data in use is not affected.',
  },
  size: {
    kb: '{{value}} KB',
    mb: '{{value}} MB',
  },
}
