#!/usr/bin/env node
// Serves a built site (dist/ by default) on 127.0.0.1 the way a static host
// should: under the base path, .wasm as application/wasm, 404.html for unknown
// paths, and the Content-Security-Policy documented in README.md (so `npm start`
// and the browser tests prove the site works under it).
//
//   node scripts/serve.mjs [dir] [--port 4321] [--base /guides/async/]
//   (BASE_PATH and PORT environment variables work too)
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** The policy a host should send; kept here so README, server and tests agree. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'unsafe-eval': the playground's sandboxed worker builds each reader program
  // with new Function (the sandbox frame and its workers inherit this policy).
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** '/x/y/' form of a base path ('' and '/' mean the root). */
export function normalizeBase(base = '/') {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Starts a static server for `dir` mounted at `base`.
 * `live: true` looks files up on every request instead of once at start, so a
 * folder that is rebuilt while it is served never makes the server crash.
 * @param {{ dir?: string, base?: string, port?: number, host?: string, csp?: string | false, live?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} url ends with the base path
 */
export async function serve({ dir = 'dist', base = '/', port = 0, host = '127.0.0.1', csp = CONTENT_SECURITY_POLICY, live = false } = {}) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} has no index.html: build the site first (npm run build).`);
  const prefix = normalizeBase(base);
  const notFoundFile = join(root, '404.html');
  const notFound = existsSync(notFoundFile) ? readFileSync(notFoundFile) : Buffer.from('Not found');
  const files = sirv(root, {
    dev: live,
    etag: true,
    setHeaders(res, pathname) {
      // Browsers refuse WebAssembly.instantiateStreaming without this type.
      if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
    },
  });

  const server = createServer((req, res) => {
    if (csp) res.setHeader('Content-Security-Policy', csp);
    const url = req.url ?? '/';
    if (prefix !== '/' && (url === '/' || url === prefix.slice(0, -1))) {
      res.writeHead(302, { Location: prefix }).end();
      return;
    }
    if (!url.startsWith(prefix)) return sendNotFound(res);
    req.url = '/' + url.slice(prefix.length);
    files(req, res, () => sendNotFound(res));
  });
  const sendNotFound = (res) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
  };

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}${prefix}`,
    port: actualPort,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function parseArgs(argv) {
  const options = { dir: 'dist', base: process.env.BASE_PATH ?? '/', port: Number(process.env.PORT ?? 4321) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') options.port = Number(argv[++i]);
    else if (argv[i] === '--base') options.base = argv[++i];
    else options.dir = argv[i];
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve(parseArgs(process.argv.slice(2)));
  console.log(`Serving on ${url} (Ctrl+C to stop)`);
}
