/**
 * The machinery shared by the built-in services (kv, sql, search): a server
 * that answers requests from loop callbacks, and a client channel that
 * matches replies to requests.
 *
 * Why callbacks, not tasks: a Redis or a database server is another machine.
 * Its work must not appear as lanes of the reader's program, nor be stalled by
 * the reader's blocking calls. So the service is plain timers on the loop
 * (context null: the timeline shows them as the loop's own I/O).
 *
 * Links: 1 Gbit/s (a data-centre network) and the service's own latency
 * (0.5 ms for kv and sql, 1 ms for search).
 * Timing of one request: the request travels the link (latency + size /
 * bandwidth); the service starts it when its CPU is free, spends `cost` ms
 * (the service's own model: a row scan, a pg_sleep), then the reply travels
 * back. CPUs: 'serial' is one for the whole service (Redis is single-threaded),
 * 'per-connection' is one per connection (a Postgres backend process per
 * connection, so queries on different connections run in parallel).
 * Replies on one connection come back in request order, so the client matches
 * them first-in-first-out, as Redis pipelining and the Postgres protocol do.
 */
import { Future } from '../future.ts';
import type { Loop } from '../loop.ts';
import { ConnectionClosedError, InterfaceError, QueryError } from './errors.ts';
import type { Connection, LinkOptions, Network } from './network.ts';

/** What a service's handler returns for one request. */
export interface ServiceAnswer {
  /** Virtual ms of work before the reply leaves (default 0). */
  cost?: number;
  /** The reply value (sent as `{ ok: reply }`). */
  reply?: unknown;
  /** An error to send back instead of a reply. */
  error?: Error;
  /** Bytes of the reply on the wire. */
  size: number;
  /** Send nothing back (e.g. a fire-and-forget command). */
  silent?: boolean;
}

/** The reply message a channel receives. */
export interface ReplyMessage {
  ok?: unknown;
  error?: { name: string; message: string };
  /** A message pushed by the server outside request/reply (pub/sub). */
  push?: unknown;
}

/** A service's options. */
export interface ServiceOptions extends LinkOptions {
  concurrency: 'serial' | 'per-connection';
  /** Called when a connection closes (e.g. to drop its subscriptions). */
  onClose?: (conn: Connection) => void;
}

/** Bandwidth of a built-in service's connections: 1 Gbit/s = 125 MB/s. */
export const SERVICE_BANDWIDTH = 125_000_000;

/** A FIFO of jobs run one at a time on virtual time. */
class Cpu {
  #loop: Loop;
  #queue: Array<() => { cost: number; done: () => void }> = [];
  #busy = false;

  constructor(loop: Loop) {
    this.#loop = loop;
  }

  add(job: () => { cost: number; done: () => void }): void {
    this.#queue.push(job);
    if (!this.#busy) this.#next();
  }

  #next(): void {
    while (this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      const { cost, done } = job();
      if (cost > 0) {
        this.#busy = true;
        this.#loop.callLater(cost, () => {
          this.#busy = false;
          done();
          this.#next();
        }, null, 'service');
        return;
      }
      done();
    }
  }
}

/** Start a service at host:port answering with `handle(request, conn)`. */
export function startService(
  net: Network,
  host: string,
  port: number,
  options: ServiceOptions,
  handle: (request: unknown, conn: Connection) => ServiceAnswer,
): void {
  const shared = new Cpu(net.loop);
  // Services sit in the same data centre as their clients: 1 Gbit/s links unless told otherwise.
  net.listenWith(host, port, { latency: options.latency, bandwidth: options.bandwidth ?? SERVICE_BANDWIDTH }, (conn) => {
    const cpu = options.concurrency === 'serial' ? shared : new Cpu(net.loop);
    conn.onMessage = (request) => {
      if (request === null) {
        options.onClose?.(conn);
        conn.close();
        return;
      }
      cpu.add(() => {
        let answer: ServiceAnswer;
        try {
          answer = handle(request, conn);
        } catch (error) {
          answer = { error: error instanceof Error ? error : new Error(String(error)), size: 64 };
        }
        return {
          cost: answer.cost ?? 0,
          done: () => {
            if (answer.silent || conn.closed) return;
            const message: ReplyMessage = answer.error
              ? { error: { name: answer.error.name, message: answer.error.message } }
              : { ok: answer.reply };
            conn.send(message, answer.size);
          },
        };
      });
    };
  });
}

const ERRORS: Record<string, new (message: string) => Error> = { QueryError, InterfaceError };

/** Rebuild an error sent by a service (its class when known, else Error with the same name). */
function rebuildError(error: { name: string; message: string }): Error {
  const Known = ERRORS[error.name];
  if (Known) return new Known(error.message);
  const plain = new Error(error.message);
  plain.name = error.name;
  return plain;
}

/** The client side: send requests, get replies in order as loop Futures. */
export class Channel {
  readonly conn: Connection;
  #pending: Array<Future<unknown>> = [];
  #closed = false;
  /** Messages the server pushes outside request/reply (pub/sub). */
  onPush: ((message: unknown) => void) | null = null;

  constructor(conn: Connection) {
    this.conn = conn;
    conn.onMessage = (message) => this.#arrive(message as ReplyMessage | null);
  }

  /** True after close(). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Send `request` (`size` bytes) and resolve with the reply; the future's label is `what`. */
  call<T>(request: unknown, size: number, what: string): Future<T> {
    const future = new Future<T>({ kind: 'network', what });
    if (this.#closed) {
      future.setException(new ConnectionClosedError(`${what}: the client is closed`));
      return future;
    }
    this.#pending.push(future as Future<unknown>);
    this.conn.send(request, size, what);
    return future;
  }

  /** Close the connection; requests still waiting fail with ConnectionClosedError. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.conn.close();
  }

  #arrive(message: ReplyMessage | null): void {
    if (message === null) {
      this.#closed = true;
      for (const future of this.#pending.splice(0)) {
        if (!future.done()) future.setException(new ConnectionClosedError('the server closed the connection'));
      }
      return;
    }
    if ('push' in message) {
      this.onPush?.(message.push);
      return;
    }
    const future = this.#pending.shift();
    // A cancelled request's reply still arrives (the server did the work); it is dropped.
    if (future === undefined || future.done()) return;
    if (message.error) future.setException(rebuildError(message.error));
    else future.setResult(message.ok);
  }
}
