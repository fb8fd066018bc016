// Loads the CLI (src/cli/main.ts) fast. Node can run the TypeScript sources
// directly, but stripping the types of the ~60 files the CLI imports takes
// ~300 ms at every start. So the first run bundles them with the native
// esbuild into node_modules/.cache/miniloop/cli.mjs, with the list of files it
// read and their sizes and modification times; later runs check those (a few
// stat calls) and import the bundle, which V8's compile cache then makes
// cheap too. Any change to a source rebuilds it; if anything goes wrong
// (no esbuild, a read-only tree) the sources are imported as they are.
// MINILOOP_NO_BUNDLE=1 always runs the sources. Held by tests/cli/load-cli.test.ts.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/main.ts');
const cacheDir = join(root, 'node_modules/.cache/miniloop');
const bundle = join(cacheDir, 'cli.mjs');
const inputsFile = join(cacheDir, 'cli-inputs.json');

/** The CLI module: the cached bundle when it is fresh, a new bundle, or the sources. */
export async function loadCli() {
  if (process.env.MINILOOP_NO_BUNDLE) return import(pathToFileURL(entry).href);
  try {
    if (!isFresh()) await rebuild();
    return await import(pathToFileURL(bundle).href);
  } catch {
    return import(pathToFileURL(entry).href);
  }
}

function stamp(file) {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

function isFresh() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  if (recorded.node !== process.version) return false;
  try {
    return Object.entries(recorded.inputs).every(([file, was]) => stamp(join(root, file)) === was);
  } catch {
    return false;
  }
}

async function rebuild() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    // Packages stay imports (resolved from node_modules above the cache); only our sources are bundled.
    packages: 'external',
    // main.ts finds package.json relative to its own place in the tree.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = stamp(join(root, file));
  mkdirSync(cacheDir, { recursive: true });
  // Written under a temporary name and renamed: CLIs started together never read half a file.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(bundle + suffix, result.outputFiles[0].contents);
  renameSync(bundle + suffix, bundle);
  writeFileSync(inputsFile + suffix, JSON.stringify({ node: process.version, inputs }));
  renameSync(inputsFile + suffix, inputsFile);
}
