import type { ReviewMessages } from './review.vi'

/** English messages of record review. */
export const reviewEn: ReviewMessages = {
  states: {
    received: 'Awaiting review',
    approved: 'Approved',
    has_issues: 'Needs completing',
    rejected: 'Rejected',
  },
  actions: {
    approved: 'Approve',
    has_issues: 'Needs completing',
    rejected: 'Reject',
  },
  title: 'Review',
  decidedBy: '{{name}} · {{time}}',
  changedSince:
    'The household changed after its last review ({{state}}, {{name}} · {{time}}), so it needs reviewing again.',
  viewerNote: 'Commune staff read and comment; only province staff review records.',
  decideTitle: {
    approved: 'Approve this record',
    has_issues: 'Ask for completion',
    rejected: 'Reject this record',
  },
  decideManyTitle: {
    approved: 'Approve {{count, number}} records',
    has_issues: 'Ask for completion of {{count, number}} records',
    rejected: 'Reject {{count, number}} records',
  },
  comment: 'Note',
  commentOptional: 'Note (optional)',
  commentPlaceholder: "For example: the child's citizen id is missing, please ask the village team",
  commentRequired: 'Say what is to be completed, or why the record is rejected.',
  confirm: {
    approved: 'Approve',
    has_issues: 'Ask for completion',
    rejected: 'Reject',
  },
  stale: 'This household has just changed. The page was reloaded: look at it again, then review.',
  threadEmpty: 'Nobody has reviewed or commented on this record yet.',
  eventDecision: 'chose “{{state}}”',
  eventComment: 'commented',
  eventOld: 'on an earlier version of the household',
  addComment: 'Comment',
  addCommentPlaceholder: 'A comment for the province and the village team',
  send: 'Send comment',
  bulk: {
    selected_one: '{{count, number}} household selected',
    selected_other: '{{count, number}} households selected',
    clear: 'Clear selection',
    limit: 'At most {{count, number}} households at a time.',
    done: '{{count, number}} records updated.',
    stale_one:
      '{{count, number}} household has just changed and was left as it was; look at it again.',
    stale_other:
      '{{count, number}} households have just changed and were left as they were; look at them again.',
    missing: '{{count, number}} households are no longer on the server.',
  },
  audit: {
    approved: 'Record approved',
    has_issues: 'Record sent back for completion',
    rejected: 'Record rejected',
    commented: 'Record commented',
  },
}
