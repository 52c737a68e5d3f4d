import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { MainContext } from '../context'
import { currentForm } from './local-forms'

/** forms.getDefault: the form new visits are recorded with. */
export const getDefaultFormHandler = async (_ctx: MainContext): Promise<FormDefinition> =>
  currentForm()
