// @ts-check
/**
 * Vite plugin for the playground, so that `astro build` alone produces
 * everything (no script to remember before the build):
 *
 * - `virtual:miniloop-runner`: the runner worker (src/playground/runner-worker.ts
 *   and the whole runtime) bundled by esbuild into ONE self-contained classic
 *   script, exported as a string. The page hands that text to the sandbox frame,
 *   which starts a Blob worker from it (an opaque-origin frame cannot load a
 *   worker from the site's URL).
 * - `virtual:miniloop-types`: declaration files of the "miniloop" module,
 *   generated from src/runtime with the TypeScript compiler API (scripts/dts.mjs),
 *   exported as `{ path: text }` for Monaco's TypeScript defaults.
 *
 * - `virtual:monaco-css`: Monaco's stylesheets as one string (its @font-face
 *   removed: the codicon font is added with the FontFace API). Monaco's own
 *   `import './x.css'` statements become empty modules, because Astro would
 *   otherwise put those styles into every page's head as render-blocking links
 *   even though Monaco itself loads only on intent (withastro/astro#9495).
 *
 * Both are rebuilt when a file under src/runtime or src/playground changes.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDeclarations } from '../../scripts/dts.mjs';

const RUNNER_ID = 'virtual:miniloop-runner';
const TYPES_ID = 'virtual:miniloop-types';
const CSS_ID = 'virtual:monaco-css';
const EMPTY_CSS = '\0monaco-css-import';
// monaco-editor's main entry is esm/vs/index.js; its stylesheets live under esm/.
const monacoRoot = dirname(dirname(fileURLToPath(import.meta.resolve('monaco-editor'))));

/** Every stylesheet of Monaco's ESM build, concatenated in a stable order, without @font-face rules. */
export function monacoCss() {
  const files = readdirSync(monacoRoot, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.css'))
    .sort();
  return files
    .map((f) => readFileSync(join(monacoRoot, f), 'utf8'))
    .join('\n')
    .replace(/@font-face\s*{[^}]*}/g, '');
}
const entry = fileURLToPath(new URL('./runner-worker.ts', import.meta.url));

/** Bundles the runner worker as one IIFE script; returns its text. */
export async function buildRunner() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    // Keep class and function names: programs print `e.constructor.name` of the
    // runtime's errors (ValueError, TooSlowError, ...), which minifying would mangle.
    keepNames: true,
  });
  return result.outputFiles[0].text;
}

/** @returns {import('vite').Plugin} */
export function playgroundPlugin() {
  /** @type {Promise<string> | undefined} */
  let runner;
  /** @type {Record<string, string> | undefined} */
  let types;
  return {
    name: 'miniloop-playground',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === RUNNER_ID || id === TYPES_ID || id === CSS_ID) return '\0' + id;
      if (id.endsWith('.css') && importer && importer.includes('monaco-editor')) return EMPTY_CSS;
      return undefined;
    },
    async load(id) {
      if (id === '\0' + RUNNER_ID) {
        runner ??= buildRunner();
        return `export default ${JSON.stringify(await runner)};`;
      }
      if (id === EMPTY_CSS) return 'export {};';
      if (id === '\0' + CSS_ID) {
        const font = join(monacoRoot, 'vs/base/browser/ui/codicons/codicon/codicon.ttf');
        return `import font from ${JSON.stringify(font + '?url')};\nexport { font };\nexport default ${JSON.stringify(monacoCss())};`;
      }
      if (id === '\0' + TYPES_ID) {
        types ??= generateDeclarations();
        return `export default ${JSON.stringify(types)};`;
      }
      return undefined;
    },
    handleHotUpdate({ file, server }) {
      if (!/src[\\/](runtime|playground)[\\/]/.test(file)) return;
      runner = undefined;
      types = undefined;
      for (const id of [RUNNER_ID, TYPES_ID]) {
        const mod = server.moduleGraph.getModuleById('\0' + id);
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}
