/**
 * Serving files from a virtual file system without the article's
 * path-traversal hole (CONTENT.md error 12: it joined the request path onto
 * "." unchecked, so `GET /../../etc/passwd` could read any file).
 *
 * The safe way, as real servers do it: decode the path once, refuse NUL bytes,
 * treat "\" as a separator, resolve "." and ".." segment by segment and refuse
 * (403) any ".." that would climb above the served root; then check again that
 * the resolved path lies under the root. Percent-encoded dots (%2e%2e) are
 * decoded before the check, so they are caught; a double-encoded %252e stays a
 * literal file name and simply does not exist (404).
 * Symbolic links (`links`): the path is resolved through them, as
 * Path.resolve() does, and the containment check is made on the final path,
 * after a directory's index.html was appended (that file may be a link too).
 * Tests: tests/runtime/net-http.test.ts ("path traversal"),
 * tests/runtime/net-static-links.test.ts (links, issue 19.2).
 */
import type { HttpHandler, HttpRequest, HttpResponseInit } from './http-types.ts';

/** File extension to Content-Type (the common ones; anything else is application/octet-stream). */
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  zip: 'application/zip',
  mp4: 'video/mp4',
};

/** Guess a Content-Type from a file name's extension (Python's mimetypes.guess_type, simplified). */
export function contentType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'application/octet-stream';
  return TYPES[name.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Normalise an absolute POSIX path the way the OS resolves it when a file is
 * opened: "." dropped, ".." removes the previous segment and stops at "/"
 * (path.posix.normalize / os.path.normpath). NOT a security check by itself:
 * `normalizePath('/srv/public/' + '../../etc/passwd')` is '/etc/passwd'.
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** Where a request path leads under `root`: a file path, or the status to refuse it with. */
export function resolveUnder(root: string, requestPath: string): { path: string } | { status: 400 | 403 } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { status: 400 }; // malformed percent-encoding
  }
  if (decoded.includes('\0')) return { status: 400 };
  const segments: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { status: 403 }; // would climb out of the root
      segments.pop();
    } else segments.push(segment);
  }
  const base = normalizePath(root);
  const path = base === '/' ? `/${segments.join('/')}` : `${base}/${segments.join('/')}`;
  // Defence in depth: whatever happened above, never answer outside the root.
  if (path !== base && !path.startsWith(base === '/' ? '/' : `${base}/`)) return { status: 403 };
  return { path: path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path };
}

/** Options of `staticFiles`. */
export interface StaticOptions {
  /** The served directory inside the virtual file system (default "/"). */
  root?: string;
  /** File served for a directory (default "index.html"). */
  index?: string;
  /** A URL prefix to strip first, e.g. "/static" (default none). */
  prefix?: string;
  /**
   * Symbolic links in the virtual file system: link path to target (absolute,
   * or relative to the link's folder), as `ln -s target path` makes them.
   * A file reached through a link is served only if its real path is under the root.
   */
  links?: Record<string, string>;
}

/** The most links followed while resolving one path (Linux's ELOOP limit is 40). */
const MAX_LINKS = 40;

/**
 * The real path of `path` (absolute, normalised): every link on the way is
 * replaced by its target, segment by segment, as os.path.realpath and
 * Path.resolve() do. null for a loop of links.
 */
export function realPath(path: string, links: ReadonlyMap<string, string>): string | null {
  let rest = normalizePath(path).split('/').filter(Boolean);
  let done = '';
  let followed = 0;
  while (rest.length > 0) {
    const next = `${done}/${rest[0]}`;
    const target = links.get(next);
    if (target === undefined) {
      done = next;
      rest = rest.slice(1);
      continue;
    }
    if (++followed > MAX_LINKS) return null;
    const resolved = normalizePath(target.startsWith('/') ? target : `${done}/${target}`);
    rest = [...resolved.split('/').filter(Boolean), ...rest.slice(1)];
    done = '';
  }
  return done || '/';
}

function isUnder(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}

/**
 * A request handler that serves `files` (a virtual file system: absolute path
 * to content) from `root`, safe against path traversal (403), with 404 for
 * missing files, 405 for methods other than GET/HEAD, and a Content-Type
 * guessed from the extension (aiohttp's `router.add_static`).
 */
export function staticFiles(files: Record<string, string>, options: StaticOptions = {}): HttpHandler {
  const fs = new Map<string, string>();
  for (const [name, content] of Object.entries(files)) fs.set(normalizePath(name.startsWith('/') ? name : `/${name}`), content);
  const links = new Map<string, string>();
  for (const [name, target] of Object.entries(options.links ?? {})) links.set(normalizePath(name.startsWith('/') ? name : `/${name}`), target);
  const root = options.root ?? '/';
  const realRoot = realPath(root, links) ?? normalizePath(root);
  const index = options.index ?? 'index.html';
  const prefix = options.prefix ?? '';
  // The file's real path if it exists under the root; 'outside' for a path (or link) that leaves it.
  const lookup = (path: string): string | 'outside' | undefined => {
    const real = realPath(path, links);
    if (real === null || !isUnder(real, realRoot)) return 'outside';
    return fs.has(real) ? real : undefined;
  };
  return (req: HttpRequest): HttpResponseInit => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    let path = req.path;
    if (prefix) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) return plain(404, 'Not Found');
      path = path.slice(prefix.length) || '/';
    }
    const where = resolveUnder(root, path);
    if ('status' in where) return plain(where.status, where.status === 403 ? 'Forbidden' : 'Bad Request');
    // Check the final path, every time: a folder's index.html can itself be a link that leads out.
    let file = lookup(where.path);
    if (file === undefined) file = lookup(`${where.path === '/' ? '' : where.path}/${index}`);
    if (file === 'outside') return plain(403, 'Forbidden');
    if (file === undefined) return plain(404, 'Not Found');
    return { status: 200, headers: { 'content-type': contentType(file) }, body: fs.get(file) };
  };
}

function plain(status: number, body: string, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}
