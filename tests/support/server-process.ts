import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CONFIG_KEYS } from '../../src/server/config/config-file'
import type { ServerConfig } from '../../src/server/config/server-config'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SERVER_MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url))
/** What the server prints once it listens (src/server/main.ts), with its address. */
const LISTENING = /provincial server is running\. Console: (\S+?)\/?$/m
/** Generous: the first start compiles the server with tsx and migrates the store. */
const START_TIMEOUT_MS = 60_000

/** How a server process ended. */
export interface ProcessExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** The provincial server running as its own process, as `npm run server` starts it. */
export interface ServerProcess {
  /** Base URL, `http://127.0.0.1:<port>`, as the server printed it. */
  url: string
  pid: number
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string
  /** Resolves with the first match of `pattern` in the output, waiting for it if need be. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>
  /** SIGKILL: the process dies at once, in whatever it was doing. */
  kill(): Promise<ProcessExit>
  /** SIGTERM, the operator's stop: resolves once the process has exited. */
  stop(): Promise<ProcessExit>
}

/**
 * Starts `src/server/main.ts` (through tsx, in this Node) with `config` as its environment
 * — port 0 lets it pick a free port, which it prints. Inherited server settings are
 * dropped so that only `config` counts. Rejects, with what the process printed, if it
 * exits or stays silent before listening.
 */
export async function startServerProcess(config: ServerConfig): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of [...CONFIG_KEYS, 'LANGSO_CONFIG']) delete env[key]
  Object.assign(env, {
    PORT: String(config.port),
    HOST: config.host,
    LANGSO_DATA_DIR: config.dataDir,
    LANGSO_CONSOLE_DIR: config.consoleDir,
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
  })
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const watched = watchOutput(child)
  const exit = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  const listening = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not listen within ${START_TIMEOUT_MS} ms:\n${watched.text()}`))
    }, START_TIMEOUT_MS)
    const exitedEarly = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer)
      const how = describe({ code, signal })
      reject(new Error(`server exited before listening (${how}):\n${watched.text()}`))
    }
    child.once('exit', exitedEarly)
    void watched.waitFor(LISTENING).then((match) => {
      clearTimeout(timer)
      child.off('exit', exitedEarly)
      resolve(match)
    })
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('the server process has no pid')
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    return exit
  }
  return {
    url: listening[1] ?? '',
    pid,
    output: watched.text,
    waitForOutput: watched.waitFor,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  }
}

function watchOutput(child: ChildProcess) {
  let text = ''
  const waiters = new Set<() => void>()
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8')
    for (const wake of waiters) wake()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      const check = () => {
        const match = pattern.exec(text)
        if (!match) return
        waiters.delete(check)
        resolve(match)
      }
      waiters.add(check)
      check()
    })
  return { text: () => text, waitFor }
}

function describe(how: ProcessExit): string {
  return how.signal ? `signal ${how.signal}` : `exit code ${how.code}`
}
