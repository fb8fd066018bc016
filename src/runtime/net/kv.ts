/**
 * A Redis-like key-value service on the simulated network (redis-py's
 * `redis.asyncio`, which replaced the old aioredis - CONTENT.md error 14).
 *
 * - One server per address, started on first use ("the world has a Redis at
 *   redis:6379"); it lives on another machine 0.5 ms away, so a command costs
 *   about 1 ms: a round trip plus the bytes of the RESP-encoded command and reply.
 * - Single-threaded like Redis: commands from all clients run one at a time,
 *   each in no measurable time (Redis runs one in microseconds).
 * - Values are strings (numbers are stored as their text, as Redis does);
 *   expiry is checked against the virtual clock when a key is read.
 * - Commands sent without awaiting each other are pipelined on the connection
 *   and answered in order.
 * - Pub/sub: `publish` returns how many subscribers got the message;
 *   `subscribe` opens a dedicated connection (as redis-py's pubsub does).
 * Tests: tests/runtime/net-services.test.ts.
 */
import { co } from '../driver.ts';
import { Future } from '../future.ts';
import { ConnectionClosedError } from './errors.ts';
import { parseUrl } from './http.ts';
import { defaultNetwork, type Connection, type Network } from './network.ts';
import { Channel, startService, type ServiceAnswer } from './service.ts';
import { byteLength, clip } from './units.ts';

type Arg = string | number;

/** RESP size of a command: `*N\r\n` then `$len\r\n<bytes>\r\n` per argument. */
function commandSize(args: Arg[]): number {
  let n = 3 + String(args.length).length;
  for (const a of args) {
    const len = byteLength(String(a));
    n += 5 + String(len).length + len;
  }
  return n;
}

/** RESP size of a reply value. */
function replySize(value: unknown): number {
  if (value === null) return 5; // $-1\r\n
  if (typeof value === 'number') return 3 + String(value).length; // :N\r\n
  if (Array.isArray(value)) return 3 + String(value.length).length + value.reduce((n: number, v) => n + replySize(v), 0);
  const len = byteLength(String(value));
  return 5 + String(len).length + len;
}

interface Entry {
  value: string;
  expiresAt: number | null;
}

interface KvState {
  data: Map<string, Entry>;
  channels: Map<string, Set<Connection>>;
}

function replyError(message: string): Error {
  const error = new Error(message);
  error.name = 'ResponseError';
  return error;
}

function startKv(net: Network, host: string, port: number): void {
  const state: KvState = { data: new Map(), channels: new Map() };
  const loop = net.loop;
  const live = (key: string): Entry | undefined => {
    const entry = state.data.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= loop.now) {
      state.data.delete(key);
      return undefined;
    }
    return entry;
  };
  const answer = (reply: unknown): ServiceAnswer => ({ reply, size: replySize(reply) });
  startService(
    net,
    host,
    port,
    {
      concurrency: 'serial',
      latency: 0.5,
      onClose: (conn) => {
        for (const subscribers of state.channels.values()) subscribers.delete(conn);
      },
    },
    (request, conn) => {
      const [name, ...args] = (request as Arg[]).map(String);
      const cmd = name!.toUpperCase();
      const need = (n: number) => {
        if (args.length < n) throw replyError(`ERR wrong number of arguments for '${name!.toLowerCase()}' command`);
      };
      switch (cmd) {
        case 'PING':
          return answer('PONG');
        case 'GET':
          need(1);
          return answer(live(args[0]!)?.value ?? null);
        case 'SET': {
          need(2);
          const [key, value, ...opts] = args as [string, string, ...string[]];
          let expiresAt: number | null = null;
          let nx = false;
          for (let i = 0; i < opts.length; i++) {
            const opt = opts[i]!.toUpperCase();
            if (opt === 'EX') expiresAt = loop.now + Number(opts[++i]) * 1000;
            else if (opt === 'PX') expiresAt = loop.now + Number(opts[++i]);
            else if (opt === 'NX') nx = true;
            else throw replyError('ERR syntax error');
          }
          if (nx && live(key)) return answer(null);
          state.data.set(key, { value, expiresAt });
          return answer('OK');
        }
        case 'INCR':
        case 'DECR':
        case 'INCRBY': {
          need(cmd === 'INCRBY' ? 2 : 1);
          const entry = live(args[0]!);
          const current = entry ? Number(entry.value) : 0;
          if (!Number.isInteger(current) || (entry && !/^-?\d+$/.test(entry.value))) throw replyError('ERR value is not an integer or out of range');
          const by = cmd === 'INCR' ? 1 : cmd === 'DECR' ? -1 : Number(args[1]);
          const next = current + by;
          state.data.set(args[0]!, { value: String(next), expiresAt: entry?.expiresAt ?? null });
          return answer(next);
        }
        case 'DEL': {
          need(1);
          let n = 0;
          for (const key of args) if (live(key) && state.data.delete(key)) n++;
          return answer(n);
        }
        case 'EXISTS':
          need(1);
          return answer(args.filter((key) => live(key)).length);
        case 'EXPIRE':
        case 'PEXPIRE': {
          need(2);
          const entry = live(args[0]!);
          if (!entry) return answer(0);
          entry.expiresAt = loop.now + Number(args[1]) * (cmd === 'EXPIRE' ? 1000 : 1);
          return answer(1);
        }
        case 'TTL':
        case 'PTTL': {
          need(1);
          const entry = live(args[0]!);
          if (!entry) return answer(-2);
          if (entry.expiresAt === null) return answer(-1);
          const ms = entry.expiresAt - loop.now;
          return answer(cmd === 'TTL' ? Math.ceil(ms / 1000) : Math.ceil(ms));
        }
        case 'KEYS': {
          need(1);
          const re = new RegExp(`^${args[0]!.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
          return answer([...state.data.keys()].filter((k) => live(k) && re.test(k)).sort());
        }
        case 'PUBLISH': {
          need(2);
          const subscribers = state.channels.get(args[0]!) ?? new Set();
          const push = { channel: args[0]!, message: args[1]! };
          for (const sub of subscribers) sub.send({ push }, replySize(['message', push.channel, push.message]));
          return answer(subscribers.size);
        }
        case 'SUBSCRIBE': {
          need(1);
          for (const channel of args) {
            let set = state.channels.get(channel);
            if (!set) state.channels.set(channel, (set = new Set()));
            set.add(conn);
          }
          return answer(args.length);
        }
        case 'UNSUBSCRIBE':
          for (const channel of args) state.channels.get(channel)?.delete(conn);
          return answer(args.length);
        default:
          throw replyError(`ERR unknown command '${name}'`);
      }
    },
  );
}

function ensureKv(net: Network, host: string, port: number): void {
  if (net.listenerAt(host, port) === undefined) startKv(net, host, port);
}

/** A connected client (redis.asyncio.Redis). Every method sends one command; awaiting it waits for the reply (~1 ms). */
export class KvClient {
  #channel: Channel;
  #url: string;
  #options: KvOptions;

  /** Use `kv.connect()` (used by the runtime, not by programs). */
  constructor(conn: Connection, url: string, options: KvOptions) {
    this.#channel = new Channel(conn);
    this.#url = url;
    this.#options = options;
  }

  /** Send any command, e.g. `command('SET', 'k', 'v')`. */
  command<T = unknown>(...args: Arg[]): Future<T> {
    const head = args.slice(0, 2).map(String).join(' ');
    return this.#channel.call<T>(args, commandSize(args), clip(`redis ${head.replace(/^\w+/, (c) => c.toUpperCase())}`));
  }

  /** GET: the value, or null. */
  get(key: string): Future<string | null> {
    return this.command('GET', key);
  }

  /** SET, with optional expiry in seconds (`ex`) or ms (`px`) and `nx` (only if absent). Resolves "OK" (null if nx and present). */
  set(key: string, value: string | number, options: { ex?: number; px?: number; nx?: boolean } = {}): Future<'OK' | null> {
    const args: Arg[] = ['SET', key, value];
    if (options.ex !== undefined) args.push('EX', options.ex);
    if (options.px !== undefined) args.push('PX', options.px);
    if (options.nx) args.push('NX');
    return this.command(...args);
  }

  /** INCR: add 1 atomically (on the server) and return the new value. */
  incr(key: string): Future<number> {
    return this.command('INCR', key);
  }

  /** INCRBY. */
  incrBy(key: string, by: number): Future<number> {
    return this.command('INCRBY', key, by);
  }

  /** DECR. */
  decr(key: string): Future<number> {
    return this.command('DECR', key);
  }

  /** DEL: how many keys were removed. */
  del(...keys: string[]): Future<number> {
    return this.command('DEL', ...keys);
  }

  /** EXISTS: how many of the keys exist. */
  exists(...keys: string[]): Future<number> {
    return this.command('EXISTS', ...keys);
  }

  /** EXPIRE in seconds (as Redis): 1 if set, 0 if the key does not exist. */
  expire(key: string, seconds: number): Future<number> {
    return this.command('EXPIRE', key, seconds);
  }

  /** PEXPIRE in milliseconds. */
  pexpire(key: string, ms: number): Future<number> {
    return this.command('PEXPIRE', key, ms);
  }

  /** TTL in seconds (-1 no expiry, -2 no key). */
  ttl(key: string): Future<number> {
    return this.command('TTL', key);
  }

  /** KEYS matching a glob pattern, sorted. */
  keys(pattern = '*'): Future<string[]> {
    return this.command('KEYS', pattern);
  }

  /** PUBLISH: resolves with the number of subscribers that received it. */
  publish(channel: string, message: string): Future<number> {
    return this.command('PUBLISH', channel, message);
  }

  /** Subscribe on a dedicated connection (redis-py `pubsub()` + `subscribe`); resolves once subscribed. */
  subscribe(...channels: string[]): Promise<KvSubscription> {
    return co(function* (this: KvClient) {
      const sub = new KvSubscription((yield openConn(this.#url, this.#options)) as Connection);
      yield sub.channel.call(['SUBSCRIBE', ...channels], commandSize(['SUBSCRIBE', ...channels]), `redis SUBSCRIBE ${channels.join(' ')}`);
      return sub;
    }.bind(this));
  }

  /** Close the connection (redis-py `await r.aclose()`). */
  close(): void {
    this.#channel.close();
  }
}

type PubSubMessage = { channel: string; message: string };

/** Messages of subscribed channels (redis-py PubSub): `receive()` or `for await`. */
export class KvSubscription {
  /** The subscription's own connection (for the runtime; use receive() or for await). */
  readonly channel: Channel;
  #messages: PubSubMessage[] = [];
  #waiter: { future: Future<unknown>; map: (m: PubSubMessage | null) => unknown } | null = null;

  /** Use `client.subscribe()` (used by the runtime, not by programs). */
  constructor(conn: Connection) {
    this.channel = new Channel(conn);
    this.channel.onPush = (push) => {
      this.#messages.push(push as PubSubMessage);
      this.#wake();
    };
  }

  #wake(): void {
    const waiter = this.#waiter;
    if (waiter === null) return;
    this.#waiter = null;
    if (waiter.future.done()) return; // cancelled: the message stays for the next receive
    const message = this.#messages.length > 0 ? this.#messages.shift()! : null;
    try {
      waiter.future.setResult(waiter.map(message));
    } catch (error) {
      waiter.future.setException(error);
    }
  }

  #take<T>(map: (m: PubSubMessage | null) => T): Future<T> {
    const future = new Future<T>({ kind: 'network', what: 'redis message' });
    this.#waiter = { future: future as Future<unknown>, map };
    if (this.#messages.length > 0 || this.channel.closed) this.#wake();
    return future;
  }

  /** The next `{ channel, message }`; rejects with ConnectionClosedError after close(). */
  receive(): Future<PubSubMessage> {
    return this.#take((m) => {
      if (m === null) throw new ConnectionClosedError('redis subscription closed');
      return m;
    });
  }

  /** Messages until close(). */
  [Symbol.asyncIterator](): AsyncIterator<PubSubMessage> {
    const iterator = {
      next: () => this.#take((m): IteratorResult<PubSubMessage> => (m === null ? { done: true, value: undefined } : { done: false, value: m })),
    };
    return iterator as unknown as AsyncIterator<PubSubMessage>;
  }

  /** Stop receiving and close the dedicated connection; a waiting receive() gets the end. */
  close(): void {
    this.channel.close();
    this.#wake();
  }
}

/** Options of `kv.connect`. */
export interface KvOptions {
  /** The network (default: the run's network). */
  network?: Network;
  /** One-way latency to the server in ms (default 0.5: the same data centre). */
  latency?: number;
}

function openConn(url: string, options: KvOptions): Future<Connection> {
  const { host, port } = parseUrl(url, 'redis', 6379);
  const net = options.network ?? defaultNetwork();
  ensureKv(net, host, port);
  return net.connect(host, port, { latency: options.latency });
}

/** A Redis-like key-value service (redis.asyncio). */
export const kv = {
  /**
   * Connect to the key-value server at `url` (default "redis://redis:6379";
   * a server is started there on first use). Resolves after one round trip
   * (redis.asyncio.from_url + the first command).
   */
  connect(url = 'redis://redis:6379', options: KvOptions = {}): Promise<KvClient> {
    return co(function* () {
      const conn = (yield openConn(url, options)) as Connection;
      return new KvClient(conn, url, options);
    });
  },
};
