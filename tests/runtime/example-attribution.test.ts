// The guide's examples attribute work to the task the page talks about
// (issue 10.5): in introduction/hello each worker's lines come from its own
// task (a, b), not from main, because the example passes a function to
// createTask rather than an already-started promise.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runSource } from './run-source.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../content/examples');

describe.each(['hello.ts', 'hello.zh.ts'])('introduction/%s', (file) => {
  test('each worker prints from its own task, main prints the last line', async () => {
    const result = await runSource(readFileSync(resolve(EXAMPLES, 'introduction', file), 'utf8'));
    const who = result.lines.map((l) => [l.t, l.task, l.text.split(' ')[0]]);
    expect(who).toEqual([
      [0, 'a', 'a'],
      [0, 'b', 'b'],
      [100, 'b', 'b'],
      [300, 'a', 'a'],
      [300, 'main', who[4][2]],
    ]);
  });
});
