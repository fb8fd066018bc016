/**
 * The simulated network's arithmetic and connection semantics
 * (src/runtime/net/network.ts): transfer time = latency + size/bandwidth,
 * FIFO per link, connect = one round trip, refused connections, EOF.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

async function lines(source: string): Promise<string[]> {
  const result = await runSource(source);
  expect(result.problems).toEqual([]);
  return result.lines.map((l) => `${l.t} ${l.task}: ${l.text}`);
}

describe('network', () => {
  it('a 1 MB message at 10 MB/s with 20 ms latency arrives 120 ms after it is written', async () => {
    const out = await lines(`
      import { network, now } from 'miniloop';
      network.listen('server', 9000, async (conn) => {
        const data = await conn.read() as string;
        console.log('received', data.length, 'bytes');
      });
      const conn = await network.connect('server', 9000);
      console.log('connected');
      const start = now();
      const sent = conn.write('x'.repeat(1_000_000));
      await sent;
      console.log('on the wire after', now() - start);
    `);
    expect(out).toEqual([
      '40 main: connected',
      '140 main: on the wire after 100',
      '160 conn 10.0.0.2:50000: received 1000000 bytes',
    ]);
  });

  it('writes on one connection are serialised and keep their order', async () => {
    const out = await lines(`
      import { network, now } from 'miniloop';
      network.configure({ latency: 5, bandwidth: 1000 }); // 1 byte per ms
      network.listen('s', 1, async (conn) => {
        for await (const m of conn) console.log('got', m);
        console.log('eof');
      });
      const c = await network.connect('s', 1);
      c.write('aaaaaaaaaa'); // 10 ms on the wire
      c.write('bb');         // waits for the link: on the wire at +12
      await c.write('');
      console.log('all on the wire');
      c.close();
    `);
    expect(out).toEqual([
      '22 main: all on the wire',
      '25 conn 10.0.0.2:50000: got aaaaaaaaaa',
      '27 conn 10.0.0.2:50000: got bb',
      '27 conn 10.0.0.2:50000: got ',
      '27 conn 10.0.0.2:50000: eof',
    ]);
  });

  it('connect to an address nobody listens at is refused after one round trip', async () => {
    const out = await lines(`
      import { network } from 'miniloop';
      try {
        await network.connect('nowhere', 80);
      } catch (e) {
        console.log(e.name, e.code, e instanceof network.ConnectionRefusedError);
      }
    `);
    expect(out).toEqual(['40 main: ConnectionRefusedError ECONNREFUSED true']);
  });

  it('a closed server refuses new connections but keeps open ones', async () => {
    const out = await lines(`
      import { network } from 'miniloop';
      const server = network.listen('s', 1, async (conn) => {
        const m = await conn.read();
        await conn.write('echo ' + m);
      });
      const a = await network.connect('s', 1);
      server.close();
      await a.write('hi');
      console.log(await a.read());
      console.log(await a.read()); // the handler returned: its end was closed
      await network.connect('s', 1).catch((e) => console.log(e.name));
    `);
    // 'echo hi' is 7 bytes: 0.0007 ms on the wire at 10 MB/s, rounded to the microsecond.
    expect(out).toEqual(['80.001 main: echo hi', '80.001 main: null', '120.001 main: ConnectionRefusedError']);
  });

  it('each connecting task gets its own client address and each connection a port', async () => {
    const out = await lines(`
      import { network, createTask } from 'miniloop';
      network.listen('s', 1, async (conn) => { console.log('accepted', conn.remote); });
      const client = async () => { await network.connect('s', 1); await network.connect('s', 1); };
      await Promise.all([createTask(client, { name: 'a' }), createTask(client, { name: 'b' })]);
    `);
    expect(out).toEqual([
      '20 conn 10.0.0.2:50000: accepted 10.0.0.2:50000',
      '20 conn 10.0.0.3:50001: accepted 10.0.0.3:50001',
      '60 conn 10.0.0.2:50002: accepted 10.0.0.2:50002',
      '60 conn 10.0.0.3:50003: accepted 10.0.0.3:50003',
    ]);
  });

  it('the timeline says what a task waits on', async () => {
    const result = await runSource(`
      import { network } from 'miniloop';
      network.listen('s', 1, async (conn) => { await conn.read(); });
      const c = await network.connect('s', 1);
      await c.write('x');
    `);
    const waits = result.trace.filter((e) => e.kind === 'wait').map((e) => (e.detail as { on: { kind: string; what: string } }).on);
    expect(waits).toContainEqual({ kind: 'network', what: 'connect s:1' });
    expect(waits).toContainEqual({ kind: 'network', what: 'recv from 10.0.0.2:50000' });
    expect(result.tasks.map((t) => t.name)).toContain('conn 10.0.0.2:50000');
  });

  it('jitter is seeded: two runs print the same times', async () => {
    const src = `
      import { network, now } from 'miniloop';
      network.configure({ jitter: 10, seed: 7 });
      network.listen('s', 1, async (conn) => { for await (const m of conn) console.log(m, now()); });
      const c = await network.connect('s', 1);
      for (let i = 0; i < 5; i++) c.write(String(i));
      c.close();
    `;
    const first = await lines(src);
    expect(await lines(src)).toEqual(first);
    // Order survives jitter; the times differ from the 45 ms of a run without jitter.
    expect(first.map((l) => l.split(': ')[1]!.split(' ')[0])).toEqual(['0', '1', '2', '3', '4']);
    expect(first.some((l) => !l.endsWith(' 45'))).toBe(true);
  });

  it('a cancelled read loses no data; a second concurrent reader is refused', async () => {
    const out = await lines(`
      import { network, waitFor, sleep } from 'miniloop';
      network.listen('s', 1, async (conn) => { await sleep(100); await conn.write('late'); });
      const c = await network.connect('s', 1);
      await waitFor(c.read(), 10).catch((e) => console.log(e.name));
      const pending = c.read();
      await c.read().catch((e) => console.log(e.message));
      console.log(await pending, await c.read());
    `);
    expect(out).toEqual([
      '50 main: TimeoutError',
      '50 main: read() called while another task is already waiting for data from s:1',
      '140 main: late null',
    ]);
  });

  it('a client blocked on a read nobody will answer is reported as a deadlock naming the wait', async () => {
    const result = await runSource(`
      import { network } from 'miniloop';
      network.listen('s', 1, async (conn) => { await conn.read(); });
      const c = await network.connect('s', 1);
      await c.read();
    `);
    expect(result.status).toBe('failed');
    expect(result.problems.map((p) => p.kind)).toEqual(['deadlock']);
    expect(result.problems[0]!.message).toContain('task main waits on recv from s:1');
    expect(result.problems[0]!.message).toContain('task conn 10.0.0.2:50000 waits on recv from 10.0.0.2:50000');
  });
});
