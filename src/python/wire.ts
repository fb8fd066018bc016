/**
 * Turn what virtual_asyncio.py returns for one run into the messages the
 * Python worker posts: console lines as the TypeScript runner's WireLine (at
 * most `lineCap`), then `python-done` with the trace for the timeline. Pure, so
 * tests/python/protocol.test.ts checks it on real runs.
 */
import type { WireLine } from '../playground/protocol.ts';
import type { PythonDoneMessage, PythonLinesMessage } from './protocol.ts';

/** One run as virtual_asyncio.run_program returns it (see _Run.result there). */
export interface PythonRun {
  status: 'ok' | 'failed';
  /** CPython version that ran it. */
  python: string;
  /** (virtual ms, task name, level, text) per console line. */
  lines: Array<[number, string, WireLine['level'], string]>;
  problems: Array<{ kind: string; message: string }>;
  /** Events in the shape of src/runtime/trace.ts. */
  trace: unknown[];
  tasks: Array<{ id: number; name: string; parent: number }>;
  endTime: number;
}

/** Most lines in one `python-lines` message (the protocol's batch bound). */
const BATCH = 1_000;

/** The messages for run `id`: line batches, then done. */
export function runMessages(id: number, run: PythonRun, lineCap: number): Array<PythonLinesMessage | PythonDoneMessage> {
  const out: Array<PythonLinesMessage | PythonDoneMessage> = [];
  const shown = run.lines.slice(0, lineCap).map(([t, task, level, text]): WireLine => ({ t, task, level, text }));
  for (let i = 0; i < shown.length; i += BATCH) out.push({ type: 'python-lines', id, lines: shown.slice(i, i + BATCH) });
  out.push({
    type: 'python-done',
    id,
    status: run.status,
    problems: run.problems,
    total: run.lines.length,
    endTime: run.endTime,
    timeline: { trace: run.trace, tasks: run.tasks, endTime: run.endTime },
  });
  return out;
}
