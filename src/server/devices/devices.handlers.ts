import type { HttpHandlers } from '../http/http-handler'
import { enrolDevice } from './device-enrolment.service'
import { checkInDevice, listDevicesForCaller, revokeDevice } from './devices.service'
import {
  cancelEnrolmentCode,
  createEnrolmentCode,
  createEnrolmentFile,
  listEnrolmentCodes,
} from './enrolment-codes.service'

/** Device enrolment, the device list, revocation and the device check-in. */
export const deviceHandlers = {
  'devices.createEnrolmentCode': createEnrolmentCode,
  'devices.createEnrolmentFile': createEnrolmentFile,
  'devices.enrolmentCodes': listEnrolmentCodes,
  'devices.cancelEnrolmentCode': cancelEnrolmentCode,
  'devices.enrol': enrolDevice,
  'devices.list': listDevicesForCaller,
  'devices.revoke': revokeDevice,
  'devices.checkIn': checkInDevice,
} satisfies Partial<HttpHandlers>
