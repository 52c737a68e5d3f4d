import { Alert, Anchor, List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DuplicateCandidate } from '../../../shared/api/ipc.contract'
import type { DuplicateCheck } from './duplicate-check.hook'

interface DuplicateNoticeProps {
  check: DuplicateCheck
  onOpen: (duplicate: DuplicateCandidate) => void
}

/** "Hộ này có thể đã được ghi" with a link to each household that may be the same. */
export function DuplicateNotice({ check, onOpen }: DuplicateNoticeProps) {
  const { t } = useTranslation()
  if (check.candidates.length === 0) return null
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('form.duplicates.title')}
      data-testid="duplicate-notice"
    >
      <Text size="sm" mb={4}>
        {t('form.duplicates.hint')}
      </Text>
      <List spacing={4}>
        {check.candidates.map((d) => (
          <List.Item key={d.householdId}>
            <Text span fw={600}>
              {d.headName}
            </Text>
            {d.address ? ` — ${d.address}` : ''}{' '}
            <Anchor component="button" type="button" onClick={() => onOpen(d)}>
              {t('form.confirm.openHousehold')}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
