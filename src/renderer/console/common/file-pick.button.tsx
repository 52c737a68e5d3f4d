import { Button, FileButton } from '@mantine/core'
import { useRef } from 'react'

/**
 * A button that opens the file chooser. The input is cleared after each pick, so choosing
 * the same (fixed) file again is noticed.
 */
export function FilePickButton({
  accept,
  label,
  onPick,
  loading,
  variant = 'filled',
}: {
  accept: string
  label: string
  onPick: (file: File) => void
  loading?: boolean
  variant?: 'filled' | 'default' | 'light'
}) {
  const reset = useRef<() => void>(null)
  return (
    <FileButton
      resetRef={reset}
      accept={accept}
      onChange={(file) => {
        if (file) onPick(file)
        reset.current?.()
      }}
    >
      {(props) => (
        <Button {...props} loading={loading} variant={variant} size="md">
          {label}
        </Button>
      )}
    </FileButton>
  )
}
