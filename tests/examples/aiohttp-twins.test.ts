/**
 * The aiohttp twins of asyncio-by-example, run against Debian's aiohttp
 * (/usr/bin/python3 with python3-aiohttp; skipped with a printed reason when
 * it is missing). They check what the page says about them (issue 19.1, 19.2):
 * - static-files.py refuses every way out of the root, symbolic links
 *   included, and a folder's index.html that is a link leading out;
 * - websocket-chat.py gives a healthy client every message of a burst while a
 *   slow client's backlog fills, where the article's loop stalls it.
 * The Python halves are static_files_check.py and chat_check.py beside this file.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3';
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const example = (name: string) => fileURLToPath(new URL(`../../content/examples/asyncio-by-example/${name}`, import.meta.url));

function hasAiohttp(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import aiohttp'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasAiohttp();
if (!available) console.log(`skipped: ${PYTHON} with aiohttp is not installed (Debian: apt-get install python3-aiohttp)`);

function runJson(script: string, ...args: string[]): Record<string, unknown> {
  const out = execFileSync(PYTHON, [here(script), ...args], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe.skipIf(!available)('aiohttp twins (Debian aiohttp)', () => {
  it('static-files.py serves the root and refuses traversal and links that lead out', () => {
    const got = runJson('static_files_check.py', example('static-files.py'));
    expect(got).toEqual({
      '/': [200, '<h1>Welcome</h1>'],
      '/docs/guide.txt': [200, 'guide'],
      '/latest/guide.txt': [200, 'guide'], // a link that stays inside
      '/leak/': [403, ''], // a folder whose index.html links to a secret
      '/leak': [403, ''],
      '/leak/index.html': [403, ''],
      '/secret.txt': [403, ''],
      '/app/secret.env': [403, ''],
      '/../app/secret.env': [403, ''],
      '/%2e%2e/app/secret.env': [403, ''],
      '/docs/..%2f..%2fapp/secret.env': [403, ''],
      '/missing.html': [404, ''],
    });
  }, 60_000);

  it('websocket-chat.py: a healthy client gets the whole burst; only the slow one misses messages', () => {
    const got = runJson('chat_check.py', example('websocket-chat.py'), '300');
    expect(got.bob).toBe(300);
    expect(got.slow).toBeLessThan(300);
  }, 120_000);

  it("the article's loop (await each client in turn) stalls the healthy client behind the slow one", () => {
    const got = runJson('chat_check.py', 'article', '300');
    expect(got.bob).toBeLessThan(300);
    expect(got.slow).toBe(300); // nothing is lost: everything waited for the slow client
  }, 120_000);
});
