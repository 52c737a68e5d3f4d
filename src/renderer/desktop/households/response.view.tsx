import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  type FormDefinition,
  flattenQuestions,
  type Question,
} from '../../../shared/forms/form-definition.schema'
import type { Answers, FormResponse } from '../../../shared/forms/form-response.schema'
import { formatAnswer } from '../../common/forms/answer.format'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import { rowTitleText } from '../household-form/form-issues'

interface ResponseViewProps {
  form: FormDefinition
  response: FormResponse
  villages: readonly VillageChoice[]
}

/** A saved visit, read only: the answered household questions, then each member's. */
export function ResponseView({ form, response, villages }: ResponseViewProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      {form.sections.map((section) => {
        const questions = flattenQuestions(section.items)
        if (section.kind === 'fields') {
          return (
            <AnswerGrid
              key={section.id}
              questions={questions}
              answers={response.answers}
              villages={villages}
            />
          )
        }
        const rows = response.repeats[section.id] ?? []
        if (rows.length === 0) return null
        return (
          <Stack key={section.id} gap="sm">
            {rows.map((row, index) => (
              <Stack key={row.id} gap={4}>
                <Title order={4} size="h5">
                  {index + 1}. {rowTitleText(section, row, index, t)}
                </Title>
                <AnswerGrid questions={questions} answers={row.answers} villages={villages} />
              </Stack>
            ))}
          </Stack>
        )
      })}
    </Stack>
  )
}

function AnswerGrid({
  questions,
  answers,
  villages,
}: {
  questions: readonly Question[]
  answers: Answers
  villages: readonly VillageChoice[]
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const words = { yes: t('answer.yes'), no: t('answer.no'), empty: t('answer.empty') }
  const answered = questions.filter((q) => answers[q.id] !== undefined)
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing={4}>
      {answered.map((q) => (
        <Text key={q.id} size="sm">
          <Text span c="dimmed" size="sm">
            {q.label[locale]}:
          </Text>{' '}
          {formatAnswer(q, answers[q.id], locale, words, questionChoices(q, villages))}
        </Text>
      ))}
    </SimpleGrid>
  )
}
