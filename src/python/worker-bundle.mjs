// @ts-check
/**
 * The Python worker (python-worker.ts) bundled by esbuild into one classic
 * script (no import or export, so it also starts as a module worker), with the
 * runner's two .py files inlined as text (`?raw`). Classic, because Chromium
 * refuses a module worker from a blob: URL in an opaque-origin frame (the
 * sandbox frame), while a classic worker there may still import() the
 * Pyodide loader from a blob module (tests/browser/python.test.ts runs it). One bundle for the
 * site (the `virtual:python-worker` module below: the page hands its text to
 * the Python sandbox frame, which starts a blob module worker from it, as the
 * TypeScript playground does with its runner) and for the local test server
 * (worker-server.mjs).
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER_ID = 'virtual:python-worker';

/**
 * Bundle the worker; returns the module's text.
 * @param {{ minify?: boolean }} [options]
 */
export async function buildPythonWorker({ minify = true } = {}) {
  const result = await build({
    entryPoints: [join(HERE, 'python-worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    legalComments: 'none',
    loader: { '.py': 'text' },
    logLevel: 'silent',
    plugins: [{
      name: 'raw',
      setup(b) {
        b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?raw$/, '')) }));
      },
    }],
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * Vite plugin: `import workerText from 'virtual:python-worker'` is the bundle's
 * text (imported dynamically, on the first Run Python: no page loads it).
 * @returns {import('vite').Plugin}
 */
export function pythonWorkerPlugin() {
  /** @type {Promise<string> | undefined} */
  let text;
  return {
    name: 'async-guide:python-worker',
    resolveId(id) {
      return id === WORKER_ID ? '\0' + WORKER_ID : undefined;
    },
    async load(id) {
      if (id !== '\0' + WORKER_ID) return undefined;
      text ??= buildPythonWorker();
      return `export default ${JSON.stringify(await text)};`;
    },
    handleHotUpdate({ file, server }) {
      if (!/src[\\/]python[\\/]/.test(file)) return;
      text = undefined;
      const mod = server.moduleGraph.getModuleById('\0' + WORKER_ID);
      if (mod) server.moduleGraph.invalidateModule(mod);
    },
  };
}
