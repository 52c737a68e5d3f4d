import { z } from 'zod'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

/** A diagnostics bundle for support: logs, app version, database statistics, no records. */
export const diagnosticsBundleSchema = z.object({
  /** `langso-diagnostics-<UTC yyyymmddThhmmssZ>.zip` */
  fileName: z.string().regex(/^langso-diagnostics-\d{8}T\d{6}Z\.zip$/),
  bytesBase64: z.string(),
  bytes: z.number().int(),
  /** The files inside, for the screen to say what is being handed over. */
  entries: z.array(z.string()),
})
export type DiagnosticsBundle = z.infer<typeof diagnosticsBundleSchema>

export const diagnosticsCalls = defineContract({
  'diagnostics.export': { input: emptyInput, output: diagnosticsBundleSchema },
})
