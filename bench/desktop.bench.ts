/**
 * Desktop benchmark (npm run bench → npx tsx bench/desktop.bench.ts). Builds a store of
 * 10,000 households / ~50,000 members through the real main-process services (drafts →
 * finalize, everything sealed and indexed as in the app), then times the calls a team
 * member waits on. Prints a table and writes bench-results/desktop.json. Figures only: no
 * pass/fail. Options: BENCH_HOUSEHOLDS=2000 for a quick run.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { silentLogger } from '../src/main/app/logger'
import { closeMainContext, type MainContext, openMainContext } from '../src/main/context'
import { fixedTestKeyProvider } from '../src/main/crypto/test-key-provider'
import { startDraft, updateDraftAnswers } from '../src/main/drafts/draft.service'
import { finalizeDraft } from '../src/main/drafts/draft-finalize.service'
import { findDuplicates } from '../src/main/household/duplicates.service'
import { listHouseholds } from '../src/main/household/household.service'
import { listVillageSummaries, villageProgress } from '../src/main/places/village-progress.service'
import type { FormResponse } from '../src/shared/forms/form-response.schema'
import { newId } from '../src/shared/ids/uuid'
import { queryTokens } from '../src/shared/text/fold'
import { BENCH_VILLAGES, makeBenchHousehold, phoneNumber, seededRandom } from './desktop-bench.data'

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000)
/** Keep the built store at this path and reuse it on the next run (for tuning). */
const KEEP_DB = process.env.BENCH_DB
const random = seededRandom(20251124)

interface Figure {
  name: string
  runs: number
  medianMs: number
  p99Ms: number
  note?: string
}

async function time(
  name: string,
  runs: number,
  run: (i: number) => Promise<unknown>,
  note?: string,
): Promise<Figure> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await run(i)
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)] ?? 0
  return { name, runs, medianMs: round(at(0.5)), p99Ms: round(at(0.99)), ...(note ? { note } : {}) }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

async function record(
  ctx: MainContext,
  response: FormResponse,
  villageCode: string,
  confirm = true,
) {
  const draft = await startDraft(ctx, { villageCode })
  await updateDraftAnswers(ctx, { id: draft.id, response, cursor: null })
  return finalizeDraft(ctx, { id: draft.id, confirmWarnings: confirm })
}

/** Names to look up in a kept store (its phones are sealed: fresh ones stand in). */
async function sample(ctx: MainContext) {
  const rows = await ctx.db.selectFrom('households').select('head_name').orderBy('id').execute()
  const names = rows.filter((_, i) => i % 50 === 0).map((r) => r.head_name)
  return { names, phones: names.map(() => phoneNumber(random)), members: 0, buildSeconds: 0 }
}

/** The store: households spread over the villages; returns some names and phones to look up. */
async function build(ctx: MainContext) {
  process.stderr.write(`building ${HOUSEHOLDS} households…\n`)
  const names: string[] = []
  const phones: string[] = []
  let members = 0
  const started = performance.now()
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const village = BENCH_VILLAGES[i % BENCH_VILLAGES.length] ?? ''
    const response = makeBenchHousehold(random, newId, village)
    members += response.repeats.members?.length ?? 0
    const saved = await record(ctx, response, village)
    if (saved.status !== 'saved') throw new Error(`build: ${JSON.stringify(saved)}`)
    if (i % 50 === 0) {
      names.push(String(response.answers.head_name))
      phones.push(String(response.answers.phone))
    }
    if ((i + 1) % 1000 === 0) process.stderr.write(`  built ${i + 1} households\n`)
  }
  return { names, phones, members, buildSeconds: (performance.now() - started) / 1000 }
}

/** The LIKE scan of the walking skeleton, over the same folded text, for comparison. */
async function likeSearch(ctx: MainContext, query: string, limit: number) {
  let q = ctx.db.selectFrom('households').select(['id', 'head_name'])
  for (const token of queryTokens(query)) {
    q = q.where(sql<boolean>`search_text like ${`%${token}%`}`)
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/** FTS5 with the trigram tokenizer (substring match; tokens under 3 letters scan). */
async function trigramSearch(ctx: MainContext, query: string, limit: number) {
  let q = ctx.db.selectFrom('households as h').select(['h.id', 'h.head_name'])
  for (const token of queryTokens(query)) {
    q = q.where(
      sql<boolean>`h.rowid in (select rowid from bench_trigram where text like ${`%${token}%`})`,
    )
  }
  return q.orderBy('h.updated_at', 'desc').orderBy('h.id', 'desc').limit(limit).execute()
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'langso-bench-'))
  const dbPath = KEEP_DB ?? join(dir, 'langso.sqlite')
  const reuse = KEEP_DB !== undefined && existsSync(KEEP_DB)
  const open = () =>
    openMainContext({ dbPath, keyProvider: fixedTestKeyProvider('bench'), log: silentLogger })
  let ctx = await open()
  try {
    const built = reuse ? await sample(ctx) : await build(ctx)
    await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db)
    await closeMainContext(ctx)
    ctx = await open() // measure on a freshly opened store, as after a restart
    await prepareTrigram(ctx)
    const figures = await measure(ctx, built)
    const counts = await ctx.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const members = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db)
    const size = (await stat(dbPath)).size
    await report(figures, {
      households: Number(counts.n),
      members: Number(members.n),
      buildSeconds: Math.round(built.buildSeconds),
      dbMegabytes: Math.round(size / 1e5) / 10,
    })
  } finally {
    await closeMainContext(ctx)
    await rm(dir, { recursive: true, force: true }) // a kept store (BENCH_DB) lives elsewhere
  }
}

async function prepareTrigram(ctx: MainContext): Promise<void> {
  await sql`drop table if exists bench_trigram`.execute(ctx.db)
  await sql`create virtual table bench_trigram
    using fts5(text, tokenize = 'trigram', detail = 'none')`.execute(ctx.db)
  await sql`insert into bench_trigram (rowid, text)
    select rowid, search_text from households`.execute(ctx.db)
}

async function measure(
  ctx: MainContext,
  built: { names: string[]; phones: string[] },
): Promise<Figure[]> {
  const figures: Figure[] = []
  const village = BENCH_VILLAGES[0] ?? ''

  // One answer change in a 6-member visit.
  const draft = await startDraft(ctx, { villageCode: village })
  const six = makeBenchHousehold(random, newId, village, 6)
  figures.push(
    await time('drafts.update (one answer, 6 members)', 500, (i) => {
      six.answers.notes = `ghi chú ${i}`
      const cursor = { sectionId: 'household', questionId: 'notes' }
      return updateDraftAnswers(ctx, { id: draft.id, response: six, cursor })
    }),
  )

  // Finalize of a new 6-member household (the draft is prepared outside the timing).
  const prepared: string[] = []
  for (let i = 0; i < 200; i++) {
    const d = await startDraft(ctx, { villageCode: village })
    const response = makeBenchHousehold(random, newId, village, 6)
    await updateDraftAnswers(ctx, { id: d.id, response, cursor: null })
    prepared.push(d.id)
  }
  figures.push(
    await time('drafts.finalize (6 members, confirmed)', 100, (i) =>
      finalizeDraft(ctx, { id: prepared[i] ?? '', confirmWarnings: true }),
    ),
  )
  figures.push(
    await time(
      'drafts.finalize (6 members, with duplicate check)',
      100,
      (i) => finalizeDraft(ctx, { id: prepared[100 + i] ?? '', confirmWarnings: false }),
      'validation + citizen-id and similar-name checks over the village',
    ),
  )

  // Names as typed (accented, or unaccented in another order), and words many share.
  const names = [
    ...built.names.slice(0, 60),
    ...built.names.slice(60, 120).map((n) => n.split(' ').reverse().join(' ').toLowerCase()),
  ]
  const common = ['nguyen', 'nguyen van', 'thi hoa', 'hung', 'ng th an', 'tran thi', 'an', 'so 12']
  const name = (i: number) => names[i % names.length] ?? ''
  const word = (i: number) => common[i % common.length] ?? ''
  const shipped = (query: string, limit: number) => listHouseholds(ctx, { query, limit })
  const strategies = [
    ['FTS5 word prefix', 'households.list as shipped', shipped],
    ['LIKE scan', 'walking skeleton, for comparison', likeSearch.bind(null, ctx)],
    ['FTS5 trigram', 'for comparison', trigramSearch.bind(null, ctx)],
  ] as const
  for (const [label, note, search] of strategies) {
    figures.push(await time(`search a name: ${label}`, 400, (i) => search(name(i), 50), note))
    figures.push(await time(`search common words: ${label}`, 400, (i) => search(word(i), 50)))
  }
  figures.push(
    await time('search a name: FTS5 word prefix, limit 500', 400, (i) => shipped(name(i), 500)),
  )
  figures.push(
    await time('search common words: FTS5 word prefix, limit 500', 400, (i) =>
      shipped(word(i), 500),
    ),
  )
  figures.push(
    await time('search a phone (keyed hash)', 400, (i) =>
      shipped(i % 2 ? (built.phones[i % built.phones.length] ?? '') : phoneNumber(random), 50),
    ),
  )
  figures.push(
    await time('households.list (a village, no query, limit 500)', 100, () =>
      listHouseholds(ctx, { villageCode: village }),
    ),
  )
  figures.push(
    await time('places.villageProgress (2,000 households)', 100, () =>
      villageProgress(ctx, village),
    ),
  )
  figures.push(await time('places.listVillages', 100, () => listVillageSummaries(ctx)))
  figures.push(
    await time('households.findDuplicates (a name + 2 citizen ids)', 200, (i) =>
      findDuplicates(ctx, {
        villageCode: village,
        headName: name(i),
        citizenIds: ['008080001234', '008190004321'],
      }),
    ),
  )
  const households = await ctx.db.selectFrom('households').select('id').limit(200).execute()
  figures.push(
    await time('drafts.start (a revisit: open the latest state)', 100, async (i) => {
      const d = await startDraft(ctx, {
        householdId: households[i]?.id ?? '',
        villageCode: village,
      })
      await ctx.db.deleteFrom('drafts').where('id', '=', d.id).execute()
    }),
  )
  return figures
}

async function report(figures: Figure[], store: Record<string, number>): Promise<void> {
  const width = Math.max(...figures.map((f) => f.name.length))
  const lines = [
    `Làng Số desktop bench — ${store.households} households, ${store.members} members, ${store.dbMegabytes} MB, built in ${store.buildSeconds} s`,
    `${'call'.padEnd(width)}  ${'runs'.padStart(5)}  ${'median ms'.padStart(10)}  ${'p99 ms'.padStart(9)}`,
    ...figures.map(
      (f) =>
        `${f.name.padEnd(width)}  ${String(f.runs).padStart(5)}  ${f.medianMs.toFixed(3).padStart(10)}  ${f.p99Ms.toFixed(3).padStart(9)}`,
    ),
  ]
  console.log(lines.join('\n'))
  const json = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
    store,
    /** call → [median ms, p99 ms], for npm run bench's summary. */
    summary: Object.fromEntries(figures.map((f) => [f.name, [f.medianMs, f.p99Ms]])),
    figures,
  }
  await mkdir('bench-results', { recursive: true })
  await writeFile(join('bench-results', 'desktop.json'), `${JSON.stringify(json, null, 2)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
