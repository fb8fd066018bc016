// @ts-check
/**
 * An Astro integration that serves the Pyodide files (CPython 3.14 as wasm and
 * its standard library, from the `pyodide` npm package) under `${base}pyodide/`:
 * copied into the build output after the build, and served from node_modules
 * by the dev server. Nothing here adds a byte to any page: only the Python
 * worker (src/python/python-worker.ts) fetches these files, when a reader asks
 * to run Python. Wire it in astro.config.mjs: `integrations: [..., pyodideFiles()]`.
 * Tests: tests/python/pyodide-files.test.ts.
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonWorkerPlugin } from './worker-bundle.mjs';

/** The files a browser needs to start Pyodide (no packages beyond the standard library). */
export const PYODIDE_FILES = /** @type {const} */ (['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']);
/** Where under the site's base they are served. */
export const PYODIDE_DIR = 'pyodide';

const TYPES = /** @type {Record<string, string>} */ ({ '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json' });

/** The folder of the installed `pyodide` package. */
export function pyodidePackageDir() {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/**
 * Copy the Pyodide files into `outDir`/pyodide/; returns the bytes copied.
 * @param {string} outDir
 */
export function copyPyodideFiles(outDir, from = pyodidePackageDir()) {
  const target = join(outDir, PYODIDE_DIR);
  mkdirSync(target, { recursive: true });
  let bytes = 0;
  for (const file of PYODIDE_FILES) {
    copyFileSync(join(from, file), join(target, file));
    bytes += statSync(join(target, file)).size;
  }
  return bytes;
}

/** @returns {import('astro').AstroIntegration} */
export function pyodideFiles() {
  const from = pyodidePackageDir();
  return {
    name: 'async-guide:pyodide-files',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const prefix = `${config.base.replace(/\/?$/, '/')}${PYODIDE_DIR}/`;
        updateConfig({
          vite: {
            plugins: [pythonWorkerPlugin(), {
              name: 'async-guide:pyodide-dev-files',
              configureServer(server) {
                server.middlewares.use((req, res, next) => {
                  const path = (req.url ?? '').split('?')[0] ?? '';
                  const file = path.startsWith(prefix) ? path.slice(prefix.length) : '';
                  if (!(/** @type {readonly string[]} */ (PYODIDE_FILES)).includes(file)) return next();
                  res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
                  res.setHeader('Content-Length', String(statSync(join(from, file)).size));
                  createReadStream(join(from, file)).pipe(res);
                });
              },
            }],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const bytes = copyPyodideFiles(fileURLToPath(dir), from);
        logger.info(`Pyodide: ${PYODIDE_FILES.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${PYODIDE_DIR}/ (loaded only when a reader runs Python)`);
      },
    },
  };
}
