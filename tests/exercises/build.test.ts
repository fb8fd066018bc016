/** Build time (src/exercises/build.ts): the page's exercises in its language, with the answers of the real run and a first order that is never the answer. */
import { describe, expect, it } from 'vitest';
import { buildExercises, shuffle } from '../../src/exercises/build.ts';

describe('buildExercises', () => {
  it('gives each predict and culprit exercise its answer from the run, in the page language', async () => {
    const zh = await buildExercises('event-loop', 'zh');
    expect(zh.map((b) => b.exercise.id)).toEqual(['late-timer', 'who-blocked', 'frozen-heartbeat']);
    expect(zh[0]!.time).toBe(200);
    expect(zh[0]!.source).toContain('定时器触发了');
    expect(zh[1]!.key).toMatchObject({ id: 'thumbnails', at: 120 });
    expect(zh[1]!.key!.why).toContain('阻塞了事件循环 260 ms');
    expect(zh[2]!.solution).toContain('toThread');
    const en = await buildExercises('introduction', 'en');
    expect(en[0]!.order).toEqual(['got /bb', 'got /ccc', 'got /a', 'all done: /a /bb /ccc']);
    expect(en[0]!.shuffled).not.toEqual(en[0]!.order);
    expect([...en[0]!.shuffled!].sort()).toEqual([...en[0]!.order!].sort());
    expect(await buildExercises('no-such-page', 'en')).toEqual([]);
  });

  it('a shuffle is fixed and never the right order', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      const right = ['1', '2', '3'];
      const once = shuffle(right, right, id);
      expect(once).toEqual(shuffle(right, right, id));
      expect(once).not.toEqual(right);
    }
  });
});
