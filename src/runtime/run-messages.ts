/**
 * The language of the run in progress, held by the Loop: reports made inside
 * a run (asyncio/run.ts shutdown errors) are written in it. Kept apart from
 * messages.ts so the page (the exercises' grader) can import the catalogue
 * without the loop. Tests: tests/runtime/asyncio-run-shutdown.test.ts (zh).
 */
import { RunSlot } from './loop.ts';
import { messagesFor, type Messages } from './messages.ts';

/** The messages of the run in progress (set with the program's globals; English until then). */
export const RUN_MESSAGES = new RunSlot<{ text: Messages }>('messages', () => ({ text: messagesFor('en') }));
