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
import { extname, join } from 'node:path';
import { copyPyodideFiles } from './pyodide-files.mjs';
import { buildPythonWorker } from './worker-bundle.mjs';

const TYPES = /** @type {Record<string, string>} */ ({ '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json', '.html': 'text/html' });

/**
 * Bundle the worker, copy the Pyodide files, and serve both (plus an empty
 * /index.html) on 127.0.0.1.
 * @returns {Promise<{ origin: string, requested: string[], close(): void }>}
 */
export async function startWorkerServer() {
  const dir = mkdtempSync(join(tmpdir(), 'python-worker-'));
  copyPyodideFiles(dir);
  writeFileSync(join(dir, 'python-worker.js'), await buildPythonWorker({ minify: false }));
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
