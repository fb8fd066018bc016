/**
 * Latin words a Chinese page may keep in its prose: names of languages,
 * libraries, products, people, standards and units, and the few terms the
 * glossary keeps in English (nursery, socket, worker, ms). Everything else in
 * Latin letters counts against the page in tests/content/zh-latin.test.ts:
 * code belongs in inline code, and a term glossed at its first use is written
 * in full-width parentheses right after its Chinese rendering, which the check
 * also leaves alone.
 */
export const LATIN_NAMES: ReadonlySet<string> = new Set(
  `
  Python CPython PyPy JavaScript TypeScript ECMAScript ES2015 ES2016 ES2017 Node Node.js Deno Bun V8 Chrome Chromium Firefox Safari
  Go goroutine goroutines Java Servlet Rust Tokio C Kotlin Erlang Elixir
  asyncio trio anyio curio twisted Twisted gevent Tornado uvloop libuv libev epoll kqueue IOCP select selectors Proactor
  aiohttp httpx httpcore websockets aiofiles aiomysql aiosqlite asyncpg aioredis aredis redis-py Redis aiokafka Kafka Elasticsearch
  PostgreSQL MySQL SQLite nginx Apache Caddy Starlette FastAPI Uvicorn Hypercorn Django Flask ASGI WSGI pytest pytest-asyncio pytest-trio
  trio-websocket trio-asyncio aiounittest unittest Quart Perfetto Monaco esbuild Astro Pagefind GitHub Debian Linux macOS BSD Windows Mac
  Promise Promises promise promises Future Futures Task TaskGroup ExceptionGroup Event EventEmitter DOM API APIs SDK HTTP HTTPS HTML URL URLs JSON CSS
  WebSocket TCP UDP TLS CPU CPUs GPU GIL I O PEP KB MB GB KiB MiB ms s XSS SQL REST RPC REPL ET LT Ctrl Cmd Enter Shift Tab Esc
  nursery nurseries socket sockets worker workers
  Nathaniel J. Smith Guido Ann Bob Alice
  miniloop
  `.split(/\s+/).filter(Boolean),
);

/** Latin letters in `prose` that are neither names (LATIN_NAMES) nor glosses in full-width parentheses. */
export function latinBeyondNames(prose: string): { letters: number; words: string[] } {
  const withoutGlosses = prose.replace(/（[^（）\n]*）/g, (g) => (/[\u4e00-\u9fff]/.test(g) ? g : ''));
  const words: string[] = [];
  let letters = 0;
  for (const w of withoutGlosses.match(/[A-Za-z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*/g) ?? []) {
    if (LATIN_NAMES.has(w)) continue;
    words.push(w);
    letters += (w.match(/[A-Za-z]/g) ?? []).length;
  }
  return { letters, words };
}

/**
 * At most 2 Latin letters beyond names per 100 Chinese characters on a /zh/
 * page; the reason for the number is in tests/content/zh-latin.test.ts.
 */
export const MAX_LATIN_PER_CJK = 0.02;
