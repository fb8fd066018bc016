// Loads the CLI (src/cli/main.ts) fast. Node can run the TypeScript sources
// directly, but stripping the types of the ~70 files the CLI imports, and
// importing its packages as separate modules, costs far more than the run of a
// small program. So the first run bundles the sources and packages (all but
// esbuild, which finds its binary from its own place) with the native esbuild
// into one plain-JS file in the cache directory, which V8's compile cache then
// makes cheap to load too.
//
// Never stale: the build records the exact bytes of every file esbuild read
// (through an onLoad plugin, so they are the bytes it compiled), plus the files
// that steer it (this loader, package.json, tsconfig.json, npm's record of the
// installed packages, each bundled package's package.json, esbuild's). Each
// start reads those files again (~0.8 MB, a few ms) and compares them byte for
// byte with the record; any difference, another Node version or a moved tree
// rebuilds. If anything goes wrong (no esbuild, a read-only tree) the sources
// are imported as they are, with a line on stderr.
//
// The cache directory is MINILOOP_CACHE_DIR, else node_modules/.cache/miniloop.
// MINILOOP_NO_BUNDLE=1 always runs the sources. Held by tests/cli/load-cli.test.ts.
//
// Node's built-in modules are taken with process.getBuiltinModule, not
// imported: an ES import of node:fs builds its namespace by reading every
// export, and some are getters that load more of Node (streams, readline).
const { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { dirname, join, relative, resolve, sep } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/main.ts');

/** Where the CLI's caches live (the bundle here, compiled programs in programs/). */
export const cacheDir = process.env.MINILOOP_CACHE_DIR ? resolve(process.env.MINILOOP_CACHE_DIR) : join(root, 'node_modules/.cache/miniloop');
const bundle = join(cacheDir, 'cli.cjs');
const recordFile = join(cacheDir, 'cli-inputs.json');
const bytesFile = join(cacheDir, 'cli-inputs.bin');

/**
 * The CLI module: the cached bundle when it is fresh, a new bundle, or the
 * sources. The bundle also exports `compilerId`, a hash of its own code (which
 * holds the compiler) with the esbuild and Node versions: it names what
 * compiled a cached program (src/cli/program-cache.ts). The sources have none,
 * so they never use that cache.
 * @returns {Promise<{ main: Function, compilerId?: string }>}
 */
export async function loadCli() {
  if (process.env.MINILOOP_NO_BUNDLE) return import(pathToFileURL(entry).href);
  try {
    if (!isFresh()) await rebuild();
    return createRequire(import.meta.url)(bundle);
  } catch (error) {
    // Said once per run: the sources work, only slower (tests/cli/load-cli.test.ts).
    process.stderr.write(`miniloop: running the TypeScript sources (slower): the bundled CLI could not be built or loaded: ${error?.message ?? error}\n`);
    return import(pathToFileURL(entry).href);
  }
}

/** Whether the bundle exists and every recorded input is byte-identical to the file now. */
function isFresh() {
  try {
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    const recorded = readFileSync(bytesFile);
    // The bundle holds the tree's absolute path (import.meta.url): a moved tree rebuilds it.
    if (record.node !== process.version || record.root !== root || !existsSync(bundle)) return false;
    // Every input read into one buffer (no allocation per file), then one comparison.
    const now = Buffer.allocUnsafe(recorded.length);
    let offset = 0;
    for (const [file, length] of record.inputs) {
      if (offset + length > now.length) return false;
      const fd = openSync(join(root, file), 'r');
      try {
        // Exactly `length` bytes, then the end of the file (a longer file differs).
        if (readSync(fd, now, offset, length, 0) !== length || readSync(fd, Buffer.alloc(1), 0, 1, length) !== 0) return false;
      } finally {
        closeSync(fd);
      }
      offset += length;
    }
    return offset === recorded.length && now.equals(recorded);
  } catch {
    // No record yet, an unreadable one, or an input that is gone.
    return false;
  }
}

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' };

/** Bundle the CLI and record its inputs. */
async function rebuild() {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild');
  // Loaded only here: node:crypto alone costs a fresh Node tens of ms.
  const { createHash } = await import('node:crypto');
  /** @type {Map<string, Buffer>} project-relative path -> the bytes esbuild compiled */
  const read = new Map();
  const recordInputs = {
    name: 'record-inputs',
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        const contents = readFileSync(args.path);
        read.set(relative(root, args.path), contents);
        const loader = LOADERS[args.path.slice(args.path.lastIndexOf('.'))];
        return loader ? { contents, loader } : undefined;
      });
    },
  };
  // Files that steer the build without being compiled; read before it, so a change during it shows next time.
  // npm rewrites node_modules/.package-lock.json at every install: a package added, removed or moved
  // (which could change what an import resolves to without changing any file read) rebuilds too.
  const steering = ['bin/load-cli.mjs', 'package.json', 'tsconfig.json', 'node_modules/.package-lock.json', relative(root, require.resolve('esbuild/package.json'))];
  const before = new Map(steering.filter((f) => existsSync(join(root, f))).map((f) => [f, readFileSync(join(root, f))]));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    // CommonJS: its require() of Node's modules reads no exports it does not use (see above).
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    // esbuild locates its native binary relative to its own files: it stays a package import.
    // (acorn, the compiler's parser, is bundled: its bytes then count in the compiler id.)
    external: ['esbuild', 'esbuild-wasm'],
    // Source files find package.json etc. relative to their own place in the tree.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
    write: false,
    plugins: [recordInputs],
    logLevel: 'silent',
  });
  // Each bundled package's package.json chose which of its files was read.
  for (const file of read.keys()) {
    const at = file.split(sep).lastIndexOf('node_modules');
    if (at < 0) continue;
    const parts = file.split(sep);
    const pkg = join(...parts.slice(0, at + (parts[at + 1].startsWith('@') ? 3 : 2)), 'package.json');
    if (!before.has(pkg) && existsSync(join(root, pkg))) before.set(pkg, readFileSync(join(root, pkg)));
  }
  const inputs = [...read, ...before].sort(([a], [b]) => (a < b ? -1 : 1));
  const code = result.outputFiles[0].text;
  const compilerId = createHash('sha256').update(code).update(esbuild.version).update(process.version).digest('hex').slice(0, 32);
  const text = `${code}module.exports.compilerId = ${JSON.stringify(compilerId)};\n`;
  mkdirSync(cacheDir, { recursive: true });
  // Each file is written under a temporary name and renamed (CLIs started together never read half a
  // file); the record last, so a reader never pairs a new record with an old bundle.
  const put = (file, data) => {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  };
  put(bundle, text);
  put(bytesFile, Buffer.concat(inputs.map(([, bytes]) => bytes)));
  put(recordFile, JSON.stringify({ node: process.version, root, inputs: inputs.map(([file, bytes]) => [file, bytes.length]) }));
}
