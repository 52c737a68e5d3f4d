import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startDraft } from '../../../src/main/drafts/draft.service'
import {
  currentForm,
  findLocalForm,
  localForms,
  UnknownFormError,
} from '../../../src/main/forms/local-forms'
import { rememberForms, storeEnrolmentForms } from '../../../src/main/forms/stored-forms.repository'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { FormDefinition } from '../../../src/shared/forms/form-definition.schema'
import { FIXTURE_VILLAGE } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { householdFormV2 } from '../sync/form-versions-kit'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

async function hold(forms: FormDefinition[]): Promise<void> {
  const at = new Date(t.clock.now()).toISOString()
  await t.ctx.db.transaction().execute((trx) => storeEnrolmentForms(trx, forms, at, at))
  rememberForms(t.ctx.db, forms)
}

describe('the forms a laptop holds', () => {
  it('starts on the built-in household form when it holds no other version', async () => {
    expect(currentForm(t.ctx.db)).toBe(defaultHouseholdForm)
    expect(localForms(t.ctx.db)).toEqual([defaultHouseholdForm])
    expect(() => findLocalForm(defaultHouseholdForm.id, 2, t.ctx.db)).toThrow(UnknownFormError)
  })

  it('records new visits on the newest household version, whatever other forms it holds', async () => {
    const v2 = householdFormV2()
    const otherForm = { ...structuredClone(defaultHouseholdForm), id: 'market-survey', version: 7 }
    await hold([otherForm, v2, defaultHouseholdForm])

    expect(currentForm(t.ctx.db)).toEqual(v2)
    expect(findLocalForm(defaultHouseholdForm.id, 1, t.ctx.db)).toBe(defaultHouseholdForm)
    expect(localForms(t.ctx.db).map((f) => [f.id, f.version])).toEqual([
      [defaultHouseholdForm.id, 1],
      [defaultHouseholdForm.id, 2],
      ['market-survey', 7],
    ])
    expect((await startDraft(t.ctx, { villageCode: FIXTURE_VILLAGE })).formVersion).toBe(2)
    // Stored, not only remembered: a restart holds the same versions.
    await t.reopen()
    expect(currentForm(t.ctx.db)).toEqual(v2)
  })
})
