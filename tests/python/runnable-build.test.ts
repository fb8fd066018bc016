/**
 * src/python/runnable-build.mjs: the build asks runnable.py (once, for all
 * twins) which twins get a Run Python button.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NO_PYTHON, whyNotRunnableAll } from '../../src/python/runnable-build.mjs';

const RUNNABLE = readFileSync(new URL('../../src/python/runnable.py', import.meta.url), 'utf8');

describe('runnable twins at build time', () => {
  it('accepts stdlib asyncio and plain Python, refuses trio and sockets with runnable.py\'s reason', () => {
    const got = whyNotRunnableAll(RUNNABLE, {
      a: 'import asyncio\nasyncio.run(asyncio.sleep(1))\n',
      b: 'print("plain")\n',
      c: 'import trio\n',
      d: 'import asyncio\nasync def main():\n    await asyncio.open_connection("x", 1)\n',
    });
    expect(got.a).toBeNull();
    expect(got.b).toBeNull();
    expect(got.c).toMatch(/imports trio/);
    expect(got.d).toMatch(/open_connection/);
  });

  it('without a Python, no twin is runnable (the build goes on)', () => {
    const got = whyNotRunnableAll(RUNNABLE, { e: 'print("never decided before")\n' }, '/nonexistent/python3');
    expect(got.e).toBe(NO_PYTHON);
  });
});
