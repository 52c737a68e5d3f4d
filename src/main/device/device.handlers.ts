import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { enrolWithCode, enrolWithFile, getDeviceStatus } from './device-enrolment.service'

/** device.status: whether and where this laptop is enrolled. */
export const deviceStatusHandler = (ctx: MainContext) => getDeviceStatus(ctx)

/** device.enrolWithCode: enrol online with the server address and a one-time code (or QR text). */
export const enrolWithCodeHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'device.enrolWithCode'>,
) => enrolWithCode(ctx, input)

/** device.enrolWithFile: enrol offline from an enrolment file. */
export const enrolWithFileHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'device.enrolWithFile'>,
) => enrolWithFile(ctx, input)
