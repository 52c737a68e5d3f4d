/**
 * One running copy per laptop: two instances on one store would race on the outbox and the
 * daily backup. The second start hands over to the first (Electron's single-instance lock)
 * and quits; the first brings its window to the front.
 */
export const SINGLE_INSTANCE = {
  /** requestSingleInstanceLock() is taken before anything else starts. */
  lock: true,
  /** What a second instance does when the lock is held: quit at once, opening nothing. */
  whenLocked: 'quit',
} as const

/** The main window as the first instance sees it when a second start is attempted. */
export interface WindowShownState {
  exists: boolean
  minimized: boolean
  visible: boolean
}

export type WindowStep = 'restore' | 'show' | 'focus'

/** The steps that bring the existing window to the front, in order; none if there is no window. */
export function secondInstanceSteps(window: WindowShownState): WindowStep[] {
  if (!window.exists) return []
  const steps: WindowStep[] = []
  if (window.minimized) steps.push('restore')
  if (!window.visible) steps.push('show')
  steps.push('focus')
  return steps
}
