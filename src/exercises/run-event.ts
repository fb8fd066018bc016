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

/**
 * Asks a playground's timeline to put its playhead at a virtual time:
 * dispatched on the timeline panel (`[data-timeline]`) with `detail: { t }`
 * (ms); src/playground/timeline-panel.ts calls the timeline's `scrubTo`, whose
 * live region announces the new position. Sent by the exercises' "Show on the
 * timeline" buttons (tests/browser/exercises-timeline.test.ts).
 */
export const SCRUB_REQUEST_EVENT = 'miniloop:scrub-to';

/** The detail of SCRUB_REQUEST_EVENT. */
export interface ScrubRequest {
  t: number;
}
