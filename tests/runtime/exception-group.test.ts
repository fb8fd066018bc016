/**
 * BaseExceptionGroup / ExceptionGroup with Python's semantics (PEP 654;
 * CPython 3.14 docs, "Exception groups"): which class the constructor gives,
 * what an ExceptionGroup may hold, and split / subgroup (what `except*` does).
 * Each expectation below was checked against CPython 3.11 (noted per case).
 */
import { describe, expect, it } from 'vitest';
import { BaseExceptionGroup, CancelledError, ExceptionGroup, RuntimeError, TimeoutError, ValueError } from '../../src/runtime/index.ts';
import { Cancelled } from '../../src/runtime/trio/errors.ts';
import { outputOf } from './run-source.ts';

/** A group as Python prints it in a repr: ExceptionGroup('out', [TypeError('1'), ...]). */
function repr(error: unknown): string {
  if (error === null) return 'None';
  if (error instanceof BaseExceptionGroup) return `${error.name}('${error.groupMessage}', [${error.exceptions.map(repr).join(', ')}])`;
  return error instanceof Error ? `${error.name}('${error.message}')` : String(error);
}

describe('BaseExceptionGroup and ExceptionGroup', () => {
  it('BaseExceptionGroup gives an ExceptionGroup unless a member is a cancellation', () => {
    // Python: type(BaseExceptionGroup('b', [ValueError(1)])) is ExceptionGroup; with CancelledError() it stays BaseExceptionGroup.
    const plain = new BaseExceptionGroup('b', [new ValueError('1')]);
    expect(plain).toBeInstanceOf(ExceptionGroup);
    expect(plain.name).toBe('ExceptionGroup');
    const base = new BaseExceptionGroup('b', [new CancelledError()]);
    expect(base).not.toBeInstanceOf(ExceptionGroup);
    expect([base.name, base.message, base.groupMessage]).toEqual(['BaseExceptionGroup', 'b (1 sub-exception)', 'b']);
    expect(new BaseExceptionGroup('t', [new Cancelled()])).not.toBeInstanceOf(ExceptionGroup);
  });

  it('an ExceptionGroup refuses a cancellation; no group is empty', () => {
    expect(() => new ExceptionGroup('e', [new CancelledError()])).toThrow(new TypeError('Cannot nest BaseExceptions in an ExceptionGroup'));
    expect(() => new ExceptionGroup('e', [new BaseExceptionGroup('b', [new CancelledError()])])).toThrow(TypeError);
    expect(() => new BaseExceptionGroup('e', [])).toThrow(new ValueError('second argument (exceptions) must be a non-empty sequence'));
    expect(() => new BaseExceptionGroup('e', [])).toThrow(ValueError);
  });

  it('split keeps the nesting, derives new groups, and gives null for an empty side', () => {
    const inner = new ExceptionGroup('in', [new ValueError('3')]);
    const outer = new ExceptionGroup('out', [new TypeError('1'), inner]);
    // Python: (ExceptionGroup('out', [ExceptionGroup('in', [ValueError(3)])]), ExceptionGroup('out', [TypeError(1)]))
    const [match, rest] = outer.split(ValueError);
    expect([repr(match), repr(rest)]).toEqual(["ExceptionGroup('out', [ExceptionGroup('in', [ValueError('3')])])", "ExceptionGroup('out', [TypeError('1')])"]);
    expect(match!.exceptions[0]).not.toBe(inner); // derived, as Python's split re-derives nested groups
    expect(outer.split(RangeError)).toEqual([null, outer]);
    // A condition true for the group itself takes it whole: (eg, None).
    expect(outer.split(ExceptionGroup)).toEqual([outer, null]);
  });

  it('subgroup takes a class, a list of classes (a tuple) or a predicate, also asked of groups', () => {
    const group = new ExceptionGroup('x', [new ValueError('1'), new TypeError('2'), new TimeoutError('3')]);
    expect(repr(group.subgroup(ValueError))).toBe("ExceptionGroup('x', [ValueError('1')])");
    expect(repr(group.subgroup([TypeError, TimeoutError]))).toBe("ExceptionGroup('x', [TypeError('2'), TimeoutError('3')])");
    expect(group.subgroup(RuntimeError)).toBeNull();
    const all = group.subgroup((e) => e instanceof Error && !(e instanceof BaseExceptionGroup));
    // Python: eg.subgroup(lambda e: ...) matching every leaf is a new group, not eg itself.
    expect(all).not.toBe(group);
    expect(repr(all)).toBe(repr(group));
    expect(group.subgroup((e) => e === group)).toBe(group);
    expect(() => group.subgroup('ValueError' as never)).toThrow(TypeError);
  });

  it('a derived group keeps the cause, and the class follows its members', () => {
    const cause = new Error('root');
    const group = new BaseExceptionGroup('mixed', [new CancelledError(), new ValueError('v')], );
    (group as { cause?: unknown }).cause = cause;
    const [cancelled, rest] = group.split(CancelledError);
    expect(cancelled!.name).toBe('BaseExceptionGroup');
    expect(rest).toBeInstanceOf(ExceptionGroup);
    expect((rest as { cause?: unknown }).cause).toBe(cause);
  });

  it('programs import RuntimeError and catch the runtime\'s own by type', async () => {
    const out = await outputOf(`
      import { Lock, RuntimeError, ExceptionGroup, withTaskGroup } from 'miniloop';
      try { new Lock().release(); } catch (e) { console.log(e instanceof RuntimeError, String(e)); }
      try {
        await withTaskGroup(async (tg) => {
          tg.createTask(async () => { throw new TypeError('t'); });
          tg.createTask(async () => { throw new RangeError('r'); });
        });
      } catch (e) {
        if (!(e instanceof ExceptionGroup)) throw e;
        const [types, rest] = e.split(TypeError);
        console.log(types?.exceptions.map(String), rest?.exceptions.map(String));
      }
    `);
    expect(out).toEqual(["true RuntimeError: Lock is not acquired.", "[ 'TypeError: t' ] [ 'RangeError: r' ]"]);
  });
});
