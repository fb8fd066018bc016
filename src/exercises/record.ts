/**
 * Page side: the record a graded run sent back (protocol.ts RunRecord),
 * checked before it is believed - the nonce this page gave the run (acceptRecord), events of
 * the shape the runtime records (timeline/validate.ts, the same validator the
 * timeline uses), and a listener that heard every event - then turned into
 * facts (facts.ts). Anything else grades as "not passed", never as a pass.
 * Tests: tests/exercises/record.test.ts.
 */
import type { RunRecord } from '../playground/protocol.ts';
import type { TraceEvent } from '../runtime/trace.ts';
import { validTraceInput } from '../timeline/validate.ts';
import { analyse, type RunFacts } from './facts.ts';

/**
 * The record of a run's answer if it carries the nonce the page gave that run
 * (sandbox.ts calls this on every `done`), else undefined: a record that is not
 * the answer to this page's request is dropped before anything reads it.
 */
export function acceptRecord(record: RunRecord | undefined, nonce: string | undefined): RunRecord | undefined {
  return record !== undefined && nonce !== undefined && record.nonce === nonce ? record : undefined;
}

/** The facts of a returned record, or a reason it cannot be trusted (written into `tampered`, which fails every check). */
export function factsFromRecord(record: RunRecord | undefined): RunFacts {
  const refuse = (why: string): RunFacts => ({ lines: [], tasks: [], queues: [], blocks: [], errors: [], stops: [], endTime: 0, tampered: why });
  if (!record) return refuse('the run sent no record');
  const input = validTraceInput({ trace: record.events });
  if (!input) return refuse('the record is malformed');
  const facts = analyse(input.trace as TraceEvent[], record.problems);
  if (!record.complete) facts.tampered ??= 'the program kept the runtime from reporting some events';
  return facts;
}
