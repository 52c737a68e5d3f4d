import { Paper, Stack, Text } from '@mantine/core'
import { type DragEvent, useId, useRef, useState } from 'react'

/**
 * A large drop area for one file that is also a real, labelled file input: a file can be
 * dropped on it, or chosen with a click or the keyboard (Enter/Space). The input is
 * cleared after each pick so that choosing the same file again is noticed.
 */
export function DropZone({
  accept,
  title,
  hint,
  disabled,
  onFile,
}: {
  accept: string
  title: string
  hint: string
  disabled?: boolean
  onFile: (file: File) => void
}) {
  const inputId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const take = (files: FileList | null) => {
    const file = files?.[0]
    if (file && !disabled) onFile(file)
  }
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault()
    setOver(false)
    take(event.dataTransfer.files)
  }
  return (
    <Paper
      component="label"
      htmlFor={inputId}
      withBorder
      radius="md"
      p="xl"
      data-testid="batch-drop-zone"
      onDragOver={(event: DragEvent<HTMLElement>) => {
        event.preventDefault()
        if (!disabled) setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault()
          input.current?.click()
        }
      }}
      tabIndex={disabled ? -1 : 0}
      style={{
        display: 'block',
        cursor: disabled ? 'progress' : 'pointer',
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-5)',
        background: over ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
      }}
    >
      <input
        id={inputId}
        ref={input}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-label={title}
        onChange={(event) => {
          take(event.currentTarget.files)
          event.currentTarget.value = ''
        }}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
      />
      <Stack align="center" gap={6} py="lg">
        <Text size="xl" fw={700} c="blue.8">
          {title}
        </Text>
        <Text c="dimmed" ta="center">
          {hint}
        </Text>
      </Stack>
    </Paper>
  )
}
