/**
 * A run's result (src/runtime/program.ts): `lines` and `tasks` are made from
 * the trace when first read, so they must say exactly what the run printed
 * and spawned, whenever they are read - also after the next run started, and
 * through JSON or a structured clone (how the CLI and a worker pass it on).
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const PROGRAM = `
  import { createTask, sleep } from 'miniloop';
  const a = createTask(async () => { await sleep(20); console.log('a woke'); }, { name: 'alpha' });
  createTask(async () => { await sleep(10); console.warn('b woke'); });
  console.log('main');
  await a;
  console.error('done');
`;

describe('program result', () => {
  it('lists the lines and tasks of the run, read later, twice and through JSON and structuredClone', async () => {
    const result = await runSource(PROGRAM);
    // Another run in between: the first result still reads its own trace.
    const other = await runSource(`console.log('other');`);
    expect(other.lines.map((l) => l.text)).toEqual(['other']);
    const expectedLines = [
      { t: 0, task: 'main', taskId: 1, level: 'log', text: 'main' },
      { t: 10, task: 'Task-3', taskId: 3, level: 'warn', text: 'b woke' },
      { t: 20, task: 'alpha', taskId: 2, level: 'log', text: 'a woke' },
      { t: 20, task: 'main', taskId: 1, level: 'error', text: 'done' },
    ];
    const expectedTasks = [
      { id: 1, name: 'main', parent: 0 },
      { id: 2, name: 'alpha', parent: 1 },
      { id: 3, name: 'Task-3', parent: 1 },
    ];
    expect(result.lines).toEqual(expectedLines);
    expect(result.lines).toBe(result.lines);
    expect(result.tasks).toEqual(expectedTasks);
    expect(Array.isArray(result.lines) && Array.isArray(result.tasks)).toBe(true);
    const viaJson = JSON.parse(JSON.stringify(result));
    expect(viaJson.lines).toEqual(expectedLines);
    expect(viaJson.tasks).toEqual(expectedTasks);
    const cloned = structuredClone({ lines: result.lines, tasks: result.tasks, problems: result.problems });
    expect(cloned).toEqual({ lines: expectedLines, tasks: expectedTasks, problems: [] });
  });

  it('names the task of an uncaught error from the trace', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const t = createTask(async () => { await sleep(5); throw new Error('boom'); }, { name: 'worker' });
      await sleep(1);
      console.log('waiting');
      await t;
    `);
    expect(result.status).toBe('failed');
    expect(result.lines.map((l) => `${l.t} ${l.task} ${l.text}`)).toEqual(['1 main waiting']);
    expect(result.problems.map((p) => [p.kind, p.task, p.summary])).toEqual([['error', 'main', 'Error: boom']]);
  });
});
