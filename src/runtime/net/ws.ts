/**
 * WebSocket-like server and client on the simulated network (the
 * `websockets` library's serve/connect, or aiohttp's WebSocketResponse).
 *
 * - Handshake: the TCP round trip, then one more for the HTTP upgrade (the
 *   client's ws.connect resolves after two round trips).
 * - Frames are charged their size: the text's UTF-8 bytes plus the frame header
 *   (2, 4 or 10 bytes; client frames add a 4-byte mask), as RFC 6455 says.
 * - `send()` queues the frame on the connection and resolves when it is on the
 *   wire. Each socket has its own queue (its link), so a broadcast can hand a
 *   message to every client without awaiting each in turn: `ws.broadcast`
 *   (websockets.broadcast) does exactly that. Awaiting `send()` on a slow client
 *   (a low `bandwidth`) makes the awaiting task wait for that client: that is
 *   the article's stalled chat broadcast (CONTENT.md error 13).
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

  /** Made by ws.serve and ws.connect (used by the runtime, not by programs). */
  constructor(conn: Connection, path: string, isClient: boolean) {
    this.#conn = conn;
    this.remote = conn.remote;
    this.path = path;
    this.#isClient = isClient;
  }

  /** True once either side started closing. */
  get closed(): boolean {
    return this.#closing || this.#peerClosed;
  }

  /** Bytes queued on this socket and not yet on the wire (the browser's WebSocket.bufferedAmount). */
  get bufferedAmount(): number {
    return this.#conn.bufferedAmount;
  }

  /**
   * Queue a text message; resolves when it is on the wire (websockets'
   * `await ws.send(msg)`). Fails with ConnectionClosedError once closed.
   */
  send(text: string): Future<void> {
    const what = `ws send to ${this.remote}`;
    if (this.closed) {
      const failed = new Future<void>({ kind: 'network', what });
      failed.setException(new ConnectionClosedError(`ws send to ${this.remote}: the connection is closed`));
      return failed;
    }
    const data = String(text);
    return this.#conn.send({ ws: 'text', data } satisfies Frame, frameSize(byteLength(data), this.#isClient), what);
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
  /** Host name to listen on (default "localhost"). */
  host?: string;
  /** The network (default: the run's network). */
  network?: Network;
}

/** Options of `ws.connect`. */
export interface WsConnectOptions extends LinkOptions {
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
        const socket = new WebSocket(conn, hello.path ?? '/', false);
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
    return new WebSocket(conn, target, true);
  });
}

/**
 * Send `text` to every open socket without waiting for any of them
 * (websockets.broadcast): each socket queues it on its own link, so one slow
 * client delays only itself. Closed sockets are skipped.
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
  /** Queue `text` on every open socket without awaiting any (websockets.broadcast). */
  broadcast,
  /** The connection is closed (websockets.ConnectionClosed). */
  ConnectionClosedError,
};
