import {
  Button,
  Checkbox,
  Group,
  Kbd,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core'
import type { KeyboardEvent, ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Choice, Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import { currentLocale } from '../../i18n/i18n'
import { DateField } from './date.field'
import { choiceKeyHint } from './form-keyboard'
import { integerAnswer, multiAnswer, nextMultiSelection, textAnswer } from './form-state'

/** Up to this many choices are shown as radio buttons (all visible, one key); more as a list. */
export const MAX_RADIO_CHOICES = 6

export interface QuestionInputProps {
  question: Question
  label: ReactNode
  value: Answer | undefined
  onChange: (value: Answer | undefined) => void
  choices: readonly Choice[]
  error?: string
}

/** The control of one question, by its type. Labels and hints come from the form data. */
export function QuestionInput({
  question: q,
  label,
  value,
  onChange,
  choices,
  error,
}: QuestionInputProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const common = { label, description: q.hint?.[locale], withAsterisk: q.required, error }
  const text = typeof value === 'string' ? value : ''

  switch (q.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={text}
          maxLength={q.maxLength}
          autoComplete="off"
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
          styles={{ wrapper: { maxWidth: 280 } }}
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
          styles={{ wrapper: { maxWidth: 200 } }}
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
            { value: 'yes', label: t('answer.yes'), hint: t('form.keys.yes') },
            { value: 'no', label: t('answer.no'), hint: t('form.keys.no') },
          ]}
        />
      )
    case 'select_one': {
      const options = choices.map((c, i) => ({
        value: c.value,
        label: c.label[locale],
        hint: choiceKeyHint(i),
      }))
      if (options.length > MAX_RADIO_CHOICES) {
        return (
          <Select
            {...common}
            data={options}
            value={text || null}
            searchable
            clearable={!q.required}
            placeholder={t('form.selectPlaceholder')}
            styles={{ wrapper: { maxWidth: 420 } }}
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
    case 'select_multiple':
      return <CheckboxChoices {...common} choices={choices} value={value} onChange={onChange} />
  }
}

/** A choice's label with its key hint in front; the hint is not part of the spoken name. */
function ChoiceLabel({ hint, text }: { hint: string | null; text: string }) {
  return (
    <>
      {hint ? (
        <Kbd size="xs" mr={8} aria-hidden="true" className="choice-key">
          {hint}
        </Kbd>
      ) : null}
      {text}
    </>
  )
}

interface RadioChoicesProps {
  label: ReactNode
  description: string | undefined
  withAsterisk: boolean
  error: string | undefined
  value: string | null
  onChange: (value: string) => void
  options: { value: string; label: string; hint: string | null }[]
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
          <Radio
            key={o.value}
            value={o.value}
            aria-label={o.label}
            label={<ChoiceLabel hint={o.hint} text={o.label} />}
          />
        ))}
        {clearable ? (
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear} tabIndex={-1}>
            {t('answer.clear')}
          </Button>
        ) : null}
      </Group>
    </Radio.Group>
  )
}

interface CheckboxChoicesProps {
  label: ReactNode
  description: string | undefined
  withAsterisk: boolean
  error: string | undefined
  choices: readonly Choice[]
  value: Answer | undefined
  onChange: (value: Answer | undefined) => void
}

/**
 * Ticks of a multiple choice. The group is one Tab stop (the arrows move between its
 * boxes, Space or the number keys tick), so Tab moves question by question.
 */
function CheckboxChoices({ choices, value, onChange, ...group }: CheckboxChoicesProps) {
  const { i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const [active, setActive] = useState(0)
  const selected = multiAnswer(value)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key]
    if (step === undefined) return
    const boxes = [
      ...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
    ]
    const from = boxes.indexOf(event.target as HTMLInputElement)
    const next = boxes[Math.max(0, Math.min(boxes.length - 1, from + step))]
    if (!next) return
    event.preventDefault()
    next.focus()
  }

  return (
    <Checkbox.Group
      {...group}
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
        maw={760}
        onKeyDown={onKeyDown}
      >
        {choices.map((c, i) => (
          <Checkbox
            key={c.value}
            value={c.value}
            aria-label={c.label[locale]}
            tabIndex={i === Math.min(active, choices.length - 1) ? 0 : -1}
            onFocus={() => setActive(i)}
            label={<ChoiceLabel hint={choiceKeyHint(i)} text={c.label[locale]} />}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  )
}
