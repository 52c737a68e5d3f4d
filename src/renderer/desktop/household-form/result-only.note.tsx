import { Alert, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Question } from '../../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../../shared/forms/form-response.schema'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'

/** The default form's questions that decide whether the rest of the visit is recorded. */
export const VISIT_RESULT = 'visit_result'
export const CONSENT = 'consent'
const COMPLETED = 'completed'

/** Why only the visit result is kept, or null when the whole form is asked. */
export function resultOnlyReason(response: FormResponse): 'result' | 'consent' | null {
  const result = response.answers[VISIT_RESULT]
  if (typeof result === 'string' && result !== COMPLETED) return 'result'
  if (result === COMPLETED && response.answers[CONSENT] === false) return 'consent'
  return null
}

/**
 * Said where the rest of the form used to be: for a household that was absent, refused or
 * has moved, or did not consent, only the visit result is kept, and that is enough.
 */
export function ResultOnlyNote({
  response,
  visitResultQuestion,
}: {
  response: FormResponse
  visitResultQuestion: Question | undefined
}) {
  const { t, i18n } = useTranslation()
  const reason = resultOnlyReason(response)
  if (!reason) return null
  const result = String(response.answers[VISIT_RESULT])
  const label = choiceLabel(visitResultQuestion?.choices ?? [], result, currentLocale(i18n))
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('form.resultOnly.title')}
      data-testid="result-only"
    >
      <Text>
        {reason === 'consent'
          ? t('form.resultOnly.noConsent')
          : t('form.resultOnly.result', { result: label })}
      </Text>
    </Alert>
  )
}
