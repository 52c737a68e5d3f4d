import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { currentLocale, switchLocale } from '../../i18n/i18n'

/** Vietnamese / English switch; the choice is remembered for the next start. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="sm"
      value={currentLocale(i18n)}
      onChange={(value) => void switchLocale(i18n, value === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  )
}
