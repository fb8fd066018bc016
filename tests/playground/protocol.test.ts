// Messages from the sandbox are checked field by field; anything else is
// dropped (the sandbox runs untrusted code).
import { describe, expect, test } from 'vitest';
import { PLAYGROUND_LIMITS, validFromSandbox, validLine, validRunRequest } from '../../src/playground/protocol.ts';

const line = { t: 5, task: 'main', level: 'log', text: 'hi' };

describe('validFromSandbox', () => {
  test('well-formed messages pass, as clean copies', () => {
    expect(validFromSandbox({ type: 'ready', extra: 1 })).toEqual({ type: 'ready' });
    expect(validFromSandbox({ type: 'lines', id: 3, lines: [{ ...line, evil: '<img>' }] })).toEqual({ type: 'lines', id: 3, lines: [line] });
    expect(validFromSandbox({ type: 'done', id: 3, status: 'failed', problems: [{ kind: 'deadlock', message: 'x' }], total: 7, endTime: 100 })).toEqual({
      type: 'done',
      id: 3,
      status: 'failed',
      problems: [{ kind: 'deadlock', message: 'x' }],
      total: 7,
      endTime: 100,
    });
    expect(validFromSandbox({ type: 'crash', message: 'oom' })).toEqual({ type: 'crash', message: 'oom' });
  });
  test.each([
    ['not an object', 'lines'],
    ['null', null],
    ['an array', [1]],
    ['unknown type', { type: 'eval', code: 'alert(1)' }],
    ['negative id', { type: 'lines', id: -1, lines: [] }],
    ['fractional id', { type: 'lines', id: 1.5, lines: [] }],
    ['lines not an array', { type: 'lines', id: 1, lines: 'x' }],
    ['a bad line', { type: 'lines', id: 1, lines: [line, { ...line, level: 'alert' }] }],
    ['a line with a number as text', { type: 'lines', id: 1, lines: [{ ...line, text: 1 }] }],
    ['too many lines in a batch', { type: 'lines', id: 1, lines: Array(5001).fill(line) }],
    ['a huge line', { type: 'lines', id: 1, lines: [{ ...line, text: 'x'.repeat(100_001) }] }],
    ['done with a bad status', { type: 'done', id: 1, status: 'great', problems: [], total: 0, endTime: 0 }],
    ['done with a bad problem', { type: 'done', id: 1, status: 'ok', problems: [{ kind: 1 }], total: 0, endTime: 0 }],
    ['done without total', { type: 'done', id: 1, status: 'ok', problems: [], endTime: 0 }],
    ['crash without message', { type: 'crash' }],
  ])('rejects %s', (_name, message) => {
    expect(validFromSandbox(message)).toBeUndefined();
  });
  test('validLine rejects infinite times', () => {
    expect(validLine({ ...line, t: Infinity })).toBeUndefined();
    expect(validLine({ ...line, t: Number.NaN })).toBeUndefined();
  });
});

describe('validRunRequest', () => {
  const program = { ok: true, code: '__main(async () => {})', map: '{}', lineOffset: 1, filename: 'main.ts', source: '' };
  test('a run request with the playground limits by default', () => {
    expect(validRunRequest({ type: 'run', id: 1, program })).toEqual({ type: 'run', id: 1, program, limits: PLAYGROUND_LIMITS });
  });
  test('valid limits are kept, invalid ones replaced', () => {
    const request = validRunRequest({ type: 'run', id: 1, program, limits: { stepLimit: 10, timeLimit: -5, outputLimit: Infinity } });
    expect(request?.limits).toEqual({ ...PLAYGROUND_LIMITS, stepLimit: 10 });
  });
  test("the page's language is kept when the runtime has it, dropped otherwise (English)", () => {
    expect(validRunRequest({ type: 'run', id: 1, program, lang: 'zh' })?.lang).toBe('zh');
    expect(validRunRequest({ type: 'run', id: 1, program, lang: 'fr' })).toEqual({ type: 'run', id: 1, program, limits: PLAYGROUND_LIMITS });
  });
  test('anything else is dropped', () => {
    expect(validRunRequest({ type: 'run', id: 1, program: { ...program, ok: false } })).toBeUndefined();
    expect(validRunRequest({ type: 'run', id: 1, program: { ...program, code: 1 } })).toBeUndefined();
    expect(validRunRequest({ type: 'init', id: 1, program })).toBeUndefined();
  });
});
