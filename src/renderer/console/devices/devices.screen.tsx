import { Alert, Button, Stack, Tabs } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useCommunes } from '../common/communes.hook'
import { PageHeader } from '../common/page.header'
import { DeviceList } from './device-list'
import { EnrolmentCodeModal } from './enrolment-code.modal'
import { EnrolmentCodesList } from './enrolment-codes.list'
import { EnrolmentFileModal } from './enrolment-file.modal'

type Dialog = 'code' | 'file' | null

/**
 * The province's survey laptops: who is enrolled, when each last reported, what waits on it;
 * enrolment codes and files to hand out; revocation.
 */
export function DevicesScreen() {
  const { t } = useTranslation()
  const { user } = useSession()
  const communes = useCommunes()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [tab, setTab] = useState<string | null>('devices')
  const [notice, setNotice] = useState<string | null>(null)
  const [codesVersion, setCodesVersion] = useState(0)
  // Closing a dialog reloads the lists: the laptop may have enrolled while it was open.
  const [devicesVersion, setDevicesVersion] = useState(0)
  const closeDialog = () => {
    setDialog(null)
    setDevicesVersion((n) => n + 1)
    setCodesVersion((n) => n + 1)
  }
  const canEnrol = mayCall(user.role, 'devices.createEnrolmentCode')
  const isViewer = user.role === 'commune_viewer'
  const created = () => setCodesVersion((n) => n + 1)

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.devices.title')}
        actions={
          canEnrol ? (
            <>
              <Button variant="default" onClick={() => setDialog('file')}>
                {t('console.devices.createFile')}
              </Button>
              <Button onClick={() => setDialog('code')}>{t('console.devices.createCode')}</Button>
            </>
          ) : null
        }
      />
      {notice ? (
        <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {canEnrol ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="devices" fz="md" fw={600}>
              {t('console.devices.tabDevices')}
            </Tabs.Tab>
            <Tabs.Tab value="codes" fz="md" fw={600}>
              {t('console.devices.tabCodes')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="devices" pt="md">
            <DeviceList
              communes={communes.options}
              canRevoke
              isViewer={false}
              refreshKey={devicesVersion}
              onNotice={setNotice}
            />
          </Tabs.Panel>
          <Tabs.Panel value="codes" pt="md">
            <EnrolmentCodesList
              communes={communes.options}
              refreshKey={codesVersion}
              onNotice={setNotice}
            />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <DeviceList
          communes={communes.options}
          canRevoke={false}
          isViewer={isViewer}
          refreshKey={devicesVersion}
          onNotice={setNotice}
        />
      )}
      {dialog === 'code' ? (
        <EnrolmentCodeModal
          communes={communes.options}
          initialCommune={null}
          onClose={closeDialog}
          onCreated={created}
        />
      ) : null}
      {dialog === 'file' ? (
        <EnrolmentFileModal
          communes={communes.options}
          initialCommune={null}
          onClose={closeDialog}
          onCreated={created}
        />
      ) : null}
    </Stack>
  )
}
