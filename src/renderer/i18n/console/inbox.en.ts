import type { InboxMessages } from './inbox.vi'

/** English messages of one inbox batch and of settling the quarantine. */
export const inboxEn: InboxMessages = {
  back: '← Batch inbox',
  title: 'Batch {{id}}',
  intro: 'Where and when this batch came from, and what happened to each record it brought.',
  refusedTitle: 'Batch refused: no record was stored',
  bytes_one: '{{count, number}} byte',
  bytes_other: '{{count, number}} bytes',
  repeats_one: '{{count, number}} record had arrived in an earlier batch and was not stored again.',
  repeats_other:
    '{{count, number}} records had arrived in an earlier batch and were not stored again.',
  quarantine: {
    noHeadName: '(no head’s name yet)',
    state: 'State',
    states: { open: 'Waiting', dismissed: 'Set aside' },
    select: 'Select this record',
    selectAll: 'Select the whole page',
    selected_one: '{{count, number}} record selected',
    selected_other: '{{count, number}} records selected',
    recheck: 'Check again',
    recheckHint:
      'Check again against the villages and form versions the province has now. Records that pass are taken into their households.',
    dismiss: 'Set aside…',
    dismissTitle: 'Set the selected records aside',
    dismissText:
      'The records stay in the log — nothing is deleted — and are not taken into households. Write why, for whoever looks next.',
    note: 'Reason',
    notePlaceholder: 'For example: the household was surveyed again on another form',
    noteRequired: 'A reason is required',
    confirmDismiss: 'Set aside',
    rechecked:
      'Checked {{total, number}} records again: {{accepted, number}} taken into households, {{rejected, number}} still rejected.',
    dismissed_one: '{{count, number}} record set aside.',
    dismissed_other: '{{count, number}} records set aside.',
    handled: '{{by}} · {{at}}',
  },
}
