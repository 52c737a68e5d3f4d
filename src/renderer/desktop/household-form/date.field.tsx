import { TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatIsoDate, parseDisplayDate } from '../../common/format/date.format'

interface DateFieldProps {
  label: ReactNode
  description?: string
  required?: boolean
  /** ISO `YYYY-MM-DD`, or what was typed when it is not a date yet. */
  value: string | undefined
  /** Called with the ISO date, the raw text when it is not a date, or undefined when empty. */
  onChange: (value: string | undefined) => void
  error?: string
}

/**
 * A date typed as dd/mm/yyyy, the way people in Vietnam write it (a browser date picker
 * would follow the machine's locale instead). Text that is not a date yet is passed on
 * as is, so validation can say so.
 */
export function DateField({
  label,
  description,
  required,
  value,
  onChange,
  error,
}: DateFieldProps) {
  const { t } = useTranslation()
  const [text, setText] = useState(() => (value ? formatIsoDate(value) : ''))
  const [touched, setTouched] = useState(false)

  // Follow outside changes (loading a saved household) without fighting the typist.
  useEffect(() => {
    const shown = parseDisplayDate(text)
    if (value !== undefined && shown !== value && text !== value) setText(formatIsoDate(value))
  }, [value, text])

  const parsed = parseDisplayDate(text)
  const localError = touched && text.trim() !== '' && !parsed ? t('form.dateInvalid') : undefined

  return (
    <TextInput
      label={label}
      description={description}
      withAsterisk={required}
      placeholder={t('form.datePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      value={text}
      error={error ?? localError}
      onBlur={() => setTouched(true)}
      onChange={(event) => {
        const next = event.currentTarget.value
        setText(next)
        const trimmed = next.trim()
        onChange(trimmed === '' ? undefined : (parseDisplayDate(trimmed) ?? trimmed))
      }}
      styles={{ wrapper: { maxWidth: 220 } }}
    />
  )
}
