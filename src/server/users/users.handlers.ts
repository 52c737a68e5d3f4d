import type { HttpHandlers } from '../http/http-handler'
import { listUserRows } from './user.repository'
import { createUser, resetUserPassword, updateUser } from './user.service'
import { toConsoleUser } from './user-view'

/** User management (province admins only, as the contract says). */
export const userHandlers = {
  'users.list': async (ctx, input) => {
    const { total, rows } = await listUserRows(ctx.db, input)
    return { total, items: rows.map(toConsoleUser) }
  },
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => resetUserPassword(ctx, input),
} satisfies Partial<HttpHandlers>
