/**
 * Saves bytes as a file through a download: in Electron the main process allows it only
 * for our own file names and asks where to save it (a USB stick, the desktop).
 */
export function saveBytes(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked a little later: some engines read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
