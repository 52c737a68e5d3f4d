import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * What the proxy does to one HTTP request passing through it:
 * - `pass`: forwards both ways untouched;
 * - `delay`: forwards both ways, each chunk held `ms` first (a slow link);
 * - `cut-request`: forwards the first `afterBytes` bytes of the request (head and body; at
 *   most all of them), then closes the server side and drops the client's connection — an
 *   upload cut mid-way;
 * - `lose-response`: forwards the whole request, lets the server answer in full, and hands
 *   the client only the first `keepBytes` bytes of the answer (never all of it) before
 *   dropping the connection — a receipt the server sent and the client never read.
 */
export type ProxyFault =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'cut-request'; afterBytes: number }
  | { kind: 'lose-response'; keepBytes: number }

/** The request line and headers of a request, as the proxy read them. */
export interface RequestHead {
  method: string
  path: string
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The request's whole length on the wire (head and body). */
  length: number
}

/** One request that went through the proxy, and what became of it. */
export interface ProxiedRequest {
  head: RequestHead
  fault: ProxyFault
  /** The body, kept for POSTs so a test can tell which batch a request carried. */
  body: Buffer
  /** Request bytes handed to the server's socket. */
  forwardedBytes: number
  /** Every byte of the request was handed to the server's socket. */
  requestComplete: boolean
  /** Answer bytes the server sent. */
  responseBytes: number
  /** The answer's status, once its head arrived. */
  responseStatus: number | null
  /** The client was handed the whole answer. */
  deliveredWhole: boolean
  /** The proxy dropped the connection on purpose, or a side went away mid-exchange. */
  cut: boolean
}

/** A TCP proxy on 127.0.0.1 in front of a server, injecting the faults a test chooses. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: the address clients use instead of the server's. */
  url: string
  /** Every request seen, in arrival order. */
  requests: ProxiedRequest[]
  /** Picks each request's fault from its head (`pass` until set). */
  setFaults(choose: (head: RequestHead) => ProxyFault): void
  /** Points the proxy at another server port (a restarted server); open connections stay. */
  setTarget(port: number): void
  close(): Promise<void>
}

const HEAD_END = Buffer.from('\r\n\r\n')
/** A head longer than this is not HTTP the proxy understands: the connection just passes. */
const MAX_HEAD_BYTES = 64 * 1024

/** Starts a fault proxy on 127.0.0.1, port 0, in front of the server at `targetPort`. */
export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const requests: ProxiedRequest[] = []
  const connections = new Set<ProxiedConnection>()
  let target = targetPort
  let choose: (head: RequestHead) => ProxyFault = () => ({ kind: 'pass' })
  const server: Server = createServer((client) => {
    const connection = new ProxiedConnection(client, connect(target, '127.0.0.1'), {
      choose: (head) => choose(head),
      record: (request) => requests.push(request),
    })
    connections.add(connection)
    client.once('close', () => connections.delete(connection))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  const dropAll = () => {
    for (const connection of connections) connection.drop()
  }
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFaults(next) {
      choose = next
    },
    setTarget(next) {
      target = next
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        dropAll()
      }),
  }
}

/**
 * One client connection and its server-side twin. Requests are framed by their heads and
 * Content-Length (the clients under test never pipeline nor send chunked bodies), so the
 * answer bytes arriving while a request is current are that request's answer.
 */
class ProxiedConnection {
  private pending = Buffer.alloc(0)
  private current: ProxiedRequest | null = null
  /** Bytes of the current request still to come from the client. */
  private remaining = 0
  /** Framing was lost (no Content-Length, huge head): pass the rest as it is. */
  private opaque = false
  private answer = Buffer.alloc(0)
  private answerLength: number | null = null
  /** Each direction's writes run in order, delays included. */
  private toServer: Promise<void> = Promise.resolve()
  private toClient: Promise<void> = Promise.resolve()
  private dropped = false

  constructor(
    private readonly client: Socket,
    private readonly upstream: Socket,
    private readonly hooks: {
      choose(head: RequestHead): ProxyFault
      record(request: ProxiedRequest): void
    },
  ) {
    client.on('data', (chunk: Buffer) => this.fromClient(chunk))
    upstream.on('data', (chunk: Buffer) => this.fromServer(chunk))
    client.on('end', () => this.queueToServer(0, () => upstream.end()))
    upstream.on('end', () => this.queueToClient(0, () => client.end()))
    // A side that fails or closes takes the other with it, as a real link would.
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('error', () => this.drop())
      socket.on('close', () => {
        this.markCutIfOpen()
        // A cut on purpose closes both sides itself, after its last bytes are flushed.
        if (this.dropped || other.destroyed) return
        if (other === upstream) this.queueToServer(0, () => other.destroy())
        else this.queueToClient(0, () => other.destroy())
      })
    }
  }

  /** Drops both sides at once. */
  drop(): void {
    this.dropped = true
    this.markCutIfOpen()
    this.client.destroy()
    this.upstream.destroy()
  }

  private markCutIfOpen(): void {
    const request = this.current
    if (request && !request.deliveredWhole) request.cut = true
  }

  private fromClient(chunk: Buffer): void {
    if (this.dropped) return
    if (this.opaque) {
      this.queueToServer(0, () => this.upstream.write(chunk))
      return
    }
    this.pending = Buffer.concat([this.pending, chunk])
    while (this.pending.length > 0 && !this.dropped && !this.opaque) {
      if (this.remaining === 0 && !this.startRequest()) return
      this.forwardRequestBytes()
    }
  }

  /** Reads the next request's head from `pending`; false while it is incomplete. */
  private startRequest(): boolean {
    const end = this.pending.indexOf(HEAD_END)
    if (end < 0) {
      if (this.pending.length > MAX_HEAD_BYTES) this.becomeOpaque()
      return false
    }
    const headLength = end + HEAD_END.length
    const { headers, ...line } = parseHead(this.pending.subarray(0, end).toString('latin1'))
    const bodyLength = Number(headers['content-length'] ?? '0')
    if (headers['transfer-encoding'] || !Number.isSafeInteger(bodyLength)) {
      this.becomeOpaque()
      return false
    }
    const head: RequestHead = { ...line, headers, length: headLength + bodyLength }
    const request: ProxiedRequest = {
      head,
      fault: this.hooks.choose(head),
      body: Buffer.alloc(0),
      forwardedBytes: 0,
      requestComplete: false,
      responseBytes: 0,
      responseStatus: null,
      deliveredWhole: false,
      cut: false,
    }
    this.current = request
    this.remaining = request.head.length
    this.answer = Buffer.alloc(0)
    this.answerLength = null
    this.hooks.record(request)
    return true
  }

  private becomeOpaque(): void {
    this.opaque = true
    const rest = this.pending
    this.pending = Buffer.alloc(0)
    this.queueToServer(0, () => this.upstream.write(rest))
  }

  /** Passes the current request's bytes on, applying its fault. */
  private forwardRequestBytes(): void {
    const request = this.current
    if (!request) return
    const take = Math.min(this.pending.length, this.remaining)
    const bytes = this.pending.subarray(0, take)
    this.pending = this.pending.subarray(take)
    this.remaining -= take
    const offset = request.head.length - this.remaining - take
    if (request.head.method === 'POST') {
      const bodyStart = request.head.length - Number(request.head.headers['content-length'])
      const body = bytes.subarray(Math.max(0, bodyStart - offset))
      request.body = Buffer.concat([request.body, body])
    }
    const { fault } = request
    const delay = fault.kind === 'delay' ? fault.ms : 0
    if (
      fault.kind === 'cut-request' &&
      offset + take >= Math.min(fault.afterBytes, request.head.length)
    ) {
      const keep = bytes.subarray(0, Math.max(0, fault.afterBytes - offset))
      this.cutAfterSending(request, keep)
      return
    }
    const last = this.remaining === 0
    this.queueToServer(delay, () =>
      this.upstream.write(bytes, () => {
        request.forwardedBytes += bytes.length
        if (last) request.requestComplete = true
      }),
    )
  }

  /** Sends the last bytes the server will get, closes its side and drops the client. */
  private cutAfterSending(request: ProxiedRequest, last: Buffer): void {
    this.dropped = true
    request.cut = true
    this.queueToServer(0, () => {
      request.forwardedBytes += last.length
      request.requestComplete = request.forwardedBytes === request.head.length
      this.client.destroy()
      this.upstream.end(last, () => this.upstream.destroy())
    })
  }

  private fromServer(chunk: Buffer): void {
    const request = this.current
    if (this.dropped) return
    if (!request || this.opaque) {
      this.queueToClient(0, () => this.client.write(chunk))
      return
    }
    const { fault } = request
    request.responseBytes += chunk.length
    // Only the head is needed, unless the whole answer is held back to be lost.
    if (this.answerLength === null || fault.kind === 'lose-response') {
      this.answer = Buffer.concat([this.answer, chunk])
    }
    this.readAnswerHead(request)
    const whole = this.answerLength !== null && request.responseBytes >= this.answerLength
    if (fault.kind === 'lose-response') {
      if (whole && this.answerLength !== null) this.loseAnswer(fault.keepBytes, this.answerLength)
      return
    }
    const delay = fault.kind === 'delay' ? fault.ms : 0
    this.queueToClient(delay, () =>
      this.client.write(chunk, () => {
        if (whole) request.deliveredWhole = true
      }),
    )
  }

  /** Parses the answer's status line and length once its head is in. */
  private readAnswerHead(request: ProxiedRequest): void {
    if (this.answerLength !== null) return
    const end = this.answer.indexOf(HEAD_END)
    if (end < 0) return
    const head = this.answer.subarray(0, end).toString('latin1')
    request.responseStatus = Number(head.split(' ')[1])
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1]
    // Without a length (chunked), the answer is whole when the server ends it.
    this.answerLength = end + HEAD_END.length + Number(length ?? Number.POSITIVE_INFINITY)
  }

  /** Hands the client a prefix of a complete answer, then drops the connection. */
  private loseAnswer(keepBytes: number, answerLength: number): void {
    const keep = this.answer.subarray(0, Math.max(0, Math.min(keepBytes, answerLength - 1)))
    this.dropped = true
    if (this.current) this.current.cut = true
    this.queueToClient(0, () => {
      this.upstream.destroy()
      this.client.end(keep, () => this.client.destroy())
    })
  }

  private queueToServer(delayMs: number, action: () => void): void {
    this.toServer = this.queued(this.toServer, delayMs, action)
  }

  private queueToClient(delayMs: number, action: () => void): void {
    this.toClient = this.queued(this.toClient, delayMs, action)
  }

  /** A socket that throws on a write has failed as a link fails: both sides are dropped. */
  private queued(chain: Promise<void>, delayMs: number, action: () => void): Promise<void> {
    return chain
      .then(() => pause(delayMs))
      .then(action)
      .catch(() => this.drop())
  }
}

const pause = (ms: number) => (ms > 0 ? sleep(ms) : Promise.resolve())

function parseHead(text: string): Omit<RequestHead, 'length'> {
  const [requestLine = '', ...lines] = text.split('\r\n')
  const [method = '', path = ''] = requestLine.split(' ')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { method, path, headers }
}
