/**
 * Memory channels (src/runtime/trio/channel.ts) against trio's _channel.py
 * semantics: rendezvous and buffered sends, FIFO wake-up, close / clone /
 * EndOfChannel / BrokenResourceError / ClosedResourceError, nowait forms,
 * statistics, async iteration, and cancellation that leaves the channel as it was.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const IMPORTS = `import { sleep, now, checkpoint, openNursery, moveOnAfter, CancelScope, openMemoryChannel, EndOfChannel, ClosedResourceError, BrokenResourceError, WouldBlock, type MemorySendChannel, type MemoryReceiveChannel } from 'miniloop';\n`;

async function run(source: string): Promise<string[]> {
  const result = await runSource(IMPORTS + source);
  expect(result.problems.map((p) => p.message)).toEqual([]);
  return result.lines.map((l) => `${l.t} ${l.text}`);
}

describe('trio memory channels', () => {
  it('rendezvous (size 0): a send completes only when a receiver takes the item', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { await send.send('hello'); console.log('send returned'); });
        await sleep(50);
        console.log('receiving');
        console.log('got', await receive.receive());
      });
    `);
    expect(lines[0]).toBe('50 receiving');
    expect(lines.slice(1).sort()).toEqual(['50 got hello', '50 send returned']);
  });

  it('buffered: sends do not block until the buffer is full; items come out in order', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(2);
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          for (let i = 1; i <= 4; i++) { await send.send(i); console.log('sent', i); }
          send.close();
        });
        await sleep(100);
        for await (const item of receive) { console.log('received', item); await sleep(10); }
        console.log('end of channel');
      });
    `);
    expect(lines.slice(0, 2)).toEqual(['0 sent 1', '0 sent 2']);
    // At 100 the receiver frees a slot: the blocked send of 3 completes, then 4 waits for the next slot.
    expect(lines).toContain('100 received 1');
    expect(lines).toContain('100 sent 3');
    expect(lines).toContain('110 received 2');
    expect(lines).toContain('110 sent 4');
    expect(lines.slice(-3)).toEqual(['120 received 3', '130 received 4', '140 end of channel']);
  });

  it('ends iteration only when every send clone is closed', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      async function producer(name: string, ms: number, channel: MemorySendChannel<string>) {
        try { await sleep(ms); await channel.send(name); } finally { channel.close(); }
      }
      await openNursery(async (nursery) => {
        nursery.startSoon(producer, 'a', 10, send.clone());
        nursery.startSoon(producer, 'b', 30, send.clone());
        send.close();
        for await (const item of receive) console.log('got', item);
        console.log('all producers done');
      });
    `);
    expect(lines).toEqual(['10 got a', '30 got b', '30 all producers done']);
  });

  it('receive raises EndOfChannel after the buffer drains; using a closed clone raises ClosedResourceError', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(5);
      send.sendNowait(1);
      send.sendNowait(2);
      send.close();
      console.log(await receive.receive(), await receive.receive());
      try { await receive.receive(); } catch (e) { console.log('then', (e as Error).name, e instanceof EndOfChannel); }
      try { await send.send(3); } catch (e) { console.log('send on closed', (e as Error).name); }
      try { send.clone(); } catch (e) { console.log('clone closed', e instanceof ClosedResourceError); }
    `);
    expect(lines).toEqual(['0 1 2', '0 then EndOfChannel true', '0 send on closed ClosedResourceError', '0 clone closed true']);
  });

  it('closing the receive side breaks blocked and later senders (BrokenResourceError) and drops the buffer', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(1);
      await openNursery(async (nursery) => {
        send.sendNowait(1);
        nursery.startSoon(async () => {
          try { await send.send(2); } catch (e) { console.log('blocked sender got', (e as Error).name, 'at', now()); }
        });
        await sleep(10);
        console.log('waiting senders', receive.statistics().tasksWaitingSend);
        receive.close();
      });
      try { send.sendNowait(3); } catch (e) { console.log('later send', e instanceof BrokenResourceError); }
      console.log('buffer', send.statistics().currentBufferUsed);
    `);
    expect(lines).toEqual(['10 waiting senders 1', '10 blocked sender got BrokenResourceError at 10', '10 later send true', '10 buffer 0']);
  });

  it('closing a clone wakes the tasks blocked on that clone with ClosedResourceError', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(0);
      const mine = receive.clone();
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          try { await mine.receive(); } catch (e) { console.log('receiver got', (e as Error).name); }
        });
        await sleep(5);
        mine.close();
      });
      console.log('other clone still open', receive.statistics().openReceiveChannels);
    `);
    expect(lines).toEqual(['5 receiver got ClosedResourceError', '5 other clone still open 1']);
  });

  it('nowait forms raise WouldBlock instead of waiting', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(1);
      try { receive.receiveNowait(); } catch (e) { console.log('empty', e instanceof WouldBlock); }
      send.sendNowait(1);
      try { send.sendNowait(2); } catch (e) { console.log('full', e instanceof WouldBlock); }
      console.log('took', receive.receiveNowait());
      send.close();
      try { receive.receiveNowait(); } catch (e) { console.log('ended', (e as Error).name); }
    `);
    expect(lines).toEqual(['0 empty true', '0 full true', '0 took 1', '0 ended EndOfChannel']);
  });

  it('wakes blocked receivers in FIFO order', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(0);
      await openNursery(async (nursery) => {
        for (const name of ['r1', 'r2', 'r3']) {
          nursery.startSoon(async () => { console.log(name, 'got', await receive.receive()); });
          await sleep(1); // make the waiting order explicit
        }
        for (let i = 1; i <= 3; i++) send.sendNowait(i);
      });
    `);
    expect(lines.sort()).toEqual(['3 r1 got 1', '3 r2 got 2', '3 r3 got 3']);
  });

  it('wakes blocked senders in FIFO order (rendezvous)', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      await openNursery(async (nursery) => {
        for (const name of ['s1', 's2', 's3']) {
          nursery.startSoon(async () => { await send.send(name); });
          await sleep(1);
        }
        console.log(receive.receiveNowait(), receive.receiveNowait(), receive.receiveNowait());
      });
    `);
    expect(lines).toEqual(['3 s1 s2 s3']);
  });

  it('reports statistics', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(3);
      const extra = send.clone();
      send.sendNowait(1);
      console.log(JSON.stringify(receive.statistics()));
      console.log(send.name, receive.name);
    `);
    expect(lines).toEqual([
      '0 {"currentBufferUsed":1,"maxBufferSize":3,"openSendChannels":2,"openReceiveChannels":1,"tasksWaitingSend":0,"tasksWaitingReceive":0,"peakBufferUsed":1}',
      '0 channel#1 channel#1',
    ]);
  });

  it('a cancelled receive leaves the channel unchanged: the next item goes to the next receiver', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          const scope = await moveOnAfter(10, async () => { console.log('impatient got', await receive.receive()); });
          console.log('impatient gave up', scope.cancelledCaught, 'waiting receivers', receive.statistics().tasksWaitingReceive);
        });
        nursery.startSoon(async () => { await sleep(5); console.log('patient got', await receive.receive()); });
        await sleep(20);
        await send.send('item');
      });
    `);
    expect(lines).toEqual(['10 impatient gave up true waiting receivers 1', '20 patient got item']);
  });

  it('cancel() takes a blocked receiver off the channel at once (trio aborts the wait synchronously)', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      const scope = new CancelScope();
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { await scope.run(async () => { console.log('got', await receive.receive()); }); console.log('receiver cancelled', scope.cancelledCaught); });
        await sleep(10);
        console.log('waiting receivers', receive.statistics().tasksWaitingReceive);
        scope.cancel();
        console.log('after cancel', receive.statistics().tasksWaitingReceive);
        try { send.sendNowait('x'); } catch (e) { console.log('nobody to take it', e instanceof WouldBlock); }
      });
    `);
    expect(lines).toEqual(['10 waiting receivers 1', '10 after cancel 0', '10 nobody to take it true', '10 receiver cancelled true']);
  });

  it('a value handed over before the cancel is kept; the next checkpoint raises', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      const scope = new CancelScope();
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          await scope.run(async () => {
            console.log('got', await receive.receive());
            await checkpoint();
            console.log('not reached');
          });
          console.log('cancelled after receiving', scope.cancelledCaught);
        });
        await sleep(10);
        send.sendNowait('x');
        scope.cancel();
      });
    `);
    expect(lines).toEqual(['10 got x', '10 cancelled after receiving true']);
  });

  it('a cancelled send leaves nothing behind', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<string>(0);
      const scope = await moveOnAfter(10, async () => { await send.send('never delivered'); });
      console.log('gave up', scope.cancelledCaught);
      try { receive.receiveNowait(); } catch (e) { console.log('nothing there', e instanceof WouldBlock); }
    `);
    expect(lines).toEqual(['10 gave up true', '10 nothing there true']);
  });

  it('send and receive in a cancelled scope raise Cancelled even when they would not block', async () => {
    const lines = await run(`
      const [send, receive] = openMemoryChannel<number>(5);
      send.sendNowait(7);
      const scope = await moveOnAfter(0, async () => {
        try { await send.send(1); } catch (e) { console.log('send', (e as Error).name); }
        try { await receive.receive(); } catch (e) { console.log('receive', (e as Error).name); }
        console.log('buffer', JSON.stringify(receive.statistics().currentBufferUsed));
      });
      console.log('caught', scope.cancelledCaught, 'still there', receive.receiveNowait());
    `);
    // The user code caught both Cancelleds, so the scope has nothing left to catch.
    expect(lines).toEqual(['0 send Cancelled', '0 receive Cancelled', '0 buffer 1', '0 caught false still there 7']);
  });

  it('validates the buffer size', async () => {
    const lines = await run(`
      try { openMemoryChannel(-1); } catch (e) { console.log((e as Error).name, (e as Error).message); }
      try { openMemoryChannel(1.5); } catch (e) { console.log((e as Error).name); }
      const [s, r] = openMemoryChannel<number>(Infinity);
      for (let i = 0; i < 1000; i++) s.sendNowait(i);
      console.log(r.statistics().currentBufferUsed);
    `);
    expect(lines).toEqual(['0 ValueError max_buffer_size must be >= 0', '0 TypeError', '0 1000']);
  });

  it('labels waits with the channel name (deadlock report)', async () => {
    const result = await runSource(IMPORTS + `
      const [send, receive] = openMemoryChannel<number>(0);
      await receive.receive();
    `);
    expect(result.problems.map((p) => p.message).join('\n')).toContain('task main waits on channel#1 receive');
  });
});

describe('trio memory channels in the trace', () => {
  it('record a put when an item enters the buffer and a get when one leaves; a handoff records none', async () => {
    const result = await runSource(IMPORTS + `
      const [send, receive] = openMemoryChannel<number>(2);
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          for (let i = 1; i <= 4; i++) await send.send(i); // 3 and 4 wait: the buffer holds 2
        }, { name: 'producer' });
        await sleep(10);
        for (let i = 0; i < 4; i++) await receive.receive();
      });
      const [send0, receive0] = openMemoryChannel<string>(0);
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { await receive0.receive(); });
        await sleep(1);
        await send0.send('handed over'); // a receiver waits: straight to it
      });
    `);
    expect(result.problems).toEqual([]);
    const facts = result.trace.flatMap((e) => (e.kind === 'queue' ? [`${e.t} ${e.detail.op} ${e.detail.size}`] : []));
    // 1 and 2 fill the buffer at 0; from 10, each receive takes one out and moves a blocked sender's item in
    // (the buffer never holds more than 2, as trio's statistics count it), then the last two drain it.
    expect(facts).toEqual(['0 put 1', '0 put 2', '10 get 2', '10 get 2', '10 get 1', '10 get 0']);
    const names = new Set(result.trace.flatMap((e) => (e.kind === 'queue' ? [e.detail.what] : [])));
    expect([...names]).toEqual(['channel#1']);
  });
});
