import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { consoleVi } from '../../i18n/console.vi'
import { downloadFile } from '../common/browser-file'
import { villageTemplateCsv } from './village-template'

/**
 * Downloads the village list template. Its headers are always the Vietnamese ones of the
 * official template, whatever the console's language: they are what the import reads.
 */
export function TemplateButton({ variant = 'default' }: { variant?: 'default' | 'subtle' }) {
  const { t } = useTranslation()
  return (
    <Button
      variant={variant}
      onClick={() =>
        downloadFile(
          villageTemplateCsv(consoleVi.template),
          consoleVi.template.fileName,
          'text/csv;charset=utf-8',
        )
      }
    >
      {t('console.places.template')}
    </Button>
  )
}
