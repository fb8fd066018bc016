/** Console output reads as Node prints it (expected lines were printed by Node 22 for the same program). */
import { describe, expect, it } from 'vitest';
import { formatWithOptions } from 'node-inspect-extracted';
import { formatArgs } from '../../src/runtime/console.ts';
import { outputOf, runSource } from './run-source.ts';

describe('console', () => {
  it('formats values like util.inspect, including this run\'s promises', async () => {
    expect(await outputOf(`
      const a = Promise.resolve(1); const b = new Promise(() => {});
      console.log(a, b); console.log({ p: a, q: [b] }); console.log(Promise.resolve({ x: [1, 2] }));
      console.log('%s has %d items', 'list', 3, new Map([['k', { deep: { deeper: { deepest: 1 } } }]]), new Set([1]));
      class Point { constructor(public x: number, public y: number) {} }
      console.log(new Point(1, 2), [undefined, null], 'str', -0);
    `)).toEqual([
      'Promise { 1 } Promise { <pending> }',
      '{ p: Promise { 1 }, q: [ Promise { <pending> } ] }',
      'Promise { { x: [ 1, 2 ] } }',
      "list has 3 items Map(1) { 'k' => { deep: { deeper: [Object] } } } Set(1) { 1 }",
      "Point { x: 1, y: 2 } [ undefined, null ] str -0",
    ]);
  });

  it('prints errors with stacks in the reader\'s file and lines, as node --enable-source-maps does', async () => {
    const lines = await outputOf(
      [
        'async function fail(): Promise<never> {',
        '  await null;',
        "  throw new Error('boom');",
        '}',
        'try {',
        '  await fail();',
        '} catch (e) {',
        '  console.log(e);',
        "  console.log({ err: e });",
        "  console.log((e as Error).stack === (e as Error).stack, (e as Error).stack!.split('\\n').length);",
        '}',
      ].join('\n'),
    );
    expect(lines).toEqual([
      'Error: boom\n    at fail (main.ts:3:9)',
      '{\n  err: Error: boom\n      at fail (main.ts:3:9)\n}',
      'true 2',
    ]);
  });

  it('console.trace prints "Trace: message" (or "Trace") and the reader\'s stack, at error level, as Node does', async () => {
    const result = await runSource(['function f() {', "  console.trace('hello %d', 1);", '  console.trace();', '}', 'f();'].join('\n'));
    expect(result.lines.map((l) => [l.level, l.text])).toEqual([
      ['error', 'Trace: hello 1\n    at f (main.ts:2:11)\n    at main.ts:5:1'],
      ['error', 'Trace\n    at f (main.ts:3:11)\n    at main.ts:5:1'],
    ]);
  });

  it('puts the host\'s Error.prepareStackTrace back after a run', async () => {
    const E = Error as unknown as { prepareStackTrace?: unknown };
    const before = E.prepareStackTrace;
    await outputOf(`console.log(new Error('x').stack!.split('\\n')[0]);`);
    expect(E.prepareStackTrace).toBe(before);
  });

  it('keeps levels, and attributes each line to its task and virtual time', async () => {
    const result = await runSource(`
      import { sleep, createTask } from 'miniloop';
      console.warn('w'); console.error('e'); console.info('i'); console.debug('d');
      createTask(async () => { await sleep(5); console.log('late'); }, { name: 'worker' });
    `);
    expect(result.lines.map((l) => [l.t, l.task, l.level, l.text])).toEqual([
      [0, 'main', 'warn', 'w'], [0, 'main', 'error', 'e'], [0, 'main', 'info', 'i'], [0, 'main', 'debug', 'd'], [5, 'worker', 'log', 'late'],
    ]);
  });

  it('joins strings and plain primitives itself, to the very text util.inspect makes (plain primitives)', () => {
    // formatArgs formats these without util.inspect (a log line per task is the common case);
    // every mix must read exactly as formatWithOptions prints it, directives included.
    const values: unknown[] = ['woke', 'a%', '%d', '%s%%', '', 0, -0, 1.5, -7, 1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53, true, false,
      undefined, null, 0n, -12345678901234567890n, { x: 1 }, [1], Symbol('s')];
    const cases: unknown[][] = [[]];
    for (const a of values) {
      cases.push([a]);
      for (const b of values) cases.push([a, b], [a, b, 3, 'x']);
    }
    for (const args of cases) expect(formatArgs(args)).toBe(formatWithOptions({ colors: false }, ...args));
  });
});

