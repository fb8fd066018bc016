// Every example file prints exactly its .out (content/examples/<page>/<name>.ts
// beside <name>.out): the static expected output a playground shows before any
// run is what the runtime prints. `npm run examples:update [NAME]` writes the
// .out files (showing what changed); no output is typed by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { outputOf } from '../runtime/run-source.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'content/examples');
const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split('\\').join('/'))
  .sort();

describe('content/examples', () => {
  test('there are examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  test.each(files)('%s prints its .out', async (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const outFile = join(DIR, file.replace(/\.ts$/, '.out'));
    const actual = (await outputOf(source)).join('\n');
    const name = file.replace(/\.ts$/, '');
    if (!existsSync(outFile)) throw new Error(`${file} has no .out file: run npm run examples:update ${name}`);
    expect(actual, `${file} prints something else than its .out: if the change is right, run npm run examples:update ${name}`).toBe(readFileSync(outFile, 'utf8').replace(/\n$/, ''));
  });
});
