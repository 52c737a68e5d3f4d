import { Alert, Stack, Text } from '@mantine/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Draft, DuplicateCandidate } from '../../../shared/api/ipc.contract'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { computeRelevance } from '../../../shared/forms/relevance'
import type { ValidationIssue } from '../../../shared/forms/validation-issue'
import { householdFacts } from '../../../shared/household/household-facts'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import { diffResponses } from '../../common/forms/answer-diff'
import { issueKey } from '../../common/forms/issue.messages'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'
import { DiscardDraftModal } from './discard-draft.modal'
import { DraftActionsBar } from './draft-actions.bar'
import type { DraftFormScreenProps } from './draft-form.screen'
import { DraftHeader, VISIT_DATE_FIELD } from './draft-header.view'
import { useDraftState } from './draft-state.hook'
import { DuplicateNotice } from './duplicate.notice'
import { useDuplicateCheck } from './duplicate-check.hook'
import { FinalizeConfirmModal } from './finalize-confirm.modal'
import { type FocusRequest, useFocusRequests } from './focus-requests.hook'
import { cursorOf, focusBlock, siblingBlock } from './form-focus'
import {
  describeIssues,
  fieldDomId,
  fieldMessages,
  type RowTitle,
  rowTitleText,
  type ShownIssue,
} from './form-issues'
import { FieldsSectionView } from './form-section.view'
import { useFormShortcuts } from './form-shortcuts.hook'
import { villageAnswer } from './form-state'
import { IssueSummary } from './issue-summary.alert'
import { ResultOnlyNote, VISIT_RESULT } from './result-only.note'
import { RosterSection } from './roster.section'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The visit form on a draft: every answer autosaved, the member roster beside the open
 * member's questions, relevance live, keyboard first. "Hoàn tất phiếu" asks the main
 * process to finalise: errors come back onto their questions, warnings and possible
 * duplicates into a dialog that can be confirmed.
 */
export function DraftEditor(props: DraftFormScreenProps & { draft: Draft }) {
  const { draft, form, villages, team, onDone } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const roster = form.sections.find((s) => s.kind === 'repeat')
  const state = useDraftState(draft, roster)
  const { response } = state
  const [rawIssues, setRawIssues] = useState<ValidationIssue[]>([])
  const [editedKeys, setEditedKeys] = useState<ReadonlySet<string>>(new Set())
  const [confirm, setConfirm] = useState<{ duplicates: DuplicateCandidate[] } | null>(null)
  const [busy, setBusy] = useState<'finalize' | 'discard' | 'leave' | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [discardOpen, setDiscardOpen] = useState(false)
  const [visitDateError, setVisitDateError] = useState<string | undefined>()
  const rootRef = useRef<HTMLDivElement>(null)
  const addButtonRef = useRef<HTMLButtonElement>(null)
  const undoButtonRef = useRef<HTMLButtonElement>(null)
  const finalizeRef = useRef<HTMLButtonElement>(null)
  const { request, ready } = useFocusRequests(rootRef, { undo: undoButtonRef })

  const visitDate =
    state.visitDate && ISO_DATE.test(state.visitDate) ? state.visitDate : draft.visitDate
  const relevance = useMemo(
    () => computeRelevance(form, response, { visitDate }),
    [form, response, visitDate],
  )
  const diff = useMemo(
    () => (draft.previous ? diffResponses(draft.previous, response) : null),
    [draft.previous, response],
  )
  const rowTitle = useCallback<RowTitle>(
    (repeat, row, index) =>
      rowTitleText(
        form.sections.find((s) => s.id === repeat),
        row,
        index,
        t,
      ),
    [form, t],
  )
  const shown = useMemo(
    () =>
      describeIssues(rawIssues, form, response, rowTitle, t, locale).filter(
        (issue) => !editedKeys.has(issue.key),
      ),
    [rawIssues, form, response, rowTitle, t, locale, editedKeys],
  )
  const messages = useMemo(() => fieldMessages(shown), [shown])
  const errors = shown.filter((issue) => issue.severity === 'error')
  const warnings = shown.filter((issue) => issue.severity === 'warning')
  const rowsWithErrors = new Set(errors.flatMap((issue) => (issue.rowId ? [issue.rowId] : [])))
  const villageCode = villageAnswer(form, response) ?? draft.villageCode
  const duplicates = useDuplicateCheck(draft.householdId === null, villageCode, response)
  const rosterShown = roster !== undefined && relevance.isRelevant(roster.id)
  const headName = householdFacts(response).headName
  const modalOpen = confirm !== null || discardOpen

  // On opening: back to where the person was, or the first question still unanswered.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on the draft as opened
  useEffect(() => {
    const c = draft.cursor
    if (c?.questionId) {
      request({
        kind: 'question',
        targetId: fieldDomId(c.questionId, c.rowId),
        scroll: 'center',
        fallback: true,
      })
      return
    }
    const household = form.sections.filter((s) => s.kind === 'fields')
    const first = household
      .flatMap((s) => flattenQuestions(s.items))
      .find((q) => relevance.isRelevant(q.id) && response.answers[q.id] === undefined)
    request({
      kind: 'question',
      targetId: fieldDomId(first?.id ?? ''),
      scroll: 'nearest',
      fallback: true,
    })
  }, [])

  const markEdited = (key: string) => {
    if (!editedKeys.has(key)) setEditedKeys(new Set([...editedKeys, key]))
  }
  const onAnswer = (
    questionId: string,
    value: Parameters<typeof state.answer>[1],
    rowId?: string,
  ) => {
    state.answer(questionId, value, rowId)
    markEdited(issueKey(questionId, rowId))
  }

  const goTo = (issue: ShownIssue) => {
    setConfirm(null)
    if (issue.rowId) state.setOpenRowId(issue.rowId)
    request({ kind: 'question', targetId: issue.targetId, scroll: 'center', fallback: false })
  }

  const navigate = (from: HTMLElement, step: 1 | -1) => {
    const root = rootRef.current
    const next = root ? siblingBlock(root, from, step) : null
    if (next) {
      focusBlock(next)
      return
    }
    if (step === -1) return
    const rows = roster ? (state.latest.current.response.repeats[roster.id] ?? []) : []
    const rowId = from.dataset.rowId
    const following = rowId ? rows[rows.findIndex((r) => r.id === rowId) + 1] : undefined
    if (following) {
      state.setOpenRowId(following.id)
      request({ kind: 'member', rowId: following.id })
    } else if (rosterShown) addButtonRef.current?.focus()
    else finalizeRef.current?.focus()
  }

  const addMember = () => {
    if (!roster || !rosterShown) return
    const added = state.addMember()
    if (!added) return
    const targetId = fieldDomId(roster.rowLabel ?? 'full_name', added.rowId)
    const focus: FocusRequest = { kind: 'question', targetId, scroll: 'nearest', fallback: false }
    request(added.preset ? { ...focus, select: true } : focus)
  }

  const removeMember = (rowId: string) => {
    state.removeMember(rowId)
    request({ kind: 'undo' })
  }

  const finalize = async (confirmWarnings: boolean) => {
    if (busy) return
    setActionError(null)
    const date = state.latest.current.visitDate
    if (!date || !ISO_DATE.test(date)) {
      setVisitDateError(t('form.dateInvalid'))
      request({ kind: 'question', targetId: VISIT_DATE_FIELD, scroll: 'center', fallback: false })
      return
    }
    setBusy('finalize')
    try {
      await state.autosave.flush()
      const out = await callMain('drafts.finalize', { id: draft.id, confirmWarnings })
      setEditedKeys(new Set())
      if (out.status === 'saved') {
        onDone({ kind: 'saved', villageCode, householdId: out.householdId, headName })
        return
      }
      if (out.status === 'needs_confirmation') {
        setRawIssues(out.warnings)
        setConfirm({ duplicates: out.duplicates })
        return
      }
      setConfirm(null)
      setRawIssues(out.issues)
      const current = state.latest.current.response
      const first = describeIssues(out.issues, form, current, rowTitle, t, locale).find(
        (issue) => issue.severity === 'error',
      )
      if (first) goTo(first)
    } catch (error) {
      setActionError(errorCode(error))
    } finally {
      setBusy(null)
    }
  }

  const leaveThen = async (outcome: () => void) => {
    setBusy('leave')
    try {
      await state.autosave.flush()
      outcome()
    } catch (error) {
      setActionError(errorCode(error))
      setBusy(null)
    }
  }

  const discard = async () => {
    setBusy('discard')
    try {
      // The draft is being thrown away: a change not written yet no longer matters.
      await state.autosave.flush().catch(() => undefined)
      state.autosave.dispose()
      await callMain('drafts.discard', { id: draft.id })
      onDone({ kind: 'discarded', villageCode })
    } catch (error) {
      setDiscardOpen(false)
      setActionError(errorCode(error))
      setBusy(null)
    }
  }

  useFormShortcuts(state.autosave, !modalOpen, (action) =>
    action === 'finalize' ? void finalize(false) : addMember(),
  )

  const itemsContext = {
    relevance,
    villages,
    messages,
    onNavigate: navigate,
    onLeave: () => void state.autosave.flush().catch(() => undefined),
  }
  const visitResultQuestion = form.sections
    .flatMap((s) => flattenQuestions(s.items))
    .find((q) => q.id === VISIT_RESULT)
  const villageName = (code: string) => villages.find((v) => v.code === code)?.name ?? code
  const title = draft.householdId
    ? t('form.revisitTitle', { name: headName || t('form.unnamed') })
    : t('form.newTitle', { village: villageName(villageCode) })

  return (
    <Stack
      gap="lg"
      pb={110}
      ref={rootRef}
      className="draft-form"
      data-form-ready={ready ? 'true' : undefined}
      onFocus={(event) => {
        const cursor = cursorOf(event.target)
        if (cursor) state.moveCursor(cursor)
      }}
    >
      <DraftHeader
        title={title}
        previousVisitDate={draft.previousVisitDate}
        saveState={state.saveState}
        visitDate={state.visitDate}
        visitDateError={visitDateError}
        onVisitDate={(value) => {
          state.changeVisitDate(value)
          setVisitDateError(undefined)
        }}
        team={team}
        enumeratorId={state.enumeratorId}
        onEnumerator={state.changeEnumerator}
      />
      {errors.length > 0 ? <IssueSummary errors={errors} onGoTo={goTo} /> : null}
      {actionError ? (
        <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
          {errorMessage(actionError, t)}
        </Alert>
      ) : null}
      <Text c="dimmed">{t('form.requiredNote')}</Text>
      {form.sections.map((section) =>
        section.kind === 'fields' && relevance.isRelevant(section.id) ? (
          <FieldsSectionView
            key={section.id}
            section={section}
            answers={response.answers}
            context={itemsContext}
            changes={diff?.household}
            onAnswer={(questionId, value) => onAnswer(questionId, value)}
          />
        ) : null,
      )}
      <ResultOnlyNote response={response} visitResultQuestion={visitResultQuestion} />
      <DuplicateNotice
        check={duplicates}
        onOpen={(duplicate) => void leaveThen(() => onDone({ kind: 'openHousehold', duplicate }))}
      />
      {roster && rosterShown ? (
        <RosterSection
          section={roster}
          rows={response.repeats[roster.id] ?? []}
          openRowId={state.openRowId}
          visitDate={visitDate}
          context={{ ...itemsContext, sectionId: roster.id }}
          rowsWithErrors={rowsWithErrors}
          sectionError={messages.get(roster.id)?.error}
          diff={diff}
          removed={
            state.removed
              ? { name: rowTitleText(roster, state.removed.row, state.removed.index, t) }
              : null
          }
          onUndoRemove={state.undoRemove}
          onOpen={state.setOpenRowId}
          onAnswer={(rowId, questionId, value) => onAnswer(questionId, value, rowId)}
          onAdd={addMember}
          onRemove={removeMember}
          onMove={state.moveMember}
          addButtonRef={addButtonRef}
          undoButtonRef={undoButtonRef}
        />
      ) : null}

      <DraftActionsBar
        busy={busy !== null}
        finalizing={busy === 'finalize' && confirm === null}
        finalizeRef={finalizeRef}
        onLeave={() => void leaveThen(() => onDone({ kind: 'left', villageCode }))}
        onDiscard={() => setDiscardOpen(true)}
        onFinalize={() => void finalize(false)}
      />

      <FinalizeConfirmModal
        opened={confirm !== null}
        warnings={warnings}
        duplicates={confirm?.duplicates ?? []}
        villageName={villageName}
        saving={busy === 'finalize'}
        onSaveAnyway={() => void finalize(true)}
        onBack={() => setConfirm(null)}
        onGoTo={goTo}
        onOpenHousehold={(duplicate) =>
          void leaveThen(() => onDone({ kind: 'openHousehold', duplicate }))
        }
      />
      <DiscardDraftModal
        opened={discardOpen}
        isRevisit={draft.householdId !== null}
        busy={busy === 'discard'}
        onDiscard={() => void discard()}
        onClose={() => setDiscardOpen(false)}
      />
    </Stack>
  )
}
