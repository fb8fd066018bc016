/**
 * The shapes of the simulated HTTP layer, in a module of their own so the
 * static-file helper and the server share them without an import cycle.
 */

/** A request as a server handler sees it (aiohttp's web.Request, simplified). */
export interface HttpRequest {
  /** "GET", "POST", ... */
  method: string;
  /** The request target as sent, e.g. "/hello/ann?x=1" (not normalised: that is the handler's job). */
  url: string;
  /** The path part of `url`, still percent-encoded. */
  path: string;
  /** Query parameters, decoded. */
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body as text ("" when none). */
  body: string;
  /** Route parameters filled in by `http.routes` (e.g. `{ name: "ann" }` for "/hello/:name"). */
  params: Record<string, string>;
  /** The client's address, "10.0.0.2:50000". */
  remote: string;
  /** The body parsed as JSON. */
  json(): unknown;
}

/** What a handler returns: a response, or a plain string (200, text/plain). */
export interface HttpResponseInit {
  /** Status code (default 200). */
  status?: number;
  /** Response headers (names in any case; sent in lower case). */
  headers?: Record<string, string>;
  /** The body (default ""). */
  body?: string;
}

/** A request handler (aiohttp's `async def handler(request)`); may be async. */
export type HttpHandler = (req: HttpRequest) => HttpResponseInit | string | PromiseLike<HttpResponseInit | string>;
