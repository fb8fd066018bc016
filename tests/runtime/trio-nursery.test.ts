/**
 * Nurseries (src/runtime/trio/nursery.ts) against trio's documented
 * semantics: the nursery waits for its children; an error cancels the rest and
 * surfaces in an ExceptionGroup (strict_exception_groups=True, trio >= 0.25);
 * nursery.start / task_status.started; cancel_scope. Same-instant order is
 * unspecified in trio, so tests only compare times, or sets within a time.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const IMPORTS = `import { sleep, now, checkpoint, blockFor, openNursery, CancelScope, moveOnAfter, Cancelled, ExceptionGroup, TASK_STATUS_IGNORED, type TaskStatus, type Nursery } from 'miniloop';\n`;

/** Run a trio-style program; returns "t text" lines and fails on any reported problem. */
async function run(source: string): Promise<string[]> {
  const result = await runSource(IMPORTS + source);
  expect(result.problems.map((p) => p.message)).toEqual([]);
  return result.lines.map((l) => `${l.t} ${l.text}`);
}

describe('trio nursery', () => {
  it('waits for every child before the block ends', async () => {
    const lines = await run(`
      async function child(name: string, ms: number) { await sleep(ms); console.log(name); }
      await openNursery(async (nursery) => {
        nursery.startSoon(child, 'a', 10);
        nursery.startSoon(child, 'b', 30);
        nursery.startSoon(child, 'c', 20);
        console.log('body done');
      });
      console.log('after');
    `);
    expect(lines).toEqual(['0 body done', '10 a', '20 c', '30 b', '30 after']);
  });

  it('children start only after the body reaches a checkpoint (start_soon does not run them)', async () => {
    const lines = await run(`
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => console.log('child runs'));
        console.log('body still running');
        blockFor(5);
        console.log('body blocked, child not started');
        await checkpoint();
        console.log('body after checkpoint');
      });
    `);
    expect(lines.slice(0, 2)).toEqual(['0 body still running', '5 body blocked, child not started']);
    expect(lines.slice(2).sort()).toEqual(['5 body after checkpoint', '5 child runs']);
  });

  it('an error in a child cancels its siblings and the body, and surfaces alone in an ExceptionGroup', async () => {
    const lines = await run(`
      async function sleeper(name: string) {
        try { await sleep(1000); console.log(name, 'finished'); }
        catch (e) { console.log(name, 'got', (e as Error).name); throw e; }
        finally { console.log(name, 'finally'); }
      }
      async function failing() { await sleep(50); throw new Error('boom'); }
      try {
        await openNursery(async (nursery) => {
          nursery.startSoon(sleeper, 'x');
          nursery.startSoon(sleeper, 'y');
          nursery.startSoon(failing);
          try { await sleep(1000); } catch (e) { console.log('body got', (e as Error).name); throw e; }
        });
      } catch (e) {
        const group = e as ExceptionGroup;
        console.log('caught', group instanceof ExceptionGroup, group.message);
        console.log('inside', group.exceptions.map((x) => String(x)).join(','));
      }
      console.log('end');
    `);
    const at50 = lines.filter((l) => l.startsWith('50 ')).slice(0, -3);
    expect(at50.sort()).toEqual(
      ['50 body got Cancelled', '50 x finally', '50 x got Cancelled', '50 y finally', '50 y got Cancelled'].sort(),
    );
    expect(lines.slice(-3)).toEqual([
      '50 caught true Exceptions from Trio nursery (1 sub-exception)',
      '50 inside Error: boom',
      '50 end',
    ]);
  });

  it('keeps every real error: a child raising while it is cancelled adds its error to the group', async () => {
    // trio 0.22 printed: 0.01 ['one', 'two']
    const lines = await run(`
      async function fail(message: string) { await sleep(10); throw new Error(message); }
      async function failInFinally(message: string) { try { await sleep(20); } finally { throw new Error(message); } }
      try {
        await openNursery(async (nursery) => {
          nursery.startSoon(fail, 'one');
          nursery.startSoon(failInFinally, 'two');
        });
      } catch (e) {
        console.log((e as ExceptionGroup).exceptions.map((x) => (x as Error).message).sort().join(','));
      }
    `);
    expect(lines).toEqual(['10 one,two']);
  });

  it('two children whose sleeps end at the same instant: the first to run fails the nursery, the other is cancelled at its sleep', async () => {
    // trio's sleep ends through its own deadline scope, so once the nursery is cancelled the
    // other child's sleep raises Cancelled instead of returning (trio 0.22 printed: ['one']).
    const lines = await run(`
      async function fail(message: string) { await sleep(10); throw new Error(message); }
      try {
        await openNursery(async (nursery) => {
          nursery.startSoon(fail, 'one');
          nursery.startSoon(fail, 'two');
        });
      } catch (e) {
        console.log((e as ExceptionGroup).exceptions.map((x) => (x as Error).message).sort().join(','));
      }
    `);
    expect(lines).toEqual(['10 one']);
  });

  it('an error in the body cancels the children and is in the group', async () => {
    const lines = await run(`
      try {
        await openNursery(async (nursery) => {
          nursery.startSoon(async () => { try { await sleep(100); } finally { console.log('child finally'); } });
          await sleep(5);
          throw new TypeError('body failed');
        });
      } catch (e) {
        const group = e as ExceptionGroup;
        console.log(group.exceptions.length, (group.exceptions[0] as Error).name);
      }
    `);
    expect(lines).toEqual(['5 child finally', '5 1 TypeError']);
  });

  it('wraps a body error raised before any await too, and the nursery still waits for nothing', async () => {
    const lines = await run(`
      try {
        await openNursery((nursery) => { throw new RangeError('sync'); });
      } catch (e) {
        console.log(e instanceof ExceptionGroup, ((e as ExceptionGroup).exceptions[0] as Error).message);
      }
    `);
    expect(lines).toEqual(['0 true sync']);
  });

  it('nursery.cancelScope.cancel() cancels the children and the nursery ends without error', async () => {
    const lines = await run(`
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { try { await sleep(1000); } finally { console.log('child stopped'); } });
        await sleep(20);
        nursery.cancelScope.cancel();
        console.log('cancel called', nursery.cancelScope.cancelCalled);
      });
      console.log('after nursery');
    `);
    expect(lines).toEqual(['20 cancel called true', '20 child stopped', '20 after nursery']);
  });

  it('a scope around the nursery cancels the children of nested nurseries', async () => {
    const lines = await run(`
      async function leaf(name: string) { try { await sleep(1000); } finally { console.log(name, 'cancelled at', now()); } }
      const scope = await moveOnAfter(30, async () => {
        await openNursery(async (outer) => {
          outer.startSoon(leaf, 'outer-child');
          outer.startSoon(async () => {
            await openNursery(async (inner) => { inner.startSoon(leaf, 'inner-child'); });
          });
        });
      });
      console.log('caught', scope.cancelledCaught);
    `);
    expect(lines.slice(0, 2).sort()).toEqual(['30 inner-child cancelled at 30', '30 outer-child cancelled at 30']);
    expect(lines[2]).toBe('30 caught true');
  });

  it('start() resolves with the started value while the child keeps running in the nursery', async () => {
    const lines = await run(`
      async function server(taskStatus: TaskStatus<number>, port: number) {
        await sleep(10);
        console.log('listening on', port);
        taskStatus.started(port + 1);
        await sleep(40);
        console.log('server done');
      }
      await openNursery(async (nursery) => {
        const value = await nursery.start(server, 8000);
        console.log('start returned', value);
      });
      console.log('nursery closed');
    `);
    expect(lines).toEqual(['10 listening on 8000', '10 start returned 8001', '50 server done', '50 nursery closed']);
  });

  it('start() raises the child error itself (not a group) when it fails before started()', async () => {
    const lines = await run(`
      await openNursery(async (nursery) => {
        try {
          await nursery.start(async (status: TaskStatus) => { await sleep(5); throw new Error('no port'); });
        } catch (e) {
          console.log('start failed', e instanceof ExceptionGroup, (e as Error).message);
        }
      });
    `);
    expect(lines).toEqual(['5 start failed false no port']);
  });

  it('start() raises RuntimeError when the child returns without calling started()', async () => {
    const lines = await run(`
      await openNursery(async (nursery) => {
        try { await nursery.start(async (status: TaskStatus) => { await sleep(1); }); }
        catch (e) { console.log((e as Error).name, (e as Error).message); }
      });
    `);
    expect(lines).toEqual(['1 RuntimeError child exited without calling task_status.started()']);
  });

  it('a started child that fails later fails the nursery it moved to', async () => {
    const lines = await run(`
      try {
        await openNursery(async (nursery) => {
          await nursery.start(async (status: TaskStatus) => { status.started(); await sleep(10); throw new Error('late'); });
          console.log('started');
          await sleep(100);
          console.log('not reached');
        });
      } catch (e) {
        console.log('group of', (e as ExceptionGroup).exceptions.map((x) => (x as Error).message).join(','));
      }
    `);
    expect(lines).toEqual(['0 started', '10 group of late']);
  });

  it('cancelling the caller of start() cancels the child before it started', async () => {
    const lines = await run(`
      await openNursery(async (nursery) => {
        const scope = await moveOnAfter(10, async () => {
          await nursery.start(async (status: TaskStatus) => {
            try { await sleep(100); status.started(); } finally { console.log('child cancelled at', now()); }
          });
        });
        console.log('start cancelled', scope.cancelledCaught);
      });
    `);
    expect(lines).toEqual(['10 child cancelled at 10', '10 start cancelled true']);
  });

  it('started() moves the child with its own inner scopes: the new nursery cancels them, the old caller scope does not', async () => {
    const lines = await run(`
      async function service(status: TaskStatus) {
        await new CancelScope().run(async () => {
          status.started();
          try { await sleep(1000); } finally { console.log('service stopped at', now()); }
        });
      }
      await openNursery(async (nursery) => {
        const callerScope = await moveOnAfter(10, async () => { await nursery.start(service); await sleep(100); });
        console.log('caller scope done', callerScope.cancelledCaught, 'at', now());
        await sleep(20);
        nursery.cancelScope.cancel();
      });
      console.log('end', now());
    `);
    expect(lines).toEqual(['10 caller scope done true at 10', '30 service stopped at 30', '30 end 30']);
  });

  it('called twice, started() raises; TASK_STATUS_IGNORED lets a start-style function be called directly', async () => {
    const lines = await run(`
      async function service(status: TaskStatus<string>) { status.started('ready'); try { status.started('again'); } catch (e) { console.log((e as Error).message); } }
      await openNursery(async (nursery) => { console.log(await nursery.start(service)); });
      await service(TASK_STATUS_IGNORED);
      console.log('direct call ok');
    `);
    expect(lines).toEqual([
      "0 called 'started' twice on the same task status",
      '0 ready',
      '0 direct call ok',
    ]);
  });

  it('refuses new children once closed (RuntimeError)', async () => {
    const lines = await run(`
      let saved: Nursery | undefined;
      await openNursery(async (nursery) => { saved = nursery; });
      try { saved!.startSoon(async () => {}); } catch (e) { console.log((e as Error).name, (e as Error).message); }
    `);
    expect(lines).toEqual(['0 RuntimeError Nursery is closed to new arrivals']);
  });

  it('a child can start siblings while the parent waits in the nursery', async () => {
    const lines = await run(`
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          await sleep(10);
          nursery.startSoon(async () => { await sleep(10); console.log('grandchild-like sibling'); });
        });
      });
      console.log('closed');
    `);
    expect(lines).toEqual(['20 grandchild-like sibling', '20 closed']);
  });

  it('resolves with the body result', async () => {
    const lines = await run(`
      const value = await openNursery(async (nursery) => { nursery.startSoon(sleep, 5); return 42; });
      console.log(value);
    `);
    expect(lines).toEqual(['5 42']);
  });

  it('puts children in the nursery group on the timeline and shows the parent waiting on the nursery', async () => {
    const result = await runSource(IMPORTS + `
      await openNursery(async (nursery) => {
        nursery.startSoon(async function worker() { await sleep(10); });
      });
    `);
    const spawn = result.trace.find((e) => e.kind === 'spawn' && e.detail.name === 'worker');
    expect(spawn?.kind === 'spawn' && spawn.detail.group).toBe('nursery#1');
    const mainId = result.tasks.find((t) => t.name === 'main')!.id;
    const waits = result.trace.filter((e) => e.kind === 'wait' && e.task === mainId).map((e) => (e.kind === 'wait' ? e.detail.on : null));
    expect(waits).toContainEqual({ kind: 'nursery', what: 'nursery#1' });
  });
});
