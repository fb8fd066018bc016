/**
 * The runtime's messages exist in every language of the site
 * (src/runtime/messages.ts), and a run in Chinese reports its deadlock,
 * budgets and error headings in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { STOP_REASONS } from '../../src/contract/trace-vocabulary.ts';
import { CATALOGUES, LANGUAGES, messagesFor, stopText } from '../../src/runtime/messages.ts';
import { runSource } from './run-source.ts';

const problemsOf = async (source: string, options: Parameters<typeof runSource>[1]) => (await runSource(source, options)).problems.map((p) => p.message);

describe('runtime messages', () => {
  it('every message is in every catalogue (the list names any missing)', () => {
    const keys = new Set(LANGUAGES.flatMap((lang) => Object.keys(CATALOGUES[lang])));
    const missing = LANGUAGES.flatMap((lang) => [...keys].filter((key) => !(key in CATALOGUES[lang])).map((key) => `${lang}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('the Chinese messages are written in Chinese', () => {
    const zh = CATALOGUES.zh as unknown as Record<string, (...args: unknown[]) => string>;
    for (const [key, message] of Object.entries(zh)) expect([key, /[\u4e00-\u9fff]/.test(message(1, 'x'))]).toEqual([key, true]);
    expect(messagesFor('fr')).toBe(CATALOGUES.en);
  });

  it('a deadlock, each budget and the error headings in Chinese', async () => {
    const zh = { lang: 'zh' as const };
    expect(await problemsOf("import { Event } from 'miniloop';\nawait new Event().wait();", zh)).toEqual(['死锁：所有任务都在等待，没有任何事件能唤醒它们：\n  任务 main 在等待 event#1']);
    expect(await problemsOf("import { sleep } from 'miniloop';\nwhile (true) await sleep(0);", { ...zh, stepLimit: 300_000 })).toEqual(['步数上限：程序执行了超过 300,000 步']);
    expect(await problemsOf("import { sleep } from 'miniloop';\nawait sleep(5000);", { ...zh, timeLimit: 1000 })).toEqual(['时间上限：程序的虚拟时间将超过 1s']);
    expect(await problemsOf('for (let i = 0; i < 20; i++) console.log(i);', { ...zh, outputLimit: 10 })).toEqual(['输出上限：程序打印了超过 10 行']);
    const headings = await problemsOf("import { createTask, sleep } from 'miniloop';\ncreateTask(async () => { throw new Error('lost'); }, { name: 'orphan' });\nPromise.reject(new Error('nobody'));\nawait sleep(1);", zh);
    expect(headings.map((m) => m.split(': ')[0])).toEqual(['任务异常从未被取回（任务 orphan）', '未处理的 Promise 拒绝']);
  });

  it('English stays the default, word for word', async () => {
    expect(await problemsOf("import { sleep } from 'miniloop';\nwhile (true) await sleep(0);", { stepLimit: 300_000 })).toEqual(['step limit: the program ran more than 300,000 steps']);
    expect(await problemsOf("import { sleep } from 'miniloop';\nawait sleep(5000);", { timeLimit: 1000 })).toEqual(['time limit: the program would run past 1s of virtual time']);
  });

  it('English stays the default, word for word: deadlock, the clock past the limit, the default 24 h limit, output', async () => {
    expect(await problemsOf("import { Event } from 'miniloop';\nawait new Event().wait();", {})).toEqual(['deadlock: every task is waiting and nothing can wake them (all tasks are asleep):\n  task main waits on event#1']);
    expect(await problemsOf("import { blockFor } from 'miniloop';\nblockFor(1500);", { timeLimit: 1000 })).toEqual(['time limit: the program ran past 1s of virtual time']);
    expect(await problemsOf("import { sleep } from 'miniloop';\nawait sleep(100 * 3_600_000);", {})).toEqual(['time limit: the program would run past 24h of virtual time']);
    expect(await problemsOf('for (let i = 0; i < 20; i++) console.log(i);', { outputLimit: 10 })).toEqual(['output limit: the program printed more than 10 lines']);
  });

  it('the trace records a stop as its reason and data, never as text', async () => {
    const result = await runSource("import { sleep } from 'miniloop';\nawait sleep(5000);", { timeLimit: 1000, lang: 'zh' });
    expect(result.trace.filter((e) => e.kind === 'stop').map((e) => e.detail)).toEqual([{ reason: 'time-limit', limit: 1000, passed: false }]);
  });

  it('every stop reason has a text in every language', () => {
    const blocked = [{ task: 'a', on: { kind: 'event' as const, what: 'event#1' } }];
    const details = { 'time-limit': { reason: 'time-limit', limit: 1500, passed: true }, 'step-limit': { reason: 'step-limit', limit: 5 }, 'output-limit': { reason: 'output-limit', limit: 5 }, deadlock: { reason: 'deadlock' }, error: { reason: 'error' }, stopped: { reason: 'stopped' } } as const;
    expect(Object.keys(details).sort()).toEqual([...STOP_REASONS].sort());
    const en = Object.values(details).map((d) => stopText(d, CATALOGUES.en, blocked));
    expect(en).toEqual(['time limit: the program ran past 1.5s of virtual time', 'step limit: the program ran more than 5 steps', 'output limit: the program printed more than 5 lines', 'deadlock: every task is waiting and nothing can wake them (all tasks are asleep):\n  task a waits on event#1', 'an uncaught error ended the run', 'the run was stopped']);
    for (const d of Object.values(details)) expect(stopText(d, CATALOGUES.zh, blocked)).toMatch(/[\u4e00-\u9fff]/);
  });
});
