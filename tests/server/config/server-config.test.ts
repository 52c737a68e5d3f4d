import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ConfigError,
  describeStore,
  loadServerConfig,
} from '../../../src/server/config/server-config'

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadServerConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('loadServerConfig', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadServerConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      databaseUrl: null,
      consoleDir: path.resolve('out/console'),
      tls: null,
      publicUrl: null,
      trustProxy: false,
      sessionIdleHours: 8,
      sessionHours: 168,
    })
  })

  it('reads every variable', () => {
    const config = loadServerConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      LANGSO_DATA_DIR: '/srv/langso',
      DATABASE_URL: 'postgresql://langso:secret@db.example:5432/langso',
      LANGSO_CONSOLE_DIR: '/srv/console',
    })
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/langso',
      databaseUrl: 'postgresql://langso:secret@db.example:5432/langso',
      consoleDir: '/srv/console',
    })
  })

  it('accepts postgres:// and treats a blank DATABASE_URL as unset', () => {
    expect(loadServerConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe(
      'postgres://u@h/db',
    )
    expect(loadServerConfig({ DATABASE_URL: '  ', PORT: '' })).toMatchObject({
      databaseUrl: null,
      port: 8080,
    })
  })

  it('lists every bad variable, one line each, without echoing secrets', () => {
    const error = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@localhost/langso',
    })
    expect(error.code).toBe('invalid_config')
    expect(error.problems).toEqual([
      'PORT: must be a whole number from 0 to 65535',
      'DATABASE_URL: must be a postgres:// or postgresql:// URL (or unset for SQLite)',
    ])
    expect(error.message).not.toContain('hunter2')
  })

  it('rejects ports out of range and URLs that do not parse', () => {
    expect(configError({ PORT: '70000' }).problems).toEqual([
      'PORT: must be a whole number from 0 to 65535',
    ])
    expect(configError({ PORT: '80.5' }).problems).toHaveLength(1)
    expect(configError({ DATABASE_URL: 'not a url' }).problems[0]).toMatch(/^DATABASE_URL: /)
  })
})

describe('describeStore', () => {
  it('names the store without the password', () => {
    const pgConfig = loadServerConfig({ DATABASE_URL: 'postgres://langso:hunter2@db:5433/langso' })
    expect(describeStore(pgConfig)).toBe('PostgreSQL (db:5433/langso)')
    const sqliteConfig = loadServerConfig({ LANGSO_DATA_DIR: '/srv/langso' })
    expect(describeStore(sqliteConfig)).toBe('SQLite (/srv/langso/langso-server.sqlite)')
  })
})
