import type { Kysely } from 'kysely'
import { describeStore, type ServerConfig } from '../config/server-config'
import { officialProvince } from '../settings/official-provinces'
import { getProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'

/** What `status` reports about a store. */
export interface ServerStatus {
  store: string
  province: { code: string; name: string } | null
  users: { total: number; disabled: number }
  devices: { total: number; revoked: number }
  households: number
  /** True while nobody has been created: the setup link (or `user:create`) is still needed. */
  setupPending: boolean
}

/** Counts and settings of the store, for `npm run server -- status`. */
export async function collectStatus(
  db: Kysely<ServerDatabase>,
  config: ServerConfig,
): Promise<ServerStatus> {
  const total = (table: 'users' | 'devices' | 'households') =>
    db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n'))
  const count = async (query: ReturnType<typeof total>) =>
    Number((await query.executeTakeFirstOrThrow()).n)
  const users = await count(total('users'))
  const provinceCode = await getProvinceCode(db)
  return {
    store: describeStore(config),
    province: provinceCode
      ? (officialProvince(provinceCode) ?? { code: provinceCode, name: '?' })
      : null,
    users: {
      total: users,
      disabled: await count(total('users').where('disabled', '=', 1)),
    },
    devices: {
      total: await count(total('devices')),
      revoked: await count(total('devices').where('status', '=', 'revoked')),
    },
    households: await count(total('households')),
    setupPending: users === 0,
  }
}

/** The status as printed lines, Vietnamese first. */
export function formatStatus(status: ServerStatus): string[] {
  const province = status.province
    ? `${status.province.code} ${status.province.name}`
    : 'chưa chọn / not chosen'
  return [
    'Làng Số — trạng thái máy chủ / server status',
    `  Kho dữ liệu / Store: ${status.store}`,
    `  Tỉnh / Province: ${province}`,
    `  Người dùng / Users: ${status.users.total} (khoá / disabled: ${status.users.disabled})`,
    `  Thiết bị / Devices: ${status.devices.total} (thu hồi / revoked: ${status.devices.revoked})`,
    `  Hộ gia đình / Households: ${status.households}`,
    `  Thiết lập lần đầu / First-run setup: ${
      status.setupPending ? 'chưa xong / pending (npm run server -- setup:link)' : 'đã xong / done'
    }`,
  ]
}
