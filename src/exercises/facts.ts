/**
 * What a run did, in the few facts the checks read (RunFacts), derived from
 * the trace the runtime recorded. Pure and JSON-serialisable: the page grades
 * a reader's program from the events its sandbox run returns, the build
 * embeds the facts of a predict/culprit program, and `npm run exercises:check`
 * derives them from `runProgram` in Node - one function for all three.
 * Tests: tests/exercises/facts.test.ts.
 */
import type { StopDetail } from '../contract/trace-vocabulary.ts';
import type { TaskOutcome, TraceEvent, WaitLabel } from '../runtime/trace.ts';

/** A console line with when and where it was printed. */
export interface FactLine {
  t: number;
  text: string;
  task: string;
}

/** One task's life. `end` and `outcome` are absent for a task that never ended. */
export interface FactTask {
  id: number;
  name: string;
  start: number;
  end?: number;
  outcome?: TaskOutcome;
  /** Still running (not done) when `main` finished, or at the end of the run when main never finished. */
  leftOver: boolean;
}

/** Everything a check, a prediction or a culprit question is graded on. */
export interface RunFacts {
  lines: FactLine[];
  tasks: FactTask[];
  /**
   * Each queue's fullest moment: the first time it held its largest number of
   * items (after a put), who put the item and when. Absent in facts embedded
   * by an older build (read as no queue).
   */
  queues?: Array<{ what: string; size: number; t: number; task: string }>;
  /** Synchronous stalls of the loop (`blockFor` and friends). */
  blocks: Array<{ t: number; ms: number; task: string }>;
  deadlock?: { t: number; blocked: Array<{ task: string; on: WaitLabel }> };
  /** Uncaught errors, failed tasks nobody looked at, unhandled rejections, and budget stops. */
  errors: Array<{ t: number; message: string; task: string }>;
  stops: Array<{ t: number; detail: StopDetail }>;
  /** When `main` ended (virtual ms), if it did. */
  mainEnd?: number;
  /** Virtual time of the run's last event. */
  endTime: number;
  /** Set when the record contradicts itself (time going back, a task ending twice): a program wrote into the runtime's own record. */
  tampered?: string;
}

/** A problem the runtime reported beside the trace (program.ts Problem; only kind and message are read). */
export interface ReportedProblem {
  kind: string;
  message: string;
  t?: number;
  task?: string;
}

/** Problems that are not in the trace itself: the runtime reports them after the run. */
const REPORTED_ONLY = new Set(['unretrieved', 'unhandled-rejection']);

/**
 * The facts of one run, from its trace events (in `seq` order) and the
 * problems the runtime reported after it.
 */
export function analyse(events: readonly TraceEvent[], problems: readonly ReportedProblem[] = []): RunFacts {
  const names = new Map<number, string>();
  const tasks = new Map<number, FactTask>();
  const facts: RunFacts = { lines: [], tasks: [], queues: [], blocks: [], errors: [], stops: [], endTime: 0 };
  const peaks = new Map<string, { what: string; size: number; t: number; task: string }>();
  let last = 0;
  let mainId = -1;
  const name = (id: number) => names.get(id) ?? 'loop';
  for (const e of events) {
    if (facts.tampered === undefined && e.t < last) facts.tampered = `time went back from ${last} ms to ${e.t} ms`;
    last = Math.max(last, e.t);
    switch (e.kind) {
      case 'spawn':
        if (tasks.has(e.task)) facts.tampered ??= `task ${e.task} was created twice`;
        names.set(e.task, e.detail.name);
        if (mainId < 0 && e.detail.name === 'main') mainId = e.task;
        tasks.set(e.task, { id: e.task, name: e.detail.name, start: e.t, leftOver: false });
        break;
      case 'done': {
        const task = tasks.get(e.task);
        if (!task || task.end !== undefined) {
          facts.tampered ??= `task ${e.task} ended twice or without starting`;
          break;
        }
        task.end = e.t;
        task.outcome = e.detail.outcome;
        if (e.task === mainId) {
          facts.mainEnd = e.t;
          // Every other task not done by now was left running when main returned.
          for (const other of tasks.values()) if (other.id !== mainId && other.end === undefined) other.leftOver = true;
        }
        break;
      }
      case 'log':
        facts.lines.push({ t: e.t, text: e.detail.text, task: name(e.task) });
        break;
      case 'queue': {
        const peak = peaks.get(e.detail.what);
        if (!peak || e.detail.size > peak.size) peaks.set(e.detail.what, { what: e.detail.what, size: e.detail.size, t: e.t, task: name(e.task) });
        break;
      }
      case 'block':
        facts.blocks.push({ t: e.t, ms: e.detail.ms, task: name(e.task) });
        break;
      case 'deadlock':
        facts.deadlock = { t: e.t, blocked: e.detail.blocked.map((b) => ({ task: b.name, on: b.on })) };
        break;
      case 'error':
        facts.errors.push({ t: e.t, message: firstLine(e.detail.message), task: name(e.task) });
        break;
      case 'stop':
        if (e.detail.reason !== 'error' && e.detail.reason !== 'deadlock') facts.stops.push({ t: e.t, detail: e.detail });
        break;
    }
  }
  for (const p of problems) {
    if (REPORTED_ONLY.has(p.kind)) facts.errors.push({ t: p.t ?? last, message: firstLine(p.message), task: p.task ?? 'loop' });
  }
  if (facts.mainEnd === undefined) for (const task of tasks.values()) if (task.end === undefined) task.leftOver = true;
  facts.tasks = [...tasks.values()];
  facts.queues = [...peaks.values()];
  facts.endTime = last;
  return facts;
}

function firstLine(text: string): string {
  const i = text.indexOf('\n');
  return i < 0 ? text : text.slice(0, i);
}
