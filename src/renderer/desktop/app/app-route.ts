/** Where the person is in the desktop app. */
export type Route =
  | { kind: 'home' }
  | { kind: 'village'; villageCode: string; tab: VillageTab }
  | { kind: 'household'; householdId: string; villageCode: string }
  | { kind: 'form'; draftId: string }
  /** The commune office's sync screen: what waits per village, the last sync, the actions. */
  | { kind: 'sync' }
  /** Where the data is, its backups (back up now, restore) and the support bundle. */
  | { kind: 'dataCare' }

export type VillageTab = 'households' | 'progress'

const OPEN_DRAFT_KEY = 'langso.openDraft'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The route to start on: the visit that was open when the app last closed (a crash or a
 * flat battery mid-visit lands back in it), otherwise the start screen.
 */
export function startRoute(storage: Pick<Storage, 'getItem'> | undefined): Route {
  const draftId = storage?.getItem(OPEN_DRAFT_KEY)
  return draftId && UUID.test(draftId) ? { kind: 'form', draftId } : { kind: 'home' }
}

/** Remembers the open visit while the form is on screen, and forgets it when left. */
export function rememberRoute(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  route: Route,
): void {
  if (route.kind === 'form') storage?.setItem(OPEN_DRAFT_KEY, route.draftId)
  else storage?.removeItem(OPEN_DRAFT_KEY)
}
