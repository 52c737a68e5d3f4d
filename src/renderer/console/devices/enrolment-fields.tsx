import { Select, Stack, TextInput } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { serverUrlSchema } from '../../../shared/api/http/devices.contract'
import type { CommuneOption } from '../common/communes.hook'

/** What both enrolment dialogs ask: the commune, how long it stays valid, the server address. */
export interface EnrolmentRequest {
  commune: string | null
  validHours: string
  serverUrl: string
}

/** The address of this console: devices usually reach the server the same way. */
export function defaultServerUrl(): string {
  return window.location.origin
}

export function enrolmentErrors(request: EnrolmentRequest, t: TFunction) {
  return {
    commune: request.commune ? null : t('console.validation.required'),
    serverUrl: serverUrlSchema.safeParse(request.serverUrl.trim()).success
      ? null
      : t('console.validation.serverUrl'),
  }
}

/** The fields of an enrolment dialog; `validity` lists the offered lifetimes in hours. */
export function EnrolmentFields({
  request,
  onChange,
  communes,
  validity,
  touched,
}: {
  request: EnrolmentRequest
  onChange: (request: EnrolmentRequest) => void
  communes: CommuneOption[]
  validity: readonly number[]
  touched: boolean
}) {
  const { t } = useTranslation()
  const errors = enrolmentErrors(request, t)
  return (
    <Stack gap="md">
      <Select
        label={t('console.enrolment.commune')}
        placeholder={t('console.enrolment.communePlaceholder')}
        data={communes}
        value={request.commune}
        onChange={(commune) => onChange({ ...request, commune })}
        searchable
        required
        error={touched ? errors.commune : null}
        // The dialog focuses this first: the list opens on a click, not over the other fields.
        openOnFocus={false}
      />
      <Select
        label={t('console.enrolment.validFor')}
        data={validity.map((hours) => ({
          value: String(hours),
          label:
            hours % 24 === 0
              ? t('console.enrolment.days', { count: hours / 24 })
              : t('console.enrolment.hours', { count: hours }),
        }))}
        value={request.validHours}
        onChange={(value) => value && onChange({ ...request, validHours: value })}
        allowDeselect={false}
      />
      <TextInput
        label={t('console.enrolment.serverUrl')}
        description={t('console.enrolment.serverUrlHint')}
        value={request.serverUrl}
        onChange={(e) => onChange({ ...request, serverUrl: e.currentTarget.value })}
        error={touched ? errors.serverUrl : null}
      />
    </Stack>
  )
}
