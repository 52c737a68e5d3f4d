import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  contributionJson,
  localIndicators,
} from '../../../src/main/indicators/indicator-contributions'
import { sumStoredContributions } from '../../../src/main/indicators/stored-contribution'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import { seedProvince } from '../../../src/server/seed/seed-province.service'
import type { IndicatorScope } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { indicatorValues } from '../../../src/shared/indicators/compute-indicators'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import { type ConsoleClient, completeSetup } from '../auth/auth-test-kit'

/**
 * The server's dashboard and the desktop's village progress give the same figures for a
 * generated commune: the seed generator's households go through the real ingest, and the
 * expected figures come from the revision log through the desktop's own functions — a
 * laptop saving the revisions in order keeps, per household, the contribution of its
 * latest completed visit (contributionJson), and sums them per village
 * (sumStoredContributions) into indicatorValues.
 */

interface DesktopHousehold {
  villageCode: string
  json: string | null
  date: string | null
}

/** What a laptop that saved every revision in order would hold, per household. */
function desktopView(revisions: readonly HouseholdRevision[]): Map<string, DesktopHousehold> {
  const households = new Map<string, DesktopHousehold>()
  const inOrder = [...revisions].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
  for (const revision of inOrder) {
    const held = households.get(revision.householdId) ?? {
      villageCode: revision.villageCode,
      json: null,
      date: null,
    }
    held.villageCode = revision.villageCode
    // visit-save.ts: a completed visit dated on or after the stored one replaces it.
    const completed = revision.response.answers.visit_result === 'completed'
    if (completed && (held.date === null || held.date <= revision.visitDate)) {
      held.json = contributionJson(defaultHouseholdForm, revision.visitDate, revision.response)
      held.date = revision.visitDate
    }
    households.set(revision.householdId, held)
  }
  return households
}

describe.each(serverStores())('desktop and server figures on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  beforeAll(async () => {
    const clock = new ManualClock(Date.parse('2026-01-05T02:00:00Z'))
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
    const provinceKeys = await loadOrCreateProvinceKeys(t.config.dataDir, clock)
    const ctx = { db: t.store.db, dialect: t.store.dialect, clock, provinceKeys }
    const report = await seedProvince(ctx, { households: 1200, communes: 1, seed: 'chi-so' })
    expect(report.households).toBe(1200)
  }, 180_000)
  afterAll(async () => {
    await t?.close()
  })

  it('match for every village of the commune and for the commune', async () => {
    const rows = await t.store.db
      .selectFrom('revisions')
      .select('payload_json')
      .where('status', '=', 'accepted')
      .execute()
    const revisions = rows.map((r) => JSON.parse(r.payload_json) as HouseholdRevision)
    const communeCode = revisions[0]?.communeCode ?? ''
    const villages = await t.store.db
      .selectFrom('villages')
      .select(['code', 'registered_households'])
      .where('commune_code', '=', communeCode)
      .execute()
    const desktop = desktopView(revisions)
    const scope: IndicatorScope = dataOf(
      'indicators.commune',
      await admin.get(`/api/v1/indicators/communes/${communeCode}`),
    )
    expect(villages.length).toBeGreaterThan(1)
    let counted = 0
    for (const village of villages) {
      const stored = [...desktop.values()]
        .filter((h) => h.villageCode === village.code && h.json !== null)
        .map((h) => h.json as string)
      counted += stored.length
      const expected = indicatorValues(
        localIndicators,
        sumStoredContributions(localIndicators, stored),
        Number(village.registered_households),
      )
      const server = scope.places.find((p) => p.code === village.code)
      expect(server?.indicators, village.code).toEqual(expected)
    }
    // Every generated household with a completed visit counts, and the commune adds up.
    expect(scope.totals.surveyedHouseholds).toBe(counted)
    const all = [...desktop.values()].flatMap((h) => (h.json === null ? [] : [h.json]))
    const registered = villages.reduce((sum, v) => sum + Number(v.registered_households), 0)
    expect(scope.totals.indicators).toEqual(
      indicatorValues(localIndicators, sumStoredContributions(localIndicators, all), registered),
    )
    // The generated commune is varied enough for the comparison to mean something.
    const smartphone = scope.totals.indicators.find((i) => i.id === 'smartphone_adults')
    expect(smartphone?.denominator).toBeGreaterThan(1000)
    expect(smartphone?.value).toBeGreaterThan(0.2)
    expect(smartphone?.value).toBeLessThan(0.98)
    const support = scope.totals.indicators.find((i) => i.id === 'support_given')
    expect(support?.numerator).toBeGreaterThan(0)
  })
})
