/** Build time (src/exercises/build.ts): the page's exercises in its language, with the answers of the real run and a first order that is never the answer. */
import { describe, expect, it } from 'vitest';
import { buildExercises, shuffle } from '../../src/exercises/build.ts';

describe('buildExercises', () => {
  it('gives each predict and culprit exercise its answer from the run, in the page language', async () => {
    const byId = (list: Awaited<ReturnType<typeof buildExercises>>, id: string) => list.find((b) => b.exercise.id === id)!;
    const zh = await buildExercises('event-loop', 'zh');
    expect(byId(zh, 'late-timer').time).toBe(200);
    expect(byId(zh, 'late-timer').source).toContain('定时器触发了');
    expect(byId(zh, 'who-blocked').key).toMatchObject({ id: 'thumbnails', at: 120 });
    expect(byId(zh, 'who-blocked').key!.why).toContain('阻塞了事件循环 260 ms');
    expect(byId(zh, 'frozen-heartbeat').solution).toContain('toThread');
    expect(byId(zh, 'frozen-heartbeat').output).toContain('400 ms：心跳 1');
    const order = byId(await buildExercises('introduction', 'en'), 'gather-order');
    expect(order.order).toEqual(['got /bb', 'got /ccc', 'got /a', 'all done: /a /bb /ccc']);
    expect(order.shuffled).not.toEqual(order.order);
    expect([...order.shuffled!].sort()).toEqual([...order.order!].sort());
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
