import { z } from 'zod'
import { formDefinitionSchema } from '../../forms/form-definition.schema'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

export const formsCalls = defineContract({
  /** The form new visits are recorded with: the newest version this laptop holds. */
  'forms.getDefault': { input: emptyInput, output: formDefinitionSchema },
  /**
   * One form version this laptop holds: a draft is edited with the version it was started
   * on, even after a newer one arrived (`unknown_form` when the laptop lacks it).
   */
  'forms.get': {
    input: z
      .object({ formId: z.string().min(1).max(128), version: z.number().int().positive() })
      .strict(),
    output: formDefinitionSchema,
  },
})
