/** The grader on real runs: each check passes on a program that keeps it and fails, with its sentence in en and zh, on one that breaks it. */
import { describe, expect, it } from 'vitest';
import { culpritKey, evaluateCheck, gradeChecks, gradeCulprit, gradePredictOrder, gradePredictTime } from '../../src/exercises/grade.ts';
import type { Check } from '../../src/exercises/schema.ts';
import { factsOf } from './helpers.ts';

const IMPORTS = "import { blockFor, createTask, gather, Lock, now, openMemoryChannel, Queue, sleep } from 'miniloop';\n";

/** [check, a program that keeps it, a program that breaks it, words the failing en message contains, the failing moment]. */
const CASES: Array<[Check, string, string, string, number | undefined]> = [
  [{ check: 'no-error' }, "console.log('fine');", "await sleep(5); throw new Error('boom');", 'boom', 5],
  [
    { check: 'no-deadlock' },
    'const a = new Lock(); await a.acquire(); a.release();',
    "const a = new Lock(); const b = new Lock();\nawait a.acquire();\nconst t = createTask(async () => { await b.acquire(); await sleep(10); await a.acquire(); }, { name: 'other' });\nawait sleep(5); await b.acquire();",
    'other',
    10,
  ],
  [{ check: 'finishes-within', ms: 100 }, 'await sleep(100);', 'await sleep(101);', '101 ms', 101],
  [{ check: 'no-task-left' }, "const t = createTask(() => sleep(10), { name: 'bg' }); await t;", "createTask(() => sleep(10), { name: 'bg' }); await sleep(1);", '`bg`', 1],
  [{ check: 'lines-in-order', lines: ['a', { regex: '^b\\d$' }] }, "console.log('x'); console.log('a'); console.log('b1');", "console.log('b1'); console.log('a');", 'after `a`', 0],
  [{ check: 'line-count', match: 'hi', count: 2 }, "console.log('hi'); console.log('ho'); console.log('hi');", "console.log('hi');", 'printed 1', undefined],
  [{ check: 'line-by', match: { regex: 'done' }, ms: 50, all: true }, "await sleep(50); console.log('done 1'); console.log('done 2');", "console.log('done 1'); await sleep(60); console.log('done 2');", 'at 60 ms', 60],
  [{ check: 'max-block', ms: 10 }, 'blockFor(10);', "await sleep(3); blockFor(40);", '40 ms', 3],
  [{ check: 'max-queue', max: 2 }, 'const q = new Queue<number>(); await q.put(1); await q.put(2); await q.get(); await q.put(3);', 'const q = new Queue<number>(); await sleep(4); for (let i = 0; i < 3; i++) await q.put(i);', 'held 3 at 4 ms, after a put by `main`', 4],
  // Named: only that queue counts (another one may hold more).
  [{ check: 'max-queue', max: 1, queue: 'jobs' }, "const q = new Queue<number>(0, { name: 'jobs' }); const other = new Queue<number>(); await other.put(1); await other.put(2); await q.put(1);", "const q = new Queue<number>(0, { name: 'jobs' }); await q.put(1); await sleep(2); await q.put(2);", '`jobs` held 2 at 2 ms', 2],
  // A trio memory channel's buffer counts as its queue (its name is `channel#N`).
  [{ check: 'max-queue', max: 1 }, 'const [s, r] = openMemoryChannel<number>(5); await s.send(1); await r.receive(); await s.send(2);', 'const [s, r] = openMemoryChannel<number>(5); await sleep(4); await s.send(1); await s.send(2);', 'held 2 at 4 ms, after a put by `main`', 4],
  [{ check: 'task-outcome', task: 'w', outcome: 'cancelled' }, "const t = createTask(() => sleep(100), { name: 'w' }); await sleep(1); t.cancel(); await sleep(1);", "const t = createTask(() => sleep(10), { name: 'w' }); await t;", 'ended normally', 10],
  [{ check: 'overlap', tasks: ['a', 'b'] }, "await gather(createTask(() => sleep(10), { name: 'a' }), createTask(() => sleep(10), { name: 'b' }));", "await createTask(() => sleep(10), { name: 'a' }); await createTask(() => sleep(10), { name: 'b' });", 'one after another', 10],
];

describe('checks', () => {
  for (const [check, good, bad, words, at] of CASES) {
    it(`${check.check}: passes when kept, fails with a plain message when broken`, async () => {
      const ok = evaluateCheck(check, await factsOf(IMPORTS + good), 'en');
      expect(ok, ok.message).toMatchObject({ pass: true });
      const facts = await factsOf(IMPORTS + bad);
      const en = evaluateCheck(check, facts, 'en');
      expect(en.pass).toBe(false);
      expect(en.message).toContain(words);
      expect(en.at).toBe(at);
      const zh = evaluateCheck(check, facts, 'zh');
      expect(zh.pass).toBe(false);
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.message).not.toBe(en.message);
    });
  }

  it('a fix passes only when every check passes', async () => {
    const facts = await factsOf(IMPORTS + "console.log('a');");
    expect(gradeChecks([{ check: 'no-error' }, { check: 'line-count', match: 'a', count: 1 }], facts, 'en').pass).toBe(true);
    expect(gradeChecks([{ check: 'no-error' }, { check: 'line-count', match: 'a', count: 2 }], facts, 'en').pass).toBe(false);
    expect(gradeChecks([], facts, 'en').pass).toBe(false);
  });

  it('a regex shows the reader its text, not the pattern', async () => {
    const facts = await factsOf(IMPORTS + "console.log('x');");
    const r = evaluateCheck({ check: 'line-by', match: { regex: '^(done|完成)$', text: { en: 'done', zh: '完成' } }, ms: 5 }, facts, 'zh');
    expect(r.message).toContain('`完成`');
    expect(r.message).not.toContain('^(');
  });
});

describe('predictions and culprits', () => {
  const program = IMPORTS + "createTask(async () => { await sleep(20); console.log('slow'); }, { name: 'slow' });\nsetTimeout(() => console.log('timer'), 0);\nPromise.resolve().then(() => console.log('micro'));\nconsole.log('sync');\nawait sleep(30);";

  it('an order passes only as the run printed it, and a wrong one says where it differs', async () => {
    const facts = await factsOf(program);
    expect(gradePredictOrder(['sync', 'micro', 'timer', 'slow'], facts, 'en').pass).toBe(true);
    const wrong = gradePredictOrder(['sync', 'timer', 'micro', 'slow'], facts, 'en');
    expect(wrong.pass).toBe(false);
    expect(wrong.results[0]!.message).toContain('Line 2 of your order is `timer`');
    expect(gradePredictOrder(['sync', 'timer', 'micro', 'slow'], facts, 'zh').results[0]!.message).toContain('第 2 行');
  });

  it('a time passes within half a millisecond; text that is not a number is refused', async () => {
    const facts = await factsOf(program);
    expect(gradePredictTime('slow', '20', facts, 'en').pass).toBe(true);
    expect(gradePredictTime('slow', ' 20 ms', facts, 'en').pass).toBe(true);
    expect(gradePredictTime('slow', '21', facts, 'en')).toMatchObject({ pass: false, results: [{ at: 20 }] });
    expect(gradePredictTime('slow', 'soon', facts, 'en').results[0]!.message).toContain('number');
    expect(gradePredictTime('slow', '', facts, 'en').pass).toBe(false);
  });

  it('the culprit is derived from the run: the longest block, a deadlock wait, the first line', async () => {
    const blocks = await factsOf(IMPORTS + "createTask(() => blockFor(5), { name: 'small' }); createTask(async () => { await sleep(1); blockFor(50); }, { name: 'big' }); await sleep(100);");
    const choices = [{ id: 'small', label: { en: 's', zh: 's' } }, { id: 'big', label: { en: 'b', zh: 'b' } }];
    const key = culpritKey({ answer: { from: 'longest-block' }, choices }, blocks, 'en');
    expect(key).toMatchObject({ id: 'big', at: 6 }); // small holds the thread 0-5 ms, big starts at 5 and sleeps 1 ms
    expect(gradeCulprit('big', key, 'en').pass).toBe(true);
    expect(gradeCulprit('small', key, 'en').pass).toBe(false);
    const first = await factsOf(IMPORTS + "setTimeout(() => console.log('t'), 0); queueMicrotask(() => console.log('m'));");
    expect(culpritKey({ answer: { from: 'first-line' }, choices: [{ id: 't', label: choices[0]!.label }, { id: 'm', label: choices[0]!.label }] }, first, 'en').id).toBe('m');
    expect(() => culpritKey({ answer: { from: 'first-line' }, choices }, first, 'en')).toThrow(/not one of the choices/);
  });
});
