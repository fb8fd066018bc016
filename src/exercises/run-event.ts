/**
 * The one event between a graded playground (src/playground/controller.ts)
 * and the exercises' client: dispatched on the playground's root when a run
 * ends; `detail` is the run's record (protocol.ts RunRecord, nonce already
 * matched by sandbox.ts) or undefined when the run ended without one
 * (compile error, Stop, timeout, crash).
 */
export const RUN_RECORD_EVENT = 'miniloop:run-record';

/** The attribute that makes a playground graded: its sandbox asks every run for a record. */
export const GRADED_ATTRIBUTE = 'data-graded';
