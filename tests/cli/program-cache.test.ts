/**
 * The compiled-program cache (src/cli/program-cache.ts): an entry is reused
 * only for the same compiler, file name and whole source; anything else is
 * compiled again. Then through the real command: a re-run needs no esbuild
 * (it is made unusable and the program still runs), and an edited program is
 * compiled again rather than served from the cache.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../src/compiler/compile.ts';
import { compileCached, entryFile, type ProgramCache } from '../../src/cli/program-cache.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A compile stand-in that says how often it ran and returns a program naming `tag`. */
function counting(tag: string, ok = true) {
  const calls: string[] = [];
  const compile = (source: string, filename: string) => async (): Promise<CompileResult> => {
    calls.push(source);
    return ok ? { ok: true, code: `/*${tag}*/`, map: '{}', lineOffset: 1, filename, source } : { ok: false, errors: [{ line: 1, column: 0, message: 'bad', lineText: source }] };
  };
  return { calls, compile };
}

describe('compileCached', () => {
  const cache = (compilerId = 'compiler-a'): ProgramCache => ({ dir: mkdtempSync(join(tmpdir(), 'miniloop-programs-')), compilerId });

  it('compiles once, then answers from the entry for the same compiler, name and source', async () => {
    const c = cache();
    const { calls, compile } = counting('first');
    const first = await compileCached('let x = 1;', 'a.ts', c, compile('let x = 1;', 'a.ts'));
    const again = await compileCached('let x = 1;', 'a.ts', c, compile('let x = 1;', 'a.ts'));
    expect(calls).toEqual(['let x = 1;']);
    expect(again).toEqual(first);
    expect(JSON.parse(readFileSync(entryFile(c, 'a.ts'), 'utf8')).compilerId).toBe('compiler-a');
  });

  it('compiles again when the source changes, and keeps the new result', async () => {
    const c = cache();
    const one = counting('one');
    await compileCached('let x = 1;', 'a.ts', c, one.compile('let x = 1;', 'a.ts'));
    const two = counting('two');
    const changed = await compileCached('let x = 2;', 'a.ts', c, two.compile('let x = 2;', 'a.ts'));
    expect(two.calls).toEqual(['let x = 2;']);
    expect(changed.ok && changed.code).toBe('/*two*/');
    const three = counting('three');
    expect(await compileCached('let x = 2;', 'a.ts', c, three.compile('let x = 2;', 'a.ts'))).toEqual(changed);
    expect(three.calls).toEqual([]);
  });

  it('does not use an entry made by another compiler', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'miniloop-programs-'));
    await compileCached('let x = 1;', 'a.ts', { dir, compilerId: 'old' }, counting('old').compile('let x = 1;', 'a.ts'));
    const now = counting('new');
    const result = await compileCached('let x = 1;', 'a.ts', { dir, compilerId: 'new' }, now.compile('let x = 1;', 'a.ts'));
    expect(now.calls).toHaveLength(1);
    expect(result.ok && result.code).toBe('/*new*/');
  });

  it('keeps programs apart by file name, and keeps no failed compile', async () => {
    const c = cache();
    await compileCached('let x = 1;', 'a.ts', c, counting('a').compile('let x = 1;', 'a.ts'));
    const b = counting('b');
    expect(((await compileCached('let x = 1;', 'b.ts', c, b.compile('let x = 1;', 'b.ts'))) as { filename: string }).filename).toBe('b.ts');
    expect(b.calls).toHaveLength(1);
    const bad = counting('bad', false);
    await compileCached('let = ;', 'c.ts', c, bad.compile('let = ;', 'c.ts'));
    await compileCached('let = ;', 'c.ts', c, bad.compile('let = ;', 'c.ts'));
    expect(bad.calls).toHaveLength(2);
    expect(readdirSync(join(c.dir, 'programs')).sort()).toEqual([basename(entryFile(c, 'a.ts')), basename(entryFile(c, 'b.ts'))].sort());
  });

  it('compiles when the entry is unreadable, and replaces it', async () => {
    const c = cache();
    await compileCached('let x = 1;', 'a.ts', c, counting('a').compile('let x = 1;', 'a.ts'));
    writeFileSync(entryFile(c, 'a.ts'), '{"compilerId": "compiler-a", "prog');
    const again = counting('again');
    expect(((await compileCached('let x = 1;', 'a.ts', c, again.compile('let x = 1;', 'a.ts'))) as { code: string }).code).toBe('/*again*/');
    expect(JSON.parse(readFileSync(entryFile(c, 'a.ts'), 'utf8')).program.code).toBe('/*again*/');
  });

  it('keeps at most maxEntries: past that, the older half goes before a new entry is written', async () => {
    const c = { ...cache(), maxEntries: 3 };
    for (const [i, name] of ['a.ts', 'b.ts', 'c.ts'].entries()) {
      await compileCached('1', name, c, counting(name).compile('1', name));
      utimesSync(entryFile(c, name), 1000 + i, 1000 + i); // a oldest, c newest
    }
    await compileCached('1', 'd.ts', c, counting('d').compile('1', 'd.ts'));
    expect(['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((name) => existsSync(entryFile(c, name)))).toEqual([false, false, true, true]);
  });

  it('without a cache (the CLI run from its sources) always compiles', async () => {
    const { calls, compile } = counting('x');
    await compileCached('1', 'a.ts', undefined, compile('1', 'a.ts'));
    await compileCached('1', 'a.ts', undefined, compile('1', 'a.ts'));
    expect(calls).toHaveLength(2);
  });
});

/** Run the real command with its caches in `cacheDir`; `brokenEsbuild` points esbuild at a binary that is not esbuild. */
function miniloop(file: string, cacheDir: string, brokenEsbuild = false): Promise<{ code: number; stdout: string }> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: '', MINILOOP_CACHE_DIR: cacheDir };
  if (brokenEsbuild) env.ESBUILD_BINARY_PATH = '/bin/false';
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/miniloop.mjs'), 'run', file], { cwd: ROOT, env, timeout: 170_000 }, (error, stdout) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
    });
  });
}

describe('miniloop run with the program cache', { timeout: 180_000 }, () => {
  it('runs a program again without esbuild, and compiles an edited one again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'miniloop-cache-cli-'));
    const cacheDir = join(dir, 'cache');
    const file = join(dir, 'p.ts');
    writeFileSync(file, "const word: string = 'one';\nconsole.log(word);\n");
    expect(await miniloop(file, cacheDir)).toEqual({ code: 0, stdout: 'one\n' });
    expect(readdirSync(join(cacheDir, 'programs'))).toHaveLength(1);
    // esbuild cannot start now: the unchanged program still runs, from its entry.
    expect(await miniloop(file, cacheDir, true)).toEqual({ code: 0, stdout: 'one\n' });
    // An edit (same length) is never served from the old entry: without esbuild it cannot run...
    writeFileSync(file, "const word: string = 'two';\nconsole.log(word);\n");
    expect((await miniloop(file, cacheDir, true)).code).toBe(2);
    // ...and with esbuild it prints the new text.
    expect(await miniloop(file, cacheDir)).toEqual({ code: 0, stdout: 'two\n' });
  });
});
