/**
 * A local server for the Python worker outside a site build: the worker
 * bundled with esbuild the way Vite bundles it (the .py files as text, `?raw`)
 * and the Pyodide files under /pyodide/. Every request is recorded, so a test
 * can say what was (not) fetched. Used by tests/python/worker-browser.test.ts
 * and bench/python.mjs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { copyPyodideFiles } from './pyodide-files.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const TYPES = /** @type {Record<string, string>} */ ({ '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json', '.html': 'text/html' });

/**
 * Bundle the worker, copy the Pyodide files, and serve both (plus an empty
 * /index.html) on 127.0.0.1.
 * @returns {Promise<{ origin: string, requested: string[], close(): void }>}
 */
export async function startWorkerServer() {
  const dir = mkdtempSync(join(tmpdir(), 'python-worker-'));
  copyPyodideFiles(dir);
  await build({
    entryPoints: [join(HERE, 'python-worker.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'python-worker.js'),
    loader: { '.py': 'text' },
    logLevel: 'silent',
    plugins: [{
      name: 'raw',
      setup(b) {
        b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?raw$/, '')) }));
      },
    }],
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>python worker</title>');
  /** @type {string[]} */
  const requested = [];
  const server = createServer((req, res) => {
    requested.push(req.url ?? '/');
    const file = join(dir, (req.url ?? '/').split('?')[0] ?? '/');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { origin, requested, close: () => server.close() };
}
