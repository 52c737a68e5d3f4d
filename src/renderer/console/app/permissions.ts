import { type HttpCall, httpContract, type Role } from '../../../shared/api/http.contract'
import type { ConsolePage } from './console-route'

/**
 * Whether a role may make a call, read from the call's declared access in the shared
 * contract: the console hides what the server would refuse (the server still enforces it).
 */
export function mayCall(role: Role, call: HttpCall): boolean {
  const access = httpContract[call].access
  return (
    access === 'public' ||
    (typeof access === 'object' && (access.roles as readonly Role[]).includes(role))
  )
}

/** The call each page cannot work without. */
const PAGE_CALL: Record<ConsolePage, HttpCall> = {
  setup: 'setup.status',
  households: 'households.list',
  household: 'households.get',
  communes: 'places.communes',
  commune: 'places.villages',
  villageImport: 'places.importVillagesPreview',
  devices: 'devices.list',
  batches: 'batches.list',
  batch: 'batches.get',
  batchImport: 'batches.importFile',
  quarantine: 'quarantine.list',
  conflicts: 'conflicts.list',
  forms: 'forms.list',
  formVersion: 'forms.get',
  formCompare: 'forms.diff',
  formPublish: 'forms.importXlsForm',
  users: 'users.list',
  audit: 'audit.list',
  exports: 'exports.list',
  indicators: 'indicators.commune',
}

/** Whether a role may open a page at all. */
export function mayOpen(role: Role, page: ConsolePage): boolean {
  return mayCall(role, PAGE_CALL[page])
}

/** The sections of the navigation, in order; each lists the pages it covers. */
export const NAV_SECTIONS = [
  { key: 'households', page: 'households', covers: ['households', 'household'] },
  { key: 'indicators', page: 'indicators', covers: ['indicators'] },
  { key: 'exports', page: 'exports', covers: ['exports'] },
  { key: 'places', page: 'communes', covers: ['communes', 'commune', 'villageImport'] },
  { key: 'devices', page: 'devices', covers: ['devices'] },
  { key: 'batches', page: 'batches', covers: ['batches', 'batch', 'batchImport'] },
  { key: 'quarantine', page: 'quarantine', covers: ['quarantine'] },
  { key: 'conflicts', page: 'conflicts', covers: ['conflicts'] },
  { key: 'forms', page: 'forms', covers: ['forms', 'formVersion', 'formCompare', 'formPublish'] },
  { key: 'users', page: 'users', covers: ['users'] },
  { key: 'audit', page: 'audit', covers: ['audit'] },
] as const satisfies readonly { key: string; page: ConsolePage; covers: readonly ConsolePage[] }[]

export type NavSection = (typeof NAV_SECTIONS)[number]

/** The navigation a role sees: only sections it may open. */
export function navigationFor(role: Role): NavSection[] {
  return NAV_SECTIONS.filter((section) => mayOpen(role, section.page))
}
