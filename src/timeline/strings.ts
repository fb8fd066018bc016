/**
 * The timeline's UI strings. Keys are the site's i18n keys (src/i18n/en.json
 * and zh.json hold them under `timeline.*`), so the playground passes
 * `pickTimelineStrings(t)` or any table with these keys; a missing key falls
 * back to English, so the view never shows a raw key.
 */
import type { WaitKind } from '../runtime/trace.ts';

/** English text of every key; the i18n files hold the same keys in both languages. */
export const TIMELINE_EN = {
  'timeline.label': 'Timeline of the run',
  'timeline.summary': '{tasks} tasks, {spans} spans, from {from} to {to}.',
  'timeline.empty': 'Run the code to see its timeline.',
  'timeline.zoomIn': 'Zoom in',
  'timeline.zoomOut': 'Zoom out',
  'timeline.fit': 'Fit all',
  'timeline.axis': 'Axis',
  'timeline.view.time': 'Time',
  'timeline.view.steps': 'Steps',
  'timeline.view.microtasks': 'Microtasks',
  'timeline.download': 'Download trace (Perfetto)',
  'timeline.legend': 'Legend',
  'timeline.legend.time': 'Time axis: virtual milliseconds. Code runs in zero virtual time, so running spans are drawn at a minimum width of 3 px.',
  'timeline.legend.steps': 'Steps axis: one unit per trace event, so every running stretch has a width of its own.',
  'timeline.legend.microtasks': 'Microtasks: the loop lane shows each macrotask and the microtask checkpoint after it (steps axis).',
  'timeline.keys': 'Keyboard: Left and Right pan, + and − zoom, Home and End jump to the start and the end, 0 fits all, Shift with Left or Right moves the playhead, Up and Down scroll the lanes.',
  'timeline.state.running': 'running',
  'timeline.state.ready': 'ready, waiting for the loop',
  'timeline.state.waiting': 'waiting',
  'timeline.blocked': 'loop blocked (blockFor)',
  'timeline.blockedFor': 'loop blocked for {ms} ms',
  'timeline.wait.sleep': 'sleep',
  'timeline.wait.timer': 'timer',
  'timeline.wait.lock': 'lock',
  'timeline.wait.semaphore': 'semaphore',
  'timeline.wait.condition': 'condition',
  'timeline.wait.barrier': 'barrier',
  'timeline.wait.queue': 'queue',
  'timeline.wait.event': 'event',
  'timeline.wait.channel': 'channel',
  'timeline.wait.task': 'child task',
  'timeline.wait.future': 'future',
  'timeline.wait.promise': 'promise',
  'timeline.wait.network': 'network',
  'timeline.wait.thread': 'thread',
  'timeline.wait.nursery': 'nursery',
  'timeline.wait.other': 'other',
  'timeline.mark.log': 'console line',
  'timeline.mark.spawn': 'task created',
  'timeline.mark.cancel': 'cancellation',
  'timeline.mark.error': 'error',
  'timeline.mark.deadlock': 'deadlock',
  'timeline.mark.done': 'task ended',
  'timeline.lane.loop': 'event loop',
  'timeline.lane.thread': 'thread {n}',
  'timeline.macrotask': 'macrotask: {source}',
  'timeline.microtasks': 'checkpoint: {jobs} microtasks',
  'timeline.noLoop': 'Run with loopEvents: true to see the loop lane.',
  'timeline.table': 'Spans as a table',
  'timeline.table.task': 'Task',
  'timeline.table.state': 'State',
  'timeline.table.from': 'From',
  'timeline.table.to': 'To',
  'timeline.table.on': 'Waits on',
  'timeline.table.more': '{count} more spans are not listed.',
  'timeline.playhead': 'Playhead at {at}',
  'timeline.view': 'Showing {from} to {to}',
  'timeline.step': 'step {n}',
  'timeline.stopped': 'stopped: {reason}',
} as const;

/** A key of the timeline's strings. */
export type TimelineKey = keyof typeof TIMELINE_EN;

/** The strings the view receives (any subset; English fills the rest). */
export type TimelineStrings = Partial<Record<TimelineKey, string>>;

/** Every key, for the playground to pick them from its translation table. */
export const TIMELINE_KEYS = Object.keys(TIMELINE_EN) as TimelineKey[];

/** Build the strings object from a translate function, e.g. `pickTimelineStrings((k) => t(k))`. */
export function pickTimelineStrings(translate: (key: TimelineKey) => string | undefined): TimelineStrings {
  const out: TimelineStrings = {};
  for (const key of TIMELINE_KEYS) {
    const text = translate(key);
    if (text !== undefined && text !== key) out[key] = text;
  }
  return out;
}

/** A formatter over `strings` with English fallback and `{name}` placeholders. */
export function formatter(strings: TimelineStrings): (key: TimelineKey, vars?: Record<string, string | number>) => string {
  return (key, vars) => {
    const text = strings[key] ?? TIMELINE_EN[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

/** The i18n key naming a wait kind. */
export function waitKey(kind: WaitKind): TimelineKey {
  return `timeline.wait.${kind}` as TimelineKey;
}
