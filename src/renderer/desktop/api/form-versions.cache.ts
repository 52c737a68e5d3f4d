import type { DesktopApi } from '../../../shared/api/desktop-api'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import { callMain } from './desktop.client'

/** Which form version a record (a visit, a household's latest state) was made with. */
export interface FormRef {
  formId: string
  version: number
}

/** True when `form` is the version `ref` names. */
export function isFormVersion(form: FormDefinition, ref: FormRef): boolean {
  return form.id === ref.formId && form.version === ref.version
}

/**
 * The form versions the screens have asked the main process for, kept per id and version.
 * A published version never changes, so an answer is kept for the app's lifetime; a failed
 * load (`unknown_form` before the version is pulled) is forgotten, so asking again after a
 * sync reaches the main process.
 */
export class FormVersionCache {
  private readonly loads = new Map<string, Promise<FormDefinition>>()

  constructor(private readonly api: () => DesktopApi) {}

  /** The version `ref` names; rejects with the call's reason code (e.g. `unknown_form`). */
  get(ref: FormRef): Promise<FormDefinition> {
    const key = cacheKey(ref)
    const known = this.loads.get(key)
    if (known) return known
    const load = callMain('forms.get', { formId: ref.formId, version: ref.version }, this.api())
    this.loads.set(key, load)
    // The caller gets `load` and handles its failure; this branch only evicts it.
    load.then(undefined, () => {
      if (this.loads.get(key) === load) this.loads.delete(key)
    })
    return load
  }

  /** Keeps a form already in hand (the current form) so it is never asked for again. */
  remember(form: FormDefinition): void {
    this.loads.set(cacheKey({ formId: form.id, version: form.version }), Promise.resolve(form))
  }
}

function cacheKey(ref: FormRef): string {
  return `${ref.formId}@${ref.version}`
}

/** The renderer's one cache, over the preload's bridge. */
export const formVersions = new FormVersionCache(() => window.api)
