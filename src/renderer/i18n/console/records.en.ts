import type { RecordsMessages } from './records.vi'

/** English messages of the console's household records. */
export const recordsEn: RecordsMessages = {
  searchPlaceholder: 'Head or member name (accents optional), phone, citizen id, village name',
  searchHint: 'Phone numbers and citizen ids must be typed in full.',
  visitResult: 'Visit result',
  allResults: 'All results',
  reviewState: 'Review state',
  allStates: 'All states',
  totalCapped: 'More than {{count, number}} households',
  searchCapped:
    'More than {{count, number}} households match — type more of the name or pick a commune or village',
  windowNote:
    'Only the first {{count, number}} households, newest first, are shown. Add filters to see the others.',
  columns: {
    review: 'Review',
    select: 'Select household {{name}}',
    selectPage: 'Select the whole page',
  },
  detail: {
    tabs: {
      answers: 'Household',
      history: 'History ({{count, number}} saves)',
      review: 'Review and comments ({{count, number}})',
      conflicts: 'Open conflicts ({{count, number}})',
    },
    conflictsIntro:
      'Two laptops changed the same answer. The newer value is in use; choose on the Data conflicts page.',
    openConflicts: 'Open Data conflicts',
  },
  history: {
    visitsTitle: 'Visits ({{count, number}})',
    visit: 'Visit of {{date}}',
    visitSaves_one: '{{count, number}} save',
    visitSaves_other: '{{count, number}} saves',
    otherRevisions: 'Records of no visit the server holds',
    truncated: 'This household has too many records: only the newest {{count, number}} are shown.',
    savedAt: 'Saved on the laptop at {{time}}',
    receivedAt: 'Received at {{time}}',
    device: 'Laptop: {{name}}',
    unknownDevice: 'Laptop {{id}}',
    enumerator: 'Surveyed by {{name}}',
    noEnumerator: 'No team member recorded',
    server: 'The server (settling a conflict)',
    settledBy: '{{name}} chose this value when settling a conflict',
    current: 'In use',
    rejected: 'Rejected',
    rejectedReason: 'Reason: {{reason}}',
    created: 'Household created: {{answers, number}} answers, {{members, number}} members',
    baseMissing:
      'The save this one was made from is not on the server: compared with an empty form.',
    noChanges: 'No answer changed.',
    question: 'Question',
    before: 'Before',
    after: 'After',
    memberAdded: 'Member added: {{name}}',
    memberRemoved: 'Member removed: {{name}}',
    member: 'Member {{n}}',
  },
}
