/**
 * Which Python a twin is written for, read from its imports: a twin that
 * imports trio is a trio program, one that imports asyncio (and not trio) an
 * asyncio program, anything else plain Python. The PythonTwin label says it
 * (components/PythonTwin.astro) and tests/content/python-twins.test.ts runs
 * each twin with the interpreter that fits.
 */
export type PythonFlavor = 'asyncio' | 'trio' | 'python';

/** The flavor of a Python source, from its import lines. */
export function pythonFlavor(code: string): PythonFlavor {
  if (/^\s*(?:import trio\b|from trio\b)/m.test(code)) return 'trio';
  if (/^\s*(?:import asyncio\b|from asyncio\b)/m.test(code)) return 'asyncio';
  return 'python';
}

/** Third-party packages a twin imports (top-level names), e.g. ['aiohttp']. */
export function thirdPartyImports(code: string): string[] {
  const STDLIB = new Set(['asyncio', 'time', 'json', 'html', 'argparse', 'pathlib', 'heapq', 'itertools', 'collections', 'concurrent', 'functools', 'contextlib', 'random', 'os', 'sys', 'typing', 'dataclasses', 're', 'math', 'threading', 'socket', 'signal', 'enum', 'types', 'inspect', 'traceback', 'io', 'tempfile', 'shutil', 'string', 'textwrap', 'urllib', 'unittest', 'mimetypes', 'logging', 'weakref', 'abc', 'queue', 'subprocess', 'statistics', 'secrets', 'uuid', 'datetime', 'operator', 'copy', 'struct', 'errno', 'hashlib', 'base64']);
  const names = [...code.matchAll(/^\s*(?:import|from)\s+([A-Za-z_][\w]*)/gm)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !STDLIB.has(n)))].sort();
}
