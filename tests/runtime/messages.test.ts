/**
 * The runtime's messages exist in every language of the site
 * (src/runtime/messages.ts), and a run in Chinese reports its deadlock,
 * budgets and error headings in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, messagesFor } from '../../src/runtime/messages.ts';
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
});
