import { formDefinitionSchema } from '../../forms/form-definition.schema'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

export const formsCalls = defineContract({
  /** The form new visits are recorded with. */
  'forms.getDefault': { input: emptyInput, output: formDefinitionSchema },
})
