/**
 * The net layer of the public API: a simulated world on virtual time for the
 * guide's server and client examples. Few top-level names (the module's
 * namespace is shared with the asyncio and trio layers); everything else
 * hangs off these objects.
 *
 * - `network` / `createNetwork`: hosts, ports, connections (network.ts)
 * - `http`: servers, a client, routing, safe static files (http.ts, static-files.ts)
 * - `ws`: WebSocket-like server and client (ws.ts)
 * - `kv`: a Redis-like key-value service (kv.ts)
 * - `sql`: a SQL-like database with a connection pool (sql.ts, sql-engine.ts)
 * - `search`: an Elasticsearch-like service (search.ts)
 * Tests: tests/runtime/net-*.test.ts; examples: content/examples/asyncio-by-example/.
 */
export { network, createNetwork, type Network, type Connection, type Server, type NetworkOptions, type ConnectOptions, type ListenOptions } from './network.ts';
export { http, type HttpServer, type HttpSession, type SessionOptions, type HttpResponse, type HttpRequest, type HttpResponseInit, type HttpHandler, type RequestOptions } from './http.ts';
export { ws, type WebSocket, type ServeOptions, type WsConnectOptions } from './ws.ts';
export { kv, type KvClient, type KvSubscription, type KvOptions } from './kv.ts';
export { sql, type Pool, type DbConnection, type PoolOptions, type QueryResult, type Row } from './sql.ts';
export { search, type SearchClient, type SearchResult, type SearchHit, type SearchOptions } from './search.ts';
