#!/usr/bin/env node
// @ts-check
/**
 * Declaration files of the "miniloop" module (src/runtime/index.ts and what it
 * re-exports), made with the TypeScript compiler API, in memory. The playground
 * registers them with Monaco as `file:///node_modules/miniloop/...`, so
 * `import { sleep } from 'miniloop'` gets types, completion and the doc
 * comments as hover help.
 *
 *   node scripts/dts.mjs [outDir]   writes the files (to inspect them); the
 *   site build calls generateDeclarations() through src/playground/vite-plugin.mjs.
 */
import ts from 'typescript';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIME = join(ROOT, 'src/runtime');

/**
 * @returns {Record<string, string>} path under the module folder (e.g. 'index.d.ts', 'asyncio/locks.d.ts') to text
 */
export function generateDeclarations() {
  /** @type {ts.CompilerOptions} */
  const options = {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    strict: true,
    skipLibCheck: true,
    noEmitOnError: false,
    stripInternal: true,
  };
  const program = ts.createProgram([join(RUNTIME, 'index.ts')], options);
  /** @type {Record<string, string>} */
  const files = {};
  program.emit(undefined, (fileName, text) => {
    const rel = relative(RUNTIME, fileName).split('\\').join('/');
    if (rel.startsWith('..')) return; // only the runtime's own files
    // Imports keep their .ts extension; point them at the .d.ts files beside them.
    files[rel] = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\.ts\2/g, '$1$2$3.js$2');
  });
  if (!files['index.d.ts']) throw new Error('dts: src/runtime/index.ts produced no declarations');
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? '.tmp/miniloop-dts');
  const files = generateDeclarations();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    writeFileSync(join(out, rel), text);
  }
  console.log(`wrote ${Object.keys(files).length} declaration files to ${relative(process.cwd(), out)}`);
}
