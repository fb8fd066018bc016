/**
 * WebSockets on the simulated network (src/runtime/net/ws.ts): handshake
 * timing, echo, closing, and the chat broadcast (the buffered-send stall is
 * in net-ws-buffer.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

async function run(source: string): Promise<string[]> {
  const result = await runSource(source);
  expect(result.problems).toEqual([]);
  return result.lines.map((l) => `${l.t} ${l.task}: ${l.text}`);
}

/** A chat server; `naive` awaits each client in turn as the article did. */
const chat = (naive: boolean) => `
  import { ws, now, sleep, createTask } from 'miniloop';
  const clients = new Set();
  ws.serve(8080, async (socket) => {
    clients.add(socket);
    try {
      for await (const msg of socket) {
        const others = [...clients].filter((c) => c !== socket);
        ${naive ? 'for (const c of others) await c.send(msg);' : 'ws.broadcast(others, msg);'}
      }
    } finally {
      clients.delete(socket);
    }
  }, { host: 'chat' });

  async function member(name, options = {}) {
    if (name === 'bob') await sleep(500); // bob joins last: the server's list is [ann, slow, bob]
    const socket = await ws.connect('ws://chat:8080/', options);
    if (name === 'ann') {
      await sleep(1000); // everyone has joined by then (the slow client's handshake alone takes ~0.3 s)
      await socket.send('x'.repeat(500));
    } else {
      const msg = await socket.receive();
      console.log(name, 'got', msg.length, 'chars at', Math.round(now()));
    }
    await sleep(2000);
    socket.close();
  }
  await Promise.all([
    createTask(() => member('ann'), { name: 'ann' }),
    createTask(() => member('slow', { bandwidth: 1000 }), { name: 'slow' }),
    createTask(() => member('bob'), { name: 'bob' }),
  ]);
`;

describe('ws', () => {
  it('connect takes two round trips; messages echo; closing ends the server loop', async () => {
    const out = await run(`
      import { ws, now } from 'miniloop';
      ws.serve(9000, async (socket) => {
        console.log('open', socket.path, socket.remote);
        for await (const m of socket) await socket.send('echo ' + m);
        console.log('closed');
      }, { host: 'echo' });
      const s = await ws.connect('ws://echo:9000/room');
      console.log('connected');
      await s.send('a');
      console.log(await s.receive());
      s.close();
      try { await s.receive(); } catch (e) { console.log(e.name); }
    `);
    // 40 connect + 40 upgrade; the upgrade request (220 B) and reply (130 B) take 0.022 + 0.013 ms on the wire;
    // the handler starts once the reply is on the wire (60.035). 'a' is a 7-byte frame, 'echo a' 8 bytes.
    expect(out).toEqual([
      '60.035 conn 10.0.0.2:50000: open /room 10.0.0.2:50000',
      '80.035 main: connected',
      '120.037 main: echo a',
      '120.037 main: ConnectionClosedError',
      '140.038 conn 10.0.0.2:50000: closed',
    ]);
  });

  it('awaiting each client in turn: one small message does not wait for the slow client', async () => {
    const out = await run(chat(true));
    // ann's 508-byte frame reaches the server at 1100.05. send() only buffers it (the slow client's buffer is
    // far below the 64 KiB high-water mark), so bob's copy follows at once: 1120. The stall once a slow
    // client's backlog fills is in tests/runtime/net-ws-buffer.test.ts.
    expect(out.map((l) => l.replace(/^[\d.]+ \w+: /, ''))).toEqual(['bob got 500 chars at 1120', 'slow got 500 chars at 1624']);
  });

  it('broadcast queues per client: the slow client delays only itself', async () => {
    const out = await run(chat(false));
    expect(out.map((l) => l.replace(/^[\d.]+ \w+: /, ''))).toEqual(['bob got 500 chars at 1120', 'slow got 500 chars at 1624']);
  });

  it('send after close fails with ConnectionClosedError; bufferedAmount counts queued bytes', async () => {
    const out = await run(`
      import { ws } from 'miniloop';
      ws.serve(1, async (socket) => { for await (const m of socket) {} }, { host: 'h' });
      const s = await ws.connect('ws://h:1/', { bandwidth: 1000 });
      s.send('y'.repeat(94)); // 94 + 2 header + 4 mask = 100 bytes: 100 ms on the wire
      console.log(s.bufferedAmount);
      s.close();
      await s.send('late').catch((e) => console.log(e.name));
    `);
    expect(out.map((l) => l.replace(/^[\d.]+ main: /, ''))).toEqual(['100', 'ConnectionClosedError']);
  });
});
