// State at a moment, the await graph and --why, rebuilt from the trace of real runs
// (src/inspect), checked against what each program's console says happened.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { awaitCycles, awaitEdges } from '../../src/inspect/graph.ts';
import { eventsUntil, parseMoment, tasksAfter, type TaskState } from '../../src/inspect/state.ts';
import { logSeq, whyChain } from '../../src/inspect/why.ts';
import { formatStateAt, formatWhy } from '../../src/inspect/format.ts';
import { runProgram, type ProgramResult } from '../../src/runtime/program.ts';

const root = resolve(import.meta.dirname, '../..');

async function run(source: string, file = 'main.ts'): Promise<ProgramResult> {
  const compiled = await compileInNode(source, file);
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  return runProgram(compiled, { lang: 'en' });
}
const runFile = async (path: string) => run(readFileSync(resolve(root, path), 'utf8'), path);

function statesAt(result: ProgramResult, at: string): Record<string, string> {
  const tasks = tasksAfter(result.trace, eventsUntil(result.trace, parseMoment(at)!));
  return Object.fromEntries(tasks.map((t: TaskState) => [t.name, t.on ? `${t.state} on ${t.on.what}` : t.state]));
}
const nameOf = (result: ProgramResult, id: number) => result.tasks.find((t) => t.id === id)?.name ?? `#${id}`;

describe('parseMoment', () => {
  it('reads ms, end and step:N, and rejects anything else', () => {
    expect(parseMoment('15')).toEqual({ kind: 'time', t: 15 });
    expect(parseMoment('2.5ms')).toEqual({ kind: 'time', t: 2.5 });
    expect(parseMoment('end')).toEqual({ kind: 'end' });
    expect(parseMoment('step:7')).toEqual({ kind: 'step', seq: 7 });
    for (const bad of ['', 'soon', '-1', 'step:x']) expect(parseMoment(bad)).toBeNull();
  });
});

describe('the deadlock example', () => {
  it('at the end: every task waits, on what its console line says, and the cycle is named', async () => {
    const result = await runFile('examples/deadlock.ts');
    expect(result.lines.map((l) => l.text)).toEqual(['alice: waiting for the fork', 'bob: waiting for the knife']);
    expect(statesAt(result, 'end')).toEqual({
      main: 'waiting on task alice',
      alice: 'waiting on the fork (set by bob)',
      bob: 'waiting on the knife (set by alice)',
    });
    const edges = awaitEdges(tasksAfter(result.trace, result.trace.length));
    const cycles = awaitCycles(edges).map((c) => c.map((id) => nameOf(result, id)));
    expect(cycles).toEqual([['alice', 'bob']]);
    const text = formatStateAt(result.trace, { kind: 'end' }, 'en');
    expect(text).toContain('Cycle (deadlock): alice -> the fork (set by bob) -> bob -> the knife (set by alice) -> alice');
    expect(formatStateAt(result.trace, { kind: 'end' }, 'zh')).toContain('环(死锁): alice -> the fork (set by bob) -> bob');
  });

  it('at step 0 only main exists, ready; no cycle yet', async () => {
    const result = await runFile('examples/deadlock.ts');
    expect(statesAt(result, 'step:0')).toEqual({ main: 'ready' });
    expect(formatStateAt(result.trace, { kind: 'step', seq: 0 }, 'en')).toContain('No cycle.');
  });
});

describe('two tasks awaiting each other', () => {
  it('the cycle goes through the task labels, with no names in prose', async () => {
    const result = await run(`import { createTask, sleep, Task } from 'miniloop';
let b: Task<void>;
const a = createTask(async () => { await sleep(1); console.log('a awaits b'); await b; }, { name: 'a' });
b = createTask(async () => { console.log('b awaits a'); await a; }, { name: 'b' });
await a;`);
    expect(result.lines.map((l) => l.text)).toEqual(['b awaits a', 'a awaits b']);
    expect(statesAt(result, 'end')).toEqual({ main: 'waiting on task a', a: 'waiting on task b', b: 'waiting on task a' });
    expect(statesAt(result, '0')).toMatchObject({ a: 'waiting on sleep 1ms', b: 'waiting on task a' });
    expect(formatStateAt(result.trace, { kind: 'end' }, 'en')).toContain('Cycle (deadlock): a -> task b -> b -> task a -> a');
    expect(formatStateAt(result.trace, { kind: 'time', t: 0 }, 'en')).toContain('No cycle.');
  });
});

const GATHER = `import { gather, sleep, createTask } from 'miniloop';
async function work(ms: number) { await sleep(ms); console.log('finished after ' + ms); return ms; }
const tasks = [10, 20, 30].map((ms) => createTask(() => work(ms), { name: 'w' + ms }));
console.log(await gather(...tasks));`;

describe('a gather', () => {
  it('at 15 ms: the first worker is done (its line is printed), the others sleep, main awaits the gather', async () => {
    const result = await run(GATHER);
    expect(result.lines.filter((l) => l.t <= 15).map((l) => l.text)).toEqual(['finished after 10']);
    const states = statesAt(result, '15');
    expect(states.w10).toBe('done');
    expect(states.w20).toMatch(/^waiting on sleep/);
    expect(states.w30).toMatch(/^waiting on sleep/);
    expect(states.main).toMatch(/^waiting on gather \(3\)/);
    expect(statesAt(result, 'end')).toEqual({ main: 'done', w10: 'done', w20: 'done', w30: 'done' });
  });

  it('--why on the last line walks back: main woken by the last worker, woken by its timer', async () => {
    const result = await run(GATHER);
    const n = result.lines.length;
    expect(result.lines[n - 1]!.text).toContain('10, 20, 30');
    const chain = whyChain(result.trace, logSeq(result.trace, n));
    expect(chain[0]).toMatchObject({ kind: 'printed', task: 1 });
    const woken = chain.find((c) => c.kind === 'woken-by-task' && c.task === 1);
    expect(woken && woken.kind === 'woken-by-task' && nameOf(result, woken.by)).toBe('w30');
    expect(chain.some((c) => c.kind === 'woken-by-loop' && nameOf(result, c.task) === 'w30' && c.on?.kind === 'sleep')).toBe(true);
  });
});

const HANDOFF = `import { createTask, Lock, sleep } from 'miniloop';
const lock = new Lock();
const a = createTask(async () => { await lock.acquire(); console.log('a has the lock'); await sleep(10); console.log('a releases'); lock.release(); }, { name: 'a' });
const b = createTask(async () => { await sleep(1); console.log('b wants the lock'); await lock.acquire(); console.log('b has the lock'); lock.release(); }, { name: 'b' });
await a; await b;`;

describe('a lock handoff', () => {
  it('at 5 ms b waits on the lock while a sleeps holding it; at the end both are done', async () => {
    const result = await run(HANDOFF);
    expect(result.lines.filter((l) => l.t <= 5).map((l) => l.text)).toEqual(['a has the lock', 'b wants the lock']);
    const states = statesAt(result, '5');
    expect(states.a).toMatch(/^waiting on sleep/);
    expect(states.b).toMatch(/^waiting on lock/);
    expect(statesAt(result, 'end')).toMatchObject({ a: 'done', b: 'done' });
  });

  it('--why "b has the lock": b was made ready by a (the release), and a by its timer', async () => {
    const result = await run(HANDOFF);
    const n = result.lines.findIndex((l) => l.text === 'b has the lock') + 1;
    const chain = whyChain(result.trace, logSeq(result.trace, n));
    expect(chain[1]).toMatchObject({ kind: 'woken-by-task', on: { kind: 'lock' } });
    expect(chain[1]!.kind === 'woken-by-task' && nameOf(result, chain[1]!.by)).toBe('a');
    expect(chain[2]).toMatchObject({ kind: 'woken-by-loop', on: { kind: 'sleep' } });
    expect(nameOf(result, chain[2]!.task)).toBe('a');
  });
});

describe('--why on the websocket chat example', () => {
  it('walks back from a line to the task that printed it and the network message that made it run', async () => {
    const result = await runFile('content/examples/asyncio-by-example/websocket-chat.ts');
    const n = result.lines.findIndex((l) => /slow got/.test(l.text)) + 1;
    expect(n).toBeGreaterThan(0);
    const chain = whyChain(result.trace, logSeq(result.trace, n));
    expect(chain[0]).toMatchObject({ kind: 'printed', text: result.lines[n - 1]!.text });
    expect(nameOf(result, chain[0]!.task)).toBe(result.lines[n - 1]!.task);
    expect(chain.some((c) => c.kind === 'woken-by-loop' && c.on?.kind === 'network')).toBe(true);
    const text = formatWhy(result.trace, n, 'en').text;
    expect(text).toMatch(/because a message arrived on the simulated network \(it waited on ws recv/);
    expect(formatWhy(result.trace, n, 'zh').text).toContain('模拟网络送达了消息');
    expect(formatWhy(result.trace, 10_000, 'en').ok).toBe(false);
  });
});
