import { Alert, Anchor, List, Text } from '@mantine/core'
import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShownIssue } from './form-issues'

interface IssueSummaryProps {
  errors: readonly ShownIssue[]
  onGoTo: (issue: ShownIssue) => void
}

/** The list of what blocks saving, at the top of the form; each line leads to its question. */
export const IssueSummary = forwardRef<HTMLDivElement, IssueSummaryProps>(function IssueSummary(
  { errors, onGoTo },
  ref,
) {
  const { t } = useTranslation()
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      role="alert"
      title={t('form.issues.summaryTitle', { count: errors.length })}
      tabIndex={-1}
    >
      <Text size="sm" mb="xs">
        {t('form.issues.summaryHint')}
      </Text>
      <List spacing={4}>
        {errors.map((issue) => (
          <List.Item key={`${issue.key}:${issue.text}`}>
            <Anchor
              component="button"
              type="button"
              c="red.9"
              fw={600}
              onClick={() => onGoTo(issue)}
            >
              {issue.where}:
            </Anchor>{' '}
            {issue.text}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
})
