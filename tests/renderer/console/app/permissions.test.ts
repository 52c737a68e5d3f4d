import { describe, expect, it } from 'vitest'
import { mayCall, mayOpen, navigationFor } from '../../../../src/renderer/console/app/permissions'

describe('what each role sees in the console', () => {
  it('shows each role only the sections the server lets it use', () => {
    const keys = (role: Parameters<typeof navigationFor>[0]) =>
      navigationFor(role).map((section) => section.key)
    expect(keys('province_admin')).toEqual([
      'households',
      'indicators',
      'exports',
      'places',
      'devices',
      'batches',
      'quarantine',
      'conflicts',
      'forms',
      'users',
      'audit',
    ])
    expect(keys('province_staff')).toEqual([
      'households',
      'indicators',
      'exports',
      'places',
      'devices',
      'batches',
      'quarantine',
      'conflicts',
      'forms',
      'audit',
    ])
    expect(keys('commune_viewer')).toEqual([
      'households',
      'indicators',
      'exports',
      'places',
      'devices',
      'batches',
      'quarantine',
      'conflicts',
      'forms',
    ])
  })

  it('reads the rights from the calls’ declared access', () => {
    expect(mayCall('province_admin', 'forms.publish')).toBe(true)
    expect(mayCall('province_staff', 'forms.publish')).toBe(false)
    expect(mayCall('province_staff', 'forms.importXlsForm')).toBe(true)
    expect(mayCall('commune_viewer', 'places.createVillage')).toBe(false)
    expect(mayCall('commune_viewer', 'households.list')).toBe(true)
    expect(mayCall('commune_viewer', 'setup.status')).toBe(true)
  })

  it('keeps pages a role cannot use closed even when their URL is typed', () => {
    expect(mayOpen('commune_viewer', 'users')).toBe(false)
    expect(mayOpen('commune_viewer', 'audit')).toBe(false)
    expect(mayOpen('commune_viewer', 'villageImport')).toBe(false)
    expect(mayOpen('commune_viewer', 'formPublish')).toBe(false)
    expect(mayOpen('province_staff', 'formPublish')).toBe(true)
    expect(mayOpen('province_staff', 'users')).toBe(false)
    expect(mayOpen('province_admin', 'users')).toBe(true)
    // A commune viewer reads the inbox and quarantine (scoped by the server) but imports nothing.
    expect(mayOpen('commune_viewer', 'batches')).toBe(true)
    expect(mayOpen('commune_viewer', 'batchImport')).toBe(false)
    expect(mayOpen('province_staff', 'batchImport')).toBe(true)
    // Everyone sees conflicts (a commune viewer only their commune's); only province staff settle them.
    expect(mayOpen('commune_viewer', 'conflicts')).toBe(true)
    expect(mayCall('commune_viewer', 'conflicts.resolve')).toBe(false)
    expect(mayCall('province_staff', 'conflicts.resolve')).toBe(true)
  })
})
