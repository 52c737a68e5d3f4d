import { Badge, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** "đã đổi" next to a question whose answer differs from the last visit; the old one on hover. */
export function ChangedBadge({ oldValue }: { oldValue: string }) {
  const { t } = useTranslation()
  return (
    <Tooltip label={t('form.revisit.before', { value: oldValue })} withArrow>
      <Badge
        component="span"
        color="grape"
        variant="light"
        size="sm"
        radius="sm"
        ml={6}
        className="changed-badge"
        aria-label={t('form.revisit.changedWas', { value: oldValue })}
      >
        {t('form.revisit.changed')}
      </Badge>
    </Tooltip>
  )
}
