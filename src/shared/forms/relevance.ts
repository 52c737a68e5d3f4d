import { holds, type Scope, type Value } from './expression'
import type { ContextVar } from './expression.schema'
import type { FormDefinition, Item, Section } from './form-definition.schema'
import type { Answers, FormResponse, RepeatRow } from './form-response.schema'

/** What rules may read besides answers. */
export interface EvaluationContext {
  /** ISO date of the visit; ages are counted to it. */
  visitDate: string
}

/**
 * Which sections, groups and questions are asked, given the answers so far. The form
 * screen uses it to show and hide questions live; validateResponse uses the same object to
 * drop answers to hidden questions, so what is shown is exactly what is kept.
 */
export interface Relevance {
  /** Whether an item or section is asked; `rowId` for items inside a repeat row. */
  isRelevant(id: string, rowId?: string): boolean
  /** The scope rules of the household level (no rowId) or of a repeat row are evaluated in. */
  scope(rowId?: string, self?: Value): Scope
}

export function contextValues(ctx: EvaluationContext): Record<ContextVar, number> {
  const year = Number(ctx.visitDate.slice(0, 4))
  return { visit_year: year, current_year: year }
}

/**
 * Computes relevance in document order. An answer to a question that is not relevant reads
 * as "no answer" in every later rule (as in ODK/XLSForm), so hiding a question also hides
 * what depends on it. Household-level sections are resolved before repeats because rows may
 * read household answers but not the other way round.
 */
export function computeRelevance(
  form: FormDefinition,
  response: FormResponse,
  ctx: EvaluationContext,
): Relevance {
  const context = contextValues(ctx)
  const household = new Map<string, boolean>()
  const rows = new Map<string, Map<string, boolean>>()

  const householdLookup = (id: string): Value => lookupIn(household, response.answers, id)
  const householdScope = (self?: Value): Scope => ({ lookup: householdLookup, self, context })
  const rowScopes = new Map<string, (self?: Value) => Scope>()

  for (const section of form.sections.filter((s) => s.kind === 'fields')) {
    const shown = section.relevant ? holds(section.relevant, householdScope()) : true
    household.set(section.id, shown)
    markItems(section.items, shown, household, householdScope())
  }
  for (const section of form.sections.filter((s) => s.kind === 'repeat')) {
    const shown = section.relevant ? holds(section.relevant, householdScope()) : true
    household.set(section.id, shown)
    for (const row of response.repeats[section.id] ?? []) {
      const marks = new Map<string, boolean>()
      rows.set(row.id, marks)
      const makeScope = rowScopeFactory(section, row, marks, householdLookup, context)
      rowScopes.set(row.id, makeScope)
      markItems(section.items, shown, marks, makeScope())
    }
  }

  return {
    isRelevant(id, rowId) {
      const marks = rowId === undefined ? household : rows.get(rowId)
      return marks?.get(id) ?? false
    },
    scope(rowId, self) {
      if (rowId === undefined) return householdScope(self)
      const make = rowScopes.get(rowId)
      return make ? make(self) : householdScope(self)
    },
  }
}

function rowScopeFactory(
  section: Section,
  row: RepeatRow,
  marks: Map<string, boolean>,
  householdLookup: (id: string) => Value,
  context: Record<ContextVar, number>,
): (self?: Value) => Scope {
  const own = ownIds(section)
  const lookup = (id: string): Value =>
    own.has(id) ? lookupIn(marks, row.answers, id) : householdLookup(id)
  return (self) => ({ lookup, self, context })
}

function lookupIn(marks: Map<string, boolean>, answers: Answers, id: string): Value {
  if (marks.get(id) === false) return null
  return answers[id] ?? null
}

function markItems(
  items: readonly Item[],
  parentShown: boolean,
  marks: Map<string, boolean>,
  scope: Scope,
): void {
  for (const item of items) {
    // Marks are set in order, so later rules already see earlier questions' relevance.
    const shown = parentShown && (item.relevant ? holds(item.relevant, scope) : true)
    marks.set(item.id, shown)
    if (item.kind === 'group') markItems(item.items, shown, marks, scope)
  }
}

/** A repeat's own item ids, collected once per parsed form: every row's scope reads them. */
const sectionIds = new WeakMap<readonly Item[], ReadonlySet<string>>()
function ownIds(section: Section): ReadonlySet<string> {
  let ids = sectionIds.get(section.items)
  if (!ids) {
    ids = new Set(collectIds(section.items))
    sectionIds.set(section.items, ids)
  }
  return ids
}

function collectIds(items: readonly Item[]): string[] {
  return items.flatMap((item) => (item.kind === 'group' ? collectIds(item.items) : [item.id]))
}
