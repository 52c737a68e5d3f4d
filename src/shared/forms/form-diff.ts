import { z } from 'zod'
import { type ChangeDraft, describeChange, displayValue } from './form-change-text'
import type { Choice, FormDefinition, Item, Question, Section } from './form-definition.schema'
import { type LocalizedText, localizedTextSchema } from './localized-text'

export { formatExpr } from './expression-format'

/**
 * What changed between two versions of a form, as a list a person can read before
 * publishing: sections, groups and questions added, removed or moved; their properties
 * changed (label, type, required, relevant, constraint, choices…); settings changed. Each
 * change carries ids for machines and a sentence in Vietnamese and English for people.
 * Isomorphic: the server answers it and the console may compute it locally.
 */
export const FORM_CHANGE_KINDS = ['added', 'removed', 'moved', 'changed'] as const
export const FORM_CHANGE_TARGETS = [
  'form',
  'settings',
  'section',
  'group',
  'question',
  'choice',
] as const
type Target = (typeof FORM_CHANGE_TARGETS)[number]

export const formChangeSchema = z.object({
  change: z.enum(FORM_CHANGE_KINDS),
  target: z.enum(FORM_CHANGE_TARGETS),
  /** Section, group or question id; the setting's key; the form id for title changes. */
  id: z.string(),
  /** The choice's value, for target "choice". */
  choice: z.string().optional(),
  /** The property changed ("label", "relevant", …), or "parent"/"position" for moves. */
  property: z.string().optional(),
  /** What the target is called (its label in the newer version when it has one). */
  label: localizedTextSchema.optional(),
  /** The section or group holding an added or removed target. */
  parent: z.string().nullable().optional(),
  /** Old and new value as display text (labels in Vietnamese; rules in XLSForm syntax). */
  before: z.string().nullable().optional(),
  after: z.string().nullable().optional(),
  text: localizedTextSchema,
})
export type FormChange = z.infer<typeof formChangeSchema>

type Node =
  | { target: 'section'; node: Section; parent: string | null }
  | { target: 'group' | 'question'; node: Item; parent: string }

/** Every change from `before` to `after`: removals first, then the newer form in order. */
export function diffForms(before: FormDefinition, after: FormDefinition): FormChange[] {
  const changes: FormChange[] = []
  if (!sameValue(before.title, after.title)) {
    changes.push(changed('form', after.id, 'title', after.title, before.title, after.title))
  }
  for (const key of unionKeys(before.settings, after.settings)) {
    const [b, a] = [before.settings[key], after.settings[key]]
    if (!sameValue(b, a)) changes.push(changed('settings', key, key, undefined, b, a))
  }
  const old = indexNodes(before)
  const next = indexNodes(after)
  for (const [key, node] of old) {
    const counterpart = next.get(key)
    if (!counterpart || counterpart.target !== node.target) changes.push(presence('removed', node))
  }
  const moved = movedWithinParent(old, next)
  for (const [key, node] of next) {
    const previous = old.get(key)
    if (!previous || previous.target !== node.target) {
      changes.push(presence('added', node))
      continue
    }
    if (previous.parent !== node.parent) {
      changes.push(move(node, 'parent', previous.parent, node.parent))
    } else if (moved.has(key)) changes.push(move(node, 'position', null, null))
    changes.push(...propertyChanges(previous, node))
  }
  return changes
}

/** Sections and items in document order, keyed so section and item ids never clash. */
function indexNodes(form: FormDefinition): Map<string, Node> {
  const nodes = new Map<string, Node>()
  const walk = (items: readonly Item[], parent: string) => {
    for (const item of items) {
      nodes.set(`item:${item.id}`, { target: item.kind, node: item, parent })
      if (item.kind === 'group') walk(item.items, item.id)
    }
  }
  for (const section of form.sections) {
    nodes.set(`section:${section.id}`, { target: 'section', node: section, parent: null })
    walk(section.items, section.id)
  }
  return nodes
}

/** Keys whose order among their siblings kept in both versions changed (outside an LCS). */
function movedWithinParent(old: Map<string, Node>, next: Map<string, Node>): Set<string> {
  const siblings = (nodes: Map<string, Node>, other: Map<string, Node>) => {
    const byParent = new Map<string, string[]>()
    for (const [key, node] of nodes) {
      const there = other.get(key)
      if (!there || there.parent !== node.parent || there.target !== node.target) continue
      const parent = node.parent ?? ''
      byParent.set(parent, [...(byParent.get(parent) ?? []), key])
    }
    return byParent
  }
  const moved = new Set<string>()
  const before = siblings(old, next)
  for (const [parent, after] of siblings(next, old)) {
    for (const key of outsideCommonOrder(before.get(parent) ?? [], after)) moved.add(key)
  }
  return moved
}

/** Entries of `after` not in a longest common subsequence with `before`. */
export function outsideCommonOrder(before: readonly string[], after: readonly string[]): string[] {
  const rows = before.length + 1
  const cols = after.length + 1
  const table: number[] = new Array(rows * cols).fill(0)
  const at = (i: number, j: number) => table[i * cols + j] ?? 0
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      table[i * cols + j] =
        before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1))
    }
  }
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < before.length && j < after.length; ) {
    if (before[i] === after[j]) {
      kept.add(after[j] ?? '')
      i += 1
      j += 1
    } else if (at(i + 1, j) >= at(i, j + 1)) i += 1
    else j += 1
  }
  return after.filter((key) => !kept.has(key))
}

const QUESTION_PROPERTIES = [
  'type',
  'label',
  'hint',
  'required',
  'relevant',
  'constraint',
  'constraintMessage',
  'choicesFrom',
  'min',
  'max',
  'maxLength',
  'checks',
] as const
const SECTION_PROPERTIES = [
  'kind',
  'label',
  'relevant',
  'rowLabel',
  'maxRows',
  'rowCounts',
] as const
const GROUP_PROPERTIES = ['label', 'relevant'] as const

function propertyChanges(previous: Node, node: Node): FormChange[] {
  const props: readonly string[] =
    node.target === 'section'
      ? SECTION_PROPERTIES
      : node.target === 'group'
        ? GROUP_PROPERTIES
        : QUESTION_PROPERTIES
  const b = previous.node as unknown as Record<string, unknown>
  const a = node.node as unknown as Record<string, unknown>
  const changes = props
    .filter((p) => !sameValue(b[p], a[p]))
    .map((p) => changed(node.target, node.node.id, p, node.node.label, b[p], a[p]))
  if (node.target === 'question' && previous.target === 'question') {
    changes.push(...choiceChanges(previous.node as Question, node.node as Question))
  }
  return changes
}

function choiceChanges(before: Question, after: Question): FormChange[] {
  const old = new Map((before.choices ?? []).map((c) => [c.value, c]))
  const next = new Map((after.choices ?? []).map((c) => [c.value, c]))
  const changes: FormChange[] = []
  const choice = (change: FormChange['change'], c: Choice, rest: Partial<ChangeDraft> = {}) =>
    finish({ change, target: 'choice', id: after.id, choice: c.value, label: c.label, ...rest })
  for (const c of before.choices ?? []) if (!next.has(c.value)) changes.push(choice('removed', c))
  const reordered = new Set(
    outsideCommonOrder(
      [...old.keys()].filter((v) => next.has(v)),
      [...next.keys()].filter((v) => old.has(v)),
    ),
  )
  for (const c of after.choices ?? []) {
    const was = old.get(c.value)
    if (!was) {
      changes.push(choice('added', c))
      continue
    }
    if (reordered.has(c.value)) changes.push(choice('moved', c, { property: 'position' }))
    for (const property of ['label', 'exclusive'] as const) {
      if (sameValue(was[property], c[property])) continue
      changes.push(
        choice('changed', c, { property, values: { before: was[property], after: c[property] } }),
      )
    }
  }
  return changes
}

function presence(change: 'added' | 'removed', node: Node): FormChange {
  const { target, node: item, parent } = node
  return finish({ change, target, id: item.id, label: item.label, parent })
}

function move(node: Node, property: 'parent' | 'position', from: unknown, to: unknown): FormChange {
  const { target, node: item } = node
  const values = property === 'parent' ? { before: from, after: to } : undefined
  return finish({ change: 'moved', target, id: item.id, label: item.label, property, values })
}

function changed(
  target: Target,
  id: string,
  property: string,
  label: LocalizedText | undefined,
  before: unknown,
  after: unknown,
): FormChange {
  return finish({ change: 'changed', target, id, property, label, values: { before, after } })
}

function finish(draft: ChangeDraft): FormChange {
  const { values, ...rest } = draft
  const change: FormChange = {
    change: rest.change,
    target: rest.target,
    id: rest.id,
    text: { vi: describeChange(draft, 'vi'), en: describeChange(draft, 'en') },
  }
  if (rest.choice !== undefined) change.choice = rest.choice
  if (rest.property !== undefined) change.property = rest.property
  if (rest.label !== undefined) change.label = rest.label
  if (rest.parent !== undefined) change.parent = rest.parent
  if (values) {
    change.before = displayValue(values.before, 'vi')
    change.after = displayValue(values.after, 'vi')
  }
  return change
}

function unionKeys<T extends object>(a: T, b: T): (keyof T & string)[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof T & string)[]
}

/** Structural equality of JSON-like values (key order ignored). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}
