import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validTraceInput } from '../../src/timeline/validate.ts';
import { runSource } from '../runtime/run-source.ts';

const source = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('validTraceInput', () => {
  it('accepts real runs (with loop events, threads, stalls, deadlock, errors) after a structured clone', async () => {
    for (const [file, loopEvents] of [['./fixtures/kitchen.ts', true], ['../../examples/tasks.ts', false], ['../../examples/deadlock.ts', true]] as const) {
      const run = await runSource(source(file), { loopEvents });
      const wire = structuredClone({ trace: run.trace, tasks: run.tasks, endTime: run.endTime });
      const input = validTraceInput(wire);
      expect(input, file).toBeDefined();
      expect(input!.trace).toHaveLength(run.trace.length);
    }
  });
  const ok = { trace: [{ t: 0, seq: 0, task: 1, kind: 'spawn', detail: { name: 'main', parent: 0 } }, { t: 0, seq: 1, task: 1, kind: 'log', detail: { level: 'log', text: 'hi' } }] };
  it('accepts a minimal well-formed trace', () => {
    expect(validTraceInput(ok)).toEqual(ok);
  });
  it.each([
    ['not an object', 'trace'],
    ['unknown kind', { trace: [{ t: 0, seq: 0, task: 1, kind: 'pwn', detail: {} }] }],
    ['seq going back', { trace: [ok.trace[1], ok.trace[0]] }],
    ['time going back', { trace: [{ ...ok.trace[0], t: 5 }, { ...ok.trace[1], t: 1 }] }],
    ['NaN time', { trace: [{ ...ok.trace[0], t: Number.NaN }] }],
    ['bad wait label', { trace: [{ t: 0, seq: 0, task: 1, kind: 'wait', detail: { on: { kind: 'evil', what: 'x' } } }] }],
    ['huge text', { trace: [{ t: 0, seq: 0, task: 1, kind: 'log', detail: { level: 'log', text: 'x'.repeat(100_001) } }] }],
    ['bad level', { trace: [{ t: 0, seq: 0, task: 1, kind: 'log', detail: { level: 'alert', text: 'x' } }] }],
    ['bad tasks', { ...ok, tasks: [{ id: -1, name: 'x', parent: 0 }] }],
    ['negative endTime', { ...ok, endTime: -1 }],
  ])('rejects %s', (_name, value) => {
    expect(validTraceInput(value)).toBeUndefined();
  });
});
