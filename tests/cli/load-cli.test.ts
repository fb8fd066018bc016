/**
 * bin/load-cli.mjs: the CLI is bundled once and reused until a byte of one of
 * its inputs changes. Run in a scratch tree (bin/, src/cli/, and a node_modules
 * holding only esbuild) so the project's own cache is not touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function scratchTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'miniloop-load-cli-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'src/cli'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/@esbuild'), { recursive: true });
  cpSync(join(ROOT, 'bin/load-cli.mjs'), join(dir, 'bin/load-cli.mjs'));
  symlinkSync(join(ROOT, 'node_modules/esbuild'), join(dir, 'node_modules/esbuild'));
  for (const platform of ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64']) {
    const from = join(ROOT, 'node_modules/@esbuild', platform);
    if (existsSync(from)) symlinkSync(from, join(dir, 'node_modules/@esbuild', platform));
  }
  writeFileSync(join(dir, 'src/cli/main.ts'), "import { word } from './word.ts';\nexport const main = (): string => word;\n");
  return dir;
}

/** What the loaded CLI's main() returns, in a fresh Node. */
function load(dir: string, env: Record<string, string> = {}): string {
  const script = `const { loadCli } = await import(${JSON.stringify(join(dir, 'bin/load-cli.mjs'))}); console.log((await loadCli()).main());`;
  const base = { ...process.env };
  delete base.MINILOOP_CACHE_DIR;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...base, ...env }, encoding: 'utf8' }).trim();
}

describe('the bundled CLI', { timeout: 60_000 }, () => {
  it('is built on first use, reused while its sources are unchanged, rebuilt when one changes', () => {
    const dir = scratchTree();
    const bundle = join(dir, 'node_modules/.cache/miniloop/cli.cjs');
    writeFileSync(join(dir, 'src/cli/word.ts'), "export const word: string = 'one';\n");
    expect(load(dir)).toBe('one');
    expect(existsSync(bundle)).toBe(true);
    const built = statSync(bundle).mtimeMs;
    expect(load(dir)).toBe('one');
    expect(statSync(bundle).mtimeMs).toBe(built);
    // An imported file changes (size and time): the next start sees it.
    writeFileSync(join(dir, 'src/cli/word.ts'), "export const word: string = 'two!';\n");
    expect(load(dir)).toBe('two!');
    // MINILOOP_NO_BUNDLE runs the sources themselves.
    writeFileSync(join(dir, 'src/cli/word.ts'), "export const word: string = 'three';\n");
    expect(load(dir, { MINILOOP_NO_BUNDLE: '1' })).toBe('three');
    expect(load(dir)).toBe('three');
  });

  it('is never stale: an edit of the same size with the old modification time is seen', () => {
    const dir = scratchTree();
    const word = join(dir, 'src/cli/word.ts');
    writeFileSync(word, "export const word: string = 'one';\n");
    utimesSync(word, 1_000_000, 1_000_000);
    expect(load(dir)).toBe('one');
    writeFileSync(word, "export const word: string = 'two';\n");
    utimesSync(word, 1_000_000, 1_000_000);
    expect(statSync(word).mtimeMs).toBe(1_000_000_000);
    expect(load(dir)).toBe('two');
  });

  it('is rebuilt when the loader itself changes (its build options are part of the bundle)', () => {
    const dir = scratchTree();
    writeFileSync(join(dir, 'src/cli/word.ts'), "export const word: string = 'one';\n");
    expect(load(dir)).toBe('one');
    const bundle = join(dir, 'node_modules/.cache/miniloop/cli.cjs');
    const before = readFileSync(bundle, 'utf8');
    appendFileSync(join(dir, 'bin/load-cli.mjs'), "\n// a comment changes the loader's bytes\n");
    writeFileSync(bundle, before.replace("'one'", "'stale'"));
    expect(load(dir)).toBe('one');
  });

  it('is rebuilt when the tree moves (the bundle holds its absolute path)', () => {
    const dir = scratchTree();
    writeFileSync(join(dir, 'src/cli/main.ts'), 'export const main = (): string => import.meta.url;\n');
    expect(load(dir)).toBe(`file://${dir}/src/cli/main.ts`);
    const moved = `${dir}-moved`;
    renameSync(dir, moved);
    expect(load(moved)).toBe(`file://${moved}/src/cli/main.ts`);
  });

  it('when it cannot be built, the sources run, and stderr says so', () => {
    const dir = scratchTree();
    // Top-level await: fine for Node's type stripping, impossible in a CommonJS bundle.
    writeFileSync(join(dir, 'src/cli/main.ts'), "export const main = (): string => 'from the sources';\nawait Promise.resolve();\n");
    const script = `const { loadCli } = await import(${JSON.stringify(join(dir, 'bin/load-cli.mjs'))}); console.log((await loadCli()).main());`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('from the sources');
    expect(run.stderr).toMatch(/^miniloop: running the TypeScript sources \(slower\): the bundled CLI could not be built or loaded: [\s\S]*Top-level await/);
  });

  it('is written to MINILOOP_CACHE_DIR when set', () => {
    const dir = scratchTree();
    const elsewhere = mkdtempSync(join(tmpdir(), 'miniloop-cache-dir-'));
    writeFileSync(join(dir, 'src/cli/word.ts'), "export const word: string = 'one';\n");
    expect(load(dir, { MINILOOP_CACHE_DIR: elsewhere })).toBe('one');
    expect(existsSync(join(elsewhere, 'cli.cjs'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/.cache/miniloop'))).toBe(false);
  });
});
