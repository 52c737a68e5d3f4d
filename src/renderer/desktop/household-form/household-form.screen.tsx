import { Alert, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdDetail } from '../../../shared/api/ipc.contract'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import type { Answer, FormResponse } from '../../../shared/forms/form-response.schema'
import { computeRelevance } from '../../../shared/forms/relevance'
import type { ValidationIssue } from '../../../shared/forms/validation-issue'
import { householdFacts } from '../../../shared/household/household-facts'
import { newId } from '../../../shared/ids/uuid'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import type { VillageChoice } from '../../common/forms/form-text'
import { issueKey } from '../../common/forms/issue.messages'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'
import { rejectReasonText } from '../households/sync-state.badge'
import { DateField } from './date.field'
import {
  describeIssues,
  fieldMessages,
  type RowTitle,
  rowTitleText,
  type ShownIssue,
} from './form-issues'
import { SectionView } from './form-section.view'
import { addRow, newResponse, removeRow, setAnswer, villageAnswer } from './form-state'
import { IssueSummary } from './issue-summary.alert'
import { SavedWarningsModal } from './saved-warnings.modal'

const VISIT_DATE_FIELD = 'q-visit-date'
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export interface HouseholdFormScreenProps {
  form: FormDefinition
  villages: readonly VillageChoice[]
  village: VillageChoice
  today: string
  /** Absent for a new household. */
  householdId?: string
  /** Back to the list; `savedName` is the head's name when a save just happened. */
  onDone: (savedName: string | null) => void
}

/** Opens a saved household (or starts a new one) and hands it to the editor. */
export function HouseholdFormScreen(props: HouseholdFormScreenProps) {
  const { householdId } = props
  const loaded = useAsyncData<HouseholdDetail | null>(
    () => (householdId ? callMain('households.get', { id: householdId }) : Promise.resolve(null)),
    [householdId],
  )
  if (loaded.state === 'loading') return <Loader m="xl" />
  if (loaded.state === 'failed')
    return <LoadFailedAlert code={loaded.code} onRetry={loaded.reload} />
  return <HouseholdEditor {...props} detail={loaded.data} />
}

/**
 * The household form: the visit date, every section of the form definition drawn
 * generically, the member roster, and one primary action, "Lưu". The main process
 * validates on save; its issues are shown on their questions and summarised on top.
 */
function HouseholdEditor(props: HouseholdFormScreenProps & { detail: HouseholdDetail | null }) {
  const { form, villages, village, today, detail, onDone } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)

  const [response, setResponse] = useState<FormResponse>(
    () => detail?.response ?? newResponse(form, village.code),
  )
  const [visitDate, setVisitDate] = useState<string | undefined>(detail?.visitDate ?? today)
  const [householdId, setHouseholdId] = useState(detail?.id)
  const [rawIssues, setRawIssues] = useState<ValidationIssue[]>([])
  const [editedKeys, setEditedKeys] = useState<ReadonlySet<string>>(new Set())
  const [warnings, setWarnings] = useState<ShownIssue[]>([])
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [visitDateError, setVisitDateError] = useState<string | undefined>()
  const [opened, setOpened] = useState<string[]>([])
  const [scrollTarget, setScrollTarget] = useState<string | null>(null)
  const summaryRef = useRef<HTMLDivElement>(null)

  const validDate = visitDate && ISO_DATE.test(visitDate) ? visitDate : today
  const relevance = useMemo(
    () => computeRelevance(form, response, { visitDate: validDate }),
    [form, response, validDate],
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
  // Messages are rebuilt from the raw issues so that a language switch re-translates them.
  const shown = useMemo(
    () =>
      describeIssues(rawIssues, form, response, rowTitle, t, locale).filter(
        (issue) => !editedKeys.has(issue.key),
      ),
    [rawIssues, form, response, rowTitle, t, locale, editedKeys],
  )
  const messages = useMemo(() => fieldMessages(shown), [shown])
  const errors = shown.filter((issue) => issue.severity === 'error')
  const rowsWithErrors = useMemo(
    () => new Set(errors.flatMap((issue) => (issue.rowId ? [issue.rowId] : []))),
    [errors],
  )

  useEffect(() => {
    if (!scrollTarget) return
    const target = document.getElementById(scrollTarget)
    target?.scrollIntoView({ block: 'center' })
    target?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true })
    setScrollTarget(null)
  }, [scrollTarget])

  const edit = (key: string, next: FormResponse) => {
    setResponse(next)
    if (!editedKeys.has(key)) setEditedKeys(new Set([...editedKeys, key]))
  }
  const onHouseholdAnswer = (questionId: string, value: Answer | undefined) =>
    edit(questionId, setAnswer(response, questionId, value))
  const onRowAnswer =
    (repeat: string) => (rowId: string, questionId: string, value: Answer | undefined) =>
      edit(issueKey(questionId, rowId), setAnswer(response, questionId, value, { repeat, rowId }))

  const goTo = (issue: ShownIssue) => {
    if (issue.rowId && !opened.includes(issue.rowId)) setOpened([...opened, issue.rowId])
    setScrollTarget(issue.targetId)
  }

  const save = async () => {
    setSaveError(null)
    if (!visitDate || !ISO_DATE.test(visitDate)) {
      setVisitDateError(t('form.dateInvalid'))
      setScrollTarget(VISIT_DATE_FIELD)
      return
    }
    setSaving(true)
    try {
      const villageCode = villageAnswer(form, response) ?? village.code
      const out = await callMain('households.save', {
        ...(householdId ? { householdId } : {}),
        villageCode,
        visitDate,
        response,
      })
      setEditedKeys(new Set())
      if (out.status === 'invalid') {
        setRawIssues(out.issues)
        const described = describeIssues(out.issues, form, response, rowTitle, t, locale)
        const firstError = described.find((issue) => issue.severity === 'error')
        const errorRows = described.flatMap((i) =>
          i.severity === 'error' && i.rowId ? [i.rowId] : [],
        )
        setOpened([...new Set([...opened, ...errorRows])])
        setScrollTarget(firstError?.targetId ?? null)
        return
      }
      setHouseholdId(out.householdId)
      setRawIssues(out.warnings)
      if (out.warnings.length === 0) onDone(householdFacts(response).headName)
      else setWarnings(describeIssues(out.warnings, form, response, rowTitle, t, locale))
    } catch (error) {
      setSaveError(errorCode(error))
      summaryRef.current?.scrollIntoView({ block: 'center' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Stack gap="lg" pb={96}>
      <Title order={1} size="h2">
        {householdId ? t('form.editTitle') : t('form.newTitle')} · {village.name}
      </Title>
      {detail?.syncState === 'rejected' && detail.rejectReason ? (
        <Alert color="red" variant="light" title={t('form.rejectedTitle')}>
          <Text>{rejectReasonText(detail.rejectReason, t)}</Text>
          <Text size="sm">{t('form.rejectedHint')}</Text>
        </Alert>
      ) : null}
      {errors.length > 0 ? <IssueSummary errors={errors} onGoTo={goTo} /> : null}
      {saveError ? (
        <Alert ref={summaryRef} color="red" variant="light" role="alert" title={t('errors.title')}>
          {errorMessage(saveError, t)}
        </Alert>
      ) : null}
      <Text c="dimmed">{t('form.requiredNote')}</Text>

      <Paper withBorder p="lg" radius="md">
        <Box id={VISIT_DATE_FIELD}>
          <DateField
            label={t('form.visitDate')}
            required
            value={visitDate}
            error={visitDateError}
            onChange={(value) => {
              setVisitDate(value)
              setVisitDateError(undefined)
            }}
          />
        </Box>
      </Paper>

      {form.sections.map((section) =>
        relevance.isRelevant(section.id) ? (
          <SectionView
            key={section.id}
            section={section}
            response={response}
            relevance={relevance}
            villages={villages}
            messages={messages}
            rowsWithErrors={rowsWithErrors}
            opened={opened}
            onOpenedChange={setOpened}
            onHouseholdAnswer={onHouseholdAnswer}
            onRowAnswer={onRowAnswer(section.id)}
            onAddRow={() => {
              const id = newId()
              setResponse(addRow(response, section.id, id))
              setOpened([...opened, id])
            }}
            onRemoveRow={(rowId) => setResponse(removeRow(response, section.id, rowId))}
          />
        ) : null,
      )}

      <Paper
        withBorder
        p="md"
        radius="md"
        shadow="md"
        pos="sticky"
        bottom={12}
        style={{ zIndex: 5 }}
      >
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => onDone(null)} disabled={saving}>
            {t('form.cancel')}
          </Button>
          <Button size="lg" miw={180} onClick={() => void save()} loading={saving}>
            {t('form.save')}
          </Button>
        </Group>
      </Paper>

      <SavedWarningsModal
        warnings={warnings}
        onBackToList={() => onDone(householdFacts(response).headName)}
        onKeepEditing={() => setWarnings([])}
      />
    </Stack>
  )
}
