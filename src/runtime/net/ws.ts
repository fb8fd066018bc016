/**
 * WebSocket-like server and client on the simulated network (the
 * `websockets` library's serve/connect, or aiohttp's WebSocketResponse).
 *
 * - Handshake: the TCP round trip, then one more for the HTTP upgrade (the
 *   client's ws.connect resolves after two round trips).
 * - Frames are charged their size: the text's UTF-8 bytes plus the frame header
 *   (2, 4 or 10 bytes; client frames add a 4-byte mask), as RFC 6455 says.
 * - Buffered sends with a high-water mark, as real libraries do: `send()`
 *   puts the frame in the socket's write buffer and resolves at once, unless
 *   the buffer (bytes not yet on the wire) is then over the high-water mark
 *   (`writeLimit`, default 64 KiB); then it resolves once the buffer has
 *   drained to a quarter of it. That is asyncio's transport flow control
 *   (high-water 64 KiB, low-water high / 4), which aiohttp's `send_str` waits
 *   on; websockets' `send` does the same with its own `write_limit`. So
 *   awaiting each client in turn stalls the loop only once a slow client's
 *   backlog really fills (the article's stalled chat broadcast, CONTENT.md
 *   error 13). Tests: tests/runtime/net-ws-buffer.test.ts.
 * - `ws.broadcast` is websockets.broadcast(): it writes to every open socket
 *   and never waits, so nothing bounds a slow client's buffer.
 * - Close: `close()` sends a close frame; the peer answers with its own, its
 *   `receive()` then rejects with ConnectionClosedError and its async
 *   iteration ends (websockets' ConnectionClosedOK ends `async for` quietly).
 *   When a server handler returns, its socket is closed.
 * Tests: tests/runtime/net-ws.test.ts.
 */
import { coroutine } from '../driver.ts';
import { Future } from '../future.ts';
import { getLoop } from '../loop.ts';
import { ConnectionClosedError } from './errors.ts';
import { parseUrl } from './http.ts';
import { defaultNetwork, type Connection, type LinkOptions, type Network, type Server } from './network.ts';
import { byteLength } from './units.ts';

interface Frame {
  ws: 'upgrade' | 'accept' | 'text' | 'close';
  data?: string;
  path?: string;
}

/** RFC 6455 frame size: payload + 2/4/10 header bytes + 4 mask bytes from a client. */
function frameSize(payload: number, fromClient: boolean): number {
  const header = payload < 126 ? 2 : payload < 65536 ? 4 : 10;
  return payload + header + (fromClient ? 4 : 0);
}

/** asyncio's default high-water mark for a transport's write buffer (selector_events: 64 KiB; low = high / 4). */
export const DEFAULT_WRITE_LIMIT = 64 * 1024;

const UPGRADE_BYTES = 220; // a typical GET ... Upgrade: websocket request
const ACCEPT_BYTES = 130; // 101 Switching Protocols with Sec-WebSocket-Accept

/** One end of a WebSocket connection (websockets' WebSocketServerProtocol / ClientConnection). */
export class WebSocket {
  /** The peer's address, "10.0.0.2:50000" or "chat:8080". */
  readonly remote: string;
  /** The request path of the handshake ("/chat"). */
  readonly path: string;
  #conn: Connection;
  #isClient: boolean;
  #closing = false;
  #peerClosed = false;
  #writeLimit: number;
  /** On-wire futures of the frames still in the write buffer, oldest first. */
  #unsent: Future<void>[] = [];

  /** Made by ws.serve and ws.connect (used by the runtime, not by programs). */
  constructor(conn: Connection, path: string, isClient: boolean, writeLimit = DEFAULT_WRITE_LIMIT) {
    this.#conn = conn;
    this.remote = conn.remote;
    this.path = path;
    this.#isClient = isClient;
    this.#writeLimit = writeLimit;
  }

  /** True once either side started closing. */
  get closed(): boolean {
    return this.#closing || this.#peerClosed;
  }

  /** Bytes queued on this socket and not yet on the wire (the browser's WebSocket.bufferedAmount). */
  get bufferedAmount(): number {
    return this.#conn.bufferedAmount;
  }

  /** The high-water mark of the write buffer in bytes (`writeLimit`; send() waits above it). */
  get writeLimit(): number {
    return this.#writeLimit;
  }

  /**
   * Put a text message in the write buffer (aiohttp's `await ws.send_str(msg)`,
   * websockets' `await ws.send(msg)`). Resolves at once while the buffer is at
   * or below the high-water mark; above it, once the buffer has drained to a
   * quarter of the mark (flow control). Fails with ConnectionClosedError once closed.
   */
  send(text: string): Future<void> {
    const what = `ws send to ${this.remote}`;
    const result = new Future<void>({ kind: 'network', what });
    if (this.closed) {
      result.setException(new ConnectionClosedError(`ws send to ${this.remote}: the connection is closed`));
      return result;
    }
    const data = String(text);
    const onWire = this.#conn.send({ ws: 'text', data } satisfies Frame, frameSize(byteLength(data), this.#isClient), what);
    if (!onWire.done()) this.#unsent.push(onWire);
    if (this.#conn.bufferedAmount <= this.#writeLimit) result.setResult(undefined);
    else this.#resumeBelow(Math.floor(this.#writeLimit / 4), result);
    return result;
  }

  /** Settle `result` once the write buffer holds at most `low` bytes (each frame leaving the buffer re-checks). */
  #resumeBelow(low: number, result: Future<void>): void {
    if (result.done()) return; // the waiting task was cancelled
    while (this.#unsent.length > 0 && this.#unsent[0].done()) this.#unsent.shift();
    if (this.#conn.bufferedAmount <= low || this.#unsent.length === 0) {
      result.setResult(undefined);
      return;
    }
    this.#unsent[0].addDoneCallback(() => this.#resumeBelow(low, result), null);
  }

  /** The next message; rejects with ConnectionClosedError when the connection closes (websockets' recv()). */
  receive(): Future<string> {
    if (this.#closing) {
      const failed = new Future<string>({ kind: 'network', what: `ws recv from ${this.remote}` });
      failed.setException(new ConnectionClosedError(`ws recv from ${this.remote}: the connection is closed`));
      return failed;
    }
    return this.#conn.take(`ws recv from ${this.remote}`, (message) => {
      const text = this.#frameText(message);
      if (text === null) throw new ConnectionClosedError(`ws recv from ${this.remote}: the connection is closed`);
      return text;
    });
  }

  /** Messages until the connection closes (`for await (const msg of socket)`, websockets' `async for`). */
  [Symbol.asyncIterator](): AsyncIterator<string> {
    const iterator = {
      next: (): Future<IteratorResult<string>> =>
        this.#conn.take(`ws recv from ${this.remote}`, (message): IteratorResult<string> => {
          const text = this.#frameText(message);
          return text === null ? { done: true, value: undefined } : { done: false, value: text };
        }),
      return: (): IteratorResult<string> => ({ done: true, value: undefined }),
    };
    return iterator as unknown as AsyncIterator<string>;
  }

  /** Start the closing handshake: a close frame, then the end of the stream. */
  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#conn.send({ ws: 'close' } satisfies Frame, frameSize(2, this.#isClient), `ws close ${this.remote}`);
    this.#conn.close();
  }

  /** A text frame's data, or null when the peer closed (answering its close frame, as the protocol requires). */
  #frameText(message: unknown): string | null {
    // After our own close() nothing more is delivered (websockets: recv() raises once closing).
    if (this.#peerClosed || this.#closing) return null;
    const frame = message as Frame | null;
    if (frame !== null && frame.ws === 'text') return frame.data ?? '';
    this.#peerClosed = true;
    this.close();
    return null;
  }

  get [Symbol.toStringTag](): string {
    return 'WebSocket';
  }
}

/** Options of `ws.serve`. */
export interface ServeOptions extends LinkOptions {
  /** High-water mark of each socket's write buffer in bytes (default 64 KiB, asyncio's). */
  writeLimit?: number;
  /** Host name to listen on (default "localhost"). */
  host?: string;
  /** The network (default: the run's network). */
  network?: Network;
}

/** Options of `ws.connect`. */
export interface WsConnectOptions extends LinkOptions {
  /** High-water mark of the socket's write buffer in bytes (default 64 KiB, asyncio's). */
  writeLimit?: number;
  /** The network (default: the run's network). */
  network?: Network;
  /** The client's address as the server sees it. */
  from?: string;
}

/**
 * Serve WebSockets at port: `handler(socket)` runs as a Task per connection
 * ("conn 10.0.0.2:50000"), after the upgrade handshake (websockets.serve).
 */
function serve(port: number, handler: (socket: WebSocket) => unknown, options: ServeOptions = {}): Server {
  const net = options.network ?? defaultNetwork();
  const host = options.host ?? 'localhost';
  return net.listen(
    host,
    port,
    (conn) =>
      coroutine(net.loop, function* () {
        const hello = (yield conn.read('ws handshake')) as Frame | null;
        if (hello === null || hello.ws !== 'upgrade') return;
        yield conn.send({ ws: 'accept' } satisfies Frame, ACCEPT_BYTES, 'ws handshake');
        const socket = new WebSocket(conn, hello.path ?? '/', false, options.writeLimit);
        try {
          yield handler(socket);
        } finally {
          socket.close();
        }
      }),
    { latency: options.latency, bandwidth: options.bandwidth, group: `ws ${host}:${port}` },
  );
}

/** Open a WebSocket to `url` ("ws://host:port/path"); resolves after the handshake (websockets.connect). */
function connect(url: string, options: WsConnectOptions = {}): Promise<WebSocket> {
  return coroutine(getLoop(), function* () {
    const { host, port, target } = parseUrl(url, 'ws');
    const net = options.network ?? defaultNetwork();
    const conn = (yield net.connect(host, port, { latency: options.latency, bandwidth: options.bandwidth, from: options.from })) as Connection;
    yield conn.send({ ws: 'upgrade', path: target } satisfies Frame, UPGRADE_BYTES, 'ws handshake');
    const reply = (yield conn.read(`ws handshake ${host}:${port}`)) as Frame | null;
    if (reply === null || reply.ws !== 'accept') {
      conn.close();
      throw new ConnectionClosedError(`ws connect ${url}: the server did not accept the WebSocket handshake`);
    }
    return new WebSocket(conn, target, true, options.writeLimit);
  });
}

/**
 * Send `text` to every open socket without waiting for any of them
 * (websockets.broadcast): each socket buffers it, so one slow client delays
 * only itself, but nothing bounds that client's buffer (no backpressure, as
 * in websockets). Closed sockets are skipped.
 */
function broadcast(sockets: Iterable<WebSocket>, text: string): void {
  for (const socket of sockets) {
    if (socket.closed) continue;
    socket.send(text);
  }
}

/** WebSockets on the simulated network (the websockets library: serve, connect, broadcast). */
export const ws = {
  /** Serve WebSockets at `port`; `handler(socket)` runs as a Task per connection (websockets.serve). */
  serve,
  /** Open a WebSocket to "ws://host:port/path" (websockets.connect). Options may make the client slow (`bandwidth`). */
  connect,
  /** Buffer `text` on every open socket without awaiting any, with no backpressure (websockets.broadcast). */
  broadcast,
  /** The connection is closed (websockets.ConnectionClosed). */
  ConnectionClosedError,
};
