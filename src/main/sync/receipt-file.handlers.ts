import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { importReceiptFile } from './receipt-file.service'

/** sync.importReceiptFile: settle an exported batch's records from its receipt file. */
export const importReceiptFileHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'sync.importReceiptFile'>,
) => importReceiptFile(ctx, input.contentBase64)
