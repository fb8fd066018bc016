/**
 * The guide's "asyncio by example" programs (content/examples/asyncio-by-example)
 * run cleanly on the simulated network and print exactly their .out files.
 * The .out files were produced by running each program and then checked by
 * hand against the network model (see the comments in each program and in
 * src/runtime/net/network.ts). Set WRITE_OUT=1 to (re)write them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const DIR = resolve(import.meta.dirname, '../../content/examples/asyncio-by-example');
const examples = readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort();

describe('asyncio-by-example programs', () => {
  it('include the six the guide needs', () => {
    for (const name of ['web-server', 'static-files', 'websocket-chat', 'database-pool', 'search-client', 'blocking-call']) {
      expect(examples).toContain(`${name}.ts`);
    }
  });

  it.each(examples)('%s runs without problems and prints its .out', async (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const lines = source.split('\n').length;
    expect(lines, 'an example is 20-60 lines').toBeLessThanOrEqual(61);
    const result = await runSource(source);
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('ok');
    const actual = result.lines.map((l) => l.text).join('\n');
    const outFile = join(DIR, file.replace(/\.ts$/, '.out'));
    if (process.env.WRITE_OUT) writeFileSync(outFile, `${actual}\n`);
    expect(existsSync(outFile), `${file} has a .out`).toBe(true);
    expect(actual).toBe(readFileSync(outFile, 'utf8').replace(/\n$/, ''));
  });
});
