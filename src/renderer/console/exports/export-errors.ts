import { useTranslation } from 'react-i18next'

/** The export page's own wording for the export error codes, for ErrorAlert's overrides. */
export function useExportErrorWords(): Record<string, string> {
  const { t } = useTranslation()
  return {
    export_busy: t('console.exports.errors.export_busy'),
    export_not_ready: t('console.exports.errors.export_not_ready'),
    exports_unavailable: t('console.exports.errors.exports_unavailable'),
  }
}
