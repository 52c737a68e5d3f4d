import { Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsoleHouseholdDetail, HouseholdReview } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink } from '../app/navigation'
import { LoadError } from '../common/error.alert'
import { shortId } from '../common/short-id'
import { ReviewPanel } from '../review/review.panel'
import { ReviewThread } from '../review/review-thread'
import { HOUSEHOLD_FORM } from './form-questions'
import { HouseholdAnswersView } from './household-answers.view'
import { HouseholdConflictsView } from './household-conflicts.view'
import { HouseholdHistoryView } from './household-history.view'

type Tab = 'answers' | 'history' | 'review' | 'conflicts'

/**
 * One household as the server holds it: its review state and decisions (province staff
 * decide here), its answers and members, every visit and revision with who changed what
 * on which laptop, the review comments, and its open conflicts. A decision on a household
 * that changed meanwhile reloads everything.
 */
export function HouseholdDetailScreen({ id }: { id: string }) {
  const client = useConsoleClient()
  const { t } = useTranslation()
  const detail = useAsyncData(() => client.call('households.get', { id }), [client, id])
  const history = useAsyncData(() => client.call('households.history', { id }), [client, id])
  const loaded = useAsyncData(() => client.call('reviews.get', { id }), [client, id])
  const conflicts = useAsyncData(
    () => client.call('conflicts.list', { householdId: id, status: 'open', limit: 100 }),
    [client, id],
  )
  // A decision or comment answers the review as it is now: shown without reloading.
  const [review, setReview] = useState<HouseholdReview | null>(null)
  const fetched = loaded.state === 'done' ? loaded.data : null
  useEffect(() => setReview(fetched), [fetched])
  const [tab, setTab] = useState<Tab>('answers')
  const reloadAll = () => {
    detail.reload()
    history.reload()
    loaded.reload()
    conflicts.reload()
  }

  return (
    <Stack gap="lg">
      <RouteLink to={{ page: 'households' }} size="md" w="fit-content">
        {t('console.detail.back')}
      </RouteLink>
      {detail.state === 'loading' ? <Loader /> : null}
      {detail.state === 'failed' ? <LoadError code={detail.code} onRetry={detail.reload} /> : null}
      {detail.state === 'done' ? (
        <>
          <Header household={detail.data} />
          {review ? (
            <ReviewPanel review={review} onChanged={setReview} onStale={reloadAll} />
          ) : null}
          <Tabs value={tab} onChange={(value) => setTab(isTab(value) ? value : 'answers')}>
            <Tabs.List>
              <Tabs.Tab value="answers">{t('console.records.detail.tabs.answers')}</Tabs.Tab>
              <Tabs.Tab value="history">
                {t('console.records.detail.tabs.history', {
                  count: history.state === 'done' ? history.data.revisions.length : 0,
                })}
              </Tabs.Tab>
              <Tabs.Tab value="review">
                {t('console.records.detail.tabs.review', { count: review?.events.length ?? 0 })}
              </Tabs.Tab>
              {conflicts.state === 'done' && conflicts.data.total > 0 ? (
                <Tabs.Tab value="conflicts" color="orange">
                  {t('console.records.detail.tabs.conflicts', { count: conflicts.data.total })}
                </Tabs.Tab>
              ) : null}
            </Tabs.List>
            <Tabs.Panel value="answers" pt="lg">
              <Stack gap="lg">
                <HouseholdAnswersView household={detail.data} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="lg">
              {history.state === 'loading' ? <Loader /> : null}
              {history.state === 'failed' ? (
                <LoadError code={history.code} onRetry={history.reload} />
              ) : null}
              {history.state === 'done' ? (
                <HouseholdHistoryView history={history.data} villages={villagesOf(detail.data)} />
              ) : null}
            </Tabs.Panel>
            <Tabs.Panel value="review" pt="lg">
              {loaded.state === 'failed' ? (
                <LoadError code={loaded.code} onRetry={loaded.reload} />
              ) : null}
              {review ? <ReviewThread review={review} onChanged={setReview} /> : null}
            </Tabs.Panel>
            <Tabs.Panel value="conflicts" pt="lg">
              {conflicts.state === 'done' ? (
                <HouseholdConflictsView conflicts={conflicts.data.items} household={detail.data} />
              ) : null}
            </Tabs.Panel>
          </Tabs>
        </>
      ) : null}
    </Stack>
  )
}

function Header({ household: h }: { household: ConsoleHouseholdDetail }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return (
    <Stack gap={4}>
      <Title order={1} size="h2">
        {h.headName}
      </Title>
      <Group gap="md">
        <Badge size="lg" radius="sm" variant="light">
          {h.villageName ?? h.villageCode}
        </Badge>
        <Text c="dimmed">{formatIsoDate(h.visitDate)}</Text>
        <Text c="dimmed">
          {t('console.detail.receivedAt', { time: formatDateTime(h.receivedAt) })}
        </Text>
        <Text c="dimmed">{t('console.detail.device', { device: shortId(h.deviceId) })}</Text>
      </Group>
      <Text c="dimmed" size="sm">
        {t('console.detail.formVersion', {
          form: HOUSEHOLD_FORM.title[locale],
          version: h.formVersion,
        })}
      </Text>
    </Stack>
  )
}

function isTab(value: string | null): value is Tab {
  return value === 'answers' || value === 'history' || value === 'review' || value === 'conflicts'
}

/** The village question's answer is the household's code; the server names it. */
function villagesOf(h: ConsoleHouseholdDetail) {
  return h.villageName ? [{ code: h.villageCode, name: h.villageName }] : []
}
