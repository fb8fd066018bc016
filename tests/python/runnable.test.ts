/**
 * Which programs stay listings (src/python/runnable.py), decided from their
 * own imports and calls, with the reason a reader is shown.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findDesktopPython, ROOT } from '../../src/python/twins.mjs';

const desktop = findDesktopPython([3, 11]);
function why(source: string): string | null {
  const code = `import sys, json; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'src', 'python'))}); from runnable import why_not_runnable; print(json.dumps(why_not_runnable(sys.stdin.read())))`;
  return JSON.parse(execFileSync(desktop!.path, ['-c', code], { input: source, encoding: 'utf8', timeout: 60_000 }));
}

describe.skipIf(!desktop)('runnable.py', () => {
  it('runs standard-library asyncio and plain Python', () => {
    expect(why('import asyncio, time, heapq\nfrom collections import deque\nasyncio.run(main())\n')).toBeNull();
    expect(why('from concurrent.futures import ThreadPoolExecutor\nimport asyncio\nasyncio.to_thread(f)\n')).toBeNull();
  });

  it('keeps trio, third-party packages, sockets, processes and real threads as listings, saying why', () => {
    expect(why('import trio\n')).toMatch(/^imports trio \(trio refuses the browser platform/);
    expect(why('import redis.asyncio as redis\nfrom aiohttp import web\n')).toBe('imports redis (not in the standard library); imports aiohttp (not in the standard library)');
    expect(why('import asyncio\nasync def main():\n    await asyncio.open_connection("h", 1)\n')).toBe('opens a real network connection (asyncio.open_connection)');
    expect(why('import asyncio\nasyncio.create_subprocess_exec("ls")\n')).toBe('starts processes (asyncio.create_subprocess_exec)');
    expect(why('from concurrent.futures import ProcessPoolExecutor\n')).toBe('starts processes (ProcessPoolExecutor)');
    expect(why('import threading\n')).toMatch(/^starts real threads/);
    expect(why('def f(:\n')).toMatch(/^does not parse/);
  });

  it('reads imports anywhere in the program, not only at the top', () => {
    expect(why('def f():\n    import socket\n')).toBe('opens real sockets (socket)');
  });
});
