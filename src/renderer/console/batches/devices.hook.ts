import { useMemo } from 'react'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { shortId } from '../common/short-id'

type ConsoleDevice = HttpOutput<'devices.list'>['items'][number]

/**
 * The enrolled devices the caller may see (the server scopes a commune viewer), for the
 * device filter and for naming devices in the batch lists.
 */
export function useDevices() {
  const client = useConsoleClient()
  const list = useAsyncData(() => client.call('devices.list', { limit: 500 }), [client])
  const devices: ConsoleDevice[] = list.state === 'done' ? list.data.items : []
  const options = useMemo(
    () => devices.map((d) => ({ value: d.id, label: `${d.name} (${shortId(d.id)})` })),
    [devices],
  )
  const nameOf = useMemo(() => {
    const names = new Map(devices.map((d) => [d.id, d.name]))
    return (id: string | null) => (id ? (names.get(id) ?? null) : null)
  }, [devices])
  return { options, nameOf }
}
