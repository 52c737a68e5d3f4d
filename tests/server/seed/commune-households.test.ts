import { describe, expect, it } from 'vitest'
import { sameJson } from '../../../src/server/sync/ingest-json'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { validateResponse } from '../../../src/shared/forms/validate-response'
import { householdRevisionSchema } from '../../../src/shared/household/household-revision.schema'
import { BIRTH_PROVINCE_PREFIXES } from '../../../src/shared/vietnam/birth-provinces'
import { citizenIdBirthYear, decodeCitizenId } from '../../../src/shared/vietnam/citizen-id'
import { checkPhone } from '../../../src/shared/vietnam/phone'
import { ageAt, byHousehold, currentRosters, generateProvince } from './seed-kit'

// Tuyên Quang (mountains, Tày/H'Mông/Dao beside the Kinh): two communes, 1,500 households.
const tuyenQuang = generateProvince({ provinceCode: '08', households: 1500, communes: 2 })

describe('generated households', () => {
  it('makes exactly the households asked for, shared among communes and villages', () => {
    const { plan, areas } = tuyenQuang
    expect(plan.communes).toHaveLength(2)
    expect(plan.communes.reduce((n, c) => n + c.households, 0)).toBe(1500)
    for (const commune of plan.communes) {
      expect(commune.villages.reduce((n, v) => n + v.households, 0)).toBe(commune.households)
      for (const village of commune.villages) {
        expect(village.registered).toBeGreaterThanOrEqual(village.households)
        expect(village.code).toBe(
          `${commune.commune.code}-${String(village.serial).padStart(2, '0')}`,
        )
      }
      expect(new Set(commune.villages.map((v) => v.name)).size).toBe(commune.villages.length)
    }
    expect(areas.reduce((n, a) => n + a.households, 0)).toBe(1500)
    expect(byHousehold(tuyenQuang.revisions).size).toBe(1500)
    for (const area of areas) expect(area.households).toBeLessThanOrEqual(1000)
  })

  it('is deterministic: the same options give the same ids and answers, byte for byte', () => {
    const again = generateProvince({ provinceCode: '08', households: 1500, communes: 2 })
    expect(JSON.stringify(again.plan)).toBe(JSON.stringify(tuyenQuang.plan))
    expect(JSON.stringify(again.areas.map((a) => a.batches))).toBe(
      JSON.stringify(tuyenQuang.areas.map((a) => a.batches)),
    )
    const other = generateProvince({
      provinceCode: '08',
      households: 1500,
      communes: 2,
      seed: 'khac',
    })
    expect(other.revisions[0]?.id).not.toBe(tuyenQuang.revisions[0]?.id)
  })

  it('writes every revision as the server accepts it: valid, already cleaned, no warnings', () => {
    const { plan, areas } = tuyenQuang
    for (const area of areas) {
      const commune = plan.communes.find((c) => c.areas.includes(area.area))
      const villages = commune?.villages.map((v) => v.code) ?? []
      expect(villages.length).toBeGreaterThan(0)
      for (const revision of area.batches.flatMap((b) => b.revisions)) {
        expect(revision.communeCode).toBe(commune?.commune.code)
        expect(householdRevisionSchema.parse(revision)).toEqual(revision)
        const result = validateResponse(defaultHouseholdForm, revision.response, {
          visitDate: revision.visitDate,
          villages,
        })
        expect(result.issues).toEqual([])
        expect(sameJson(result.response, revision.response)).toBe(true)
      }
    }
  })

  it('chains each household’s revisions, revisits later, corrections within the visit', () => {
    let revisited = 0
    let corrected = 0
    for (const list of byHousehold(tuyenQuang.revisions).values()) {
      expect(list[0]?.baseRevisionId).toBeNull()
      for (let i = 1; i < list.length; i++) {
        const [before, after] = [list[i - 1], list[i]]
        if (!before || !after) continue
        expect(after.baseRevisionId).toBe(before.id)
        expect(after.hlc > before.hlc).toBe(true)
        expect(after.savedAt > before.savedAt).toBe(true)
        if (after.visitId === before.visitId) {
          corrected += 1
          expect(after.visitDate).toBe(before.visitDate)
        } else {
          revisited += 1
          expect(after.visitDate > before.visitDate).toBe(true)
        }
      }
    }
    expect(revisited).toBeGreaterThan(300)
    expect(corrected).toBeGreaterThan(10)
  })

  it('cuts each laptop’s saves into batches sent after them, in time order', () => {
    for (const area of tuyenQuang.areas) {
      let sent = ''
      for (const batch of area.batches) {
        expect(batch.sentAt > sent).toBe(true)
        sent = batch.sentAt
        expect(
          batch.revisions.every((r) => r.savedAt <= batch.sentAt && r.deviceId === batch.deviceId),
        ).toBe(true)
        expect(area.receivedAtMs.get(batch.batchId)).toBeGreaterThan(Date.parse(batch.sentAt))
      }
    }
  })

  it('records refusals, absences and moves at realistic rates, and visits over several months', () => {
    const firsts = [...byHousehold(tuyenQuang.revisions).values()].map(
      (list) => list[0]?.response.answers.visit_result,
    )
    const share = (result: string) => firsts.filter((r) => r === result).length / firsts.length
    expect(share('completed')).toBeGreaterThan(0.75)
    expect(share('absent')).toBeGreaterThan(0.04)
    expect(share('absent')).toBeLessThan(0.2)
    expect(share('refused')).toBeGreaterThan(0.003)
    expect(share('refused')).toBeLessThan(0.08)
    const months = new Set(tuyenQuang.revisions.map((r) => r.visitDate.slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(5)
  })
})

describe('generated people', () => {
  const rosters = currentRosters(tuyenQuang.revisions)
  const members = rosters.flatMap((r) => r.members.map((m) => ({ m, visitDate: r.visitDate })))

  it('gives every roster exactly one head, named as the household head', () => {
    for (const list of byHousehold(tuyenQuang.revisions).values()) {
      for (const revision of list) {
        const rows = revision.response.repeats.members
        if (!rows) continue
        const heads = rows.filter((row) => row.answers.relation === 'head')
        expect(heads).toHaveLength(1)
        expect(heads[0]?.answers.full_name).toBe(revision.response.answers.head_name)
      }
    }
    const size = members.length / rosters.length
    expect(size).toBeGreaterThan(3.2)
    expect(size).toBeLessThan(4.6)
  })

  it('keeps ages consistent with relationships', () => {
    for (const { members: rows, visitDate } of rosters) {
      const head = rows.find((m) => m.relation === 'head')
      if (!head) throw new Error('no head')
      const headAge = ageAt(head, visitDate)
      expect(headAge).toBeGreaterThanOrEqual(18)
      for (const m of rows) {
        const age = ageAt(m, visitDate)
        expect(age).toBeGreaterThanOrEqual(0)
        if (m.relation === 'spouse') expect(Math.abs(age - headAge)).toBeLessThanOrEqual(15)
        if (m.relation === 'child') expect(headAge - age).toBeGreaterThanOrEqual(15)
        if (m.relation === 'parent') expect(age - headAge).toBeGreaterThanOrEqual(15)
        if (m.relation === 'grandchild') expect(headAge - age).toBeGreaterThanOrEqual(30)
        if (m.relation === 'spouse') expect(m.sex).not.toBe(head.sex)
      }
    }
  })

  it('gives valid, unique citizen ids coding the birth province, sex and birth year', () => {
    const ids = members.flatMap(({ m }) => (typeof m.citizen_id === 'string' ? [m] : []))
    expect(ids.length / members.length).toBeGreaterThan(0.5)
    for (const m of ids) {
      const facts = decodeCitizenId(String(m.citizen_id))
      expect(facts?.provinceKnown).toBe(true)
      expect(facts?.sex).toBe(m.sex)
      if (facts) expect(citizenIdBirthYear(facts)).toBe(m.birth_year)
    }
    expect(new Set(ids.map((m) => m.citizen_id)).size).toBe(ids.length)
    // Tuyên Quang's people were mostly born in old Tuyên Quang (008) or Hà Giang (002).
    const local = ids.filter((m) => ['008', '002'].includes(String(m.citizen_id).slice(0, 3)))
    expect(local.length / ids.length).toBeGreaterThan(0.8)
    expect([...BIRTH_PROVINCE_PREFIXES.keys()]).toContain(String(ids[0]?.citizen_id).slice(0, 3))
  })

  it('gives valid Vietnamese mobile numbers, unique per person', () => {
    const phones = members.flatMap(({ m }) => (typeof m.mobile === 'string' ? [m.mobile] : []))
    expect(phones.length / members.length).toBeGreaterThan(0.4)
    for (const phone of phones)
      expect(checkPhone(phone)).toEqual({ ok: true, normalized: phone, knownPrefix: true })
    expect(new Set(phones).size).toBe(phones.length)
  })

  it('correlates digital answers with age: fewer smartphones and VNeID level 2 among the old', () => {
    const adults = members.filter(({ m, visitDate }) => ageAt(m, visitDate) >= 15)
    const share = (group: typeof adults, test: (m: (typeof adults)[number]['m']) => boolean) =>
      group.filter(({ m }) => test(m)).length / group.length
    const young = adults.filter(({ m, visitDate }) => ageAt(m, visitDate) < 40)
    const old = adults.filter(({ m, visitDate }) => ageAt(m, visitDate) >= 65)
    const smart = (m: { m_phone?: unknown }) => m.m_phone === 'smartphone'
    const level2 = (m: { m_vneid?: unknown }) => m.m_vneid === 'level2'
    expect(share(young, smart)).toBeGreaterThan(0.75)
    expect(share(old, smart)).toBeLessThan(share(young, smart) - 0.3)
    expect(share(old, level2)).toBeLessThan(share(young, level2) - 0.2)
    const smartphones = adults.filter(({ m }) => smart(m))
    const others = adults.filter(({ m }) => !smart(m))
    expect(share(smartphones, level2)).toBeGreaterThan(share(others, level2) + 0.3)
  })

  it('shows help given on a visit at the next one (VNeID activated, accounts opened)', () => {
    let helped = 0
    let improved = 0
    for (const list of byHousehold(tuyenQuang.revisions).values()) {
      const full = list.filter(
        (r) => r.response.repeats.members && r.response.answers.consent === true,
      )
      for (let i = 1; i < full.length; i++) {
        const before = full[i - 1]?.response.repeats.members ?? []
        const after = new Map(
          (full[i]?.response.repeats.members ?? []).map((row) => [row.id, row.answers]),
        )
        if (full[i]?.visitId === full[i - 1]?.visitId) continue
        for (const row of before) {
          const given = (row.answers.m_support_given as string[] | undefined) ?? []
          if (!given.includes('install_vneid') && !given.includes('vneid_level2')) continue
          helped += 1
          if (after.get(row.id)?.m_vneid === 'level2' && row.answers.m_vneid !== 'level2')
            improved += 1
        }
      }
    }
    expect(helped).toBeGreaterThan(20)
    expect(improved / helped).toBeGreaterThan(0.5)
  })
})

describe('generated names', () => {
  const surnameShares = (provinceCode: string) => {
    const { revisions } = generateProvince({ provinceCode, households: 1200, communes: 2 })
    const counts = new Map<string, number>()
    let total = 0
    for (const { members } of currentRosters(revisions)) {
      for (const m of members) {
        const surname = String(m.full_name).split(' ')[0] ?? ''
        counts.set(surname, (counts.get(surname) ?? 0) + 1)
        total += 1
      }
    }
    return (name: string) => (counts.get(name) ?? 0) / total
  }

  it('follows the Kinh surname distribution in the northern lowlands (Ninh Bình)', () => {
    const share = surnameShares('37')
    expect(share('Nguyễn')).toBeGreaterThan(0.32)
    expect(share('Nguyễn')).toBeLessThan(0.46)
    for (const [name, min, max] of [
      ['Trần', 0.07, 0.16],
      ['Lê', 0.06, 0.13],
      ['Phạm', 0.045, 0.1],
      ['Hoàng', 0.03, 0.08],
      ['Vũ', 0.02, 0.06],
    ] as const) {
      expect(share(name)).toBeGreaterThan(min)
      expect(share(name)).toBeLessThan(max)
    }
    expect(share('Hoàng')).toBeGreaterThan(share('Huỳnh') * 5)
    expect(share('Vũ')).toBeGreaterThan(share('Võ') * 4)
  })

  it('spells Hoàng and Vũ as Huỳnh and Võ in the south (Hồ Chí Minh City)', () => {
    const share = surnameShares('79')
    expect(share('Huỳnh')).toBeGreaterThan(share('Hoàng') * 2)
    expect(share('Võ')).toBeGreaterThan(share('Vũ') * 3)
    expect(share('Nguyễn')).toBeGreaterThan(0.32)
  })

  it('names minority families in the northern mountains (Tuyên Quang)', () => {
    const names = currentRosters(tuyenQuang.revisions).flatMap((r) =>
      r.members.map((m) => String(m.full_name)),
    )
    const surnames = new Set(names.map((n) => n.split(' ')[0]))
    for (const name of ['Nông', 'Giàng', 'Triệu']) expect(surnames).toContain(name)
    const women = currentRosters(tuyenQuang.revisions).flatMap((r) =>
      r.members.filter((m) => m.sex === 'female'),
    )
    const thi = women.filter((m) => String(m.full_name).split(' ')[1] === 'Thị').length
    expect(thi / women.length).toBeGreaterThan(0.4)
  })
})
