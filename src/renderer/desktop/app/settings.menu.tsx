import { Button, Menu } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { currentLocale, switchLocale } from '../../i18n/i18n'

interface SettingsMenuProps {
  onTeam: () => void
  onServer: () => void
  onEnrolment: () => void
  onExport: () => void
  onSync: () => void
  onDataCare: () => void
}

/**
 * "Cài đặt": language, the survey team, the enrolment and server, the sync screen,
 * exporting a batch file, the data folder and its backups.
 */
export function SettingsMenu({
  onTeam,
  onServer,
  onEnrolment,
  onExport,
  onSync,
  onDataCare,
}: SettingsMenuProps) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const mark = (on: boolean) => (on ? '✓' : '')
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <Button variant="default">{t('settings.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        <Menu.Item
          rightSection={mark(locale === 'vi')}
          onClick={() => void switchLocale(i18n, 'vi')}
        >
          {t('language.vi')}
        </Menu.Item>
        <Menu.Item
          rightSection={mark(locale === 'en')}
          onClick={() => void switchLocale(i18n, 'en')}
        >
          {t('language.en')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={onTeam}>{t('settings.team')}</Menu.Item>
        <Menu.Item onClick={onEnrolment}>{t('settings.enrolment')}</Menu.Item>
        <Menu.Item onClick={onServer}>{t('settings.server')}</Menu.Item>
        <Menu.Item onClick={onSync}>{t('settings.syncScreen')}</Menu.Item>
        <Menu.Item onClick={onExport}>{t('settings.exportBatch')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={onDataCare}>{t('dataCare.menu')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
