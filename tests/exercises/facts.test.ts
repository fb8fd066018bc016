/** facts.ts: what a run did, from the trace - and a record a program tampered with is flagged, not trusted. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/exercises/facts.ts';
import { evaluateCheck } from '../../src/exercises/grade.ts';
import type { TraceEvent } from '../../src/runtime/trace.ts';
import { factsOf } from './helpers.ts';

describe('analyse', () => {
  it('collects lines, tasks, blocks and which tasks main left running', async () => {
    const facts = await factsOf("import { blockFor, createTask, sleep } from 'miniloop';\ncreateTask(() => sleep(50), { name: 'bg' });\nblockFor(7);\nconsole.log('hi');\nawait sleep(1);");
    expect(facts.lines).toEqual([{ t: 7, text: 'hi', task: 'main' }]);
    expect(facts.blocks).toEqual([{ t: 0, ms: 7, task: 'main' }]);
    expect(facts.mainEnd).toBe(8);
    expect(facts.tasks.find((t) => t.name === 'bg')).toMatchObject({ leftOver: true, start: 0 });
    expect(facts.tampered).toBeUndefined();
  });

  it('flags a record whose time goes back or whose task ends twice', () => {
    const ev = (t: number, seq: number, task: number, kind: TraceEvent['kind'], detail: unknown) => ({ t, seq, task, kind, detail }) as TraceEvent;
    const back = analyse([ev(0, 0, 1, 'spawn', { name: 'main', parent: 0 }), ev(10, 1, 1, 'log', { level: 'log', text: 'a' }), ev(0, 2, 1, 'log', { level: 'log', text: 'b' })]);
    expect(back.tampered).toMatch(/time went back/);
    expect(evaluateCheck({ check: 'no-error' }, back, 'en')).toMatchObject({ pass: false });
    const twice = analyse([ev(0, 0, 1, 'spawn', { name: 'main', parent: 0 }), ev(1, 1, 1, 'done', { outcome: 'ok' }), ev(2, 2, 1, 'done', { outcome: 'ok' })]);
    expect(twice.tampered).toMatch(/ended twice/);
  });

  it('a program that writes a fake early "done" into the runtime record is caught', async () => {
    const facts = await factsOf(
      "import { createTask, currentTask, sleep } from 'miniloop';\nconst bg = createTask(() => sleep(50), { name: 'bg' });\nawait sleep(1);\n(currentTask() as any).loop.trace.add(0, bg.id, 'done', { outcome: 'ok' });",
    );
    expect(evaluateCheck({ check: 'no-task-left' }, facts, 'en').pass).toBe(false);
  });
});
