import { expect } from 'vitest'
import { loadEnrolment } from '../../../src/main/device/device-enrolment.repository'
import { enrolWithCode } from '../../../src/main/device/device-enrolment.service'
import { discardDraft, listOpenDrafts, startDraft } from '../../../src/main/drafts/draft.service'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import { pullChanges } from '../../../src/main/sync/pull.service'
import { SyncError } from '../../../src/main/sync/sync.errors'
import { runSync } from '../../../src/main/sync/sync.service'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { type ConsoleClient, completeSetup } from '../../server/auth/auth-test-kit'
import {
  FIXTURE_MS,
  FIXTURE_VILLAGE,
  makeHouseholdResponse,
} from '../../support/household-fixtures'
import {
  type ServerStoreVariant,
  startTestServer,
  type TestServer,
} from '../../support/server-stores'
import { createEnrolmentCode } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { FaultyNetwork, type UploadFault } from './faulty-network'

/** Each laptop's ids start here plus its number times this: they never meet. */
const LAPTOP_ID_SEED = FIXTURE_MS + 200_000_000
const LAPTOP_ID_SPACING = 40_000_000

/** The answers an edit changes; a member's name is a field of a repeat row. */
export const EDITED_FIELDS = ['address', 'head_name', 'member_name'] as const
export type EditedField = (typeof EDITED_FIELDS)[number]

/** One step of a scenario; laptop and household numbers are taken modulo what exists. */
export type Command =
  | { t: 'create'; d: number }
  | { t: 'edit'; d: number; h: number; field: EditedField }
  | { t: 'sync'; d: number }
  | { t: 'pull'; d: number }
  | { t: 'fault'; d: number; fault: UploadFault }
  | { t: 'copy'; d: number; b: number }
  | { t: 'draft'; d: number; h: number }
  | { t: 'discard'; d: number }
  | { t: 'tick'; d: number; ms: number }

/** A field an edit set: where it is, the value and who set it with which revision. */
export interface FieldEdit {
  householdId: string
  /** Question id, with the member row for a member's answer. */
  questionId: string
  rowId: string | null
  value: string
  laptop: number
  revisionId: string
  baseRevisionId: string
  hlc: string
}

export interface Laptop {
  main: TestMain
  network: FaultyNetwork
}

/**
 * One real server and 2–4 real laptops enrolled for the pilot commune through the real
 * enrolment, each on its own SQLite file, clock (skewed) and faulty network; plus what the
 * scenario did, to check against at the end.
 */
export class ConvergenceWorld {
  readonly created: string[] = []
  readonly revisions = new Set<string>()
  readonly edits: FieldEdit[] = []
  /** Revision ids a late copy of a batch got answered 'accepted'. */
  readonly copiedAccepted = new Set<string>()
  private values = 0

  private constructor(
    readonly server: TestServer,
    readonly admin: ConsoleClient,
    readonly laptops: Laptop[],
  ) {}

  static async open(
    variant: ServerStoreVariant,
    skews: readonly number[],
  ): Promise<ConvergenceWorld> {
    const server = await startTestServer(variant)
    const laptops: Laptop[] = []
    try {
      const admin = await completeSetup(server)
      for (const [k, skew] of skews.entries()) {
        const network = new FaultyNetwork(server.url)
        const main = await openTestMain({
          fetch: network.fetch,
          idSeed: LAPTOP_ID_SEED + k * LAPTOP_ID_SPACING,
        })
        laptops.push({ main, network })
        main.clock.set(FIXTURE_MS + skew)
        const { code } = await createEnrolmentCode(admin, server.url)
        await enrolWithCode(main.ctx, { serverUrl: server.url, code, deviceName: `Laptop ${k}` })
        const enrolment = await loadEnrolment(main.ctx.db, main.ctx.cipher)
        if (!enrolment) throw new Error('the laptop did not enrol')
        network.enrolledAs(enrolment)
      }
      return new ConvergenceWorld(server, admin, laptops)
    } catch (error) {
      for (const laptop of laptops) await laptop.main.dispose()
      await server.close()
      throw error
    }
  }

  async close(): Promise<void> {
    for (const laptop of this.laptops) await laptop.main.dispose()
    await this.server.close()
  }

  laptop(d: number): Laptop {
    const laptop = this.laptops[d % this.laptops.length]
    if (!laptop) throw new Error('no laptop')
    return laptop
  }

  /** Runs one command; every command moves the acting laptop's clock a second on. */
  async run(command: Command): Promise<void> {
    const d = command.d % this.laptops.length
    const { main, network } = this.laptop(d)
    main.clock.advance(1000)
    switch (command.t) {
      case 'create':
        return this.create(d)
      case 'edit':
        return this.edit(d, command.h, command.field)
      case 'sync':
        return this.sync(d)
      case 'pull':
        return this.pull(d)
      case 'fault':
        network.fault = command.fault
        await this.sync(d)
        network.fault = null
        return
      case 'copy':
        for (const o of await network.deliverCopy(command.b)) {
          if (o.status === 'accepted') this.copiedAccepted.add(o.revisionId)
          expect(o.status).not.toBe('rejected')
        }
        return
      case 'draft': {
        const householdId = await this.pick(d, command.h)
        if (householdId) await startDraft(main.ctx, { villageCode: FIXTURE_VILLAGE, householdId })
        return
      }
      case 'discard':
        for (const draft of await listOpenDrafts(main.ctx)) await discardDraft(main.ctx, draft.id)
        return
      case 'tick':
        main.clock.advance(command.ms)
        return
    }
  }

  /** Syncs (upload then pull); a sync cut off by the network fails as unreachable. */
  async sync(d: number): Promise<void> {
    try {
      await runSync(this.laptop(d).main.ctx)
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== 'server_unreachable') throw error
      expect(this.laptop(d).network.fault).not.toBeNull()
    }
  }

  async pull(d: number): Promise<void> {
    const { ctx } = this.laptop(d).main
    const enrolment = await loadEnrolment(ctx.db, ctx.cipher)
    if (!enrolment) throw new Error('the laptop is enrolled')
    await pullChanges(ctx, enrolment, enrolment.serverUrl)
  }

  /**
   * Settles everything: no fault, drafts thrown away, then every laptop syncs and pulls,
   * twice round, so the last upload's merge reaches every laptop.
   */
  async settle(): Promise<void> {
    for (const { main, network } of this.laptops) {
      network.fault = null
      for (const draft of await listOpenDrafts(main.ctx)) await discardDraft(main.ctx, draft.id)
    }
    for (let round = 0; round < 2; round++) {
      for (const [d] of this.laptops.entries()) {
        await this.sync(d)
        await this.pull(d)
      }
    }
  }

  private nextValue(prefix: string): string {
    this.values += 1
    return `${prefix} ${this.values}`
  }

  private async create(d: number): Promise<void> {
    const { main } = this.laptop(d)
    const response = makeHouseholdResponse({
      ids: main.ids,
      answers: { head_name: this.nextValue('Chủ hộ'), address: this.nextValue('Địa chỉ') },
    })
    const saved = await recordVisit(main.ctx, response)
    this.created.push(saved.householdId)
    this.revisions.add(saved.revisionId)
  }

  /** The `h`-th household (modulo, by id) this laptop holds, if it holds any. */
  private async pick(d: number, h: number): Promise<string | null> {
    const ids = (await listHouseholds(this.laptop(d).main.ctx, {})).map((x) => x.id).sort()
    return ids.length === 0 ? null : (ids[h % ids.length] ?? null)
  }

  private async edit(d: number, h: number, field: EditedField): Promise<void> {
    const householdId = await this.pick(d, h)
    if (!householdId) return
    const { ctx } = this.laptop(d).main
    const current = await getHousehold(ctx, householdId)
    const { response, questionId, rowId, value } = this.changed(current.response, field)
    const saved = await recordVisit(ctx, response, { householdId })
    this.revisions.add(saved.revisionId)
    const row = await ctx.db
      .selectFrom('revisions')
      .select('hlc')
      .where('id', '=', saved.revisionId)
      .executeTakeFirstOrThrow()
    this.edits.push({
      householdId,
      questionId,
      rowId,
      value,
      laptop: d,
      revisionId: saved.revisionId,
      baseRevisionId: current.revisionId,
      hlc: row.hlc,
    })
  }

  private changed(before: FormResponse, field: EditedField) {
    const response = structuredClone(before)
    if (field !== 'member_name') {
      const value = this.nextValue(field === 'address' ? 'Địa chỉ' : 'Chủ hộ')
      response.answers[field] = value
      return { response, questionId: field, rowId: null, value }
    }
    const row = response.repeats.members?.[0]
    if (!row) throw new Error('every household of the scenario has members')
    const value = this.nextValue('Thành viên')
    row.answers.full_name = value
    return { response, questionId: 'full_name', rowId: row.id, value }
  }
}
