// The browser inspector's content at a playhead (src/inspector/snapshot.ts), from real runs with loop events.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { causeSeq, lineStep, snapshotAt, turnStep } from '../../src/inspector/snapshot.ts';
import { runProgram, type ProgramResult } from '../../src/runtime/program.ts';

async function run(source: string): Promise<ProgramResult> {
  const compiled = await compileInNode(source, 'main.ts');
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  return runProgram(compiled, { lang: 'en', loopEvents: true });
}

describe('snapshotAt', () => {
  it('the deadlock example at its end: both diners wait, the cycle is alice -> bob', async () => {
    const r = await run(readFileSync(resolve(import.meta.dirname, '../../examples/deadlock.ts'), 'utf8'));
    const snap = snapshotAt(r.trace, r.trace.length - 1);
    const name = (id: number) => r.tasks.find((t) => t.id === id)!.name;
    expect(snap.cycles.map((c) => c.map(name))).toEqual([['alice', 'bob']]);
    expect(snap.lines).toBe(2);
  });

  it('at a console line, the printing task runs and its cause points at an earlier event that made it ready', async () => {
    const r = await run(`import { createTask, sleep } from 'miniloop';
const t = createTask(async () => { await sleep(3); console.log('child'); }, { name: 'child' });
await t; console.log('main');`);
    const at = lineStep(r.trace, -1, 1)!;
    const snap = snapshotAt(r.trace, at);
    const child = r.tasks.find((t) => t.name === 'child')!.id;
    expect(snap.tasks.find((t) => t.id === child)!.state).toBe('running');
    const cause = snap.causes.get(child)!;
    expect(cause.kind).toBe('woken-by-timer');
    const target = r.trace[causeSeq(cause)]!;
    expect(target.kind).toBe('timer');
    expect(causeSeq(cause)).toBeLessThan(at);
    // Stepping lines: next from the first line is the second, previous from it is none.
    const second = lineStep(r.trace, at, 1)!;
    expect(r.trace[second]!.kind).toBe('log');
    expect(lineStep(r.trace, at, -1)).toBeNull();
    // Before the timer fired, it is pending in the queues.
    expect(snapshotAt(r.trace, causeSeq(cause)).queues.timers.map((tm) => tm.due)).toEqual([3]);
  });

  it('turnStep walks the loop turns: each lands on a macrotask, in order, and back again', async () => {
    const r = await run(`import { sleep } from 'miniloop';
setTimeout(() => console.log('a'), 1);
setTimeout(() => Promise.resolve().then(() => console.log('b')), 2);
await sleep(3); console.log('c');`);
    const starts = r.trace.filter((e) => e.kind === 'macrotask').map((e) => e.seq);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    const forward: number[] = [];
    for (let at: number | null = turnStep(r.trace, -1, 1); at !== null; at = turnStep(r.trace, at, 1)) forward.push(at);
    expect(forward).toEqual(starts);
    const back: number[] = [];
    for (let at: number | null = turnStep(r.trace, r.trace.length, -1); at !== null; at = turnStep(r.trace, at, -1)) back.push(at);
    expect(back).toEqual([...starts].reverse());
    // From inside a turn (its microtask checkpoint), "previous" is that turn's start.
    const checkpoint = r.trace.findIndex((e, i) => e.kind === 'microtasks' && i > starts[1]! && i < (starts[2] ?? Infinity));
    expect(checkpoint).toBeGreaterThan(0);
    expect(turnStep(r.trace, checkpoint, -1)).toBe(starts[1]);
    // The line 'b' printed in the turn of the second timer, after its macrotask.
    const b = r.trace.findIndex((e) => e.kind === 'log' && e.detail.text === 'b');
    expect(b).toBeGreaterThan(0);
    expect(turnStep(r.trace, b, -1)).toBe(starts.filter((s) => s < b).at(-1));
  });

  it('a run without loop events has no turns', async () => {
    const compiled = await compileInNode('setTimeout(() => console.log(1), 1);', 'main.ts');
    if (!compiled.ok) throw new Error('compile');
    const r = await runProgram(compiled, { lang: 'en' });
    expect(turnStep(r.trace, -1, 1)).toBeNull();
  });
});
