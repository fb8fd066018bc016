/** What crosses the sandbox boundary for an exercise: the run request's nonce and the returned record are validated field by field (protocol.ts). */
import { describe, expect, it } from 'vitest';
import { validFromSandbox, validRunRequest } from '../../src/playground/protocol.ts';

const program = { ok: true, code: '', map: '', lineOffset: 0, filename: 'x.ts', source: '' };
const done = { type: 'done', id: 1, status: 'ok', problems: [], total: 0, endTime: 0 };
const record = { nonce: 'abc', events: [], problems: [{ kind: 'unretrieved', message: 'm' }], complete: true };

describe('records across the boundary', () => {
  it('a run request keeps a well-formed nonce and drops a malformed one', () => {
    expect(validRunRequest({ type: 'run', id: 1, program, record: { nonce: 'abc' } })?.record).toEqual({ nonce: 'abc' });
    expect(validRunRequest({ type: 'run', id: 1, program, record: { nonce: 5 } })?.record).toBeUndefined();
    expect(validRunRequest({ type: 'run', id: 1, program })?.record).toBeUndefined();
  });

  it('a done message keeps a well-formed record as a clean copy, and is refused with a malformed one', () => {
    expect((validFromSandbox({ ...done, record: { ...record, extra: 1 } }) as { record?: unknown }).record).toEqual(record);
    expect(validFromSandbox({ ...done, record: { ...record, complete: 'yes' } })).toBeUndefined();
    expect(validFromSandbox({ ...done, record: { ...record, nonce: 7 } })).toBeUndefined();
    expect(validFromSandbox({ ...done, record: { ...record, problems: [{ kind: 1 }] } })).toBeUndefined();
    expect((validFromSandbox(done) as { record?: unknown }).record).toBeUndefined();
  });
});
