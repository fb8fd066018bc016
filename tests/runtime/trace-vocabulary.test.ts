/**
 * The trace vocabulary is declared once (src/contract/trace-vocabulary.ts):
 * every word of it is accepted by the timeline's validator and has a look in
 * the styles, and a word outside it is rejected.
 */
import { describe, expect, it } from 'vitest';
import { LIMIT_NAMES, LIMIT_STOP_REASON, LOG_LEVELS, STOP_REASONS, TASK_OUTCOMES, WAIT_KINDS } from '../../src/contract/trace-vocabulary.ts';
import { DEFAULT_LIMITS } from '../../src/runtime/loop.ts';
import { LIGHT_PALETTE, WAIT_PATTERN } from '../../src/timeline/styles.ts';
import { validTraceInput } from '../../src/timeline/validate.ts';

const event = (kind: string, detail: object, seq = 0) => ({ t: 0, seq, task: 1, kind, detail });
const accepted = (...events: object[]) => validTraceInput({ trace: events.map((e, seq) => ({ ...e, seq })) }) !== undefined;

describe('trace vocabulary', () => {
  it('every wait kind is accepted by the validator and has a pattern and a colour', () => {
    for (const kind of WAIT_KINDS) {
      expect([kind, accepted(event('wait', { on: { kind, what: 'x' } }))]).toEqual([kind, true]);
      expect(WAIT_PATTERN[kind]).toBeTypeOf('string');
      expect(LIGHT_PALETTE[`wait-${kind}`]).toMatch(/^#/);
    }
    expect(accepted(event('wait', { on: { kind: 'mutex', what: 'x' } }))).toBe(false);
  });

  it('every log level, outcome and stop reason is accepted; others are not', () => {
    for (const level of LOG_LEVELS) expect(accepted(event('log', { level, text: 'a' }))).toBe(true);
    for (const outcome of TASK_OUTCOMES) expect(accepted(event('done', { outcome }))).toBe(true);
    for (const reason of STOP_REASONS) expect(accepted(event('stop', { reason }))).toBe(true);
    expect(accepted(event('stop', { reason: 'time-limit', limit: 1000, passed: true }))).toBe(true);
    expect(accepted(event('stop', { reason: 'step-limit', limit: '1000' }))).toBe(false);
    expect(accepted(event('log', { level: 'trace', text: 'a' }))).toBe(false);
    expect(accepted(event('done', { outcome: 'lost' }))).toBe(false);
    expect(accepted(event('stop', { reason: 'tired' }))).toBe(false);
  });

  it('the loop has a default for every budget, and each budget stops with a known reason', () => {
    expect(Object.keys(DEFAULT_LIMITS).filter((k) => k !== 'loopEvents').sort()).toEqual([...LIMIT_NAMES].sort());
    for (const name of LIMIT_NAMES) expect(STOP_REASONS).toContain(LIMIT_STOP_REASON[name]);
  });
});
