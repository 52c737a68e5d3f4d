import { useEffect, useState } from 'react'
import type { Conflict } from '../../../shared/api/http/sync.contract'
import { useConsoleClient } from '../app/console-client.context'
import type { HouseholdContext } from './conflict-text'

/**
 * The households of the listed conflicts as they stand now (village name, member names),
 * read once each. A household that cannot be read is simply unknown: the conflict is still
 * shown, with the codes it carries.
 */
export function useConflictHouseholds(conflicts: readonly Conflict[] | null) {
  const client = useConsoleClient()
  const [known, setKnown] = useState<ReadonlyMap<string, HouseholdContext | null>>(new Map())
  const wanted = [...new Set((conflicts ?? []).map((c) => c.householdId))].sort().join(',')

  useEffect(() => {
    if (wanted === '') return
    let current = true
    const ids = wanted.split(',')
    void Promise.all(
      ids.map((id) =>
        client.call('households.get', { id }).then(
          (h): [string, HouseholdContext | null] => [
            id,
            { villageName: h.villageName, villageCode: h.villageCode, members: h.members },
          ],
          // Unreadable (e.g. removed since): shown by its codes, not an error on the page.
          (): [string, HouseholdContext | null] => [id, null],
        ),
      ),
    ).then((entries) => {
      if (current) setKnown(new Map(entries))
    })
    return () => {
      current = false
    }
  }, [client, wanted])

  return (id: string): HouseholdContext | null => known.get(id) ?? null
}
