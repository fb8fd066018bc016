/**
 * The runner: the body of the blob worker that the sandbox frame starts. It is
 * bundled (with the whole runtime) into ONE classic script by
 * src/playground/vite-plugin.mjs, because a worker made from a Blob in an
 * opaque-origin frame cannot import modules from the site.
 *
 * It runs one program per message, synchronously (runProgram), and streams the
 * console lines in batches while the program runs. The first HEAD_LINES
 * lines of a run are streamed; of the rest the last TAIL_LINES are sent with
 * the result and all are counted.
 */
import { startCapture } from '../exercises/capture.ts';
import { runProgram } from '../runtime/program.ts';
import { HEARTBEAT_MS } from './watchdog.ts';
import type { TraceEvent } from '../runtime/trace.ts';
import { Batcher, HEAD_LINES, Tail } from './output.ts';
import { postToPage, validRunRequest, type DoneMessage, type RunnerToPage, type WireLine } from './protocol.ts';

declare const self: { postMessage(message: unknown): void; addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void };

const realPost = self.postMessage.bind(self);
/** Real time, taken before any program runs (the runtime gives a program a virtual clock; a program may patch its own). */
const realNow: () => number = performance.now.bind(performance);
const post = (message: RunnerToPage) => postToPage({ postMessage: realPost }, message);

/**
 * Programs may not talk to the page on their own (no spoofed output or
 * results, tests/browser/playground-hostile.test.ts) nor load scripts: take
 * postMessage and importScripts away from the global scope and its prototypes,
 * for good (non-writable, non-configurable). The frame's CSP already blocks
 * every load; this is defence in depth.
 */
function lockDown(): void {
  const blocked = (name: string) =>
    function () {
      throw new TypeError(`${name} is not available to programs in the playground`);
    };
  for (let o: object | null = self; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of ['postMessage', 'importScripts', ...BROWSER_APIS]) {
      if (Object.getOwnPropertyDescriptor(o, name)) {
        Object.defineProperty(o, name, { value: blocked(name), writable: false, configurable: false, enumerable: false });
      }
    }
  }
}

/**
 * Browser APIs a reader may try that cannot work here: the frame's CSP blocks
 * every request, and a host promise never settles inside the loop's run, so
 * `await fetch(...)` used to end in "deadlock". Calling one now throws at
 * once, and the page adds a plain note pointing at the simulated http client
 * (issue 10.7, tests/browser/playground-details.test.ts).
 */
const BROWSER_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'BroadcastChannel', 'indexedDB', 'caches'];

/** Traces longer than this are not sent to the timeline (a flood of tasks would cost more to clone than it shows). */
const TIMELINE_EVENT_CAP = 200_000;

const handle = (event: { data: unknown }) => {
  const request = validRunRequest(event.data);
  if (!request) return;
  const { id, program, limits, lang } = request;
  // An exercise's run: the events it is graded on, kept out of the program's reach (src/exercises/capture.ts).
  const capture = request.record ? startCapture() : undefined;
  const nonce = request.record?.nonce;
  const names = new Map<number, string>([[0, 'loop']]);
  let sent = 0;
  let total = 0;
  const tail = new Tail<WireLine>();
  let lastPost = realNow();
  const batcher = new Batcher<WireLine>((lines) => {
    lastPost = realNow();
    post({ type: 'lines', id, lines });
  }, { eager: 100 });
  let events = 0;
  const onEvent = (e: TraceEvent) => {
    capture?.listen(e);
    batcher.tick();
    // The loop is turning: say so now and then (an empty batch), so the page's watchdog leaves this run to the runtime's budgets (watchdog.ts).
    if ((++events & 255) === 0 && realNow() - lastPost >= HEARTBEAT_MS) {
      lastPost = realNow();
      post({ type: 'lines', id, lines: [] });
    }
    if (e.kind === 'spawn') names.set(e.task, (e.detail as { name: string }).name);
    else if (e.kind === 'log') {
      total++;
      const detail = e.detail as { level: WireLine['level']; text: string };
      const line: WireLine = { t: e.t, task: names.get(e.task) ?? 'loop', level: detail.level, text: detail.text };
      if (sent >= HEAD_LINES) {
        tail.add(line);
        return;
      }
      sent++;
      batcher.add(line);
    }
  };
  let done: DoneMessage;
  try {
    // loopEvents: the timeline's "microtasks" view draws the loop's own lane.
    const result = runProgram(program, { ...limits, loopEvents: true, onEvent, lang });
    batcher.flush();
    done = { type: 'done', id, status: result.status, problems: result.problems, total, endTime: result.endTime };
    if (total > sent) done.tail = tail.items();
    // The timeline gets the whole trace unless it is too large to send and draw.
    if (result.traceLength <= TIMELINE_EVENT_CAP) done.timeline = { trace: result.trace, tasks: result.tasks, endTime: result.endTime };
    if (capture && nonce !== undefined) {
      const problems = result.problems.map((p) => ({ kind: p.kind, message: p.message }));
      done.record = { nonce, events: capture.events, problems, complete: capture.seen() === result.traceLength };
    }
  } catch (error) {
    batcher.flush();
    done = { type: 'done', id, status: 'failed', problems: [{ kind: 'error', message: String((error as Error)?.stack ?? error) }], total, endTime: 0 };
  }
  post(done);
};

// Each worker serves one run (the frame starts a fresh one per run), so what a
// program changes in this global scope dies with it.
self.addEventListener('message', handle);
lockDown();
