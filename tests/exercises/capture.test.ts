/**
 * A hostile "solution" cannot forge a pass by patching built-ins: the runner's
 * capture (src/exercises/capture.ts) still hands the page every event that
 * decides, or the record says it is incomplete. Each program below patches
 * something, then fails for real (an uncaught error); the grade must fail.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { gradeChecks } from '../../src/exercises/grade.ts';
import { acceptRecord, factsFromRecord } from '../../src/exercises/record.ts';
import type { RunRecord } from '../../src/playground/protocol.ts';

const child = resolve(import.meta.dirname, 'fixtures/capture-child.ts');

/** The record the page would receive; undefined when the runner died without one (the page then has nothing to grade: no pass). */
function recordOf(source: string): Promise<RunRecord | undefined> {
  return new Promise((done) => {
    execFile(process.execPath, [child, source], { timeout: 120_000, maxBuffer: 64 << 20 }, (error, stdout) => {
      done(error ? undefined : (deserialize(Buffer.from(stdout, 'base64')) as RunRecord));
    });
  });
}

const FAILS = "\nimport { sleep } from 'miniloop';\nawait sleep(5);\nthrow new Error('really failed');\n";
const PATCHES: Array<[string, string]> = [
  ['a setter on every array index', "for (let i = 0; i < 50; i++) Object.defineProperty(Array.prototype, String(i), { set() {}, get() { return undefined; }, configurable: true });"],
  ['a poisoned descriptor field on Object.prototype', "Object.defineProperty(Object.prototype, 'get', { get() { return () => 1; }, configurable: true });"],
  ['listeners starved (Array.prototype.slice)', 'Array.prototype.slice = function () { return []; };'],
  ['Object.defineProperty replaced', 'Object.defineProperty = (o) => o;'],
];

describe('a program that patches built-ins cannot forge a pass', () => {
  it('the honest failing program fails (control)', async () => {
    const facts = factsFromRecord(await recordOf(FAILS));
    expect(facts.tampered).toBeUndefined();
    const grade = gradeChecks([{ check: 'no-error' }], facts, 'en');
    expect(grade.pass).toBe(false);
    expect(grade.results[0]!.message).toContain('really failed');
  });
  for (const [name, patch] of PATCHES) {
    it(name, async () => {
      const facts = factsFromRecord(await recordOf(patch + FAILS));
      expect(gradeChecks([{ check: 'no-error' }], facts, 'en').pass).toBe(false);
    });
  }
  // Patching Array.prototype.push used to make the runtime itself lose the program's timers and errors;
  // the runtime now runs on captured built-ins (src/runtime/primordials.ts, issue 18).
  it('Array.prototype.push patched: the failure is still recorded', async () => {
    const facts = factsFromRecord(await recordOf('Array.prototype.push = function () { return this.length; };' + FAILS));
    expect(gradeChecks([{ check: 'no-error' }], facts, 'en').pass).toBe(false);
  });

  it('a record with another nonce, or malformed events, is refused', async () => {
    const record = (await recordOf("console.log('fine');"))!;
    expect(gradeChecks([{ check: 'no-error' }], factsFromRecord(acceptRecord(record, 'n')), 'en').pass).toBe(true);
    expect(acceptRecord(record, 'other')).toBeUndefined();
    expect(acceptRecord(record, undefined)).toBeUndefined();
    expect(gradeChecks([{ check: 'no-error' }], factsFromRecord(acceptRecord(record, 'other')), 'en').pass).toBe(false);
    expect(factsFromRecord({ ...record, events: [{ kind: 'log' }] }).tampered).toMatch(/malformed/);
    expect(factsFromRecord({ ...record, complete: false }).tampered).toMatch(/kept the runtime/);
  });
});
