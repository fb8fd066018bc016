/**
 * What the CLI's start-up leaves out (timed by `npm run bench -- --only d`):
 * a run loads none of the Node modules behind the globals Node builds on first
 * read (fetch's classes, web streams, Web Crypto's, perf_hooks': the runtime's
 * snapshot of the globals does not read them, src/runtime/primordials.ts), and
 * a second run of the same program starts no esbuild (no child process: the
 * compiled program comes from the cache, src/cli/program-cache.ts). Seen from
 * inside the real command: a preloaded module prints Node's list of loaded
 * modules when the process exits.
 *
 * It runs the command on the Node that runs the tests, or on the one
 * MINILOOP_TEST_NODE names: Node 24 has lazily built globals Node 22 has not
 * (docs/versions.md says how to check with it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = process.env.MINILOOP_TEST_NODE || process.execPath;
const dir = mkdtempSync(join(tmpdir(), 'miniloop-start-up-'));
const preload = join(dir, 'modules-at-exit.mjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write('MODULES ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n");

/** The Node modules loaded by the time `miniloop run file` exits, and its stdout. */
function modulesOfRun(file: string, cacheDir: string): Promise<{ stdout: string; modules: string[] }> {
  const env = { ...process.env, LANG: 'C', LC_ALL: '', MINILOOP_CACHE_DIR: cacheDir };
  return new Promise((done, fail) => {
    execFile(NODE, ['--import', preload, join(ROOT, 'bin/miniloop.mjs'), 'run', file], { cwd: ROOT, env, timeout: 170_000 }, (error, stdout, stderr) => {
      const line = stderr.split('\n').find((l) => l.startsWith('MODULES '));
      if (error || !line) fail(error ?? new Error(`no module list in: ${stderr}`));
      else done({ stdout, modules: JSON.parse(line.slice('MODULES '.length)) as string[] });
    });
  });
}

const LAZY_GLOBALS_MODULES = ['NativeModule internal/deps/undici/undici', 'NativeModule internal/webstreams/readablestream', 'NativeModule internal/crypto/webcrypto', 'NativeModule perf_hooks', 'NativeModule internal/worker/io'];

describe('miniloop run start-up', { timeout: 180_000 }, () => {
  it('loads no module behind a lazily built global, and a re-run starts no esbuild', async () => {
    const cacheDir = join(dir, 'cache');
    // The CLI's first start in a new cache directory bundles it (esbuild, node:crypto): not measured.
    writeFileSync(join(dir, 'warm-up.ts'), "console.log('warm');\n");
    await modulesOfRun(join(dir, 'warm-up.ts'), cacheDir);
    const file = join(dir, 'p.ts');
    // A program that logs objects too (util.inspect) and awaits a timer.
    writeFileSync(file, "import { sleep } from 'miniloop';\nawait sleep(10);\nconsole.log('one', { n: 1 }, [2]);\n");
    const first = await modulesOfRun(file, cacheDir);
    expect(first.stdout).toBe("one { n: 1 } [ 2 ]\n");
    expect(first.modules).toContain('NativeModule child_process'); // esbuild compiled it
    const again = await modulesOfRun(file, cacheDir);
    expect(again.stdout).toBe(first.stdout);
    expect(again.modules).not.toContain('NativeModule child_process');
    // (esbuild's own JavaScript loads worker_threads, so the first run is checked for fetch's alone.)
    expect(first.modules).not.toContain(LAZY_GLOBALS_MODULES[0]);
    for (const module of LAZY_GLOBALS_MODULES) expect(again.modules).not.toContain(module);
  });
});
