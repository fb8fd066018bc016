/**
 * WebSocket sends are buffered with a high-water mark (src/runtime/net/ws.ts),
 * as aiohttp's send_str and websockets' send are on asyncio's transport flow
 * control: send() resolves at once unless the socket's write buffer is over
 * the mark, and then only once it has drained to a quarter of it. So the
 * article's chat loop (await each client in turn) stalls only when a slow
 * client's backlog really fills (issue 19.1).
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

async function run(source: string): Promise<string[]> {
  const result = await runSource(source);
  expect(result.problems).toEqual([]);
  return result.lines.map((l) => l.text);
}

describe('ws send: buffered, with a high-water mark', () => {
  it('resolves at once below the mark, waits above it until the buffer is down to a quarter', async () => {
    const out = await run(`
      import { ws, now } from 'miniloop';
      ws.serve(1, async (socket) => { for await (const m of socket) {} }, { host: 'h' });
      // 1000 B/s: a 300-byte frame (292 + 4 header + 4 mask) spends 300 ms on the wire.
      const s = await ws.connect('ws://h:1/', { bandwidth: 1000, writeLimit: 1200 });
      const start = now();
      for (let i = 1; i <= 5; i++) {
        await s.send('y'.repeat(292));
        console.log('send', i, 'resolved after', Math.round(now() - start), 'ms, buffered', s.bufferedAmount);
      }
      s.close();
    `);
    // Sends 1-4 leave at most 1200 bytes buffered: no wait. Send 5 makes it 1500 > 1200, so it waits
    // until four frames are on the wire and 300 bytes (= 1200 / 4) remain: 1200 ms, not 1500.
    expect(out).toEqual([
      'send 1 resolved after 0 ms, buffered 300',
      'send 2 resolved after 0 ms, buffered 600',
      'send 3 resolved after 0 ms, buffered 900',
      'send 4 resolved after 0 ms, buffered 1200',
      'send 5 resolved after 1200 ms, buffered 300',
    ]);
  });

  it('the default mark is 64 KiB (asyncio transport default)', async () => {
    const out = await run(`
      import { ws, now } from 'miniloop';
      ws.serve(1, async (socket) => { for await (const m of socket) {} }, { host: 'h' });
      const s = await ws.connect('ws://h:1/', { bandwidth: 2000 });
      console.log(s.writeLimit);
      const start = now();
      let waited = 0;
      for (let i = 0; i < 70; i++) {
        const before = now();
        await s.send('z'.repeat(1018)); // 1018 + 4 header + 4 mask = 1026 bytes
        if (now() > before) waited++;
      }
      console.log('waits', waited, 'elapsed', Math.round(now() - start));
      s.close();
    `);
    // 64 frames = 65664 bytes > 65536: the 64th send waits until <= 16384 bytes remain, i.e. 15 frames
    // (49 frames on the wire: 50274 bytes at 2000 B/s = 25137 ms); the next 6 fit again.
    expect(out).toEqual(['65536', 'waits 1 elapsed 25137']);
  });

  it("the article's loop stalls a healthy client only once a slow client's backlog fills", async () => {
    const chat = (count: number) => `
      import { ws, now, sleep, createTask } from 'miniloop';
      const clients = new Set();
      ws.serve(8080, async (socket) => {
        clients.add(socket);
        try {
          for await (const msg of socket) {
            for (const c of clients) if (c !== socket) await c.send(msg); // the article's loop
          }
        } finally {
          clients.delete(socket);
        }
      }, { host: 'chat' });
      const sendAt = 1000;
      async function member(name, options = {}) {
        if (name === 'bob') await sleep(500); // list order: ann, slow, bob
        const socket = await ws.connect('ws://chat:8080/', options);
        await sleep(sendAt - now());
        if (name === 'ann') {
          for (let i = 0; i < ${count}; i++) socket.send('m'.repeat(1000));
          await sleep(60000);
        } else if (name === 'bob') {
          for (let i = 0; i < ${count}; i++) await socket.receive();
          console.log('bob got all ${count}', Math.round(now() - sendAt), 'ms after the first was sent');
        } else {
          await sleep(60000);
        }
        socket.close();
      }
      await Promise.all([
        createTask(() => member('ann'), { name: 'ann' }),
        createTask(() => member('slow', { bandwidth: 2000 }), { name: 'slow' }),
        createTask(() => member('bob'), { name: 'bob' }),
      ]);
    `;
    const [few] = await run(chat(10));
    const [many] = await run(chat(100));
    const virtualTimeOf = (line: string) => Number(/(\d+) ms/.exec(line)![1]);
    // Ten messages fit in slow's buffer: bob hears everything within a round trip or so.
    expect(virtualTimeOf(few)).toBeLessThan(100);
    // A hundred do not: the 64th send to slow waits for its buffer to drain, and bob waits with it.
    expect(virtualTimeOf(many)).toBeGreaterThan(20000);
  });

  it('a send waiting for the buffer to drain can be cancelled', async () => {
    const out = await run(`
      import { ws, now, timeout, TimeoutError } from 'miniloop';
      ws.serve(1, async (socket) => { for await (const m of socket) {} }, { host: 'h' });
      const s = await ws.connect('ws://h:1/', { bandwidth: 1000, writeLimit: 100 });
      try {
        await timeout(50, async () => { await s.send('y'.repeat(292)); });
      } catch (e) {
        console.log(e instanceof TimeoutError ? 'timed out' : e, 'buffered', s.bufferedAmount);
      }
      s.close();
    `);
    expect(out).toEqual(['timed out buffered 300']);
  });
});
