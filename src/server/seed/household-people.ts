import type { Sex } from '../../shared/vietnam/citizen-id'
import type { DigitalState } from './digital-answers'
import type { Settlement } from './province-profile'
import { type SeedRandom, Weighted } from './seed-random'
import type { NameBook } from './vietnamese-names'
import type { Culture } from './vietnamese-names.data'

/**
 * Who lives in a generated household: the usual Vietnamese household shapes (couples with
 * children, three generations under one roof, elderly people alone…) with ages that fit the
 * relationships (mothers 18–42 years older than their children, spouses close in age), and
 * names that follow family lines: children take their father's surname (their mother's
 * clan among the matrilineal Ê Đê and Jrai), and wives keep their own.
 */

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other'
export type Residence = 'permanent' | 'temporary' | 'away'

export interface Person {
  culture: Culture
  surname: string
  fullName: string
  sex: Sex
  birthYear: number
  relation: Relation
  residence: Residence
  /** How readily this person takes to digital tools (0–1), beyond age and place. */
  aptitude: number
  /** Set when the person is first recorded in a full visit. */
  rowId: string | null
  citizenId: string | null
  /** The person's own mobile, if they have a phone and gave the number. */
  mobile: string | null
  /** Digital answers, from the first full visit at which they are aged 10 or over. */
  digital: DigitalState | null
}

type Shape =
  | 'single'
  | 'elderly_couple'
  | 'nuclear'
  | 'three_generations'
  | 'with_parents'
  | 'single_parent'
  | 'siblings'

const SHAPES = new Weighted<Shape>([
  ['single', 6],
  ['elderly_couple', 9],
  ['nuclear', 44],
  ['three_generations', 24],
  ['with_parents', 9],
  ['single_parent', 6],
  ['siblings', 2],
])

const CHILDREN: Record<Settlement, Weighted<number>> = {
  urban: new Weighted([
    [0, 8],
    [1, 26],
    [2, 52],
    [3, 12],
    [4, 2],
  ]),
  rural: new Weighted([
    [0, 6],
    [1, 19],
    [2, 48],
    [3, 20],
    [4, 7],
  ]),
  remote: new Weighted([
    [0, 4],
    [1, 15],
    [2, 38],
    [3, 27],
    [4, 11],
    [5, 5],
  ]),
}

/** What the people of a household are drawn from. */
export interface PeopleContext {
  random: SeedRandom
  names: NameBook
  cultures: Weighted<Culture>
  settlement: Settlement
  /** The campaign's first year: ages are counted to it. */
  year: number
}

/** A household's members, the head first; everyone's name is unique in the household. */
export function drawPeople(ctx: PeopleContext): Person[] {
  const b = new HouseholdBuilder(ctx)
  const { random } = ctx
  const shape = SHAPES.draw(random)
  switch (shape) {
    case 'single': {
      const elderly = random.chance(0.65)
      const sex = elderly
        ? random.chance(0.72)
          ? 'female'
          : 'male'
        : random.chance(0.6)
          ? 'male'
          : 'female'
      b.head(sex, elderly ? random.int(62, 92) : random.int(22, 59))
      break
    }
    case 'elderly_couple': {
      const husband = random.int(58, 88)
      b.couple(husband, husband - random.int(-1, 6))
      break
    }
    case 'nuclear': {
      const husband = random.int(23, 62)
      const wife = Math.max(18, husband - random.int(-2, 7))
      b.couple(husband, wife, random.chance(0.85))
      b.children('child', CHILDREN[ctx.settlement].draw(random), wife, b.fatherLine(), true)
      break
    }
    case 'three_generations': {
      const elder = random.int(50, 82)
      const wife = elder - random.int(-1, 6)
      const widowed = random.chance(0.3)
      const headMale = random.chance(0.7)
      if (widowed) b.head(headMale ? 'male' : 'female', headMale ? elder : wife)
      else b.couple(elder, wife, headMale)
      const childAge = Math.max(20, wife - random.int(20, 30))
      const son = random.chance(0.8)
      const child = b.add('child', son ? 'male' : 'female', childAge, b.fatherLine())
      const inLawAge = son ? childAge - random.int(-1, 6) : childAge + random.int(-1, 6)
      const inLaw = random.chance(0.88)
        ? b.add('other', son ? 'female' : 'male', Math.max(18, inLawAge), null)
        : null
      const mother = son ? inLaw : child
      const father = son ? child : inLaw
      const grandchildren = Math.max(1, CHILDREN[ctx.settlement].draw(random))
      b.children(
        'grandchild',
        grandchildren,
        mother?.age ?? childAge,
        b.lineOf(father, mother),
        false,
      )
      if (random.chance(0.2)) b.children('child', 1, wife, b.fatherLine(), true, childAge - 1)
      break
    }
    case 'with_parents': {
      const husband = random.int(25, 50)
      const wife = Math.max(18, husband - random.int(-2, 7))
      b.couple(husband, wife, random.chance(0.85), random.chance(0.88))
      b.children('child', CHILDREN[ctx.settlement].draw(random), wife, b.fatherLine(), true)
      const headAge = b.headAge()
      const fatherAge = headAge + random.int(22, 36)
      const both = random.chance(0.55)
      if (both || random.chance(0.3))
        b.add('parent', 'male', Math.min(98, fatherAge), b.parentLine('male'))
      if (both || !b.has('parent')) {
        b.add(
          'parent',
          'female',
          Math.min(98, fatherAge - random.int(0, 6)),
          b.parentLine('female'),
        )
      }
      break
    }
    case 'single_parent': {
      const female = random.chance(0.78)
      const age = random.int(26, 60)
      b.head(female ? 'female' : 'male', age)
      const line = b.singleParentLine()
      b.children(
        'child',
        Math.max(1, CHILDREN[ctx.settlement].draw(random)),
        female ? age : age - 3,
        line,
        true,
      )
      break
    }
    case 'siblings': {
      const age = random.int(20, 45)
      b.head(random.chance(0.6) ? 'male' : 'female', age)
      for (let i = random.int(1, 2); i > 0; i--) {
        b.add(
          'other',
          random.chance(0.5) ? 'male' : 'female',
          Math.max(16, age + random.int(-9, 9)),
          b.headLine(),
        )
      }
      break
    }
  }
  return b.people()
}

interface Draft {
  relation: Relation
  sex: Sex
  age: number
  culture: Culture
  surname: string
}

/** Builds one household: names, residence and traits are filled in at the end. */
class HouseholdBuilder {
  readonly #drafts: Draft[] = []
  readonly #headCulture: Culture

  constructor(private readonly ctx: PeopleContext) {
    this.#headCulture = ctx.cultures.draw(ctx.random)
  }

  head(sex: Sex, age: number): Draft {
    return this.add('head', sex, age, this.#surname(this.#headCulture), this.#headCulture)
  }

  /** A married couple; `maleHead` chooses which of them heads the household. */
  couple(husband: number, wife: number, maleHead = true, together = true): void {
    if (maleHead) {
      this.head('male', husband)
      if (together) this.add('spouse', 'female', wife, null)
    } else {
      this.head('female', wife)
      if (together) this.add('spouse', 'male', husband, null)
    }
  }

  add(relation: Relation, sex: Sex, age: number, surname: string | null, culture?: Culture): Draft {
    const { random, cultures } = this.ctx
    // Most marry within their people; a spouse or in-law may come from another.
    const own =
      culture ??
      (surname !== null || random.chance(0.85) ? this.#headCulture : cultures.draw(random))
    const draft = {
      relation,
      sex,
      age: Math.max(0, Math.min(100, age)),
      culture: own,
      surname: surname ?? this.#surname(own),
    }
    this.#drafts.push(draft)
    return draft
  }

  /** Children (or grandchildren) of a mother of `motherAge`, eldest first. */
  children(
    relation: Relation,
    count: number,
    motherAge: number,
    surname: string,
    dropAdults: boolean,
    maxAge = 99,
  ): void {
    const { random } = this.ctx
    let age = Math.min(maxAge, motherAge - random.int(19, 30))
    for (let i = 0; i < count && age >= 0; i++) {
      // Grown children mostly live on their own.
      if (!(dropAdults && age > 28 && random.chance(0.8))) {
        this.add(relation, random.chance(0.51) ? 'male' : 'female', age, surname)
      }
      age -= random.int(1, 5)
    }
  }

  /** The surname the head's children take. */
  fatherLine(): string {
    const head = this.#drafts[0] as Draft
    const spouse = this.#drafts.find((d) => d.relation === 'spouse')
    const father = head.sex === 'male' ? head : spouse
    const mother = head.sex === 'female' ? head : spouse
    return this.lineOf(father ?? null, mother ?? null)
  }

  lineOf(father: Draft | null, mother: Draft | null): string {
    const matrilineal = this.#headCulture === 'ede' || this.#headCulture === 'jrai'
    const parent = matrilineal ? (mother ?? father) : (father ?? mother)
    return parent?.surname ?? this.#surname(this.#headCulture)
  }

  /** A lone parent's children: the absent father's surname, or the mother's clan. */
  singleParentLine(): string {
    const head = this.#drafts[0] as Draft
    const matrilineal = this.#headCulture === 'ede' || this.#headCulture === 'jrai'
    if (head.sex === 'male' || matrilineal) return head.surname
    return this.#surname(this.#headCulture)
  }

  /** The head's father carries the head's line (the mother, among the matrilineal peoples). */
  parentLine(sex: Sex): string | null {
    const matrilineal = this.#headCulture === 'ede' || this.#headCulture === 'jrai'
    const carries = matrilineal ? sex === 'female' : sex === 'male'
    return carries ? this.headLine() : null
  }

  headLine(): string {
    return (this.#drafts[0] as Draft).surname
  }

  headAge(): number {
    return (this.#drafts[0] as Draft).age
  }

  has(relation: Relation): boolean {
    return this.#drafts.some((d) => d.relation === relation)
  }

  people(): Person[] {
    const { random, names, settlement, year } = this.ctx
    const taken = new Set<string>()
    return this.#drafts.map((draft) => {
      const birthYear = year - draft.age
      let fullName = names.fullName(random, { ...draft, birthYear })
      for (let tries = 0; taken.has(fullName) && tries < 8; tries++) {
        fullName = names.fullName(random, { ...draft, birthYear })
      }
      taken.add(fullName)
      return {
        culture: draft.culture,
        surname: draft.surname,
        fullName,
        sex: draft.sex,
        birthYear,
        relation: draft.relation,
        residence: residenceOf(random, draft, settlement),
        aptitude: random.next(),
        rowId: null,
        citizenId: null,
        mobile: null,
        digital: null,
      }
    })
  }

  #surname(culture: Culture): string {
    return this.ctx.names.surname(this.ctx.random, culture)
  }
}

/** Young adults of the countryside often work away (industrial zones, cities). */
function residenceOf(random: SeedRandom, draft: Draft, settlement: Settlement): Residence {
  if (draft.relation === 'head')
    return settlement === 'urban' && random.chance(0.06) ? 'temporary' : 'permanent'
  const young = draft.age >= 18 && draft.age <= 35
  const away = young ? (settlement === 'urban' ? 0.06 : 0.2) : 0.02
  const temporary = settlement === 'urban' ? 0.06 : 0.02
  const roll = random.next()
  if (roll < away) return 'away'
  if (roll < away + temporary) return 'temporary'
  return 'permanent'
}
