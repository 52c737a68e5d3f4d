import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { MainContext } from '../context'
import { currentForm, findLocalForm } from './local-forms'

/** forms.getDefault: the form new visits are recorded with. */
export const getDefaultFormHandler = async (ctx: MainContext): Promise<FormDefinition> =>
  currentForm(ctx.db)

/** forms.get: the form version a draft or visit was made with. */
export const getFormHandler = async (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'forms.get'>,
): Promise<FormDefinition> => findLocalForm(input.formId, input.version, ctx.db)
