import { z } from 'zod'
import { isoDateSchema } from '../../household/household-revision.schema'
import { defineContract } from '../contract'

export const emptyInput = z.object({}).strict()

export const appCalls = defineContract({
  'app.info': {
    input: emptyInput,
    output: z.object({
      deviceId: z.uuid(),
      communeCode: z.string(),
      communeName: z.string(),
      provinceName: z.string(),
      today: isoDateSchema,
    }),
  },
})
