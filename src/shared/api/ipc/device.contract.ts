import { z } from 'zod'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

const placeSchema = z.object({ code: z.string(), name: z.string() })

/** Whether and how this laptop is enrolled with a provincial server. */
export const deviceStatusSchema = z.object({
  enrolled: z.boolean(),
  deviceId: z.uuid(),
  deviceName: z.string().nullable(),
  method: z.enum(['code', 'file']).nullable(),
  commune: placeSchema.nullable(),
  province: placeSchema.nullable(),
  serverUrl: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  /** Key id of the province signing key this laptop trusts (staff compare it with the console). */
  provinceKeyId: z.string().nullable(),
  /** Enrolled from a file whose one-time token the server has not seen yet. */
  awaitingServer: z.boolean(),
})
export type DeviceStatus = z.infer<typeof deviceStatusSchema>

/** Largest enrolment file accepted: a file carries the form versions, a few hundred KB. */
export const MAX_ENROLMENT_FILE_CHARS = 8_000_000

export const deviceCalls = defineContract({
  'device.status': { input: emptyInput, output: deviceStatusSchema },
  /**
   * Enrols with the server address and a one-time code. `code` may also be a pasted QR
   * payload (`langso-enrol:?server=…&code=…&key=…`): its address and pinned key id are used.
   */
  'device.enrolWithCode': {
    input: z.strictObject({
      serverUrl: z.string().trim().max(300).default(''),
      code: z.string().trim().min(1).max(600),
      deviceName: z.string().trim().min(1).max(80).optional(),
    }),
    output: deviceStatusSchema,
  },
  /** Enrols offline from an enrolment file's JSON text. */
  'device.enrolWithFile': {
    input: z.strictObject({
      content: z.string().min(1).max(MAX_ENROLMENT_FILE_CHARS),
      deviceName: z.string().trim().min(1).max(80).optional(),
    }),
    output: deviceStatusSchema,
  },
})
