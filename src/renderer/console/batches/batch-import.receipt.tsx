import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { vietnamDate } from '../../../shared/clock/clock'
import { downloadFile } from '../common/browser-file'

type ImportResult = HttpOutput<'batches.importFile'>

/** The extension desktop laptops look for when a receipt comes back on a USB stick. */
export const RECEIPT_FILE_EXTENSION = '.langso-receipt'

/**
 * `bien-nhan-<commune code>-<YYYYMMDD>-<last 8 of batch id>.langso-receipt`: ASCII, the
 * day (Vietnam time) the province received the batch, and the batch id's random end (the
 * end the inbox shows).
 */
export function receiptFileName(result: Pick<ImportResult, 'manifest' | 'receipt'>): string {
  const day = vietnamDate(Date.parse(result.receipt.receivedAt)).replaceAll('-', '')
  const ascii = (text: string) => text.replace(/[^0-9A-Za-z]/g, '')
  const commune = ascii(result.manifest.communeCode)
  const batch = ascii(result.receipt.batchId).slice(-8)
  return `bien-nhan-${commune}-${day}-${batch}${RECEIPT_FILE_EXTENSION}`
}

/**
 * "Tải biên nhận": saves the province-signed receipt, exactly as the server signed it, for
 * staff to carry back to the laptop on the USB stick; the laptop then marks its records
 * sent without going online (DESIGN.md §5, principle 4).
 */
export function ReceiptDownloadButton({ result }: { result: ImportResult }) {
  const { t } = useTranslation()
  return (
    <Button
      size="md"
      variant="light"
      onClick={() =>
        downloadFile(
          `${JSON.stringify(result.signedReceipt, null, 2)}\n`,
          receiptFileName(result),
          'application/json',
        )
      }
    >
      {t('console.batchImport.downloadReceipt')}
    </Button>
  )
}
