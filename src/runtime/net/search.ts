/**
 * An Elasticsearch-like search service on the simulated network
 * (elasticsearch-py's AsyncElasticsearch, reduced to a few calls).
 *
 * - The server lives at search:9200 (started on first use), 1 ms away.
 * - Documents are JSON objects in named indices. Text is split into lower-case
 *   words; a query's words are matched against every string field (or the
 *   fields given) and scored with BM25's term-frequency and idf parts (no
 *   length normalisation): score = sum over query words of
 *   idf * tf * (k1 + 1) / (tf + k1), idf = ln(1 + (N - df + 0.5) / (df + 0.5)),
 *   k1 = 1.2, rounded to 3 decimals. Hits are sorted by score, then id.
 * - Cost: indexing 1 ms; a search 1 ms + 0.01 ms per document in the index
 *   (a scan; real Elasticsearch uses an inverted index, we only charge time).
 * - Documents are searchable at once (real Elasticsearch makes them visible
 *   after a refresh, 1 s by default).
 * - The client is closed with `close()` (CONTENT.md error 15: the article
 *   called `es.transport.close()`; the real client has `await es.close()`).
 * Tests: tests/runtime/net-services.test.ts.
 */
import { co } from '../driver.ts';
import type { Future } from '../future.ts';
import { parseUrl } from './http.ts';
import { defaultNetwork, type Connection, type Network } from './network.ts';
import { Channel, startService } from './service.ts';
import { byteLength, clip } from './units.ts';

/** A search hit. */
export interface SearchHit {
  /** The document's id. */
  id: string;
  /** Relevance (higher is better). */
  score: number;
  /** The document as indexed (Elasticsearch's `_source`). */
  source: Record<string, unknown>;
}

/** A search result (the `hits` part of Elasticsearch's answer, flattened). */
export interface SearchResult {
  /** Virtual ms the server spent. */
  took: number;
  /** How many documents matched. */
  total: number;
  /** The best `size` hits. */
  hits: SearchHit[];
}

type Request =
  | { op: 'info' }
  | { op: 'index'; index: string; id?: string; doc: Record<string, unknown> }
  | { op: 'get'; index: string; id: string }
  | { op: 'delete'; index: string; id: string }
  | { op: 'search'; index: string; query: string; size: number; fields?: string[] };

const K1 = 1.2;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function textOf(doc: Record<string, unknown>, fields?: string[]): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (fields && !fields.includes(key)) continue;
    if (typeof value === 'string') out.push(...words(value));
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(...words(v));
  }
  return out;
}

function startSearch(net: Network, host: string, port: number): void {
  const indices = new Map<string, Map<string, Record<string, unknown>>>();
  let autoId = 1;
  const indexOf = (name: string) => {
    let index = indices.get(name);
    if (!index) indices.set(name, (index = new Map()));
    return index;
  };
  const size = (v: unknown) => 40 + byteLength(JSON.stringify(v));
  startService(net, host, port, { concurrency: 'per-connection', latency: 1 }, (request) => {
    const req = request as Request;
    switch (req.op) {
      case 'info': {
        const reply = { name: host, cluster_name: 'miniloop', version: { number: '8.x (simulated)' }, tagline: 'You Know, for Search' };
        return { reply, size: size(reply) };
      }
      case 'index': {
        const id = req.id ?? String(autoId++);
        const index = indexOf(req.index);
        const result = index.has(id) ? 'updated' : 'created';
        index.set(id, structuredClone(req.doc));
        const reply = { id, index: req.index, result };
        return { reply, size: size(reply), cost: 1 };
      }
      case 'get': {
        const doc = indexOf(req.index).get(req.id);
        const reply = doc === undefined ? null : structuredClone(doc);
        return { reply, size: size(reply), cost: 1 };
      }
      case 'delete': {
        const gone = indexOf(req.index).delete(req.id);
        return { reply: gone ? 'deleted' : 'not_found', size: 60, cost: 1 };
      }
      case 'search': {
        const docs = [...indexOf(req.index)];
        const terms = [...new Set(words(req.query))];
        const tokens = new Map(docs.map(([id, doc]) => [id, textOf(doc, req.fields)]));
        const n = docs.length;
        const idf = new Map(terms.map((t) => {
          const df = docs.filter(([id]) => tokens.get(id)!.includes(t)).length;
          return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
        }));
        const hits: SearchHit[] = [];
        for (const [id, doc] of docs) {
          const toks = tokens.get(id)!;
          let score = 0;
          for (const t of terms) {
            const tf = toks.filter((w) => w === t).length;
            if (tf > 0) score += idf.get(t)! * ((tf * (K1 + 1)) / (tf + K1));
          }
          if (score > 0) hits.push({ id, score: Math.round(score * 1000) / 1000, source: structuredClone(doc) });
        }
        hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const cost = Math.round((1 + 0.01 * n) * 1000) / 1000;
        const reply: SearchResult = { took: cost, total: hits.length, hits: hits.slice(0, req.size) };
        return { reply, size: size(reply), cost };
      }
    }
  });
}

/** Options of `search.connect`. */
export interface SearchOptions {
  /** The network (default: the run's network). */
  network?: Network;
  /** One-way latency in ms (default 1). */
  latency?: number;
  /** Default index name (default "docs"). */
  index?: string;
}

/** A connected search client (AsyncElasticsearch). */
export class SearchClient {
  #channel: Channel;
  #index: string;

  /** Use `search.connect()` (used by the runtime, not by programs). */
  constructor(conn: Connection, index: string) {
    this.#channel = new Channel(conn);
    this.#index = index;
  }

  #call<T>(req: Request, what: string): Future<T> {
    return this.#channel.call<T>(req, 120 + byteLength(JSON.stringify(req)), what);
  }

  /** Cluster information (es.info()). */
  info(): Future<{ name: string; cluster_name: string; version: { number: string }; tagline: string }> {
    return this.#call({ op: 'info' }, 'search info');
  }

  /** Store `doc` (es.index); resolves with its id and "created" or "updated". */
  index(doc: Record<string, unknown>, options: { id?: string | number; index?: string } = {}): Future<{ id: string; index: string; result: string }> {
    const index = options.index ?? this.#index;
    return this.#call({ op: 'index', index, id: options.id === undefined ? undefined : String(options.id), doc }, `search index ${index}`);
  }

  /** A document by id, or null (es.get). */
  get(id: string | number, options: { index?: string } = {}): Future<Record<string, unknown> | null> {
    return this.#call({ op: 'get', index: options.index ?? this.#index, id: String(id) }, `search get ${id}`);
  }

  /** Remove a document; "deleted" or "not_found" (es.delete). */
  delete(id: string | number, options: { index?: string } = {}): Future<string> {
    return this.#call({ op: 'delete', index: options.index ?? this.#index, id: String(id) }, `search delete ${id}`);
  }

  /** Full-text search for the words of `query` (es.search with a match query). */
  search(query: string, options: { index?: string; size?: number; fields?: string[] } = {}): Future<SearchResult> {
    const index = options.index ?? this.#index;
    return this.#call({ op: 'search', index, query, size: options.size ?? 10, fields: options.fields }, clip(`search "${query}"`));
  }

  /** Close the connection (`await es.close()`). */
  close(): void {
    this.#channel.close();
  }
}

/** An Elasticsearch-like search service (AsyncElasticsearch). */
export const search = {
  /** Connect to the search server at `url` (default "http://search:9200"; started there on first use). */
  connect(url = 'http://search:9200', options: SearchOptions = {}): Promise<SearchClient> {
    return co(function* () {
      const { host, port } = parseUrl(url, 'http', 9200);
      const net = options.network ?? defaultNetwork();
      if (net.listenerAt(host, port) === undefined) startSearch(net, host, port);
      const conn = (yield net.connect(host, port, { latency: options.latency })) as Connection;
      return new SearchClient(conn, options.index ?? 'docs');
    });
  },
};
