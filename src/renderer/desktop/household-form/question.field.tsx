import {
  Box,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Choice, Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import { currentLocale } from '../../i18n/i18n'
import { DateField } from './date.field'
import { integerAnswer, multiAnswer, nextMultiSelection, textAnswer } from './form-state'

/** Up to this many choices are shown as radio buttons (all visible, one click); more as a list. */
const MAX_RADIO_CHOICES = 6

export interface QuestionFieldProps {
  question: Question
  value: Answer | undefined
  onChange: (value: Answer | undefined) => void
  /** The question's choices, reference data already filled in. */
  choices: readonly Choice[]
  /** DOM id of the question's block, so the issue summary can scroll to it. */
  fieldId: string
  error?: string
  warning?: string
}

/** One question, drawn by its type. Labels and hints come from the form data. */
export function QuestionField(props: QuestionFieldProps) {
  const { warning, fieldId } = props
  return (
    <Box id={fieldId} data-question={props.question.id}>
      <FieldInput {...props} />
      {warning ? (
        <Text size="sm" c="orange.9" mt={4} role="status">
          {warning}
        </Text>
      ) : null}
    </Box>
  )
}

function FieldInput({ question: q, value, onChange, choices, error }: QuestionFieldProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const common = {
    label: q.label[locale],
    description: q.hint?.[locale],
    withAsterisk: q.required,
    error,
  }
  const text = typeof value === 'string' ? value : ''

  switch (q.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={text}
          maxLength={q.maxLength}
          onChange={(e) => onChange(textAnswer(e.currentTarget.value))}
        />
      )
    case 'phone':
    case 'citizen_id':
      return (
        <TextInput
          {...common}
          value={text}
          type={q.type === 'phone' ? 'tel' : 'text'}
          inputMode={q.type === 'phone' ? 'tel' : 'numeric'}
          autoComplete="off"
          maw={280}
          onChange={(e) => onChange(textAnswer(e.currentTarget.value))}
        />
      )
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          allowDecimal={false}
          allowNegative={(q.min ?? 0) < 0}
          clampBehavior="none"
          hideControls
          placeholder={t('form.integerPlaceholder')}
          maw={200}
          onChange={(v) => onChange(integerAnswer(v))}
        />
      )
    case 'date':
      return (
        <DateField
          label={common.label}
          description={common.description}
          required={q.required}
          error={error}
          value={text || undefined}
          onChange={onChange}
        />
      )
    case 'yes_no':
      return (
        <RadioChoices
          {...common}
          clearable={!q.required && typeof value === 'boolean'}
          onClear={() => onChange(undefined)}
          value={value === true ? 'yes' : value === false ? 'no' : null}
          onChange={(v) => onChange(v === 'yes')}
          options={[
            { value: 'yes', label: t('answer.yes') },
            { value: 'no', label: t('answer.no') },
          ]}
        />
      )
    case 'select_one': {
      const options = choices.map((c) => ({ value: c.value, label: c.label[locale] }))
      if (options.length > MAX_RADIO_CHOICES) {
        return (
          <Select
            {...common}
            data={options}
            value={text || null}
            searchable
            clearable={!q.required}
            placeholder={t('form.selectPlaceholder')}
            maw={420}
            onChange={(v) => onChange(v ?? undefined)}
          />
        )
      }
      return (
        <RadioChoices
          {...common}
          clearable={!q.required && text !== ''}
          onClear={() => onChange(undefined)}
          value={text || null}
          onChange={onChange}
          options={options}
        />
      )
    }
    case 'select_multiple': {
      const selected = multiAnswer(value)
      return (
        <Checkbox.Group
          {...common}
          value={selected}
          onChange={(next) => {
            const kept = nextMultiSelection(choices, selected, next)
            onChange(kept.length > 0 ? kept : undefined)
          }}
        >
          <SimpleGrid
            cols={{ base: 1, sm: choices.length > 4 ? 2 : 1 }}
            spacing="xs"
            mt={6}
            maw={720}
          >
            {choices.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label[locale]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )
    }
  }
}

interface RadioChoicesProps {
  label: string
  description: string | undefined
  withAsterisk: boolean
  error: string | undefined
  value: string | null
  onChange: (value: string) => void
  options: { value: string; label: string }[]
  clearable: boolean
  onClear: () => void
}

/** A few choices side by side as radio buttons, with a way back to "no answer". */
function RadioChoices(props: RadioChoicesProps): ReactNode {
  const { t } = useTranslation()
  const { options, clearable, onClear, ...group } = props
  return (
    <Radio.Group {...group}>
      <Group gap="lg" mt={6} wrap="wrap">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
        {clearable ? (
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear}>
            {t('answer.clear')}
          </Button>
        ) : null}
      </Group>
    </Radio.Group>
  )
}
