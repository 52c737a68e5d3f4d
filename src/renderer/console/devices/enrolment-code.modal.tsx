import {
  Alert,
  Button,
  CopyButton,
  Group,
  Image,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { formatDateTime } from '../../common/format/date.format'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { textToBase64 } from '../common/browser-file'
import type { CommuneOption } from '../common/communes.hook'
import { ErrorAlert } from '../common/error.alert'
import {
  defaultServerUrl,
  EnrolmentFields,
  type EnrolmentRequest,
  enrolmentErrors,
} from './enrolment-fields'

const VALIDITY_HOURS = [24, 72, 168, 720] as const
type CreatedCode = HttpOutput<'devices.createEnrolmentCode'>

/**
 * Creates a one-time enrolment code for a commune and shows it once: large text, its
 * expiry, and the QR code a laptop can scan.
 */
export function EnrolmentCodeModal({
  communes,
  initialCommune,
  onClose,
  onCreated,
}: {
  communes: CommuneOption[]
  initialCommune: string | null
  onClose: () => void
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const [request, setRequest] = useState<EnrolmentRequest>({
    commune: initialCommune,
    validHours: '72',
    serverUrl: defaultServerUrl(),
  })
  const [touched, setTouched] = useState(false)
  const [created, setCreated] = useState<CreatedCode | null>(null)
  const create = useAction(async (communeCode: string) => {
    setCreated(
      await client.call('devices.createEnrolmentCode', {
        communeCode,
        validHours: Number(request.validHours),
        serverUrl: request.serverUrl.trim(),
      }),
    )
    onCreated()
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    const errors = enrolmentErrors(request, t)
    if (!errors.commune && !errors.serverUrl && request.commune) void create.run(request.commune)
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        created
          ? t('console.enrolment.codeFor', { commune: created.communeName })
          : t('console.enrolment.codeTitle')
      }
      size={created ? 'xl' : 'lg'}
    >
      {created ? (
        <CodeView
          code={created}
          onAnother={() => {
            setCreated(null)
            setTouched(false)
          }}
          onClose={onClose}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <EnrolmentFields
              request={request}
              onChange={setRequest}
              communes={communes}
              validity={VALIDITY_HOURS}
              touched={touched}
            />
            {create.failure ? <ErrorAlert failure={create.failure} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('console.common.cancel')}
              </Button>
              <Button type="submit" loading={create.pending}>
                {t('console.enrolment.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}

/** The code as it is handed over: big enough to read across a desk, with its QR code. */
function CodeView({
  code,
  onAnother,
  onClose,
}: {
  code: CreatedCode
  onAnother: () => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  // The SVG comes from our server, but is still shown as an image (never as markup), so
  // nothing in it can run in the console's page.
  const qrSrc = `data:image/svg+xml;base64,${textToBase64(code.qrSvg)}`
  return (
    <Stack gap="md" data-testid="enrolment-code">
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Paper withBorder p="sm" radius="md" bg="white">
          <Image
            src={qrSrc}
            alt={t('console.enrolment.qrAlt', { code: code.code })}
            w={232}
            h={232}
            fit="contain"
          />
        </Paper>
        <Stack gap="sm" style={{ flex: 1 }}>
          <Text c="dimmed" fw={600}>
            {t('console.enrolment.codeLabel')}
          </Text>
          <Title
            order={2}
            ff="monospace"
            fz={44}
            lh={1.1}
            style={{ letterSpacing: '0.08em', whiteSpace: 'nowrap' }}
            data-testid="enrolment-code-text"
          >
            {code.code}
          </Title>
          <Group gap="sm">
            <CopyButton value={code.code}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'green' : undefined}
                  onClick={copy}
                >
                  {copied ? t('console.common.copied') : t('console.common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="md" fw={600}>
            {t('console.enrolment.expires', { time: formatDateTime(code.expiresAt) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('console.enrolment.server', { url: code.serverUrl })}
          </Text>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('console.enrolment.keyId', { key: code.provinceKeyId })}
          </Text>
        </Stack>
      </Group>
      <Alert color="yellow" variant="light">
        {t('console.enrolment.showOnce')}
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onAnother}>
          {t('console.enrolment.another')}
        </Button>
        <Button onClick={onClose}>{t('console.common.close')}</Button>
      </Group>
    </Stack>
  )
}
