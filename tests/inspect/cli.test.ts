// `miniloop run FILE --at T` and `--why N` through the CLI's main (in process: same code the bin runs).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) }, { LANG: 'C' });
  return { code, out, err };
}

describe('miniloop run --at / --why', { timeout: 60_000 }, () => {
  it('--at end on the deadlock example prints every task state and the cycle with arrows (exit 1: it deadlocks)', async () => {
    const { code, out } = await cli(['run', 'examples/deadlock.ts', '--at', 'end']);
    expect(code).toBe(1);
    expect(out).toContain('  alice  waiting on the fork (set by bob) [future]');
    expect(out).toContain('  main   waiting on task alice [task]');
    expect(out).toContain('Cycle (deadlock): alice -> the fork (set by bob) -> bob -> the knife (set by alice) -> alice');
  });

  it('--lang zh gives Chinese headings', async () => {
    const { out } = await cli(['run', 'examples/deadlock.ts', '--at', 'end', '--lang', 'zh']);
    expect(out).toContain('任务:');
    expect(out).toContain('环(死锁):');
  });

  it('--why N prints the chain; a line that does not exist is a usage error', async () => {
    const ok = await cli(['run', 'examples/tasks.ts', '--why', '1']);
    expect(ok.out).toMatch(/Why console line 1:\n {2}\[\S+ step \d+\] \S+ printed "/);
    const missing = await cli(['run', 'examples/hello.ts', '--why', '999']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('there is no console line 999');
  });

  it('rejects an --at that is not ms, end or step:N', async () => {
    const { code, err } = await cli(['run', 'examples/hello.ts', '--at', 'soon']);
    expect(code).toBe(2);
    expect(err).toContain('--at expects a time in ms, "end" or "step:N", got "soon"');
  });
});
