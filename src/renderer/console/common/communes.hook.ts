import { useMemo } from 'react'
import type { CommuneSummary } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'

/** A commune as pickers offer it. */
export interface CommuneOption {
  value: string
  label: string
}

/**
 * The province's communes (a commune viewer gets only theirs), for pickers and for naming
 * communes in lists. Loaded once per screen.
 */
export function useCommunes() {
  const client = useConsoleClient()
  const list = useAsyncData(() => client.call('places.communes', { limit: 500 }), [client])
  const communes: CommuneSummary[] = list.state === 'done' ? list.data.items : []
  const options = useMemo<CommuneOption[]>(
    () =>
      [...communes]
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((c) => ({ value: c.code, label: c.name })),
    [communes],
  )
  const nameOf = useMemo(() => {
    const names = new Map(communes.map((c) => [c.code, c.name]))
    return (code: string | null | undefined) => (code ? (names.get(code) ?? code) : null)
  }, [communes])
  return { state: list.state, communes, options, nameOf, reload: list.reload }
}
