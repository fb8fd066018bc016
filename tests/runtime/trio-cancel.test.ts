/**
 * Cancel scopes and timeouts (src/runtime/trio/cancel-scope.ts,
 * cancel-delivery.ts) against trio's documented rules: Cancelled is delivered
 * at checkpoints only, again at every checkpoint while inside the cancelled
 * scope, and caught by the scope that was cancelled; shields; deadlines;
 * move_on_after / fail_after; current_effective_deadline.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const IMPORTS = `import { sleep, now, checkpoint, blockFor, openNursery, CancelScope, moveOnAfter, moveOnAt, failAfter, failAt, currentEffectiveDeadline, sleepForever, sleepUntil, Cancelled, TooSlowError, ExceptionGroup, Lock, ValueError, checkpointIfCancelled, cancelShieldedCheckpoint } from 'miniloop';\n`;

async function run(source: string): Promise<string[]> {
  const result = await runSource(IMPORTS + source);
  expect(result.problems.map((p) => p.message)).toEqual([]);
  return result.lines.map((l) => `${l.t} ${l.text}`);
}

describe('trio cancel scopes', () => {
  it('a task that computes without checkpoints is not interrupted; the next checkpoint raises', async () => {
    const lines = await run(`
      const scope = new CancelScope({ deadline: 10 });
      await scope.run(async () => {
        blockFor(25); // past the deadline, but no checkpoint
        console.log('still running at', now());
        blockFor(5);
        console.log('and still');
        await sleep(5);
        console.log('not reached');
      });
      console.log('caught', scope.cancelledCaught, 'called', scope.cancelCalled);
    `);
    expect(lines).toEqual(['25 still running at 25', '30 and still', '30 caught true called true']);
  });

  it('a cancel requested by another task waits for the running task to reach a checkpoint', async () => {
    const lines = await run(`
      const scope = new CancelScope();
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { await sleep(10); console.log('cancelling'); scope.cancel(); });
        await scope.run(async () => {
          await sleep(5);
          blockFor(20); // the other task's timer is due at 10, but nothing runs while we compute
          console.log('computed until', now());
          // The other task gets to run at one of these checkpoints and cancels us; a later one raises.
          try { for (;;) await checkpoint(); } finally { console.log('cancelled at', now()); }
        });
        console.log('caught', scope.cancelledCaught, 'at', now());
      });
    `);
    expect(lines).toEqual(['25 computed until 25', '25 cancelling', '25 cancelled at 25', '25 caught true at 25']);
  });

  it('cancel() called by the task itself takes effect at its next checkpoint', async () => {
    const lines = await run(`
      const scope = new CancelScope();
      await scope.run(async (s) => {
        s.cancel();
        console.log('after cancel()');
        await sleep(100);
        console.log('not reached');
      });
      console.log('caught', scope.cancelledCaught, 'at', now());
    `);
    expect(lines).toEqual(['0 after cancel()', '0 caught true at 0']);
  });

  it('keeps raising at every checkpoint while inside the cancelled scope', async () => {
    const lines = await run(`
      const scope = new CancelScope();
      await scope.run(async (s) => {
        s.cancel();
        for (let i = 0; i < 3; i++) {
          try { await sleep(10); console.log('slept'); } catch (e) { console.log('checkpoint', i, (e as Error).name); }
        }
        await checkpoint();
      });
      console.log('done at', now(), scope.cancelledCaught);
    `);
    expect(lines).toEqual([
      '0 checkpoint 0 Cancelled',
      '0 checkpoint 1 Cancelled',
      '0 checkpoint 2 Cancelled',
      '0 done at 0 true',
    ]);
  });

  it('an await in a finally of a cancelled scope raises at once, unless shielded', async () => {
    const lines = await run(`
      await moveOnAfter(10, async () => {
        try { await sleep(100); }
        finally {
          try { await sleep(50); console.log('unshielded sleep finished'); }
          catch (e) { console.log('cleanup interrupted at', now()); }
        }
      });
      await moveOnAfter(10, async () => {
        try { await sleep(100); }
        finally {
          await new CancelScope({ shield: true }).run(async () => { await sleep(50); console.log('shielded cleanup done at', now()); });
        }
      });
      console.log('end', now());
    `);
    // The second block starts at 10, is cancelled at 20, and its shielded cleanup sleeps 50 more.
    expect(lines).toEqual(['10 cleanup interrupted at 10', '70 shielded cleanup done at 70', '70 end 70']);
  });

  it('Cancelled is caught by the scope that was cancelled, not by inner scopes', async () => {
    const lines = await run(`
      const outer = new CancelScope();
      const inner = new CancelScope();
      await outer.run(async () => {
        await inner.run(async () => {
          outer.cancel();
          try { await sleep(10); } finally { console.log('inner finally'); }
        });
        console.log('not reached: inner does not swallow the outer cancellation');
      });
      console.log('outer caught', outer.cancelledCaught, 'inner caught', inner.cancelledCaught, 'inner called', inner.cancelCalled);
    `);
    expect(lines).toEqual(['0 inner finally', '0 outer caught true inner caught false inner called false']);
  });

  it('when both are cancelled, the outer scope catches', async () => {
    const lines = await run(`
      const outer = new CancelScope();
      const inner = new CancelScope();
      await outer.run(async () => {
        await inner.run(async () => { inner.cancel(); outer.cancel(); await sleep(10); });
        console.log('not reached');
      });
      console.log(outer.cancelledCaught, inner.cancelledCaught);
    `);
    expect(lines).toEqual(['0 true false']);
  });

  it('an inner cancel is caught by the inner scope and the outer code goes on', async () => {
    const lines = await run(`
      const outer = new CancelScope();
      await outer.run(async () => {
        const inner = await moveOnAfter(5, async () => { await sleep(10); });
        console.log('inner caught', inner.cancelledCaught, 'at', now());
        await sleep(10);
        console.log('outer body finished at', now());
      });
      console.log('outer caught', outer.cancelledCaught);
    `);
    expect(lines).toEqual(['5 inner caught true at 5', '15 outer body finished at 15', '15 outer caught false']);
  });

  it('a shielded scope ignores outer cancellation until the shield is lowered', async () => {
    const lines = await run(`
      const scope = await moveOnAfter(10, async () => {
        await new CancelScope({ shield: true }).run(async (shielded) => {
          await sleep(30);
          console.log('shielded sleep done at', now());
          shielded.shield = false;
          await sleep(30);
          console.log('not reached');
        });
      });
      console.log('outer caught', scope.cancelledCaught, 'at', now());
    `);
    expect(lines).toEqual(['30 shielded sleep done at 30', '30 outer caught true at 30']);
  });

  it('lowering the shield while the task is blocked wakes it with Cancelled', async () => {
    const lines = await run(`
      let shielded: CancelScope | undefined;
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          await sleep(10);
          shielded!.shield = false;
        });
        const scope = await moveOnAfter(5, async () => {
          shielded = new CancelScope({ shield: true });
          await shielded.run(async () => { await sleep(100); });
        });
        console.log('woken at', now(), scope.cancelledCaught);
      });
    `);
    expect(lines).toEqual(['10 woken at 10 true']);
  });

  it('a scope whose deadline already passed cancels at the first checkpoint inside it', async () => {
    const lines = await run(`
      await sleep(20);
      const scope = new CancelScope({ deadline: 10 });
      await scope.run(async () => { console.log('entered'); await checkpoint(); console.log('not reached'); });
      console.log(scope.cancelledCaught, scope.cancelCalled);
    `);
    expect(lines).toEqual(['20 entered', '20 true true']);
  });

  it('cancel() after the last checkpoint: cancelCalled true, cancelledCaught false', async () => {
    const lines = await run(`
      const scope = new CancelScope();
      const value = await scope.run(async (s) => { await sleep(5); s.cancel(); return 'result'; });
      console.log(value, scope.cancelCalled, scope.cancelledCaught);
    `);
    expect(lines).toEqual(['5 result true false']);
  });

  it('a scope can be cancelled before it is entered, or from another task', async () => {
    const lines = await run(`
      const early = new CancelScope();
      early.cancel();
      await early.run(async () => { await sleep(10); console.log('not reached'); });
      console.log('early caught', early.cancelledCaught, now());
      const remote = new CancelScope();
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { await remote.run(async () => { await sleepForever(); }); console.log('remote scope exited at', now()); });
        await sleep(7);
        remote.cancel();
      });
    `);
    expect(lines).toEqual(['0 early caught true 0', '7 remote scope exited at 7']);
  });

  it('moving the deadline while the scope is active', async () => {
    const lines = await run(`
      const scope = new CancelScope({ deadline: 10 });
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => { await sleep(5); scope.deadline = 40; });
        await scope.run(async () => { await sleep(1000); });
        console.log('cancelled at', now());
      });
      const scope2 = new CancelScope({ deadline: 100 });
      await scope2.run(async (s) => { await sleep(10); s.deadline = now(); await sleep(1000); });
      console.log('second at', now(), scope2.cancelledCaught);
    `);
    expect(lines).toEqual(['40 cancelled at 40', '50 second at 50 true']);
  });

  it('a scope can be run only once', async () => {
    const lines = await run(`
      const scope = new CancelScope();
      await scope.run(() => {});
      try { await scope.run(() => {}); } catch (e) { console.log((e as Error).name, (e as Error).message); }
    `);
    expect(lines).toEqual(["0 RuntimeError Each CancelScope may only be used for a single 'with' block"]);
  });

  it('says why in the Cancelled message, as trio 0.31 does (source, reason, source task); the first reason stays', async () => {
    const lines = await run(`
      async function why(fn: (s: CancelScope) => void) {
        await new CancelScope().run(async (s) => {
          fn(s);
          try { await checkpoint(); } catch (e) { console.log((e as Cancelled).source, '|', (e as Error).message); throw e; }
        });
      }
      await why((s) => { s.deadline = -Infinity; });
      await why((s) => s.cancel('hello'));
      await why((s) => { s.cancel(); s.deadline = -Infinity; });
      try {
        await openNursery(async (nursery) => {
          nursery.startSoon(async function failing() { throw new ValueError(); });
          try { await sleep(10); } catch (e) { console.log((e as Error).message); throw e; }
        });
      } catch {}
    `);
    expect(lines).toEqual([
      '0 deadline | cancelled due to deadline',
      "0 explicit | cancelled due to explicit with reason 'hello' from task <Task 'main'>",
      "0 explicit | cancelled due to explicit from task <Task 'main'>",
      "0 cancelled due to nursery with reason 'child task raised exception ValueError()' from task <Task 'failing'>",
    ]);
  });

  it('passes other errors through a cancelled scope untouched', async () => {
    const lines = await run(`
      const scope = new CancelScope();
      try {
        await scope.run(async (s) => { s.cancel(); try { await checkpoint(); } finally { throw new Error('cleanup failed'); } });
      } catch (e) { console.log('got', (e as Error).message, scope.cancelledCaught); }
    `);
    expect(lines).toEqual(['0 got cleanup failed false']);
  });
});

describe('trio timeouts', () => {
  it('moveOnAfter: cut short at the deadline, or resolves when fn finishes first', async () => {
    const lines = await run(`
      const slow = await moveOnAfter(100, async () => { await sleep(500); console.log('not reached'); });
      console.log('slow', slow.cancelledCaught, now());
      const quick = await moveOnAfter(100, async () => { await sleep(30); });
      console.log('quick', quick.cancelledCaught, now());
      const at = await moveOnAt(200, async () => { await sleep(1000); });
      console.log('moveOnAt', at.cancelledCaught, now(), at.deadline);
    `);
    expect(lines).toEqual(['100 slow true 100', '130 quick false 130', '200 moveOnAt true 200 200']);
  });

  it('failAfter: resolves with the result, or rejects with TooSlowError at the deadline', async () => {
    const lines = await run(`
      console.log('value', await failAfter(50, async () => { await sleep(20); return 'ok'; }));
      try { await failAfter(50, async () => { await sleep(80); }); }
      catch (e) { console.log('failed', e instanceof TooSlowError, (e as Error).name, now()); }
      try { await failAt(100, async () => { await sleepUntil(150); }); }
      catch (e) { console.log('failAt', (e as Error).name, now()); }
    `);
    expect(lines).toEqual(['20 value ok', '70 failed true TooSlowError 70', '100 failAt TooSlowError 100']);
  });

  it('rejects negative timeouts', async () => {
    const lines = await run(`
      try { await moveOnAfter(-1, async () => {}); } catch (e) { console.log((e as Error).name, (e as Error).message); }
    `);
    expect(lines).toEqual(['0 ValueError timeout must be non-negative']);
  });

  it('currentEffectiveDeadline: nearest deadline, reset by a shield, -Infinity once cancelled', async () => {
    const lines = await run(`
      console.log('outside', currentEffectiveDeadline());
      await moveOnAt(500, async () => {
        console.log('outer', currentEffectiveDeadline());
        await moveOnAt(800, async () => { console.log('looser inner', currentEffectiveDeadline()); });
        await moveOnAt(300, async () => { console.log('tighter inner', currentEffectiveDeadline()); });
        await new CancelScope({ shield: true }).run(async () => { console.log('shielded', currentEffectiveDeadline()); });
        await new CancelScope().run(async (s) => { s.cancel(); console.log('cancelled', currentEffectiveDeadline()); });
      });
    `);
    expect(lines).toEqual([
      '0 outside Infinity',
      '0 outer 500',
      '0 looser inner 500',
      '0 tighter inner 300',
      '0 shielded Infinity',
      '0 cancelled -Infinity',
    ]);
  });

  it('a nursery child inherits the deadline of the scope around the nursery', async () => {
    const lines = await run(`
      await moveOnAfter(40, async () => {
        await openNursery(async (nursery) => {
          nursery.startSoon(async () => {
            console.log('child deadline', currentEffectiveDeadline());
            try { await sleep(100); } catch (e) { console.log('child', (e as Error).name, 'at', now()); throw e; }
          });
        });
      });
      console.log('after', now());
    `);
    expect(lines).toEqual(['0 child deadline 40', '40 child Cancelled at 40', '40 after 40']);
  });

  it('cancels a task blocked on an asyncio Lock and lets the lock pass to the next waiter', async () => {
    const lines = await run(`
      const lock = new Lock();
      await lock.acquire();
      await openNursery(async (nursery) => {
        nursery.startSoon(async () => {
          const scope = await moveOnAfter(10, async () => { await lock.acquire(); console.log('impatient got the lock'); });
          console.log('impatient gave up', scope.cancelledCaught);
        });
        nursery.startSoon(async () => { await sleep(1); await lock.acquire(); console.log('patient got the lock at', now()); lock.release(); });
        await sleep(20);
        lock.release();
      });
      // Cancelled, then released in the same step: the first waiter is woken but gets Cancelled; the wake-up passes on.
      await lock.acquire();
      await openNursery(async (nursery) => {
        const scope = new CancelScope();
        nursery.startSoon(async () => { await scope.run(async () => { await lock.acquire(); console.log('raced waiter got it'); lock.release(); }); });
        nursery.startSoon(async () => { await sleep(2); await lock.acquire(); console.log('second waiter got it at', now()); lock.release(); });
        await sleep(30);
        scope.cancel();
        lock.release();
      });
      console.log('lock free', !lock.locked());
    `);
    expect(lines.slice(0, 2)).toEqual(['10 impatient gave up true', '20 patient got the lock at 20']);
    expect(lines.slice(2)).toEqual(['50 second waiter got it at 50', '50 lock free true']);
  });

  it('lowlevel checkpoints: checkpointIfCancelled raises only when cancelled, cancelShieldedCheckpoint never', async () => {
    const lines = await run(`
      await checkpointIfCancelled();
      console.log('not cancelled: passes');
      const scope = new CancelScope();
      await scope.run(async (s) => {
        s.cancel();
        await cancelShieldedCheckpoint();
        console.log('shielded checkpoint passes');
        await checkpointIfCancelled();
        console.log('not reached');
      });
      console.log('caught', scope.cancelledCaught);
    `);
    expect(lines).toEqual(['0 not cancelled: passes', '0 shielded checkpoint passes', '0 caught true']);
  });

  it('sleepForever wakes only by cancellation', async () => {
    const lines = await run(`
      const scope = await moveOnAfter(1000, async () => { await sleepForever(); });
      console.log(scope.cancelledCaught, now());
    `);
    expect(lines).toEqual(['1000 true 1000']);
  });
});
