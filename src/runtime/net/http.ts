/**
 * A tiny HTTP layer on the simulated network (aiohttp's web server and
 * ClientSession, reduced to what the guide needs).
 *
 * - Messages travel as parsed objects but are charged their real size: the
 *   request line, the headers and the body, as HTTP/1.1 would send them.
 * - Server: one Task per connection ("conn 10.0.0.2:50000"); requests on one
 *   connection are handled one after another (HTTP/1.1 keep-alive, as aiohttp
 *   does). A handler that throws gives a 500 and an error line on the console
 *   (aiohttp logs "Error handling request"); the server keeps running.
 * - Client: `http.get(url)` opens a connection (one round trip), sends the
 *   request, waits for the response and closes: 2 round trips plus transfer
 *   time. Its awaits are labelled "connect host:port" and "GET /path" on the
 *   timeline. The path is sent exactly as written (no URL normalisation), so
 *   tests can send "/../etc/passwd" as an attacker's raw client would.
 * Tests: tests/runtime/net-http.test.ts.
 */
import { co, coroutine } from '../driver.ts';
import { Future } from '../future.ts';
import type { Loop } from '../loop.ts';
import { describeError } from '../task.ts';
import type { HttpHandler, HttpRequest, HttpResponseInit } from './http-types.ts';
import { defaultNetwork, type Connection, type LinkOptions, type Network, type Server } from './network.ts';
import { ConnectionClosedError } from './errors.ts';
import { contentType, normalizePath, staticFiles } from './static-files.ts';
import { byteLength } from './units.ts';

export type { HttpHandler, HttpRequest, HttpResponseInit } from './http-types.ts';

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

interface WireRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function headerBytes(headers: Record<string, string>): number {
  let n = 2; // the blank line
  for (const [k, v] of Object.entries(headers)) n += byteLength(k) + 2 + byteLength(v) + 2;
  return n;
}

function requestSize(r: WireRequest): number {
  return byteLength(`${r.method} ${r.target} HTTP/1.1\r\n`) + headerBytes(r.headers) + byteLength(r.body);
}

function responseSize(r: WireResponse): number {
  return byteLength(`HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}\r\n`) + headerBytes(r.headers) + byteLength(r.body);
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}

function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query) return out;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      out[decodeURIComponent(key.replace(/\+/g, ' '))] = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      out[key] = value;
    }
  }
  return out;
}

function toResponse(value: unknown): WireResponse {
  if (typeof value === 'string') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(byteLength(value)) }, body: value };
  }
  if (value === null || typeof value !== 'object') {
    throw new TypeError(`a handler must return a response object or a string, not ${value === undefined ? 'undefined' : typeof value}`);
  }
  const init = value as HttpResponseInit;
  const body = init.body === undefined ? '' : String(init.body);
  const headers = lowerKeys(init.headers);
  headers['content-type'] ??= 'text/plain; charset=utf-8';
  headers['content-length'] = String(byteLength(body));
  return { status: init.status ?? 200, headers, body };
}

/** Print an error line attributed to the running task (what aiohttp's access/error logger would show). */
function logError(loop: Loop, text: string): void {
  if (loop.lines >= loop.limits.outputLimit) return;
  loop.lines++;
  loop.trace.add(loop.now, loop.current?.id ?? 0, 'log', { level: 'error', text });
}

/** Options of `http.createServer`. */
export interface HttpServerOptions extends LinkOptions {
  /** The network to listen on (default: the run's network). */
  network?: Network;
}

/** An HTTP server on the simulated network (aiohttp web.Application + AppRunner). */
export class HttpServer {
  #handler: HttpHandler;
  #options: HttpServerOptions;
  #servers: Server[] = [];

  /** Prefer `http.createServer(handler)`. */
  constructor(handler: HttpHandler, options: HttpServerOptions = {}) {
    this.#handler = handler;
    this.#options = options;
  }

  /** Start listening at host:port (default localhost:80); returns the server for chaining. */
  listen(port = 80, host = 'localhost'): this {
    const net = this.#options.network ?? defaultNetwork();
    const { latency, bandwidth } = this.#options;
    const handler = this.#handler;
    const server = net.listen(host, port, (conn) => serveConnection(net.loop, conn, handler), {
      latency,
      bandwidth,
      group: `http ${host}:${port}`,
    });
    this.#servers.push(server);
    return this;
  }

  /** Stop accepting connections (requests in progress finish). */
  close(): void {
    for (const server of this.#servers) server.close();
    this.#servers = [];
  }

  /** The addresses it listens on, "host:port". */
  get addresses(): string[] {
    return this.#servers.map((s) => s.address);
  }
}

function serveConnection(loop: Loop, conn: Connection, handler: HttpHandler): Promise<void> {
  return coroutine(loop, function* () {
    for (;;) {
      const message = (yield conn.read('read request')) as WireRequest | null;
      if (message === null) return;
      const [path, query = ''] = splitTarget(message.target);
      const req: HttpRequest = {
        method: message.method,
        url: message.target,
        path,
        query: parseQuery(query),
        headers: message.headers,
        body: message.body,
        params: {},
        remote: conn.remote,
        json: () => JSON.parse(message.body),
      };
      let response: WireResponse;
      try {
        response = toResponse(yield handler(req));
      } catch (error) {
        logError(loop, `Error handling request ${message.method} ${message.target}: ${describeError(error)}`);
        response = toResponse({ status: 500, body: 'Internal Server Error' });
      }
      if (message.method === 'HEAD') response = { ...response, body: '' };
      yield conn.send(response, responseSize(response), `send ${response.status} for ${message.method} ${path}`);
    }
  });
}

function splitTarget(target: string): [string, string?] {
  const q = target.indexOf('?');
  return q < 0 ? [target] : [target.slice(0, q), target.slice(q + 1)];
}

/** A response as the client sees it (aiohttp's ClientResponse, body already read). */
export interface HttpResponse {
  /** Status code. */
  status: number;
  /** Reason phrase, e.g. "Not Found". */
  statusText: string;
  /** True for 2xx. */
  ok: boolean;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body as text. */
  body: string;
  /** The URL requested. */
  url: string;
  /** The body (aiohttp: `await response.text()`; here it has already arrived, but awaiting works too). */
  text(): string;
  /** The body parsed as JSON. */
  json(): unknown;
}

/** Options of `http.request`. */
export interface RequestOptions extends LinkOptions {
  /** Method (default GET). */
  method?: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** Request body (a string; objects are sent as JSON). */
  body?: string | object;
  /** The network (default: the run's network). */
  network?: Network;
}

/** Split "http://host:port/path?q" into its parts, without normalising the path. */
export function parseUrl(url: string, defaultScheme = 'http', defaultPort?: number): { scheme: string; host: string; port: number; target: string } {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!m) throw new TypeError(`invalid URL: ${url}`);
  const scheme = (m[1] ?? defaultScheme).toLowerCase();
  const port = m[3] ? Number(m[3]) : (defaultPort ?? (scheme === 'https' || scheme === 'wss' ? 443 : 80));
  let target = m[4] || '/';
  if (!target.startsWith('/')) target = `/${target}`;
  return { scheme, host: m[2]!, port, target };
}

/** A request ready to send, and where to. */
interface Prepared {
  host: string;
  port: number;
  wire: WireRequest;
}

function prepare(url: string, options: RequestOptions): Prepared {
  const { host, port, target } = parseUrl(url);
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { host: port === 80 ? host : `${host}:${port}`, ...lowerKeys(options.headers) };
  let body = '';
  if (typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (body) headers['content-length'] = String(byteLength(body));
  return { host, port, wire: { method, target, headers, body } };
}

/** Send one request on `conn` and wait for its response (a generator step of a coroutine). */
function* exchange(conn: Connection, url: string, wire: WireRequest): Generator<unknown, HttpResponse, unknown> {
  yield conn.send(wire, requestSize(wire), `send ${wire.method} ${wire.target}`);
  const res = (yield conn.read(`${wire.method} ${wire.target}`)) as WireResponse | null;
  if (res === null) throw new ConnectionClosedError(`${wire.method} ${url}: the server closed the connection without a response`);
  return {
    status: res.status,
    statusText: REASONS[res.status] ?? '',
    ok: res.status >= 200 && res.status < 300,
    headers: res.headers,
    body: res.body,
    url,
    text: () => res.body,
    json: () => JSON.parse(res.body),
  };
}

/**
 * Send one request and resolve with the response (aiohttp
 * `session.request(...)` on a fresh session): connect, send, wait, close.
 * Rejects with ConnectionRefusedError when nobody listens.
 */
export function request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  return co(function* () {
    const { host, port, wire } = prepare(url, options);
    const net = options.network ?? defaultNetwork();
    const conn = (yield net.connect(host, port, { latency: options.latency, bandwidth: options.bandwidth })) as Connection;
    try {
      return yield* exchange(conn, url, wire);
    } finally {
      conn.close();
    }
  });
}

/** Options of `http.createSession`. */
export interface SessionOptions extends LinkOptions {
  /** Most connections in use at once (default 100, aiohttp's TCPConnector limit). */
  limit?: number;
  /** The network (default: the run's network). */
  network?: Network;
}

/**
 * A client that keeps connections open and reuses them (aiohttp's
 * ClientSession with its TCPConnector): a request to a host it already talked
 * to skips the connect round trip. At most `limit` connections are in use at
 * once; further requests wait (FIFO) for one to be released, shown on the
 * timeline as "http connection limit".
 */
export class HttpSession {
  /** Most connections in use at once. */
  readonly limit: number;
  #options: SessionOptions;
  #idle = new Map<string, Connection[]>();
  #inUse = 0;
  #waiters: Array<Future<void>> = [];
  #closed = false;

  /** Prefer `http.createSession()`. */
  constructor(options: SessionOptions = {}) {
    this.#options = options;
    this.limit = options.limit ?? 100;
    if (!(this.limit >= 1)) throw new RangeError(`limit must be at least 1, got ${options.limit}`);
  }

  /** Connections in use now. */
  get inUse(): number {
    return this.#inUse;
  }

  /** Send a request, reusing an idle connection to the same host when there is one. */
  request(url: string, options: Omit<RequestOptions, 'network' | 'latency' | 'bandwidth'> = {}): Promise<HttpResponse> {
    const session = this;
    return co(function* () {
      if (session.#closed) throw new ConnectionClosedError('the session is closed');
      const { host, port, wire } = prepare(url, options);
      const key = `${host}:${port}`;
      while (session.#inUse >= session.limit) {
        const waiter = new Future<void>({ kind: 'semaphore', what: 'http connection limit' });
        session.#waiters.push(waiter);
        try {
          yield waiter;
        } catch (error) {
          // Woken and cancelled in the same instant: pass the wake-up on, or a slot would be lost.
          if (waiter.done() && !waiter.cancelled()) session.#wakeOne();
          throw error;
        }
      }
      session.#inUse++;
      let conn: Connection | undefined;
      const idle = session.#idle.get(key) ?? [];
      while (conn === undefined && idle.length > 0) {
        const candidate = idle.pop()!;
        if (!candidate.atEof() && !candidate.closed) conn = candidate;
        else candidate.close();
      }
      let reusable = false;
      try {
        if (conn === undefined) {
          const net = session.#options.network ?? defaultNetwork();
          const { latency, bandwidth } = session.#options;
          conn = (yield net.connect(host, port, { latency, bandwidth })) as Connection;
        }
        const response = yield* exchange(conn, url, wire);
        reusable = true;
        return response;
      } finally {
        session.#inUse--;
        if (conn !== undefined) {
          if (reusable && !session.#closed && !conn.atEof()) {
            if (!session.#idle.has(key)) session.#idle.set(key, []);
            session.#idle.get(key)!.push(conn);
          } else conn.close();
        }
        session.#wakeOne();
      }
    });
  }

  /** GET (aiohttp `session.get`). */
  get(url: string, options: Omit<RequestOptions, 'method' | 'body' | 'network' | 'latency' | 'bandwidth'> = {}): Promise<HttpResponse> {
    return this.request(url, { ...options, method: 'GET' });
  }

  /** POST `body` (objects are sent as JSON). */
  post(url: string, body: string | object, options: Omit<RequestOptions, 'method' | 'body' | 'network' | 'latency' | 'bandwidth'> = {}): Promise<HttpResponse> {
    return this.request(url, { ...options, method: 'POST', body });
  }

  /** Close idle connections; requests in flight finish, later ones fail (aiohttp `await session.close()`). */
  close(): void {
    this.#closed = true;
    for (const list of this.#idle.values()) for (const conn of list) conn.close();
    this.#idle.clear();
  }

  #wakeOne(): void {
    while (this.#waiters.length > 0) {
      const waiter = this.#waiters.shift()!;
      if (!waiter.done()) {
        waiter.setResult(undefined);
        return;
      }
    }
  }
}

type Route = { method: string | null; parts: string[]; handler: HttpHandler };

/**
 * A handler that dispatches on "METHOD /path" keys (aiohttp's
 * `app.add_routes([web.get('/hello/{name}', hello)])`). `:name` matches one
 * segment into `req.params.name`; a final `*` matches the rest into
 * `req.params['*']`. A key without a method matches any method. No match: 404;
 * the path matches but not the method: 405.
 */
export function routes(table: Record<string, HttpHandler>): HttpHandler {
  const list: Route[] = Object.entries(table).map(([key, handler]) => {
    const space = key.indexOf(' ');
    const method = space < 0 ? null : key.slice(0, space).toUpperCase();
    const pattern = space < 0 ? key : key.slice(space + 1).trim();
    return { method, parts: pattern.split('/').filter(Boolean), handler };
  });
  return (req) => {
    const segments = req.path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of list) {
      const params = matchRoute(route.parts, segments);
      if (params === null) continue;
      pathMatched = true;
      if (route.method !== null && route.method !== req.method && !(route.method === 'GET' && req.method === 'HEAD')) continue;
      req.params = params;
      return route.handler(req);
    }
    return pathMatched
      ? { status: 405, body: 'Method Not Allowed' }
      : { status: 404, body: 'Not Found' };
  };
}

function matchRoute(parts: string[], segments: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '*' && i === parts.length - 1) {
      params['*'] = segments.slice(i).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return null;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (part !== segment) return null;
  }
  return segments.length === parts.length ? params : null;
}

/**
 * HTTP on the simulated network: servers (aiohttp.web), a client (aiohttp
 * ClientSession), routing, and a static-file handler safe against path traversal.
 */
export const http = {
  /** An HTTP server for `handler`; call `.listen(port, host?)` on it (aiohttp web.Application + run_app). */
  createServer(handler: HttpHandler, options?: HttpServerOptions): HttpServer {
    return new HttpServer(handler, options);
  },
  /** GET `url` and resolve with the response (aiohttp `session.get(url)`). */
  get(url: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<HttpResponse> {
    return request(url, { ...options, method: 'GET' });
  },
  /** POST `body` to `url` (objects are sent as JSON). */
  post(url: string, body: string | object, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<HttpResponse> {
    return request(url, { ...options, method: 'POST', body });
  },
  /** Send a request with any method on a new connection (aiohttp `session.request`). */
  request,
  /** A client that reuses connections, with a limit on connections in use (aiohttp ClientSession). */
  createSession(options?: SessionOptions): HttpSession {
    return new HttpSession(options);
  },
  /** A handler dispatching on "METHOD /path/:param" keys (aiohttp add_routes). */
  routes,
  /** A handler serving a virtual file system, safe against path traversal (aiohttp add_static, done right). */
  staticFiles,
  /** Resolve "." and ".." as the OS does when opening a file (os.path.normpath); not a security check. */
  normalizePath,
  /** Content-Type for a file name (mimetypes.guess_type). */
  contentType,
  /** A JSON response (aiohttp web.json_response). */
  json(value: unknown, status = 200): HttpResponseInit {
    return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
  },
  /** An HTML response. */
  html(body: string, status = 200): HttpResponseInit {
    return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
  },
};
