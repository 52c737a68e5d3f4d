import { Badge, Table, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { XlsFormIssue } from '../../../shared/api/http.contract'
import { consoleVi } from '../../i18n/console.vi'
import { withUniqueKeys } from '../common/unique-keys'

type IssueCode = keyof typeof consoleVi.publish.issues

/** What the XLSForm importer met, row by row: where (sheet, row, column) and what. */
export function XlsFormIssuesTable({ issues }: { issues: readonly XlsFormIssue[] }) {
  const { t } = useTranslation()
  return (
    <Table withTableBorder verticalSpacing="xs" fz="md" data-testid="xlsform-issues">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('console.publish.columns.severity')}</Table.Th>
          <Table.Th w={110}>{t('console.publish.columns.sheet')}</Table.Th>
          <Table.Th w={70} ta="right">
            {t('console.publish.columns.row')}
          </Table.Th>
          <Table.Th w={150}>{t('console.publish.columns.column')}</Table.Th>
          <Table.Th>{t('console.publish.columns.message')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {withUniqueKeys(issues, issueKey).map(({ item: issue, key }) => (
          <Table.Tr key={key} bg={issue.severity === 'error' ? 'red.0' : undefined}>
            <Table.Td>
              <Badge
                variant="light"
                radius="sm"
                color={issue.severity === 'error' ? 'red' : 'yellow'}
              >
                {t(`console.publish.severity.${issue.severity}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{issue.sheet ?? t('console.common.none')}</Table.Td>
            <Table.Td ta="right">{issue.row ?? t('console.common.none')}</Table.Td>
            <Table.Td ff="monospace">{issue.column ?? t('console.common.none')}</Table.Td>
            <Table.Td>
              <Text>{issueText(issue, t)}</Text>
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {t('console.publish.detail', { message: issue.message })}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The problem in the reader's language by its code; the server's text for a new code. */
function issueText(issue: XlsFormIssue, t: TFunction): string {
  return Object.hasOwn(consoleVi.publish.issues, issue.code)
    ? t(`console.publish.issues.${issue.code as IssueCode}`)
    : issue.message
}

function issueKey(issue: XlsFormIssue): string {
  return [issue.sheet ?? '', issue.row ?? '', issue.column ?? '', issue.code].join('/')
}
