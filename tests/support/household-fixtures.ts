import type { SyncBatch } from '../../src/shared/api/http.contract'
import { formatHlc, hlcNodeFromId } from '../../src/shared/clock/hlc'
import { defaultHouseholdForm } from '../../src/shared/forms/default-household-form'
import type { Answers, FormResponse, RepeatRow } from '../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../src/shared/household/household-revision.schema'
import { type IdGenerator, sequentialIds } from '../../src/shared/ids/uuid'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'

/**
 * Builders of valid data for the default household form, for tests of every layer.
 * Ids come from a deterministic sequence (unique within a test file); pass `ids` for a
 * sequence of your own.
 */

/** 2025-11-24T16:00:00Z, i.e. 2025-11-24 23:00 in Vietnam. */
export const FIXTURE_MS = 1_764_000_000_000
export const FIXTURE_VISIT_DATE = '2025-11-24'
/** A fixed device id (UUIDv7) for revisions and batches that do not name one. */
export const FIXTURE_DEVICE_ID = '019ab5e6-6c00-7000-8000-000000000001'
export const FIXTURE_VILLAGE = PILOT_COMMUNE.villages[0]?.code ?? '00700-01'

let defaultIds: IdGenerator = sequentialIds(FIXTURE_MS)

/** Restarts the default id sequence (e.g. in beforeEach, for ids stable per test). */
export function resetFixtureIds(): void {
  defaultIds = sequentialIds(FIXTURE_MS)
}

/** A valid adult member; everything the default form requires of someone aged 10+. */
export const MEMBER_TEMPLATE: Readonly<Answers> = {
  full_name: 'Nguyễn Văn A',
  relation: 'head',
  sex: 'male',
  birth_year: 1980,
  residence: 'permanent',
  m_phone: 'smartphone',
  m_internet_3m: true,
  m_vneid: 'level2',
  m_public_service_12m: 'self',
  m_payment_accounts: ['bank'],
  m_cashless_30d: true,
  m_digital_signature: 'no',
  m_ehealth: 'yes',
  m_skills: ['messaging', 'search', 'install_apps', 'payments'],
  m_binh_dan_hoc_vu_so: true,
}

const DEFAULT_MEMBERS: readonly AnswerOverrides[] = [
  {},
  {
    full_name: 'Trần Thị Bình',
    relation: 'spouse',
    sex: 'female',
    birth_year: 1983,
    m_phone: 'basic',
    m_no_smartphone_reason: 'cost',
    m_vneid: 'level1',
    m_public_service_12m: 'no',
    m_payment_accounts: ['none'],
    m_cashless_30d: false,
    m_skills: ['messaging'],
  },
]

/** A completed, consenting household's answers. */
export const HOUSEHOLD_TEMPLATE: Readonly<Answers> = {
  village: FIXTURE_VILLAGE,
  address: 'Số 12, xóm Khuổi My',
  head_name: 'Nguyễn Văn A',
  visit_result: 'completed',
  consent: true,
  phone: '0912345678',
  h_internet: 'fibre',
  h_mobile_signal: 'good',
  h_business: false,
  h_support_needs: ['vneid'],
}

/** Answers to merge over a template; a key set to undefined leaves that answer out. */
export type AnswerOverrides = Partial<Answers>

export interface ResponseOverrides {
  /** Merged over the household template. */
  answers?: AnswerOverrides
  /** Household answers to leave out (e.g. a required one, to make the response invalid). */
  omit?: string[]
  /** Each entry is merged over MEMBER_TEMPLATE; defaults to a head and a spouse. */
  members?: readonly AnswerOverrides[]
  ids?: IdGenerator
}

function merge(template: Readonly<Answers>, overrides: AnswerOverrides = {}): Answers {
  const merged: Answers = { ...template }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key]
    else merged[key] = value
  }
  return merged
}

/** A valid response to the default form (a completed visit with two members by default). */
export function makeHouseholdResponse(overrides: ResponseOverrides = {}): FormResponse {
  const ids = overrides.ids ?? defaultIds
  const answers = merge(HOUSEHOLD_TEMPLATE, overrides.answers)
  for (const key of overrides.omit ?? []) delete answers[key]
  const members: RepeatRow[] = (overrides.members ?? DEFAULT_MEMBERS).map((member) => ({
    id: ids(),
    answers: merge(MEMBER_TEMPLATE, member),
  }))
  return { answers, repeats: { members } }
}

export interface RevisionOptions {
  ids?: IdGenerator
  id?: string
  householdId?: string
  visitId?: string
  baseRevisionId?: string | null
  deviceId?: string
  communeCode?: string
  villageCode?: string
  formId?: string
  formVersion?: number
  visitDate?: string
  /** Device time of the save; also the physical part of the HLC stamp. */
  savedAtMs?: number
  /** Logical counter of the stamp, to order two saves in the same millisecond. */
  hlcCounter?: number
  /** The response; built by makeHouseholdResponse(responseOverrides) when absent. */
  response?: FormResponse
  responseOverrides?: ResponseOverrides
}

/** A valid revision of a household for the default form and the pilot commune. */
export function makeRevision(options: RevisionOptions = {}): HouseholdRevision {
  const ids = options.ids ?? defaultIds
  const deviceId = options.deviceId ?? FIXTURE_DEVICE_ID
  const savedAtMs = options.savedAtMs ?? FIXTURE_MS
  return {
    id: options.id ?? ids(),
    householdId: options.householdId ?? ids(),
    visitId: options.visitId ?? ids(),
    baseRevisionId: options.baseRevisionId ?? null,
    deviceId,
    hlc: formatHlc({
      ms: savedAtMs,
      counter: options.hlcCounter ?? 0,
      node: hlcNodeFromId(deviceId),
    }),
    communeCode: options.communeCode ?? PILOT_COMMUNE.code,
    villageCode: options.villageCode ?? FIXTURE_VILLAGE,
    formId: options.formId ?? defaultHouseholdForm.id,
    formVersion: options.formVersion ?? defaultHouseholdForm.version,
    visitDate: options.visitDate ?? FIXTURE_VISIT_DATE,
    savedAt: new Date(savedAtMs).toISOString(),
    response: options.response ?? makeHouseholdResponse({ ids, ...options.responseOverrides }),
  }
}

export interface BatchOptions {
  ids?: IdGenerator
  batchId?: string
  deviceId?: string
  communeCode?: string
  sentAtMs?: number
}

/**
 * A batch of the given revisions as the server ingests it; HouseholdSeeder (seed-households)
 * seals it as its device's laptop and uploads it. Its sentAt becomes the sealing time.
 */
export function makeBatch(revisions: HouseholdRevision[], options: BatchOptions = {}): SyncBatch {
  const ids = options.ids ?? defaultIds
  return {
    batchId: options.batchId ?? ids(),
    deviceId: options.deviceId ?? FIXTURE_DEVICE_ID,
    communeCode: options.communeCode ?? PILOT_COMMUNE.code,
    sentAt: new Date(options.sentAtMs ?? FIXTURE_MS + 60_000).toISOString(),
    revisions,
  }
}
