import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DayRange } from './dates'

/**
 * The "from day / to day" pair of a list's filters (dd/mm/yyyy), with the errors
 * readDayRange found: an unreadable date, or an end before the start.
 */
export function DayRangeInputs({
  from,
  to,
  range,
  labels,
  onChange,
  width,
}: {
  from: string
  to: string
  range: DayRange
  labels: { from: string; to: string; placeholder: string }
  onChange: (key: 'from' | 'to', value: string) => void
  width: number
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={labels.from}
        placeholder={labels.placeholder}
        value={from}
        onChange={(e) => onChange('from', e.currentTarget.value)}
        error={range.fromError ? t('console.validation.date') : null}
        w={width}
      />
      <TextInput
        label={labels.to}
        placeholder={labels.placeholder}
        value={to}
        onChange={(e) => onChange('to', e.currentTarget.value)}
        error={range.toError ? t(`console.validation.${range.toError}`) : null}
        w={width}
      />
    </>
  )
}
