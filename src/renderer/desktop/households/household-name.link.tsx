import { Anchor } from '@mantine/core'

/**
 * A household's head name that opens it: a button for the keyboard and screen readers,
 * inside a row that opens the household on a click anywhere (the click stops here).
 */
export function HouseholdNameLink({ name, onOpen }: { name: string; onOpen: () => void }) {
  return (
    <Anchor
      component="button"
      type="button"
      fw={700}
      size="md"
      ta="left"
      onClick={(e) => {
        e.stopPropagation()
        onOpen()
      }}
    >
      {name}
    </Anchor>
  )
}
