import { consoleEn } from './console.en'
import { dataCareEn } from './desktop/data-care.en'
import type { Messages } from './vi'

/** English messages: same keys as the Vietnamese catalog (the type enforces it). */
export const en: Messages = {
  app: {
    name: 'Làng Số',
    consoleName: 'Làng Số — Province console',
    loading: 'Loading…',
    retry: 'Try again',
    back: 'Back',
    close: 'Close',
    cancel: 'Cancel',
    place: '{{commune}}, {{province}}',
    screenFailed:
      'This screen hit an error. The visit in progress is saved as a draft and is not lost. Press "Reload" to open it again.',
    reload: 'Reload',
    home: 'Back to the start',
  },
  language: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  answer: {
    yes: 'Yes',
    no: 'No',
    empty: '—',
    clear: 'Clear',
  },
  errors: {
    title: 'Something went wrong',
    no_server_url:
      'No server address yet. Press "Server" at the top to enter the province server address.',
    server_unreachable:
      'Cannot reach the server. Check the network or the server address, then press "Sync" again. Your data is kept safe on this laptop.',
    bad_receipt:
      'The server gave an invalid answer, so nothing was marked as sent. Press "Sync" again; if it keeps failing, tell the province staff.',
    bad_pull:
      'The data downloaded from the server is invalid, so none of it was used. Press "Sync" again; if it keeps failing, tell the province staff.',
    sync_refused:
      'The server refused this batch. Your data is kept on this laptop; ask the province staff to check this device.',
    unknown_call: 'The software on this laptop does not match itself. Restart the app.',
    server_error:
      'The server has a problem. Your data is kept on this laptop; try syncing again in a few minutes.',
    internal:
      'The software hit an error. Saved data is not lost. Try again; if it keeps failing, tell technical staff.',
    invalid_input: 'What was sent is not valid. Check what you just entered and try again.',
    not_found: 'This record was not found. It may have been removed; go back to the list.',
    network: 'Cannot reach the server. Check the network, then reload the page.',
    bad_response:
      'The server answered in an unexpected form. Reload the page; if it keeps failing, tell technical staff.',
    cancelled:
      'Sync stopped because the app is closing. Your data is still on this laptop; reopen the app and press "Sync".',
    untrusted_sender:
      'The request did not come from the app window, so it was blocked. Restart the app.',
    team_name_taken:
      'Someone in the team already has this name. Add something to tell them apart, such as a middle name.',
    team_member_inactive:
      'This person has stopped surveying. Choose someone else, or press "Resume" in the team list.',
    data_unreadable:
      'Part of the encrypted data on this laptop cannot be read. Do not delete anything; tell technical staff.',
    data_key_unavailable:
      'This laptop cannot open the key that protects the data. Sign in to the Windows account used for the survey, then reopen the app.',
    data_key_mismatch:
      'The data protection key does not match the data on this laptop. Do not delete anything; tell technical staff.',
    store_migration_failed:
      'The data store on this laptop could not be updated. The old data is still there; tell technical staff.',
    unknown_form:
      'This laptop does not have the form this record was made with. Sync to receive the new form.',
    not_enrolled:
      'This laptop is not enrolled with the province server yet. Enrol it (Settings → Enrol this laptop) with the code province staff gave you.',
    device_revoked:
      'The province revoked this laptop. Its data stays on it and is not deleted; contact province staff to enrol it again.',
    enrolment_code_invalid:
      'The enrolment code is wrong or was cancelled. Check every character (12 characters, XXXX-XXXX-XXXX).',
    enrolment_code_expired: 'The enrolment code has expired. Ask province staff for a new one.',
    enrolment_code_used:
      'This enrolment code was already used by another laptop. Each code works once; ask province staff for a new one.',
    rate_limited:
      'Too many wrong codes were tried. Wait about 15 minutes and try again, or ask province staff to check the code.',
    province_key_mismatch:
      'The server key does not match the province key this laptop trusts. This may not be the province server: stop and tell province staff.',
    enrolment_file_invalid:
      'The enrolment file is not valid or was altered. Ask province staff to download it again.',
    invalid_server_url:
      'The server address is not right. Type it in full, starting with http:// or https://',
    server_answer_invalid:
      'This address is not the province Làng Số server, or it answered in an unexpected form. Check the address.',
    nothing_to_export: 'No record is waiting to be sent, so there is nothing to export.',
    receipt_file_invalid:
      'This is not a Làng Số receipt. Choose the receipt file (.langso-receipt) the province staff downloaded after importing this laptop’s export file.',
    receipt_other_province:
      'This receipt was not signed by the server of the province this laptop is enrolled with, so it is not used. Nothing changed; ask the province staff for the receipt again.',
    receipt_signature_invalid:
      'The receipt’s signature does not match: the file is damaged or was altered. Nothing changed; ask the province staff for the receipt again.',
    receipt_unknown_batch:
      'This receipt is for an export file this laptop did not make. Nothing changed; choose this laptop’s receipt.',
    receipt_mismatch:
      'The receipt does not match the records of this laptop’s export file, so it is not used. Nothing changed; tell the province staff.',
    receipt_already_applied: 'This receipt was imported before. Nothing changed.',
    unknown:
      'Unknown error (code: {{code}}). Try again; if it keeps failing, tell technical staff.',
  },
  sync: {
    button: 'Sync',
    running: 'Sending data to the server…',
    pending: 'Forms waiting to send: {{count, number}}',
    awaiting: 'Forms awaiting receipt: {{count, number}}',
    allSent: 'All sent',
    rejectedLeft: 'Records rejected: {{count, number}}',
    resultTitle: 'Sync finished',
    resultSent:
      'Sent {{sent, number}} records: {{accepted, number}} accepted, {{duplicate, number}} already on the server, {{rejected, number}} rejected.',
    resultNothing: 'Nothing to send. Every household has been sent.',
    resultRejectedHint:
      'Rejected households carry a red "Rejected" label — open one to see why and fix it.',
    errorTitle: 'Sync did not complete',
    settingsTitle: 'Province server',
    serverUrl: 'Server address',
    serverUrlHint: 'Given by the province staff, for example http://192.168.1.10:8080',
    serverUrlInvalid:
      'That address is not right. Enter it in full, starting with http:// or https://',
    serverUrlSave: 'Save address',
    serverUrlSaved: 'Server address saved.',
    lastSync: 'Last sync: {{time}}',
    neverSynced: 'Never synced yet.',
    clockBehind: 'The laptop clock is behind the last sync — please set the correct time',
    openConflicts: 'Open conflicts: {{count, number}}',
    counts:
      'Waiting: {{pending, number}} · Sent: {{sent, number}} · Rejected: {{rejected, number}}',
  },
  syncState: {
    pending: 'Waiting',
    awaiting: 'Awaiting receipt',
    sent: 'Sent',
    rejected: 'Rejected',
    rejectedHint: 'Open the household to see why it was rejected',
    awaitingUploadHint:
      'The record left in a batch on {{time}}, but the province’s receipt has not come back yet. It is marked "Sent" when the receipt arrives: automatically at the next sync.',
    awaitingExportHint:
      'The record left in an export file (USB) on {{time}}. It is marked "Sent" when the province’s receipt comes back: at the next sync over the network, or by loading the receipt file with "Import receipt (USB)".',
  },
  rejectReasons: {
    validation_failed: 'The record misses or has wrong required answers; correct it',
    invalid_response: 'The form has answers that are not valid',
    wrong_commune: 'The household is not in this laptop’s commune',
    unknown_form: 'The server does not have this form',
    unknown_village: 'The village is not in the commune’s list',
    other: 'Reason: {{reason}}',
  },
  villages: {
    title: 'Villages',
    empty:
      'This laptop has no villages for the commune yet. Sync with the province server to receive them.',
    draftsOpen: 'Unfinished: {{count, number}}',
    progressLabel: 'Visited {{visited, number}} of {{registered, number}} households',
    progressNoRegister: 'Visited {{visited, number}} households (register not received yet)',
    stats: {
      registered: 'Registered',
      visited: 'Visited',
      completed: 'Completed',
      absent: 'Nobody home',
      refused: 'Refused',
      moved: 'Moved away',
      notVisited: 'Not visited',
      pending: 'To send',
      awaiting: 'Awaiting receipt',
      drafts: 'Unfinished',
    },
  },
  village: {
    tabHouseholds: 'Households',
    tabProgress: 'Progress and indicators',
  },
  start: {
    draftsTitle: 'Continue unfinished visits ({{count, number}})',
    unnamedDraft: 'New household, no head name yet',
    newHousehold: 'new household',
    revisit: 'revisit',
    updatedAt: 'edited {{time}}',
    resume: 'Continue',
    resumeLabel: 'Continue the visit of {{name}}',
  },
  team: {
    pickerTitle: 'Who is surveying?',
    manage: 'Edit the team',
    emptyPicker:
      'The team list is empty. Add the names of the people surveying, to record on each visit.',
    addFirst: 'Add a person',
    recordingAs: 'Surveyor: {{name}}',
    nobody: 'No surveyor chosen',
    dialogTitle: 'Survey team',
    dialogHint:
      'The people who survey with this laptop. For someone who has left, press "Stop": their name stays on past visits.',
    empty: 'Nobody yet. Enter the first name below.',
    inactive: 'stopped',
    rename: 'Rename',
    saveName: 'Save name',
    newName: 'New name',
    deactivate: 'Stop',
    activate: 'Resume',
    addLabel: 'Add someone to the team',
    addPlaceholder: 'Full name, e.g. Hoàng Thị Lan',
    add: 'Add',
    nameRequired: 'Enter a full name.',
  },
  settings: {
    button: 'Settings',
    team: 'Survey team…',
    server: 'Server…',
    enrolment: 'Enrol this laptop…',
    exportBatch: 'Export file to send (USB)',
    syncScreen: 'Sync…',
  },
  enrolment: {
    title: 'Enrol this laptop with the province server',
    intro:
      'Before surveying, this laptop must be enrolled once with the province server. Province staff give you the server address and an enrolment code (or an enrolment file when there is no network).',
    serverUrl: 'Server address',
    serverUrlHint: 'From province staff, e.g. https://langso.tuyenquang.gov.vn',
    code: 'Enrolment code',
    codeHint: 'Like XXXX-XXXX-XXXX. You may paste the QR code text (langso-enrol:…) too.',
    deviceName: 'Laptop name (optional)',
    deviceNameHint: 'So province staff recognise this laptop, e.g. "Ngọc Đường laptop 1"',
    submit: 'Enrol this laptop',
    offlineTitle: 'No network?',
    chooseFile: 'Choose enrolment file',
    fileHint:
      'The .json file province staff downloaded for the commune. The laptop checks the province signature on it; the first time, it trusts the province key in the file — compare the key id shown with the one in the console.',
    done: 'This laptop is enrolled for {{commune}}, {{province}}.',
    infoTitle: "This laptop's enrolment",
    commune: 'Commune: {{commune}}, {{province}}',
    server: 'Server: {{url}}',
    enrolledAt: 'Enrolled: {{time}}',
    keyId: 'Province key id: {{keyId}}',
    awaitingServer:
      'Enrolled from a file: the laptop confirms with the server at its first online sync.',
    reenrol: 'Enrol again',
    reenrolHint: 'Enrolling again deletes nothing on this laptop; unsent records are still sent.',
  },
  exportBatch: {
    done: 'Exported {{fileName}} with {{count, number}} records. They are "Awaiting receipt" until the province confirms them.',
    title: 'Export file',
  },
  receiptImport: {
    button: 'Import receipt (USB)',
    title: 'Receipt imported',
    done: 'The province confirmed {{count, number}} records of the export file: {{accepted, number}} accepted, {{duplicate, number}} already on the server, {{rejected, number}} rejected.',
    nothingChanged:
      'The receipt is valid. Its {{count, number}} records were already marked sent; nothing changed.',
    errorTitle: 'The receipt file could not be used',
    alreadyTitle: 'Receipt imported before',
  },
  syncScreen: {
    title: 'Sync',
    open: 'Open the sync screen',
    serverTitle: 'Server and enrolment',
    serverUrl: 'Server address',
    noServer: 'No server address yet — see Settings › Server…',
    commune: 'Enrolled commune',
    communeValue: '{{commune}}, {{province}}',
    deviceName: 'Laptop name',
    enrolledAt: 'Enrolled at',
    notEnrolled: 'This laptop is not enrolled',
    awaitingServer: 'Enrolled by file; the server confirms it at the first online sync.',
    lastTitle: 'Last sync',
    never: 'This laptop has never synced.',
    lastAt: 'At {{time}}',
    lastOk: 'Succeeded',
    lastOkWithRejected: 'Done, some records rejected',
    lastFailed: 'Failed',
    lastSent:
      'Sent {{sent, number}} records ({{batches, number}} batches): {{accepted, number}} accepted, {{duplicate, number}} already on the server, {{rejected, number}} rejected.',
    lastNothing: 'Nothing needed sending.',
    lastPulled:
      'Received from the server: {{households, number}} households, {{villages, number}} villages.',
    lastPartial:
      'Before the error, {{sent, number}} records were sent; they need not be sent again.',
    actionsTitle: 'Send and receive',
    actionsHint:
      'Online: press "Sync". Offline: export a file to a USB stick for the province, then import the receipt file it sends back.',
    progressStarting: 'Getting ready to send…',
    progressUpload:
      'Sending batch {{batch, number}}/{{batches, number}} — {{sent, number}}/{{total, number}} records sent',
    progressPull: 'Receiving changes from the server…',
    villagesTitle: 'By village',
    colVillage: 'Village',
    colPending: 'Waiting to send',
    colAwaiting: 'Awaiting receipt',
    colRejected: 'Rejected',
    colDrafts: 'In progress',
    total: 'Whole commune',
    noVillages: 'No villages on this laptop yet.',
    rejectedTitle: 'Rejected records',
    rejectedNone: 'No record was rejected.',
    rejectedHint:
      'Open the household, correct it as the reason says and save: it is sent again at the next sync.',
    colHead: 'Household head',
    colReason: 'Reason',
  },
  households: {
    breadcrumbVillages: 'Villages',
    add: 'Add household',
    search: 'Find a household',
    searchPlaceholder: "Type the head's or a member's name, an address or a phone number",
    clearSearch: 'Clear the search',
    filterLabel: 'Filter by status',
    filter: {
      all: 'All',
      completed: 'Completed',
      absent: 'Nobody home',
      refused: 'Refused',
      moved: 'Moved away',
      pending: 'To send',
      awaiting: 'Awaiting receipt',
      rejected: 'Rejected',
      draft: 'Unfinished',
    },
    count: 'Households: {{count, number}}',
    limited: 'Showing the first {{count, number}} households. Type a name to find one faster.',
    keysHint:
      '↑ ↓ pick · Enter open · / search · Esc leave the search · N (or Alt+N) new household',
    empty:
      'No households in this village yet. Press "Add household" (or N) to record the first one.',
    emptyTitle: 'No households yet',
    noMatchTitle: 'Nothing found',
    noMatch:
      'No household matches "{{query}}". Try fewer letters, or press "Add household" if this is a new household.',
    noStatusTitle: 'No households',
    noStatus: 'No household has the status "{{status}}". Choose "All" to see every household.',
    noAddress: 'No address yet',
    savedFlash: 'Saved the visit of {{name}}. It is waiting to be sent to the server.',
    columns: {
      head: 'Household head',
      members: 'People',
      visitResult: 'Result',
      visitDate: 'Visit date',
      sync: 'Sent to province',
    },
  },
  household: {
    revisit: 'Visit again',
    resume: 'Continue the unfinished visit',
    latestTitle: 'Latest visit',
    visitDate: 'Visit date',
    membersTitle: 'Members ({{count, number}})',
    noMembers: 'No members recorded.',
    formMissingTitle: 'This laptop does not have the form of this record',
    formMissing:
      'This record was made with form version {{version}}, which this laptop does not have yet, so it cannot be shown. The data is kept; press "Sync" to receive the form, then "Try again".',
  },
  visits: {
    historyTitle: 'Visits ({{count, number}})',
    date: 'Visit date',
    result: 'Result',
    enumerator: 'Surveyor',
    savedAt: 'Saved at',
    view: 'View',
    unknownEnumerator: 'Not recorded',
    viewTitle: 'Visit of {{date}}',
    by: 'Surveyor: {{name}}',
    changesTitle: 'What changed since the visit before',
    firstVisit: "This is the household's first visit.",
    noChanges: 'Nothing changed since the visit before.',
    wholeForm: 'The whole form',
    changeQuestion: 'Question',
    changeBefore: 'Before',
    changeAfter: 'After',
    memberAdded: 'New member: {{name}}',
    memberRemoved: 'No longer in the household: {{name}}',
  },
  indicators: {
    title: "The village's indicators so far",
    targetLegend: 'National target',
    target: 'target {{value}}',
    noRegister: "The village's register has not arrived yet",
    noData: 'No data yet',
    note: "From each consenting household's latest completed visit. Adults: aged {{age}} and over.",
    emptyTitle: 'No indicators yet',
    empty:
      'No household in this village has a completed visit yet. Indicators appear with the first "Completed" visit.',
    noSupport: 'The team has not recorded any help yet.',
    times: '{{count, number}}×',
  },
  form: {
    newTitle: 'New household · {{village}}',
    revisitTitle: 'Visit again: {{name}}',
    unnamed: 'unnamed household',
    visitDate: 'Visit date',
    datePlaceholder: 'dd/mm/yyyy',
    dateInvalid: 'That date is not right. Type it as day/month/year, e.g. 05/09/2025.',
    enumerator: 'Surveyor',
    enumeratorPlaceholder: 'Choose the surveyor',
    noTeam: 'No team list yet. Open "Settings → Survey team" to add the surveyors\' names.',
    finalize: 'Finish the visit',
    leave: 'Back to the list',
    requiredNote: 'Questions marked * are required. Every answer is saved as a draft as you type.',
    integerPlaceholder: 'Enter a number',
    selectPlaceholder: 'Choose…',
    rejectedTitle: 'The server rejected this form',
    rejectedHint:
      'Press "Visit again" to correct it, finish the visit, then press "Sync" to send it again.',
    autosave: {
      idle: 'Draft',
      saving: 'Saving draft…',
      saved: 'Draft saved {{time}}',
      failed: 'The draft could not be saved.',
    },
    keys: {
      title: 'Keyboard shortcuts',
      next: 'next question',
      choose: 'pick a choice',
      yes: 'Y',
      no: 'N',
      yesNo: 'Yes / No',
      addMember: 'add a member',
      finalize: 'finish',
      clear: 'clear the answer',
    },
    resultOnly: {
      title: 'Only the visit result is kept',
      result:
        'Household "{{result}}": nothing more to ask. Only the visit result is kept; the other questions are skipped.',
      noConsent:
        'The household did not consent: only the visit result is kept; the other questions are skipped.',
    },
    revisit: {
      previousVisit: 'Previous visit: {{date}}',
      changed: 'changed',
      changedWas: 'changed, was {{value}}',
      before: 'Last time: {{value}}',
      newMember: 'new',
    },
    duplicates: {
      title: 'This household may already be recorded',
      hint: 'A similar household is already on this laptop. Open it and visit it again rather than adding a new one.',
    },
    confirm: {
      title: 'Worth a second look before saving ({{count, number}})',
      hint: 'Nothing is saved yet. If the information is right, press "Save anyway"; if not, press "Go back and fix".',
      duplicatesTitle: 'May be the same as a recorded household',
      warningsTitle: 'Worth checking',
      openHousehold: 'Open this household',
      saveAnyway: 'Save anyway',
      back: 'Go back and fix',
      reason: {
        citizen_id: 'same citizen id',
        similar_name: 'similar head name',
      },
    },
    discard: {
      button: 'Discard this visit',
      title: 'Discard the unfinished visit?',
      newHint: 'Everything entered for this new household will be deleted. It cannot be recovered.',
      revisitHint:
        "What was entered on this visit will be deleted. The household's saved visits stay as they are.",
      keep: 'No, keep going',
      confirm: 'Discard',
    },
    members: {
      add: 'Add member',
      addNext: 'Add the next person',
      remove: 'Remove',
      removed: 'Removed {{name}} from the list.',
      undo: 'Undo',
      moveUp: 'Up',
      moveDown: 'Down',
      moveUpLabel: 'Move {{name}} up',
      moveDownLabel: 'Move {{name}} down',
      position: 'Member {{n}}/{{total}}',
      untitled: 'Member {{n}}',
      count: 'Members: {{count, number}}',
      age: 'aged {{count, number}}',
      noDetails: 'no relation or birth year yet',
      pick: 'Choose a member in the list on the left.',
      keysHint: 'In the list: ↑ ↓ pick · Alt+↑ ↓ reorder · Delete remove',
      empty:
        'No members yet. Press "Add member" (Alt+M) to record each person in the household, starting with the head.',
      hasErrors: 'to fix',
    },
    issues: {
      summaryTitle: 'Not saved yet: to fix ({{count, number}})',
      summaryHint: 'Press a line to go to its question.',
      inMember: '{{member}} — {{question}}',
    },
  },
  validation: {
    required: 'Not answered. This question is required.',
    type: 'The answer has the wrong form. Enter it again.',
    choice_unknown: 'That choice is not in the list. Choose again.',
    choice_exclusive: '"None" cannot be chosen with other choices. Remove one side.',
    too_long: 'Too long: at most {{max}} characters.',
    out_of_range: 'Must be from {{min}} to {{max}}.',
    constraint: 'The answer is not valid. Check it again.',
    date_format: 'That date is not right. Enter day/month/year, for example 05/09/2025.',
    phone_format: 'Phone number not right: 10 digits starting with 03, 05, 07, 08 or 09.',
    phone_unknown_prefix: 'Unusual prefix. Check the phone number.',
    citizen_id_format: 'A citizen id has exactly 12 digits.',
    citizen_id_unknown_province:
      'The first three digits are not a known province code. Check the id.',
    citizen_id_sex_mismatch: 'The citizen id does not match the chosen sex. Check it.',
    citizen_id_birth_year_mismatch:
      'The citizen id says born in {{expected}}, not the year entered. Check it.',
    repeat_too_many_rows: 'Too many members: at most {{max}}.',
    repeat_row_count: 'The member list breaks a rule: {{count}} people meet its condition.',
  },
  dataCare: dataCareEn,
  console: consoleEn,
}
