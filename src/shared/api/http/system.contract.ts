import { z } from 'zod'
import { defineHttp } from './http-call'

export const systemCalls = defineHttp({
  'system.health': {
    method: 'GET',
    path: '/api/v1/health',
    access: 'public',
    input: z.object({}),
    output: z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) }),
  },
})
