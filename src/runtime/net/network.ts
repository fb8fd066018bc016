/**
 * The simulated network: hosts that listen on ports, clients that connect,
 * and connections that carry messages on virtual time. Nothing here touches a
 * real network; every delay is a timer on the loop.
 *
 * Model (kept deliberately small, and the same arithmetic everywhere):
 * - A connection has two one-way links. A link has a latency L (ms) and a
 *   bandwidth B (bytes/s). Writes on one link are serialised (FIFO): a write of
 *   S bytes starts when the link is free, is "on the wire" after S/B, and
 *   arrives L later. So a 1 MB response at 10 MB/s with L = 20 ms arrives
 *   100 + 20 = 120 ms after it was written (tests/runtime/net-network.test.ts).
 *   `write()` resolves when the data is on the wire (like asyncio's
 *   `await writer.drain()`), not when it arrives.
 * - Each connection has its own links: bandwidth is per connection, not shared
 *   by all connections of a host (a simplification; real hosts share a NIC).
 * - Messages keep their boundaries: one `write()` is one `read()` on the other
 *   side (real TCP may split or merge them; the guide's protocols don't care).
 *   Per-connection order is kept, even with jitter.
 * - connect() costs one round trip (TCP's SYN / SYN-ACK): the server accepts
 *   when the SYN arrives (L), the client's connect resolves at 2L. When nobody
 *   listens at the address when the SYN arrives, the RST comes back and
 *   connect rejects with ConnectionRefusedError at 2L.
 * - A server's connection handler runs as its own Task named after the
 *   connection ("conn 10.0.0.2:50000"), so the timeline has a lane per client.
 *   Built-in services (kv, sql, search) are other machines: they answer from
 *   loop callbacks, not tasks, so they do not add lanes or share the reader's
 *   loop thread.
 * - Client addresses: each connecting task gets one IP (10.0.0.2, 10.0.0.3, ...)
 *   in the order tasks first connect; each connection gets the next
 *   ephemeral port from 50000. Deterministic, and lanes get readable names.
 * - Jitter is off by default; when set, it comes from a seeded PRNG.
 */
import { doneFuture, failedFuture, Future } from '../future.ts';
import { getLoop, RunSlot, type Loop } from '../loop.ts';
import { Task } from '../task.ts';
import type { WaitLabel } from '../trace.ts';
import { ConnectionClosedError, ConnectionRefusedError } from './errors.ts';
import { byteLength, MB_PER_S, roundTime, seededRandom } from './units.ts';

/** Default one-way latency: 20 ms, a client across a city's Internet. */
export const DEFAULT_LATENCY = 20;
/** Default bandwidth: 10 MB/s (decimal: 10,000,000 bytes per second). */
export const DEFAULT_BANDWIDTH = 10 * MB_PER_S;

/** Settings of a network. */
export interface NetworkOptions {
  /** One-way latency in ms (default 20). */
  latency?: number;
  /** Bytes per second on each link of a connection (default 10 MB/s). `Infinity` for none. */
  bandwidth?: number;
  /** Up to this many ms added at random to each delivery (default 0: no jitter). Seeded, so runs repeat. */
  jitter?: number;
  /** Seed of the jitter generator (default 1). */
  seed?: number;
}

/** Per-connection overrides: a slow client, a nearby database. */
export interface LinkOptions {
  /** One-way latency in ms for this connection. */
  latency?: number;
  /** Bytes per second on each link of this connection. */
  bandwidth?: number;
}

/** Options of `connect`. */
export interface ConnectOptions extends LinkOptions {
  /** The client's address shown on the server side (default: one 10.0.0.x per connecting task). */
  from?: string;
}

/** What a server's handler is called with for each new connection. */
export type ConnectionHandler = (conn: Connection) => unknown;

/** A message in flight. `fin` marks the end of the sender's data. */
interface Packet {
  fin: boolean;
  message: unknown;
}

function netLabel(what: string): WaitLabel {
  return { kind: 'network', what };
}

function settleWith<T>(future: Future<T>, map: (message: unknown) => T, message: unknown): void {
  let value: T;
  try {
    value = map(message);
  } catch (error) {
    future.setException(error);
    return;
  }
  future.setResult(value);
}

/** One direction of a connection: FIFO, latency + size/bandwidth. */
class Link {
  readonly latency: number;
  readonly bandwidth: number;
  /** Bytes accepted by write() but not yet on the wire. */
  buffered = 0;
  #net: Network;
  #freeAt = 0;
  #lastArrival = 0;

  constructor(net: Network, latency: number, bandwidth: number) {
    this.#net = net;
    this.latency = latency;
    this.bandwidth = bandwidth;
  }

  /** Put `size` bytes on the link: `onWire` when the last byte is sent, `deliver` when it arrives. Returns the on-wire time. */
  transmit(size: number, onWire: (() => void) | null, deliver: () => void): number {
    const loop = this.#net.loop;
    const start = Math.max(loop.now, this.#freeAt);
    const wire = roundTime(start + (this.bandwidth === Infinity ? 0 : (size * 1000) / this.bandwidth));
    this.#freeAt = wire;
    // Never overtake an earlier message on the same link (per-connection order survives jitter).
    const arrival = Math.max(this.#lastArrival, roundTime(wire + this.latency + this.#net.jitterSample()));
    this.#lastArrival = arrival;
    this.buffered += size;
    loop.callAt(wire, () => {
      this.buffered -= size;
      onWire?.();
    }, null, 'network');
    loop.callAt(arrival, deliver, null, 'network');
    return wire;
  }
}

/**
 * One end of a connection (asyncio's StreamReader + StreamWriter pair in one
 * object). `read()` resolves with the next message, or null once the peer has
 * closed and everything it sent was read. Async-iterable.
 */
export class Connection {
  /** This end's address, "10.0.0.2:50000" or "example.com:80". */
  readonly local: string;
  /** The other end's address. */
  readonly remote: string;
  /** The other end (used by the runtime, not by programs). */
  peer!: Connection;
  /** Callback mode for built-in services (no task, no futures): each message as it arrives, null at the end (used by the runtime, not by programs). */
  onMessage: ((message: unknown) => void) | null = null;
  #net: Network;
  #out: Link;
  #inbox: unknown[] = [];
  #eof = false;
  #closing = false;
  #waiter: { future: Future<unknown>; map: (message: unknown) => unknown } | null = null;

  /** Made by the network in pairs (used by the runtime, not by programs). */
  constructor(net: Network, local: string, remote: string, out: Link) {
    this.#net = net;
    this.local = local;
    this.remote = remote;
    this.#out = out;
  }

  /** True after close() on this end. */
  get closed(): boolean {
    return this.#closing;
  }

  /** True once the peer closed and every message it sent was read (asyncio StreamReader.at_eof). */
  atEof(): boolean {
    return this.#eof && this.#inbox.length === 0;
  }

  /** Bytes written but not yet on the wire (like WebSocket.bufferedAmount). */
  get bufferedAmount(): number {
    return this.#out.buffered;
  }

  /** The link settings of this connection. */
  get latency(): number {
    return this.#out.latency;
  }

  /** Bytes per second of this connection's links. */
  get bandwidth(): number {
    return this.#out.bandwidth;
  }

  /**
   * Send `data`; resolves when it is on the wire (size / bandwidth after the
   * link is free), like `writer.write(data); await writer.drain()`. It arrives
   * at the peer one latency later.
   */
  write(data: string | Uint8Array): Future<void> {
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
      return failedFuture(netLabel(`send to ${this.remote}`), new TypeError('write() takes a string or a Uint8Array'));
    }
    return this.send(data, byteLength(data));
  }

  /**
   * Send any value as one message that counts as `size` bytes on the wire.
   * Protocol layers (HTTP, WebSocket, the services) use this to carry parsed
   * messages without serialising them; `size` is what the bytes would be.
   */
  send(message: unknown, size: number, what = `send ${size} B to ${this.remote}`): Future<void> {
    const label = netLabel(what);
    if (this.#closing) return failedFuture(label, new ConnectionClosedError(`write to ${this.remote} after close()`));
    const future = new Future<void>(label);
    const peer = this.peer;
    const loop = this.#net.loop;
    // Who sent it, for the inspector's "why now?" (issue 14): recorded when it arrives.
    const from = loop.limits.loopEvents ? (loop.current?.id ?? 0) : 0;
    const wire = this.#out.transmit(
      size,
      () => {
        if (!future.done()) future.setResult(undefined);
      },
      () => {
        if (loop.limits.loopEvents) loop.trace.add(loop.now, 0, 'message', { from, what });
        peer.#arrive({ fin: false, message });
      },
    );
    // Nothing to wait for (no bandwidth limit or an empty message): done now, so awaiting does not suspend.
    if (wire <= this.#net.loop.now && !future.done()) future.setResult(undefined);
    return future;
  }

  /**
   * The next message, or null at end of stream (the peer closed). Only one
   * task may wait at a time, as with asyncio's StreamReader.
   */
  read(what = `recv from ${this.remote}`): Future<unknown> {
    return this.take(what, (message) => message);
  }

  /**
   * For protocol layers: the next message (null at the end) passed through `map`; a
   * `map` that throws fails the future. Protocol layers use it to turn frames
   * into values without a second future.
   */
  take<T>(what: string, map: (message: unknown) => T): Future<T> {
    const label = netLabel(what);
    if (this.#waiter !== null && !this.#waiter.future.done()) {
      return failedFuture(label, new Error(`read() called while another task is already waiting for data from ${this.remote}`));
    }
    this.#waiter = null;
    if (this.#inbox.length > 0 || this.#eof) {
      const future = new Future<T>(label);
      settleWith(future, map, this.#inbox.length > 0 ? this.#inbox.shift() : null);
      return future;
    }
    const future = new Future<T>(label);
    this.#waiter = { future: future as Future<unknown>, map };
    return future;
  }

  /** Close this end: the peer reads null after everything already sent (a FIN after the data). */
  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    const peer = this.peer;
    this.#out.transmit(0, null, () => peer.#arrive({ fin: true, message: null }));
  }

  #arrive(packet: Packet): void {
    if (this.onMessage !== null) {
      if (packet.fin) this.#eof = true;
      this.onMessage(packet.fin ? null : packet.message);
      return;
    }
    if (packet.fin) this.#eof = true;
    else this.#inbox.push(packet.message);
    const waiter = this.#waiter;
    if (waiter === null) return;
    this.#waiter = null;
    // A cancelled read leaves its data in the inbox for the next read (nothing is lost).
    if (waiter.future.done()) return;
    settleWith(waiter.future, waiter.map, this.#inbox.length > 0 ? this.#inbox.shift() : null);
  }

  /** Async iteration over messages until the peer closes. */
  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    // next() returns loop Futures (asyncio semantics when awaited); typed as a plain AsyncIterator for `for await`.
    const iterator = {
      next: () =>
        this.take(`recv from ${this.remote}`, (message): IteratorResult<unknown> =>
          message === null ? { done: true, value: undefined } : { done: false, value: message },
        ),
      return: () => doneFuture<IteratorResult<unknown>>(netLabel('stream'), { done: true, value: undefined }),
    };
    return iterator as unknown as AsyncIterator<unknown>;
  }

  get [Symbol.toStringTag](): string {
    return 'Connection';
  }
}

/** A listening server (asyncio.Server). `close()` stops accepting; open connections go on. */
export class Server {
  /** The host name it listens on. */
  readonly host: string;
  /** The port. */
  readonly port: number;
  /** Connections accepted so far. */
  accepted = 0;
  #net: Network;

  /** Made by Network.listen (used by the runtime, not by programs). */
  constructor(net: Network, host: string, port: number) {
    this.#net = net;
    this.host = host;
    this.port = port;
  }

  /** "host:port". */
  get address(): string {
    return `${this.host}:${this.port}`;
  }

  /** Stop accepting connections; later connects are refused (asyncio Server.close). */
  close(): void {
    this.#net.unlisten(this);
  }

  /** True while the server accepts connections. */
  get listening(): boolean {
    return this.#net.listenerAt(this.host, this.port)?.server === this;
  }
}

/** What the network keeps per listening address (used by the runtime, not by programs). */
interface Listener {
  server: Server;
  accept: (conn: Connection) => void;
  latency?: number;
  bandwidth?: number;
}

/** Options of `listen`: a server may say how far away it is (e.g. a database in the same rack). */
export interface ListenOptions extends LinkOptions {
  /** Name of the lanes' group on the timeline (default "server host:port"). */
  group?: string;
}

/** A simulated network on the loop's virtual time (see the module comment for the model). */
export class Network {
  /** The loop whose clock this network runs on. */
  readonly loop: Loop;
  /** One-way latency in ms of connections that do not say otherwise. */
  latency: number;
  /** Bytes per second of connections that do not say otherwise. */
  bandwidth: number;
  /** Maximum random extra delay per delivery (ms). */
  jitter: number;
  #random: () => number;
  #listeners = new Map<string, Listener>();
  #clientIps = new Map<number, string>();
  #nextIp = 2;
  #nextPort = 50000;
  /** Per-network state of the built-in services (kv, sql, search), keyed by service (used by the runtime, not by programs). */
  readonly services = new Map<string, unknown>();

  /** Create a network on the running loop (prefer `createNetwork`). */
  constructor(options: NetworkOptions = {}, loop: Loop = getLoop()) {
    this.loop = loop;
    this.latency = options.latency ?? DEFAULT_LATENCY;
    this.bandwidth = options.bandwidth ?? DEFAULT_BANDWIDTH;
    this.jitter = options.jitter ?? 0;
    this.#random = seededRandom(options.seed ?? 1);
    checkLink(this.latency, this.bandwidth);
  }

  /** Change the defaults of later connections. */
  configure(options: NetworkOptions): void {
    if (options.latency !== undefined) this.latency = options.latency;
    if (options.bandwidth !== undefined) this.bandwidth = options.bandwidth;
    if (options.jitter !== undefined) this.jitter = options.jitter;
    if (options.seed !== undefined) this.#random = seededRandom(options.seed);
    checkLink(this.latency, this.bandwidth);
  }

  /** One jitter sample (0 without jitter) (used by the runtime, not by programs). */
  jitterSample(): number {
    return this.jitter > 0 ? this.#random() * this.jitter : 0;
  }

  /**
   * Listen at host:port; `handler(conn)` runs as a new Task for every
   * connection, named "conn <client address>" (asyncio.start_server). When the
   * handler finishes, its connection is closed.
   */
  listen(host: string, port: number, handler: ConnectionHandler, options: ListenOptions = {}): Server {
    const group = options.group ?? `server ${host}:${port}`;
    return this.listenWith(host, port, options, (conn) => {
      const task = new Task(() => handler(conn) as PromiseLike<unknown>, { name: `conn ${conn.remote}`, group });
      task.addDoneCallback(() => conn.close());
    });
  }

  /** Listen with a plain callback per connection (built-in services: no task per connection) (used by the runtime, not by programs). */
  listenWith(host: string, port: number, options: LinkOptions, accept: (conn: Connection) => void): Server {
    const key = `${host}:${port}`;
    if (this.#listeners.has(key)) throw new Error(`listen ${key}: address already in use (EADDRINUSE)`);
    if (options.latency !== undefined || options.bandwidth !== undefined) checkLink(options.latency ?? 0, options.bandwidth ?? 1);
    const server = new Server(this, host, port);
    this.#listeners.set(key, { server, accept, latency: options.latency, bandwidth: options.bandwidth });
    return server;
  }

  /** The listener at host:port, if any (for the runtime's services). */
  listenerAt(host: string, port: number): Listener | undefined {
    return this.#listeners.get(`${host}:${port}`);
  }

  /** Stop listening for `server` (Server.close calls this). */
  unlisten(server: Server): void {
    const key = `${server.host}:${server.port}`;
    if (this.#listeners.get(key)?.server === server) this.#listeners.delete(key);
  }

  /**
   * Open a connection to host:port (asyncio.open_connection). Resolves after
   * one round trip with this end of the connection; rejects with
   * ConnectionRefusedError (after the same round trip) if nobody listens.
   */
  connect(host: string, port: number, options: ConnectOptions = {}): Future<Connection> {
    const loop = this.loop;
    const future = new Future<Connection>(netLabel(`connect ${host}:${port}`));
    const known = this.listenerAt(host, port);
    const latency = options.latency ?? known?.latency ?? this.latency;
    const bandwidth = options.bandwidth ?? known?.bandwidth ?? this.bandwidth;
    checkLink(latency, bandwidth);
    const ip = options.from ?? this.#clientIp();
    const local = `${ip}:${this.#nextPort++}`;
    const synArrives = roundTime(loop.now + latency + this.jitterSample());
    loop.callAt(synArrives, () => {
      const listener = this.listenerAt(host, port);
      const ackArrives = roundTime(loop.now + latency + this.jitterSample());
      if (listener === undefined) {
        loop.callAt(ackArrives, () => {
          if (!future.done()) future.setException(new ConnectionRefusedError(`connect ${host}:${port}: connection refused (nobody listens there)`));
        }, null, 'network');
        return;
      }
      const toServer = new Link(this, latency, bandwidth);
      const toClient = new Link(this, latency, bandwidth);
      const client = new Connection(this, local, `${host}:${port}`, toServer);
      const server = new Connection(this, `${host}:${port}`, local, toClient);
      client.peer = server;
      server.peer = client;
      listener.server.accepted++;
      listener.accept(server);
      loop.callAt(ackArrives, () => {
        if (future.done()) client.close(); // the connect was cancelled: hang up
        else future.setResult(client);
      }, null, 'network');
    }, null, 'network');
    return future;
  }

  #clientIp(): string {
    const task = this.loop.current;
    const key = task?.id ?? 0;
    let ip = this.#clientIps.get(key);
    if (ip === undefined) {
      ip = `10.0.0.${this.#nextIp++}`;
      this.#clientIps.set(key, ip);
    }
    return ip;
  }
}

function checkLink(latency: number, bandwidth: number): void {
  if (!(latency >= 0)) throw new RangeError(`latency must be a number of ms >= 0, got ${latency}`);
  if (!(bandwidth > 0)) throw new RangeError(`bandwidth must be bytes per second > 0, got ${bandwidth}`);
}

/** The run's default network. */
const DEFAULT_NETWORK = new RunSlot('network', (loop) => new Network({}, loop));

/** The network of the running loop (one per run, made on first use with the defaults). */
export function defaultNetwork(): Network {
  return getLoop().slot(DEFAULT_NETWORK);
}

/**
 * A separate simulated network with its own latency and bandwidth. Pass it as
 * `{ network }` to http, ws, kv, sql and search to use it instead of the
 * run's default network.
 */
export function createNetwork(options: NetworkOptions = {}): Network {
  return new Network(options);
}

/**
 * The run's simulated network (asyncio.start_server / asyncio.open_connection
 * on virtual time). Defaults: 20 ms latency, 10 MB/s per connection.
 */
export const network = {
  /** Listen at host:port; each connection's `handler(conn)` runs as a Task "conn <client>" (asyncio.start_server). */
  listen(host: string, port: number, handler: ConnectionHandler, options?: ListenOptions): Server {
    return defaultNetwork().listen(host, port, handler, options);
  },
  /** Connect to host:port; resolves after one round trip, or rejects with ConnectionRefusedError (asyncio.open_connection). */
  connect(host: string, port: number, options?: ConnectOptions): Future<Connection> {
    return defaultNetwork().connect(host, port, options);
  },
  /** Change latency, bandwidth or jitter of later connections on the run's network. */
  configure(options: NetworkOptions): void {
    defaultNetwork().configure(options);
  },
  /** The run's network object (to read its settings or pass it as `{ network }`). */
  get current(): Network {
    return defaultNetwork();
  },
  /** Nobody listens at the address (Python ConnectionRefusedError, Node ECONNREFUSED). */
  ConnectionRefusedError,
  /** Writing to or reading from a connection that is closed. */
  ConnectionClosedError,
};
