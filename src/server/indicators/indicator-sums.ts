import { ALL_MONTHS, ALL_PLACES, addParts, type Parts, readParts } from './indicator-parts'
import type {
  IndicatorHouseholdTable,
  IndicatorMemberSumTable,
  IndicatorSumTable,
  IndicatorVisitTable,
} from './indicators.tables'

/** A stored row, or one just computed with its parts at hand. */
type Summed<Row> = Row & { parts?: Parts }

function partsOf(row: { parts_json: string; parts?: Parts }): Parts {
  return row.parts ?? readParts(row.parts_json)
}

interface PlaceMonth {
  commune: string
  village: string
  month: string
  parts: Parts
}

interface MemberMonth extends PlaceMonth {
  enumerator: string
}

/**
 * Changes to the summed indicator rows, gathered in memory: each household or visit row
 * added (+1) or taken out (−1) by its parts, then expanded once into every row it touches
 * (village, commune and province; its month and ALL_MONTHS). Changes that cancel out (a
 * revisit with the same answers in the same month) write nothing.
 */
export class IndicatorSums {
  private readonly places = new Map<string, PlaceMonth>()
  private readonly members = new Map<string, MemberMonth>()

  /** A household's contribution in (+1) or out (−1). */
  addHousehold(row: Summed<IndicatorHouseholdTable>, sign: 1 | -1): void {
    addParts(this.place(row.commune_code, row.village_code, row.month), partsOf(row), sign)
  }

  /** A visit's parts in (+1) or out (−1), for its place and its team member. */
  addVisit(row: Summed<IndicatorVisitTable>, sign: 1 | -1): void {
    const parts = partsOf(row)
    addParts(this.place(row.commune_code, row.village_code, row.month), parts, sign)
    const key = `${row.commune_code}|${row.village_code}|${row.enumerator_id}|${row.month}`
    let member = this.members.get(key)
    if (!member) {
      member = {
        commune: row.commune_code,
        village: row.village_code,
        enumerator: row.enumerator_id,
        month: row.month,
        parts: {},
      }
      this.members.set(key, member)
    }
    addParts(member.parts, parts, sign)
  }

  /** The non-zero changes to indicator_sums. */
  sumRows(): IndicatorSumTable[] {
    const rows = new Map<string, IndicatorSumTable>()
    const add = (
      level: IndicatorSumTable['level'],
      place: string,
      commune: string,
      month: string,
      part: string,
      n: number,
    ) => {
      const key = `${level}|${place}|${month}|${part}`
      const row = rows.get(key)
      if (row) row.value += n
      else rows.set(key, { level, place, commune_code: commune, month, part, value: n })
    }
    for (const { commune, village, month, parts } of this.places.values()) {
      for (const [part, n] of Object.entries(parts)) {
        if (n === 0) continue
        for (const m of [month, ALL_MONTHS]) {
          add('village', village, commune, m, part, n)
          add('commune', commune, commune, m, part, n)
          add('province', '', '', m, part, n)
        }
      }
    }
    return [...rows.values()].filter((row) => row.value !== 0)
  }

  /**
   * The non-zero changes to indicator_member_sums: per village, per commune (village '')
   * and for the province (commune and village ''), so that each scope reads its own rows.
   */
  memberRows(): IndicatorMemberSumTable[] {
    const rows = new Map<string, IndicatorMemberSumTable>()
    for (const { commune, village, enumerator, month, parts } of this.members.values()) {
      for (const [part, n] of Object.entries(parts)) {
        if (n === 0) continue
        for (const [c, v] of [
          [commune, village],
          [commune, ALL_PLACES],
          [ALL_PLACES, ALL_PLACES],
        ] as const) {
          for (const m of [month, ALL_MONTHS]) {
            const key = `${c}|${v}|${enumerator}|${m}|${part}`
            const row = rows.get(key)
            if (row) row.value += n
            else {
              rows.set(key, {
                commune_code: c,
                village_code: v,
                enumerator_id: enumerator,
                month: m,
                part,
                value: n,
              })
            }
          }
        }
      }
    }
    return [...rows.values()].filter((row) => row.value !== 0)
  }

  private place(commune: string, village: string, month: string): Parts {
    const key = `${commune}|${village}|${month}`
    let entry = this.places.get(key)
    if (!entry) {
      entry = { commune, village, month, parts: {} }
      this.places.set(key, entry)
    }
    return entry.parts
  }
}
