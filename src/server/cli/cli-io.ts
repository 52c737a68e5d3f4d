import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { CliUsageError } from './cli-errors'

/** What a CLI command may do with the terminal: print, and ask for a new password. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  /**
   * A new password: typed twice without echo on a terminal, or the first line of stdin
   * when it is piped (`printf '%s\n' "$PW" | npm run server -- user:create …`).
   */
  readNewPassword(): Promise<string>
}

/** The real terminal (or pipe) of the process. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readNewPassword: async () => {
      if (!process.stdin.isTTY) return firstLine(process.stdin)
      const password = await promptHidden('Mật khẩu mới / New password: ')
      const again = await promptHidden('Nhập lại / Repeat: ')
      if (again !== password) throw new CliUsageError('The two passwords differ')
      return password
    },
  }
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += String(chunk)
  return text.split(/\r?\n/)[0] ?? ''
}

/** Asks on stderr and reads a line from the terminal without echoing what is typed. */
function promptHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt)
  const muted = new Writable({
    write(_chunk, _encoding, done) {
      done()
    },
  })
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true })
  return new Promise((resolve) => {
    reader.question('', (answer) => {
      reader.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}
