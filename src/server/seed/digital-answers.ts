import type { Settlement } from './province-profile'
import { clamp01, type SeedRandom, Weighted } from './seed-random'

/**
 * A member's digital situation and how it changes. Shares follow the national picture of
 * 2025 (most adults under 50 on smartphones, far fewer over 70; VNeID level 2 for roughly
 * two thirds of smartphone users; bank accounts widespread, e-wallets in towns) and move
 * with age, place (town, countryside, mountains), household means and a personal aptitude.
 * Help given by the team on a visit shows at the next visit (an account opened, VNeID
 * activated), and some things improve on their own from month to month.
 */

export type PhoneKind = 'smartphone' | 'basic' | 'none'
export type VneidLevel = 'none' | 'registered' | 'level1' | 'level2' | 'unknown'

export interface DigitalState {
  phone: PhoneKind
  noSmartphoneReason: string | null
  internet3m: boolean
  vneid: VneidLevel
  publicService: 'self' | 'assisted' | 'no'
  /** Choice values in form order; ['none'] when there is no account. */
  paymentAccounts: string[]
  cashless30d: boolean
  digitalSignature: 'yes' | 'no' | 'unknown'
  ehealth: 'yes' | 'no' | 'unknown'
  /** Choice values in form order. */
  skills: string[]
  binhDanHocVuSo: boolean
}

/** What a member's digital answers depend on besides their own state. */
export interface DigitalContext {
  settlement: Settlement
  /** Household means, 0–1. */
  wealth: number
}

const SKILL_ORDER = [
  'messaging',
  'search',
  'install_apps',
  'payments',
  'public_services',
  'scam_awareness',
]
const ACCOUNT_ORDER = ['bank', 'ewallet', 'mobile_money']
const SETTLEMENT_SHIFT: Record<Settlement, number> = { urban: 0.6, rural: 0, remote: -0.6 }

const logit = (p: number) => Math.log(p / (1 - p))
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

/** Smartphone use by age, before place, means and aptitude shift it. */
function smartphoneBase(age: number): number {
  if (age < 15) return 0.35
  if (age < 25) return 0.96
  if (age < 35) return 0.95
  if (age < 45) return 0.91
  if (age < 55) return 0.8
  if (age < 65) return 0.68
  if (age < 75) return 0.4
  if (age < 85) return 0.16
  return 0.04
}

const REASONS_OLD = new Weighted([
  ['cannot_use', 35],
  ['no_need', 30],
  ['health', 15],
  ['cost', 15],
  ['other', 5],
])
const REASONS_ADULT = new Weighted([
  ['cost', 55],
  ['no_need', 20],
  ['cannot_use', 15],
  ['other', 10],
])
const REASONS_CHILD = new Weighted([
  ['other', 45],
  ['cost', 35],
  ['no_need', 20],
])

/** A member's answers when first asked (aged 10 or over). */
export function initialDigital(
  random: SeedRandom,
  age: number,
  aptitude: number,
  ctx: DigitalContext,
): DigitalState {
  const shift = SETTLEMENT_SHIFT[ctx.settlement] + (ctx.wealth - 0.5) * 1.2 + (aptitude - 0.5) * 1.6
  const smart = random.chance(sigmoid(logit(smartphoneBase(age)) + shift))
  const phone: PhoneKind = smart
    ? 'smartphone'
    : random.chance(age < 15 ? 0.2 : age < 70 ? 0.8 : 0.55)
      ? 'basic'
      : 'none'
  const reasons = age >= 60 ? REASONS_OLD : age >= 15 ? REASONS_ADULT : REASONS_CHILD
  const state: DigitalState = {
    phone,
    noSmartphoneReason: !smart && random.chance(0.75) ? reasons.draw(random) : null,
    internet3m: random.chance(smart ? 0.96 : age < 15 ? 0.3 : 0.04),
    vneid: 'none',
    publicService: 'no',
    paymentAccounts: [],
    cashless30d: false,
    digitalSignature: 'no',
    ehealth: 'no',
    skills: [],
    binhDanHocVuSo: false,
  }
  state.vneid = drawVneid(random, age, smart, shift)
  state.publicService = drawPublicService(random, age, state, aptitude)
  state.paymentAccounts = drawAccounts(random, age, state, ctx)
  state.cashless30d = drawCashless(random, state)
  state.digitalSignature = random.chance(
    age >= 22 && age <= 60 && smart ? (ctx.settlement === 'urban' ? 0.15 : 0.08) : 0.01,
  )
    ? 'yes'
    : random.chance(0.18)
      ? 'unknown'
      : 'no'
  state.ehealth = random.chance(age < 15 ? 0.35 : state.vneid === 'level2' ? 0.55 : 0.15)
    ? 'yes'
    : random.chance(0.22)
      ? 'unknown'
      : 'no'
  state.skills = drawSkills(random, age, state, aptitude)
  state.binhDanHocVuSo = random.chance(
    age < 15 ? 0.15 : smart && age <= 60 ? 0.18 + aptitude * 0.12 : 0.03,
  )
  return state
}

const VNEID_SMART_REST = new Weighted<VneidLevel>([
  ['level1', 10],
  ['registered', 7],
  ['none', 10],
  ['unknown', 5],
])
const VNEID_NO_SMARTPHONE = new Weighted<VneidLevel>([
  ['level2', 18],
  ['registered', 8],
  ['none', 55],
  ['unknown', 19],
])

function drawVneid(random: SeedRandom, age: number, smart: boolean, shift: number): VneidLevel {
  if (age < 14) return random.chance(0.12) ? 'level2' : random.chance(0.2) ? 'unknown' : 'none'
  if (smart) {
    if (random.chance(sigmoid(logit(0.72) + shift * 0.5))) return 'level2'
    return VNEID_SMART_REST.draw(random)
  }
  return VNEID_NO_SMARTPHONE.draw(random)
}

function drawPublicService(
  random: SeedRandom,
  age: number,
  state: DigitalState,
  aptitude: number,
): DigitalState['publicService'] {
  if (age < 18) return random.chance(0.03) ? 'assisted' : 'no'
  if (state.vneid === 'level2' && state.phone === 'smartphone') {
    const roll = random.next()
    const self = 0.18 + aptitude * 0.2
    return roll < self ? 'self' : roll < self + 0.22 ? 'assisted' : 'no'
  }
  const roll = random.next()
  return roll < 0.02 ? 'self' : roll < 0.12 ? 'assisted' : 'no'
}

function drawAccounts(
  random: SeedRandom,
  age: number,
  state: DigitalState,
  ctx: DigitalContext,
): string[] {
  const accounts: string[] = []
  const smart = state.phone === 'smartphone'
  const bank =
    age < 15
      ? 0.05
      : smart
        ? { urban: 0.9, rural: 0.8, remote: 0.62 }[ctx.settlement]
        : state.phone === 'basic'
          ? 0.3
          : 0.15
  if (random.chance(bank + (ctx.wealth - 0.5) * 0.1)) accounts.push('bank')
  if (random.chance(age < 15 ? 0.02 : smart ? (ctx.settlement === 'urban' ? 0.45 : 0.28) : 0))
    accounts.push('ewallet')
  if (random.chance(age >= 15 && state.phone !== 'none' ? 0.04 : 0)) accounts.push('mobile_money')
  return accounts.length > 0 ? accounts : ['none']
}

function drawCashless(random: SeedRandom, state: DigitalState): boolean {
  const has = (a: string) => state.paymentAccounts.includes(a)
  if (has('none')) return false
  if (state.phone === 'smartphone' && (has('bank') || has('ewallet'))) return random.chance(0.8)
  return random.chance(has('mobile_money') ? 0.5 : 0.15)
}

function drawSkills(
  random: SeedRandom,
  age: number,
  state: DigitalState,
  aptitude: number,
): string[] {
  if (state.phone !== 'smartphone') return random.chance(0.05) ? ['messaging'] : []
  const young = age < 40
  const chances: Record<string, number> = {
    messaging: 0.92,
    search: young ? 0.85 : 0.55,
    install_apps: (young ? 0.7 : 0.25) + aptitude * 0.15,
    payments: state.cashless30d ? 0.85 : 0.1,
    public_services: state.publicService === 'self' ? 0.9 : 0.05,
    scam_awareness: 0.2 + aptitude * 0.3,
  }
  return SKILL_ORDER.filter((skill) => random.chance(chances[skill] ?? 0))
}

/** The help a team member gives a member on a visit (choice values in form order). */
export function supportGiven(
  random: SeedRandom,
  age: number,
  state: DigitalState,
  eagerness: number,
): string[] {
  if (age < 14 || !random.chance(eagerness)) return []
  const smart = state.phone === 'smartphone'
  const help: string[] = []
  if (smart && (state.vneid === 'none' || state.vneid === 'unknown') && random.chance(0.7))
    help.push('install_vneid')
  if ((state.vneid === 'registered' || state.vneid === 'level1') && random.chance(0.7))
    help.push('vneid_level2')
  if (smart && state.paymentAccounts.includes('none') && age >= 15 && random.chance(0.45))
    help.push('payment_account')
  if (state.vneid === 'level2' && state.publicService === 'no' && age >= 18 && random.chance(0.3))
    help.push('public_service')
  if (smart && !state.skills.includes('install_apps') && random.chance(0.2))
    help.push('install_apps')
  if (smart && random.chance(0.3)) help.push('scam_safety')
  if (random.chance(0.03)) help.push('other')
  return help
}

/** The member's state at a later visit: the help took hold (mostly), and time did its part. */
export function laterDigital(
  random: SeedRandom,
  state: DigitalState,
  help: readonly string[],
  months: number,
  age: number,
): DigitalState {
  const next: DigitalState = {
    ...state,
    paymentAccounts: [...state.paymentAccounts],
    skills: [...state.skills],
  }
  const smart = () => next.phone === 'smartphone'
  if (next.phone === 'basic' && age < 60 && random.chance(0.012 * months)) {
    next.phone = 'smartphone'
    next.noSmartphoneReason = null
    next.internet3m = true
  }
  if (help.includes('install_vneid'))
    next.vneid = random.chance(0.6) ? 'level2' : random.chance(0.75) ? 'level1' : 'registered'
  if (help.includes('vneid_level2') && random.chance(0.85)) next.vneid = 'level2'
  if (next.vneid !== 'level2' && smart() && random.chance(0.025 * months)) next.vneid = 'level2'
  if (help.includes('payment_account') && random.chance(0.85)) {
    next.paymentAccounts = random.chance(0.75) ? ['bank'] : ['ewallet']
    next.cashless30d = random.chance(0.7)
  }
  if (help.includes('public_service') && random.chance(0.8))
    next.publicService = random.chance(0.3) ? 'self' : 'assisted'
  if (next.cashless30d && smart() && random.chance(0.6)) addSkill(next, 'payments')
  if (next.publicService === 'self' && random.chance(0.5)) addSkill(next, 'public_services')
  if (help.includes('install_apps') && random.chance(0.8)) addSkill(next, 'install_apps')
  if (help.includes('scam_safety') && random.chance(0.8)) addSkill(next, 'scam_awareness')
  if (smart() && next.skills.length === 0) addSkill(next, 'messaging')
  if (!next.binhDanHocVuSo && smart() && age <= 65 && random.chance(clamp01(0.04 * months)))
    next.binhDanHocVuSo = true
  if (next.ehealth !== 'yes' && next.vneid === 'level2' && random.chance(0.03 * months))
    next.ehealth = 'yes'
  next.paymentAccounts = ACCOUNT_ORDER.filter((a) => next.paymentAccounts.includes(a))
  if (next.paymentAccounts.length === 0) next.paymentAccounts = ['none']
  return next
}

function addSkill(state: DigitalState, skill: string): void {
  if (state.skills.includes(skill)) return
  const skills = new Set([...state.skills, skill])
  state.skills = SKILL_ORDER.filter((s) => skills.has(s))
}
