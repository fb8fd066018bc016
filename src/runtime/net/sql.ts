/**
 * A SQL-like database on the simulated network, with a connection pool
 * (asyncpg's create_pool / aiomysql's create_pool).
 *
 * - The database server lives at db:5432 (started on first use), 0.5 ms away.
 *   Each connection has its own backend (queries on different connections
 *   run in parallel, as Postgres runs a process per connection); one
 *   connection runs one query at a time. A second query on a busy connection
 *   fails with InterfaceError, as asyncpg does ("another operation is in
 *   progress") - that is what a pool is for.
 * - A query's time: request on the link + the engine's cost (sql-engine.ts:
 *   1 ms + 0.01 ms per scanned row; pg_sleep(s) = s seconds) + the reply.
 * - The pool opens connections lazily up to `size` (each costs a round trip);
 *   when all are busy, `acquire()` waits, first come first served (FIFO, as
 *   asyncpg's pool queue). So 10 queries of 50 ms on a pool of 2 take 250 ms.
 *   The wait shows on the timeline as kind 'semaphore', "db pool": that is
 *   what a pool is.
 * Tests: tests/runtime/net-services.test.ts.
 */
import { co } from '../driver.ts';
import { Future } from '../future.ts';
import { InterfaceError, QueryError } from './errors.ts';
import { defaultNetwork, type Connection, type Network } from './network.ts';
import { Channel, startService } from './service.ts';
import { Database, type QueryResult, type Row } from './sql-engine.ts';
import { byteLength, clip } from './units.ts';

export type { QueryResult, Row } from './sql-engine.ts';

interface QueryRequest {
  sql: string;
  params: unknown[];
}

function databaseAt(net: Network, host: string, port: number): Database {
  const key = `sql ${host}:${port}`;
  let db = net.services.get(key) as Database | undefined;
  if (db === undefined) {
    const database = new Database();
    db = database;
    net.services.set(key, database);
    startService(net, host, port, { concurrency: 'per-connection', latency: 0.5 }, (request) => {
      const { sql, params } = request as QueryRequest;
      const { result, cost } = database.execute(sql, params);
      return { reply: result, size: 16 + byteLength(JSON.stringify(result.rows)), cost };
    });
  }
  return db;
}

/** One database connection (asyncpg.Connection). One query at a time. */
export class DbConnection {
  #channel: Channel;
  #busy = false;
  /** The pool it belongs to, if any. */
  readonly pool: Pool | null;

  /** Made by the pool (used by the runtime, not by programs). */
  constructor(conn: Connection, pool: Pool | null) {
    this.#channel = new Channel(conn);
    this.pool = pool;
  }

  /** True after close(). */
  get closed(): boolean {
    return this.#channel.closed;
  }

  /**
   * Run one statement with parameters ($1, $2 or ? / %s) and resolve with
   * `{ rows, rowCount, insertId?, command }`. Rejects with QueryError for bad
   * SQL and with InterfaceError if this connection is already running a query.
   */
  query(sql: string, params: unknown[] = []): Future<QueryResult> {
    const what = `db query: ${clip(sql, 36)}`;
    if (this.#busy) {
      const failed = new Future<QueryResult>({ kind: 'network', what });
      failed.setException(new InterfaceError('cannot perform operation: another operation is in progress on this connection'));
      return failed;
    }
    this.#busy = true;
    const future = this.#channel.call<QueryResult>({ sql, params } satisfies QueryRequest, 20 + byteLength(sql) + byteLength(JSON.stringify(params)), what);
    future.addDoneCallback(() => {
      this.#busy = false;
    });
    return future;
  }

  /** Close the connection. */
  close(): void {
    this.#channel.close();
  }
}

/** Options of `sql.createPool`. */
export interface PoolOptions {
  /** Most connections open at once (default 10, asyncpg's max_size). */
  size?: number;
  /** Tables to create (if missing) with their rows, e.g. `{ users: [{ id: 1, name: 'Ann' }] }`. */
  tables?: Record<string, Row[]>;
  /** Database host (default "db"). */
  host?: string;
  /** Port (default 5432). */
  port?: number;
  /** One-way latency to the database in ms (default 0.5: the same data centre). */
  latency?: number;
  /** The network (default: the run's network). */
  network?: Network;
}

/** A pool of database connections (asyncpg.Pool). */
export class Pool {
  /** Most connections open at once. */
  readonly size: number;
  #net: Network;
  #host: string;
  #port: number;
  #latency: number | undefined;
  #idle: DbConnection[] = [];
  #open = 0;
  #waiters: Array<Future<DbConnection>> = [];
  #closed = false;

  /** Use `sql.createPool()` (used by the runtime, not by programs). */
  constructor(options: PoolOptions) {
    this.size = options.size ?? 10;
    if (!(this.size >= 1)) throw new RangeError(`pool size must be at least 1, got ${options.size}`);
    this.#net = options.network ?? defaultNetwork();
    this.#host = options.host ?? 'db';
    this.#port = options.port ?? 5432;
    this.#latency = options.latency;
    const db = databaseAt(this.#net, this.#host, this.#port);
    for (const [name, rows] of Object.entries(options.tables ?? {})) db.seed(name, rows);
  }

  /** Connections open now (busy or idle). */
  get opened(): number {
    return this.#open;
  }

  /** Tasks waiting for a connection. */
  get waiting(): number {
    return this.#waiters.filter((w) => !w.done()).length;
  }

  /**
   * A connection for your exclusive use; give it back with `release()`.
   * Waits (FIFO) when `size` connections are busy; opening a new one costs a
   * round trip.
   */
  acquire(): Future<DbConnection> {
    const idle = this.#idle.pop();
    if (idle !== undefined) {
      const ready = new Future<DbConnection>({ kind: 'semaphore', what: 'db pool' });
      ready.setResult(idle);
      return ready;
    }
    if (this.#closed) {
      const failed = new Future<DbConnection>({ kind: 'semaphore', what: 'db pool' });
      failed.setException(new InterfaceError('the pool is closed'));
      return failed;
    }
    if (this.#open < this.size) {
      this.#open++;
      const future = new Future<DbConnection>({ kind: 'network', what: `connect ${this.#host}:${this.#port}` });
      const connecting = this.#net.connect(this.#host, this.#port, { latency: this.#latency });
      connecting.addDoneCallback(() => {
        let conn: Connection;
        try {
          conn = connecting.result();
        } catch (error) {
          this.#open--;
          if (!future.done()) future.setException(error);
          return;
        }
        const db = new DbConnection(conn, this);
        if (future.done()) this.release(db); // the acquirer gave up: keep the connection for the next one
        else future.setResult(db);
      });
      return future;
    }
    const waiter = new Future<DbConnection>({ kind: 'semaphore', what: 'db pool' });
    this.#waiters.push(waiter);
    return waiter;
  }

  /** Give a connection back: the longest-waiting acquirer gets it, else it idles. */
  release(conn: DbConnection): void {
    if (conn.pool !== this) throw new InterfaceError('release(): the connection does not belong to this pool');
    if (this.#closed || conn.closed) {
      this.#open--;
      conn.close();
      return;
    }
    while (this.#waiters.length > 0) {
      const waiter = this.#waiters.shift()!;
      if (!waiter.done()) {
        waiter.setResult(conn);
        return;
      }
    }
    this.#idle.push(conn);
  }

  /** Acquire, run one statement, release (asyncpg's pool.fetch / pool.execute). */
  query(sql: string, params: unknown[] = []): Promise<QueryResult> {
    const pool = this;
    return co(function* () {
      const conn = (yield pool.acquire()) as DbConnection;
      try {
        return (yield conn.query(sql, params)) as QueryResult;
      } finally {
        pool.release(conn);
      }
    });
  }

  /** Close idle connections now and the others when released; later acquires fail. */
  close(): void {
    this.#closed = true;
    for (const conn of this.#idle.splice(0)) {
      this.#open--;
      conn.close();
    }
    for (const waiter of this.#waiters.splice(0)) if (!waiter.done()) waiter.setException(new InterfaceError('the pool is closed'));
  }
}

/** A SQL-like database with a connection pool (asyncpg / aiomysql). */
export const sql = {
  /**
   * Make a pool of up to `size` connections to the database at db:5432,
   * creating `tables` there if they do not exist (asyncpg.create_pool).
   * Connections open lazily; awaiting the pool itself is allowed and instant.
   */
  createPool(options: PoolOptions = {}): Pool {
    return new Pool(options);
  },
  /** Open one connection without a pool (asyncpg.connect). */
  connect(options: Omit<PoolOptions, 'size'> = {}): Promise<DbConnection> {
    const net = options.network ?? defaultNetwork();
    const host = options.host ?? 'db';
    const port = options.port ?? 5432;
    const db = databaseAt(net, host, port);
    for (const [name, rows] of Object.entries(options.tables ?? {})) db.seed(name, rows);
    return co(function* () {
      const conn = (yield net.connect(host, port, { latency: options.latency })) as Connection;
      return new DbConnection(conn, null);
    });
  },
  /** The database refused a statement (asyncpg.PostgresError). */
  QueryError,
  /** The client was used wrongly, e.g. two queries at once on one connection (asyncpg.InterfaceError). */
  InterfaceError,
};
