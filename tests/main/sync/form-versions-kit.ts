import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { FormDefinition, Group } from '../../../src/shared/forms/form-definition.schema'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'

/** The question version 2 of the household form adds. */
export const NEW_QUESTION = 'h_computer'

/**
 * Version 2 of the household form: one new question, required, so that a visit checked
 * against version 2 without it is refused while one checked against version 1 is not.
 */
export function householdFormV2(): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  const details = form.sections[0]?.items.find((i) => i.id === 'household_details') as Group
  details.items.splice(2, 0, {
    kind: 'question',
    id: NEW_QUESTION,
    type: 'yes_no',
    label: { vi: 'Hộ có máy tính', en: 'Household has a computer' },
    required: true,
  })
  return { ...form, version: 2 }
}

/** Province staff publish `form` through the server's forms API. */
export async function publishForm(admin: ConsoleClient, form: FormDefinition): Promise<void> {
  dataOf(
    'forms.publish',
    await admin.post(`/api/v1/forms/${form.id}/versions`, { definition: form }),
  )
}
