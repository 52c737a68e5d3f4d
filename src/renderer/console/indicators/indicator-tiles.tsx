import {
  Badge,
  Box,
  Group,
  Progress,
  RingProgress,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PlaceIndicators } from '../../../shared/api/http.contract'
import { currentLocale } from '../../i18n/i18n'
import {
  indicatorName,
  indicatorOf,
  RATIO_INDICATORS,
  STANDING_COLOR,
  share,
  shortName,
  standingOf,
  unitOf,
} from './indicator-labels'

/**
 * One tile per ratio indicator: the value large and coloured by how it stands against the
 * national target, a bar with the target marked on it, numerator and denominator, and the
 * target. Clicking a tile shows that indicator in the bars and the trend below.
 */
export function IndicatorTiles({
  place,
  selected,
  onSelect,
}: {
  place: PlaceIndicators
  selected: string
  onSelect: (id: string) => void
}) {
  const [coverage, ...rest] = RATIO_INDICATORS
  return (
    <Box
      data-testid="indicator-tiles"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(6, minmax(0, 1fr))',
        gap: 'var(--mantine-spacing-sm)',
      }}
    >
      {coverage ? (
        <Box style={{ gridRow: 'span 2' }}>
          <CoverageTile
            id={coverage.id}
            place={place}
            selected={selected === coverage.id}
            onSelect={() => onSelect(coverage.id)}
          />
        </Box>
      ) : null}
      {rest.map((indicator) => (
        <Tile
          key={indicator.id}
          id={indicator.id}
          place={place}
          selected={selected === indicator.id}
          onSelect={() => onSelect(indicator.id)}
        />
      ))}
    </Box>
  )
}

/** Households surveyed over households registered, as a ring: how far the survey has come. */
function CoverageTile({
  id,
  place,
  selected,
  onSelect,
}: {
  id: string
  place: PlaceIndicators
  selected: boolean
  onSelect: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const value = indicatorOf(place.indicators, id)
  const ratio = value?.value ?? null
  const name = shortName(t, id, locale)
  const remaining = Math.max(0, place.registeredHouseholds - place.surveyedHouseholds)
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-pressed={selected}
      aria-label={t('console.indicators.tile.select', { name })}
      title={indicatorName(id, locale)}
      data-testid={`tile-${id}`}
      p="sm"
      h="100%"
      w="100%"
      style={tileStyle(selected)}
    >
      <Stack gap={6} align="center" justify="center" h="100%">
        <Text fw={700} size="md">
          {name}
        </Text>
        <RingProgress
          size={128}
          thickness={14}
          roundCaps
          sections={[{ value: (ratio ?? 0) * 100, color: STANDING_COLOR.none }]}
          label={
            <Text
              ta="center"
              fz={26}
              fw={800}
              c={STANDING_COLOR.none}
              data-testid={`tile-${id}-value`}
            >
              {share(ratio, locale)}
            </Text>
          }
        />
        <Text size="sm" ta="center">
          {value && value.denominator > 0
            ? t('console.indicators.tile.fraction', {
                numerator: value.numerator,
                denominator: value.denominator,
                population: unitOf(t, id),
              })
            : t('console.indicators.tile.noData')}
        </Text>
        {place.registeredHouseholds > 0 ? (
          <Text size="xs" c="dimmed" ta="center">
            {t('console.indicators.tile.remaining', { count: remaining })}
          </Text>
        ) : null}
      </Stack>
    </UnstyledButton>
  )
}

function tileStyle(selected: boolean) {
  return {
    borderRadius: 'var(--mantine-radius-md)',
    border: `${selected ? 2 : 1}px solid ${selected ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-3)'}`,
    background: selected ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-body)',
    boxShadow: selected ? 'none' : 'var(--mantine-shadow-xs)',
  }
}

function Tile({
  id,
  place,
  selected,
  onSelect,
}: {
  id: string
  place: PlaceIndicators
  selected: boolean
  onSelect: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const value = indicatorOf(place.indicators, id)
  const ratio = value?.value ?? null
  const target = value?.target ?? null
  const standing = standingOf(ratio, target)
  const color = STANDING_COLOR[standing]
  const name = shortName(t, id, locale)
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-pressed={selected}
      aria-label={t('console.indicators.tile.select', { name })}
      title={indicatorName(id, locale)}
      data-testid={`tile-${id}`}
      p="sm"
      style={tileStyle(selected)}
    >
      <Stack gap={6}>
        <Text fw={600} size="sm" lineClamp={2} h={40} style={{ lineHeight: 1.35 }}>
          {name}
        </Text>
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap={4}>
          <Text fz={30} fw={800} lh={1} c={color} data-testid={`tile-${id}-value`}>
            {share(ratio, locale)}
          </Text>
          {standing === 'met' ? (
            <Badge color="green" variant="light" size="md">
              {t('console.indicators.tile.met')}
            </Badge>
          ) : standing === 'close' || standing === 'far' ? (
            <Badge color={standing === 'close' ? 'orange' : 'red'} variant="light" size="md">
              {t('console.indicators.tile.gap', {
                gap: share((target ?? 0) - (ratio ?? 0), locale),
              })}
            </Badge>
          ) : null}
        </Group>
        <TargetBar value={ratio} target={target} color={color} />
        <Text size="xs" c="dimmed">
          {value && value.denominator > 0
            ? t('console.indicators.tile.fraction', {
                numerator: value.numerator,
                denominator: value.denominator,
                population: unitOf(t, id),
              })
            : t('console.indicators.tile.noData')}
        </Text>
        <Text size="xs" fw={600} c={target === null ? 'dimmed' : undefined}>
          {target === null
            ? t('console.indicators.tile.noTarget')
            : t('console.indicators.tile.target', { target: share(target, locale) })}
        </Text>
      </Stack>
    </UnstyledButton>
  )
}

/** The value as a bar, with a mark where the target is. */
function TargetBar({
  value,
  target,
  color,
}: {
  value: number | null
  target: number | null
  color: string
}) {
  return (
    <Box pos="relative">
      <Progress value={(value ?? 0) * 100} color={color} size={10} radius="xl" />
      {target !== null ? (
        <Box
          pos="absolute"
          top={-3}
          left={`calc(${target * 100}% - 1px)`}
          w={3}
          h={16}
          bg="dark.5"
          style={{ borderRadius: 2 }}
          aria-hidden
        />
      ) : null}
    </Box>
  )
}
