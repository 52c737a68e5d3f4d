import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rememberForms, storePulledForms } from '../../../../src/main/forms/stored-forms.repository'
import { dispatch } from '../../../../src/main/ipc/ipc.dispatch'
import { CallFailedError } from '../../../../src/renderer/common/errors/error.messages'
import {
  FormVersionCache,
  isFormVersion,
} from '../../../../src/renderer/desktop/api/form-versions.cache'
import type { DesktopApi } from '../../../../src/shared/api/desktop-api'
import { IPC_CALLS } from '../../../../src/shared/api/ipc.contract'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import {
  type FormDefinition,
  flattenQuestions,
} from '../../../../src/shared/forms/form-definition.schema'
import { openTestMain, type TestMain } from '../../../main/main-test-context'
import { householdFormV2, NEW_QUESTION } from '../../../main/sync/form-versions-kit'

/** window.api over the real main-process dispatch, counting the `forms.get` calls it carries. */
function countingBridge(main: TestMain): { api: DesktopApi; formsGets: () => number } {
  let gets = 0
  const api = Object.fromEntries(
    IPC_CALLS.map((name) => [
      name,
      (input: unknown) => {
        if (name === 'forms.get') gets++
        return dispatch(main.ctx, name, input)
      },
    ]),
  ) as DesktopApi
  return { api, formsGets: () => gets }
}

/** Puts `form` on the laptop as a pull does. */
async function pullForm(main: TestMain, form: FormDefinition): Promise<void> {
  const at = new Date(main.clock.now()).toISOString()
  const pulled = { id: form.id, version: form.version, publishedAt: at, definition: form }
  await storePulledForms(main.ctx.db, [pulled], at)
  rememberForms(main.ctx.db, [form])
}

const questionIds = (form: FormDefinition) =>
  form.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => q.id)

describe('FormVersionCache over the real main-process handlers', () => {
  let main: TestMain

  beforeEach(async () => {
    main = await openTestMain()
  })

  afterEach(async () => {
    await main.dispose()
  })

  it('returns each version the laptop holds with its own questions', async () => {
    await pullForm(main, householdFormV2())
    const { api } = countingBridge(main)
    const cache = new FormVersionCache(() => api)
    const v1 = await cache.get({ formId: defaultHouseholdForm.id, version: 1 })
    const v2 = await cache.get({ formId: defaultHouseholdForm.id, version: 2 })
    expect(isFormVersion(v1, { formId: defaultHouseholdForm.id, version: 1 })).toBe(true)
    expect(questionIds(v1)).not.toContain(NEW_QUESTION)
    expect(v2.version).toBe(2)
    expect(questionIds(v2)).toContain(NEW_QUESTION)
  })

  it('asks the main process once per id and version', async () => {
    await pullForm(main, householdFormV2())
    const { api, formsGets } = countingBridge(main)
    const cache = new FormVersionCache(() => api)
    const ref = { formId: defaultHouseholdForm.id, version: 2 }
    const [a, b] = await Promise.all([cache.get(ref), cache.get(ref)])
    const c = await cache.get(ref)
    expect(formsGets()).toBe(1)
    expect(b).toBe(a)
    expect(c).toBe(a)
  })

  it('never asks for a remembered form', async () => {
    const { api, formsGets } = countingBridge(main)
    const cache = new FormVersionCache(() => api)
    cache.remember(defaultHouseholdForm)
    const form = await cache.get({ formId: defaultHouseholdForm.id, version: 1 })
    expect(form).toBe(defaultHouseholdForm)
    expect(formsGets()).toBe(0)
  })

  it('fails with unknown_form for a version the laptop lacks, and finds it once pulled', async () => {
    const { api, formsGets } = countingBridge(main)
    const cache = new FormVersionCache(() => api)
    const ref = { formId: defaultHouseholdForm.id, version: 2 }
    const failure = await cache.get(ref).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(CallFailedError)
    expect((failure as CallFailedError).code).toBe('unknown_form')

    await pullForm(main, householdFormV2())
    const v2 = await cache.get(ref)
    expect(questionIds(v2)).toContain(NEW_QUESTION)
    // The failure was not kept: the second look-up reached the main process.
    expect(formsGets()).toBe(2)
  })
})
