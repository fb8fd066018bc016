/**
 * bin/load-cli.mjs: the CLI is bundled once and reused until one of its
 * sources changes. Run in a scratch tree (bin/, src/cli/, and a node_modules
 * holding only esbuild) so the project's own cache is not touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
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
  });
});
