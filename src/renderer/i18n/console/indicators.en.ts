import type { IndicatorsMessages } from './indicators.vi'

/** English messages of the indicator dashboard. */
export const indicatorsEn: IndicatorsMessages = {
  title: 'Digital transformation indicators',
  scopeTitle: 'Digital transformation indicators — {{name}}',
  province: 'Whole province',
  intro:
    'Each household counts with its latest completed visit. Targets are those of Decision 411/QĐ-TTg for 2025.',
  summary:
    '{{surveyed, number}} households surveyed of {{registered, number}} registered · {{adults, number}} people aged 15+',
  summaryNoRegister:
    '{{surveyed, number}} households surveyed (no register yet) · {{adults, number}} people aged 15+',
  empty: 'No household has been surveyed here yet.',
  short: {
    coverage: 'Households surveyed',
    smartphone_adults: 'Own a smartphone',
    fibre_households: 'Households with fibre',
    payment_account_adults: 'Have a payment account',
    vneid_level2: 'VNeID level 2',
    vneid_any: 'Have VNeID',
    online_public_service_adults: 'Used online public services',
    digital_signature_adults: 'Have a digital signature',
    basic_skills_adults: 'Basic digital skills',
    ehealth_members: 'Electronic health record',
    cashless_adults: 'Paid cashless',
  },
  units: {
    adults: 'adults',
    members: 'people',
    households: 'households',
    surveyed: 'registered',
  },
  tile: {
    fraction: '{{numerator, number}} / {{denominator, number}} {{population}}',
    target: 'Target {{target}}',
    noTarget: 'No target set',
    met: 'Met',
    gap: '{{gap}} short',
    remaining: '{{count, number}} households still to survey',
    noData: 'No data yet',
    select: 'Show {{name}} by place and by month',
  },
  bars: {
    titleCommunes: 'Communes compared',
    titleVillages: 'Villages compared',
    hintCommunes: 'Click a commune to see its villages.',
    hintVillages: 'Click a village to see it alone.',
    target: 'Target',
    noData: 'no data yet',
    empty: 'No place has data yet.',
  },
  trend: {
    title: 'Month by month',
    hint: 'Values as of the end of each month.',
    empty: 'No monthly data yet.',
    value: 'Value',
  },
  support: {
    title: 'Help given by the digital technology teams',
    hint: 'Counted per visit, in the month of the visit.',
    from: 'From month',
    to: 'To month',
    allTime: 'From the start',
    untilNow: 'Until now',
    totals:
      '{{help, number}} acts of help over {{visits, number}} visits ({{completed, number}} completed)',
    byKind: 'By kind of help',
    byMonth: 'By month',
    byTeam: 'By commune team',
    byVillage: 'By village',
    byMember: 'By team member',
    help: 'Help given',
    visits: 'Visits',
    moreMembers: '{{count, number}} more team members.',
    unknownMember: 'Team member not named',
    empty: 'No help recorded in this period.',
  },
}
