import { Group, Select, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReviewState } from '../../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import type { CommuneOption } from '../common/communes.hook'
import { accentFreeFilter } from '../common/select-filter'
import { REVIEW_STATES } from '../review/review-state.badge'

/** The visit-result question of the default form, for the filter's choices and the column. */
export const VISIT_RESULT = flattenQuestions(
  defaultHouseholdForm.sections.flatMap((s) => s.items),
).find((q) => q.id === 'visit_result')

/** The list's filters as the person set them. */
export interface HouseholdFilterValues {
  query: string
  commune: string | null
  village: string | null
  visitResult: string | null
  reviewState: ReviewState | null
}

export const NO_FILTERS: HouseholdFilterValues = {
  query: '',
  commune: null,
  village: null,
  visitResult: null,
  reviewState: null,
}

/**
 * The search box (names without accents, a phone or citizen id, a village name) and the
 * commune, village, visit-result and review-state filters. A commune viewer has no commune
 * filter: the server keeps them in their commune, whose villages they pick from.
 */
export function HouseholdFilters({
  values,
  onChange,
  communes,
  viewerCommune,
}: {
  values: HouseholdFilterValues
  onChange: (values: HouseholdFilterValues) => void
  communes: readonly CommuneOption[]
  viewerCommune: string | null
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const commune = viewerCommune ?? values.commune
  const villages = useAsyncData(
    () =>
      commune
        ? client.call('places.villages', { communeCode: commune, status: 'all' })
        : Promise.resolve(null),
    [client, commune],
  )
  const villageOptions =
    villages.state === 'done' && villages.data
      ? villages.data.items.map((v) => ({ value: v.code, label: v.name }))
      : []
  const set = (change: Partial<HouseholdFilterValues>) => onChange({ ...values, ...change })

  return (
    <Stack gap="sm">
      <TextInput
        label={t('console.households.search')}
        placeholder={t('console.records.searchPlaceholder')}
        description={t('console.records.searchHint')}
        value={values.query}
        type="search"
        onChange={(e) => set({ query: e.currentTarget.value })}
        size="md"
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        {viewerCommune ? null : (
          <Select
            label={t('console.households.commune')}
            placeholder={t('console.households.allCommunes')}
            data={communes as CommuneOption[]}
            value={values.commune}
            searchable
            clearable
            filter={accentFreeFilter}
            onChange={(value) => set({ commune: value, village: null })}
            w={240}
          />
        )}
        <Select
          label={t('console.households.village')}
          placeholder={
            commune
              ? t('console.households.allVillages')
              : t('console.households.chooseCommuneFirst')
          }
          data={villageOptions}
          value={values.village}
          disabled={!commune}
          searchable
          clearable
          filter={accentFreeFilter}
          onChange={(value) => set({ village: value })}
          w={240}
        />
        <Select
          label={t('console.records.visitResult')}
          placeholder={t('console.records.allResults')}
          data={(VISIT_RESULT?.choices ?? []).map((c) => ({
            value: c.value,
            label: c.label[locale],
          }))}
          value={values.visitResult}
          clearable
          onChange={(value) => set({ visitResult: value })}
          w={200}
        />
        <Select
          label={t('console.records.reviewState')}
          placeholder={t('console.records.allStates')}
          data={REVIEW_STATES.map((state) => ({
            value: state,
            label: t(`console.review.states.${state}`),
          }))}
          value={values.reviewState}
          clearable
          onChange={(value) => set({ reviewState: REVIEW_STATES.find((s) => s === value) ?? null })}
          w={200}
        />
      </Group>
    </Stack>
  )
}
