import { EmptyState, Loader, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { AsyncData } from '../../common/components/async-data.hook'
import { LoadError } from './error.alert'
import { Pager } from './pager'

/** One page of a console list as the server answers it. */
export interface ListPage<T> {
  items: T[]
  total: number
}

/**
 * The result area every paged console list shares: a loader, a load error with "try
 * again", or the total, the rows (or an empty state) and the page controls. A list whose
 * filters cannot be sent yet (an invalid date) loads `null`: nothing is shown.
 */
export function PagedList<T>({
  list,
  page,
  pageSize,
  onPage,
  totalLabel,
  totalTestId,
  empty,
  children,
}: {
  list: AsyncData<ListPage<T> | null> & { reload: () => void }
  page: number
  pageSize: number
  onPage: (page: number) => void
  /** The "N records" line above the rows; none when omitted. */
  totalLabel?: (total: number) => string
  totalTestId?: string
  empty: { title: string; description: string }
  children: (items: T[]) => ReactNode
}) {
  if (list.state === 'loading') return <Loader />
  if (list.state === 'failed') return <LoadError code={list.code} onRetry={list.reload} />
  if (!list.data) return null
  const { items, total } = list.data
  return (
    <>
      {totalLabel ? (
        <Text fw={600} data-testid={totalTestId}>
          {totalLabel(total)}
        </Text>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={empty.title} description={empty.description} />
      ) : (
        children(items)
      )}
      <Pager total={total} pageSize={pageSize} page={page} onChange={onPage} />
    </>
  )
}
