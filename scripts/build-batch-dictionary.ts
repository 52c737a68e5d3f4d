/**
 * Builds preset dictionary 1 of the batch format (codec `deflate-dictionary-1`,
 * docs/batch-format.md) and writes src/shared/sync/batch-dictionary.generated.ts.
 *
 *   npx tsx scripts/build-batch-dictionary.ts
 *
 * The dictionary is what a one-household payload is compressed against: typical content in
 * the form the version-3 payload writes it (grammar 3, two streams). Its values region holds
 * Vietnamese names (surnames with their usual frequencies, the Kinh and the northern
 * mountain peoples' names, middle and given names), address words and enumerator names as
 * length-prefixed texts; its structure region holds the answer structure (tags, choice sets,
 * counts) of synthetic households of the built-in form, answered the way a commune answers
 * (tests/fixtures/batches/realistic-households.ts). Ids and digit strings are left out: they
 * are random. Deterministic: the same code gives the same bytes, and a dictionary, once
 * files use it, never changes (a new one is a new codec).
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultHouseholdForm } from '../src/shared/forms/default-household-form'
import type { HouseholdRevision } from '../src/shared/household/household-revision.schema'
import { ByteReader, ByteWriter } from '../src/shared/sync/batch-bytes'
import { formLayout } from '../src/shared/sync/batch-form-layout.node.js'
import { encodePayload } from '../src/shared/sync/batch-payload.node.js'
import {
  DEVICE_ID,
  realisticRevisions,
  seededRandom,
} from '../tests/fixtures/batches/realistic-households'

/** Deflate's window: a dictionary longer than this is cut to its end. */
export const DICTIONARY_BYTES = 32 * 1024
const STRUCTURE_BYTES = 8 * 1024

/** Surnames, repeated by rough frequency (most common last within the values region). */
const SURNAMES: [string, number][] = [
  ['Nguyễn', 30],
  ['Trần', 9],
  ['Lê', 8],
  ['Phạm', 6],
  ['Hoàng', 5],
  ['Phan', 4],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 1],
  ['Ngô', 1],
  ['Dương', 1],
  ['Lý', 1],
  ['Đinh', 1],
  ['Trịnh', 1],
  ['Lò', 3],
  ['Hà', 3],
  ['Nông', 3],
  ['Triệu', 2],
  ['Ma', 2],
  ['Vi', 1],
  ['Sầm', 1],
  ['Lục', 1],
  ['Lường', 1],
  ['Cầm', 1],
  ['Quàng', 1],
  ['Giàng', 2],
  ['Sùng', 1],
  ['Vàng', 1],
  ['Thào', 1],
  ['Mùa', 1],
  ['Lầu', 1],
  ['Chảo', 1],
  ['Bàn', 1],
  ['Tòng', 1],
  ['Lương', 1],
  ['Mai', 1],
  ['Cao', 1],
  ['Tạ', 1],
]
const MIDDLE = {
  male: 'Văn Văn Văn Văn Đức Minh Hữu Quang Công Xuân Thế Đình Mạnh Trọng Ngọc Thanh A Seo'.split(
    ' ',
  ),
  female: 'Thị Thị Thị Thị Thị Ngọc Thu Thanh Minh Hồng Kim Phương Bích Mỹ'.split(' '),
}
const GIVEN = {
  male: 'An Anh Bình Cường Chiến Dũng Đạt Đông Đức Giang Hải Hiếu Hiệp Hòa Hoàng Hùng Huy Khánh Khoa Kiên Long Lâm Lực Mạnh Minh Nam Nghĩa Phong Phúc Quân Quang Sáng Sinh Sơn Tài Tâm Thắng Thành Toàn Trung Tuấn Tùng Tư Văn Vinh Việt Páo Pá Dìn Chứ'.split(
    ' ',
  ),
  female:
    'Anh Ánh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Hương Huyền Lan Liên Linh Loan Mai Mơ Na Ngân Nga Nhung Oanh Phương Quỳnh Sen Thảo Thắm Thu Thủy Trang Tuyết Uyên Vân Xuân Yến Mỷ Sua'.split(
      ' ',
    ),
}
const PLACE_WORDS =
  'thôn xóm bản tổ ấp khu phố đường ngõ Số số Bản Nà Pác Khuổi Tả Làng Cốc Nặm Phiêng Lũng Mường Hạ Thượng Trung Mới Cũ'.split(
    ' ',
  )

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T

function surname(random: Random): string {
  const total = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0)
  let at = random() * total
  for (const [name, weight] of SURNAMES) {
    at -= weight
    if (at < 0) return name
  }
  return 'Nguyễn'
}

function personName(random: Random, family: string): string {
  const sex = random() < 0.5 ? 'male' : 'female'
  return `${family} ${pick(random, MIDDLE[sex])} ${pick(random, GIVEN[sex])}`
}

function address(random: Random): string {
  const place = `${pick(random, PLACE_WORDS.slice(8))} ${pick(random, PLACE_WORDS.slice(8))}`
  return `Số ${1 + Math.floor(random() * 200)}, ${pick(random, ['xóm', 'thôn', 'bản', 'tổ'])} ${place}`
}

/** Texts as the values stream writes them: varint byte length, UTF-8. */
function valuesRegion(random: Random, bytes: number): Uint8Array {
  const w = new ByteWriter(bytes + 256)
  while (w.size < bytes) {
    const family = surname(random)
    const text = (value: string) => {
      const utf8 = new TextEncoder().encode(value)
      w.varint(utf8.length)
      w.bytes(utf8)
    }
    text(address(random))
    const head = personName(random, family)
    text(head)
    text(head)
    for (let i = 0; i < 3; i++) text(personName(random, i === 0 ? surname(random) : family))
  }
  return w.finish().subarray(0, bytes)
}

/** The structure streams of synthetic households (realistic answers, any names). */
function structureRegion(bytes: number): Uint8Array {
  const layouts = [formLayout(defaultHouseholdForm)]
  const parts: Uint8Array[] = []
  let size = 0
  for (let seed = 9_000; size < bytes; seed++) {
    const revisions: HouseholdRevision[] = realisticRevisions({ count: 1, seed })
    const createdMs = Date.parse(revisions[0]?.savedAt ?? '2025-01-01T00:00:00Z')
    const raw = encodePayload(revisions, {
      deviceId: DEVICE_ID,
      communeCode: revisions[0]?.communeCode ?? '00000',
      layouts,
      compact: { createdMs },
    })
    const reader = new ByteReader(raw)
    const structure = reader.bytes(reader.varint())
    parts.push(structure)
    size += structure.length
  }
  const all = Buffer.concat(parts)
  return all.subarray(all.length - bytes)
}

/** The dictionary: values region first, the structure last (compressed first, nearest). */
export function buildDictionary(): Uint8Array {
  const random = seededRandom(20_251_124)
  const structure = structureRegion(STRUCTURE_BYTES)
  const values = valuesRegion(random, DICTIONARY_BYTES - structure.length)
  return new Uint8Array(Buffer.concat([values, structure]))
}

function moduleText(dictionary: Uint8Array): string {
  const base64 = Buffer.from(dictionary).toString('base64')
  const lines = base64.match(/.{1,96}/g) ?? []
  const sha = createHash('sha256').update(dictionary).digest('hex')
  return [
    '// Generated by scripts/build-batch-dictionary.ts: do not edit. Preset dictionary 1 of the',
    '// batch format (codec deflate-dictionary-1, docs/batch-format.md). Never change it once',
    '// files use it: a new dictionary is a new codec.',
    '',
    `/** SHA-256 of the dictionary's ${dictionary.length} bytes. */`,
    'export const BATCH_DICTIONARY_1_SHA256 =',
    `  '${sha}'`,
    '',
    '/** The dictionary, standard base64. */',
    'export const BATCH_DICTIONARY_1_BASE64 = [',
    ...lines.map((line) => `  '${line}',`),
    "].join('')",
    '',
  ].join('\n')
}

if (process.argv[1]?.endsWith('build-batch-dictionary.ts')) {
  const dictionary = buildDictionary()
  const target = join(process.cwd(), 'src/shared/sync/batch-dictionary.generated.ts')
  writeFileSync(target, moduleText(dictionary))
  console.log(`${target}: ${dictionary.length} bytes`)
}
