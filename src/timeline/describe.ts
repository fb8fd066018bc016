/**
 * The view in words: the tooltip (and the onHover report) of whatever is under
 * the pointer, the plot's summary for screen readers, and what the live
 * region says about the visible range and the playhead. Strings only; no DOM.
 * Tests: the hover, scrub and accessibility tests in tests/browser/timeline.test.ts.
 */
import type { WaitKind } from '../runtime/trace.ts';
import { formatMs } from '../trace/format-ms.ts';
import type { Mark } from '../trace/spans.ts';
import type { Hit } from './geometry.ts';
import { firstMarkAtOrAfter, type Axis, type TimelineModel } from './model.ts';
import type { Range } from './scale.ts';
import { stopReasonKey, waitKey, type TimelineKey, type Translate } from './strings.ts';

/** What the pointer (or keyboard) is on, as the console needs it. */
export interface HoverInfo {
  /** 'mark' for console lines and other marks; 'span' for spans, thread jobs and macrotasks; 'stall' for blockFor. */
  type: 'mark' | 'span' | 'stall';
  /** Trace step and virtual time where the item starts. */
  seq: number;
  t: number;
  /** Task id (0: the loop or a thread). */
  task: number;
  /** For console-line marks: index into ProgramResult.lines. */
  line?: number;
  /** The tooltip text. */
  text: string;
}

/** A playhead position: the console shows the lines with seq < `seq` (or t <= `t`). */
export interface ScrubPosition {
  seq: number;
  t: number;
}

/** The tooltip and hover report of a hit. */
export function describeHit(hit: Hit, model: TimelineModel | null, t: Translate): HoverInfo {
  const waitText = (kind: WaitKind, what: string): string => `${t(waitKey(kind))}: ${what}`;
  switch (hit.type) {
    case 'span': {
      const s = hit.span;
      const state = t(`timeline.state.${s.state}` as TimelineKey);
      const on = s.state === 'waiting' && s.on ? ` — ${waitText(s.on.kind, s.on.what)}` : '';
      const when = s.start === s.end ? formatMs(s.start) : `${formatMs(s.start)} → ${formatMs(s.end)}`;
      return { type: 'span', seq: s.seqStart, t: s.start, task: hit.lane.id, text: `${hit.lane.name}: ${state}${on}\n${when} · ${t('timeline.step', { n: s.seqStart })}–${s.seqEnd}` };
    }
    case 'mark': {
      const m = hit.mark;
      const line = m.kind === 'log' && model ? lineOfSeq(model, m.seqStart) : -1;
      return {
        type: 'mark', seq: m.seqStart, t: m.t, task: hit.lane?.id ?? 0,
        ...(line >= 0 ? { line } : {}),
        text: `${hit.lane?.name ?? t('timeline.lane.loop')} · ${t(`timeline.mark.${m.kind}` as TimelineKey)} · ${formatMs(m.t)}\n${m.text}`,
      };
    }
    case 'thread': {
      const s = hit.span;
      return { type: 'span', seq: s.seqStart, t: s.start, task: s.task, text: `${t('timeline.lane.thread', { n: hit.lane.thread })}: ${s.label}\n${formatMs(s.start)} → ${formatMs(s.end)}` };
    }
    case 'loop': {
      const s = hit.span;
      const text = hit.part === 'checkpoint' ? t('timeline.microtasks', { jobs: s.jobs }) : t('timeline.macrotask', { source: s.source });
      return { type: 'span', seq: hit.part === 'checkpoint' ? s.checkpointSeq : s.seqStart, t: s.start, task: s.task, text: `${text}\n${formatMs(s.start)} · ${t('timeline.step', { n: s.seqStart })}` };
    }
    case 'stall':
      return { type: 'stall', seq: hit.stall.seqStart, t: hit.stall.start, task: hit.stall.task, text: `${t('timeline.blockedFor', { ms: hit.stall.end - hit.stall.start })}\n${formatMs(hit.stall.start)} → ${formatMs(hit.stall.end)}` };
  }
}

/** Whether two hits are the same item (so a pointer move inside it reports nothing new). */
export function sameHit(a: Hit | null, b: Hit | null): boolean {
  if (!a || !b) return a === b;
  if (a.type !== b.type) return false;
  if (a.type === 'mark' && b.type === 'mark') return a.mark === b.mark;
  if (a.type === 'stall' && b.type === 'stall') return a.stall === b.stall;
  return 'span' in a && 'span' in b && a.span === b.span && ('part' in a ? a.part === (b as typeof a).part : true);
}

/** The plot's label for screen readers: how many tasks and spans, from when to when, and why it stopped. */
export function summaryText(model: TimelineModel | null, t: Translate): string {
  if (!model) return t('timeline.empty');
  const stop = model.timeline.stop ? ` ${t('timeline.stopped', { reason: t(stopReasonKey(model.timeline.stop.reason)) })}` : '';
  return t('timeline.summary', { tasks: model.taskCount, spans: model.spanCount, from: formatMs(0), to: formatMs(model.timeline.endTime) }) + stop;
}

/** A value on an axis in words ("250 ms", "step 12"). */
export function axisValueText(v: number, axis: Axis, t: Translate): string {
  return axis === 'time' ? formatMs(v) : t('timeline.step', { n: Math.round(v) });
}

/** "Showing 0 ms to 250 ms". */
export function rangeText(range: Range, axis: Axis, t: Translate): string {
  return t('timeline.view', { from: axisValueText(range.from, axis, t), to: axisValueText(range.to, axis, t) });
}

/** Where the playhead is, and what happened last before it, so scrubbing by keyboard tells the story too. */
export function playheadText(model: TimelineModel | null, pos: ScrubPosition, t: Translate): string {
  const lastMark = model ? lastMarkBefore(model, pos.seq) : null;
  const story = lastMark ? ` — ${lastMark.lane} · ${t(`timeline.mark.${lastMark.mark.kind}` as TimelineKey)}: ${lastMark.mark.text}` : '';
  return t('timeline.playhead', { at: `${formatMs(pos.t)} (${t('timeline.step', { n: pos.seq })})` }) + story;
}

/** The latest mark (on any lane) strictly before step `seq`, with its lane's name. */
function lastMarkBefore(model: TimelineModel, seq: number): { lane: string; mark: Mark } | null {
  let best: { lane: string; mark: Mark } | null = null;
  for (const lane of model.timeline.lanes) {
    const i = firstMarkAtOrAfter(lane.marks, seq, 'steps') - 1;
    const m = lane.marks[i];
    if (m && (!best || m.seqStart > best.mark.seqStart)) best = { lane: lane.name, mark: m };
  }
  return best;
}

/** Index of the console line whose log event has this seq (-1 if none). */
function lineOfSeq(model: TimelineModel, seq: number): number {
  let lo = 0;
  let hi = model.logSeqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.logSeqs[mid]! < seq) lo = mid + 1;
    else hi = mid;
  }
  return model.logSeqs[lo] === seq ? lo : -1;
}
