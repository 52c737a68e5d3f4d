import { formatHlc, hlcNodeFromId } from '../../../src/shared/clock/hlc'
import type { Answers } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { type IdGenerator, sequentialIds } from '../../../src/shared/ids/uuid'
import {
  FIXTURE_MS,
  makeBatch,
  makeHouseholdResponse,
  makeRevision,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import type { TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import { COMMUNE, type ConsoleClient, OTHER_COMMUNE } from '../auth/auth-test-kit'

/**
 * A small province whose indicators are worked out by hand in the tests:
 * - commune 00700: villages V1 (4 registered) and V2 (2 registered)
 *   - H1 (V1) completed on 2025-10-05 with four members — two adults, a child of 7 and an
 *     adult away — then revisited (completed) on 2025-11-25: the spouse opened a bank account
 *   - H2 (V1) completed on 2025-11-10 with one adult, then found absent on 2025-11-28
 *   - H3 (V1) absent on 2025-11-12
 *   - H4 (V2) completed on 2025-11-20 without consent
 * - commune 00706: village V3 (3 registered); H5 completed on 2025-10-20, one adult.
 * Lan made H1's visits (help given: 2× install_vneid and 1× vneid_level2 in October, 1×
 * payment_account in November); Sinh every other visit (no help).
 */
export const LAN = { id: '019ab5e6-6c00-7000-8000-00000000e001', name: 'Hoàng Thị Lan' }
export const SINH = { id: '019ab5e6-6c00-7000-8000-00000000e002', name: 'Ma Văn Sinh' }
const LAPTOP = '019ab5e6-6c00-7000-8000-0000000000a1'
const OTHER_LAPTOP = '019ab5e6-6c00-7000-8000-0000000000a2'

export interface SmallProvince {
  v1: string
  v2: string
  v3: string
  households: Record<'h1' | 'h2' | 'h3' | 'h4' | 'h5', string>
}

const HEAD: Answers = {
  full_name: 'Nguyễn Văn An',
  birth_year: 1980,
  m_phone: 'smartphone',
  m_payment_accounts: ['bank'],
  m_vneid: 'level2',
  m_public_service_12m: 'self',
  m_digital_signature: 'yes',
  m_skills: ['messaging', 'search', 'install_apps', 'payments'],
  m_ehealth: 'yes',
  m_cashless_30d: true,
}
const SPOUSE: Answers = {
  full_name: 'Trần Thị Bình',
  relation: 'spouse',
  sex: 'female',
  birth_year: 1983,
  m_phone: 'basic',
  m_no_smartphone_reason: 'cost',
  m_payment_accounts: ['none'],
  m_vneid: 'level1',
  m_public_service_12m: 'no',
  m_digital_signature: 'no',
  m_skills: ['messaging'],
  m_ehealth: 'no',
  m_cashless_30d: false,
}
const CHILD: Answers = { full_name: 'Nguyễn Văn Cường', relation: 'child', birth_year: 2018 }
const AWAY: Answers = {
  full_name: 'Nguyễn Thị Dung',
  relation: 'child',
  sex: 'female',
  birth_year: 1999,
  residence: 'away',
  m_ehealth: 'yes',
}

/** Sets up villages and sends the households through enrolled laptops, as devices do. */
export async function seedSmallProvince(
  t: TestServer,
  admin: ConsoleClient,
): Promise<SmallProvince> {
  const village = async (commune: string, name: string, registered: number) =>
    dataOf(
      'places.createVillage',
      await admin.post(`/api/v1/places/communes/${commune}/villages`, {
        name,
        registeredHouseholds: registered,
      }),
    ).code
  const v1 = await village(COMMUNE, 'Thôn Khuổi My', 4)
  const v2 = await village(COMMUNE, 'Thôn Tả Lủng', 2)
  const v3 = await village(OTHER_COMMUNE, 'Thôn Bản Nà', 3)
  const ids: IdGenerator = sequentialIds(FIXTURE_MS)
  const at = (day: number) => FIXTURE_MS + day * 60_000
  const revision = (
    villageCode: string,
    visitDate: string,
    savedAtMs: number,
    enumerator: { id: string; name: string },
    answers: Answers,
    members: readonly Answers[],
    more: Partial<HouseholdRevision> = {},
  ): HouseholdRevision => ({
    ...makeRevision({
      ids,
      villageCode,
      visitDate,
      savedAtMs,
      response: makeHouseholdResponse({
        ids,
        answers: { village: villageCode, ...answers },
        members,
      }),
      deviceId: more.deviceId ?? LAPTOP,
      communeCode: more.communeCode ?? COMMUNE,
    }),
    ...more,
    enumerator,
  })

  const h1 = revision(v1, '2025-10-05', at(1), LAN, {}, [
    { ...HEAD, m_support_given: ['install_vneid', 'vneid_level2'] },
    { ...SPOUSE, m_support_given: ['install_vneid'] },
    CHILD,
    AWAY,
  ])
  const h2 = revision(
    v1,
    '2025-11-10',
    at(2),
    SINH,
    { h_internet: 'none', h_no_fibre_reason: ['cost'] },
    [
      {
        full_name: 'Lò Văn Sáng',
        m_payment_accounts: ['ewallet'],
        m_vneid: 'none',
        m_public_service_12m: 'assisted',
        m_digital_signature: 'no',
        m_skills: ['messaging', 'search', 'payments'],
        m_ehealth: 'unknown',
      },
    ],
  )
  const h3 = absent(revision(v1, '2025-11-12', at(3), SINH, {}, []))
  const h4 = revision(v2, '2025-11-20', at(4), SINH, { consent: false }, [])
  // The revisit starts from H1's state (row ids kept), as the desktop makes it.
  const h1Revisit: HouseholdRevision = {
    ...h1,
    id: ids(),
    visitId: ids(),
    baseRevisionId: h1.id,
    visitDate: '2025-11-25',
    hlc: formatHlc({ ms: at(10), counter: 0, node: hlcNodeFromId(LAPTOP) }),
    savedAt: new Date(at(10)).toISOString(),
    response: {
      answers: { ...h1.response.answers },
      repeats: {
        members: (h1.response.repeats.members ?? []).map((row, i) => {
          const answers: Answers = { ...row.answers }
          delete answers.m_support_given
          if (i === 1) {
            answers.m_payment_accounts = ['bank']
            answers.m_support_given = ['payment_account']
          }
          return { id: row.id, answers }
        }),
      },
    },
  }
  const h2Absent: HouseholdRevision = {
    ...absent(revision(v1, '2025-11-28', at(11), SINH, {}, [])),
    householdId: h2.householdId,
    baseRevisionId: h2.id,
  }
  const h5 = revision(v3, '2025-10-20', at(5), SINH, {}, [{ full_name: 'Ma Văn Hùng' }], {
    deviceId: OTHER_LAPTOP,
    communeCode: OTHER_COMMUNE,
  })

  const laptop = await HouseholdSeeder.enrol(t, admin, [LAPTOP], COMMUNE)
  const other = await HouseholdSeeder.enrol(t, admin, [OTHER_LAPTOP], OTHER_COMMUNE)
  const first = await laptop.upload(makeBatch([h1, h2, h3, h4], { ids, deviceId: LAPTOP }))
  const second = await laptop.upload(makeBatch([h1Revisit, h2Absent], { ids, deviceId: LAPTOP }))
  const third = await other.upload(
    makeBatch([h5], { ids, deviceId: OTHER_LAPTOP, communeCode: OTHER_COMMUNE }),
  )
  for (const receipt of [first, second, third]) {
    if (receipt.rejected > 0) throw new Error(`rejected: ${JSON.stringify(receipt.outcomes)}`)
  }
  return {
    v1,
    v2,
    v3,
    households: {
      h1: h1.householdId,
      h2: h2.householdId,
      h3: h3.householdId,
      h4: h4.householdId,
      h5: h5.householdId,
    },
  }
}

/** The revision as an absent visit: only the visit result is kept. */
function absent(revision: HouseholdRevision): HouseholdRevision {
  const { village, head_name } = revision.response.answers
  const answers: Answers = { visit_result: 'absent' }
  if (village !== undefined) answers.village = village
  if (head_name !== undefined) answers.head_name = head_name
  return { ...revision, response: { answers, repeats: {} } }
}
