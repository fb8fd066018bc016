/**
 * What a task waits on, as the runtime carries it: a label, or the duration
 * of a sleep in ms, which stands for that sleep's label ("sleep 1.5s") until
 * something reads it. A sleep's future, the task suspended on it and the
 * trace's `wait` event keep the number; the label is made (and shared per
 * duration) when the future's `label` or the event is read. Looking a label
 * up on every sleep cost a run of 100,000 random sleeps about 5% of its time
 * (bench/README.md, ninth session). Tests: tests/runtime/wait-labels.test.ts.
 */
import { formatMs } from '../trace/format-ms.ts';
import { list, MapPrototypeGet, MapPrototypeSet, ObjectFreeze, type List } from './primordials.ts';
import type { WaitLabel } from './trace.ts';

/** A wait label, or a number: the label of a sleep of that many ms, made when read. */
export type WaitOn = WaitLabel | number;

/** The label `on` stands for. */
export function waitLabelOf(on: WaitOn): WaitLabel {
  return typeof on === 'number' ? sleepLabel(on) : on;
}

// Captured Map methods and prototype-less lists (primordials.ts): a program that patches Map.prototype
// or Array.prototype cannot reach the tables.
const sleepLabels = new Map<number, WaitLabel>();
let sleepLabelCount = 0;
/**
 * Labels of whole-millisecond sleeps under 65,536 ms, in pages of 256 by
 * duration: an index instead of a hash lookup for each label read. A run
 * the playground's worker listens to (runner-worker.ts) reads one per
 * `wait` event as it happens, so there the lookup is still on every sleep;
 * in the Map it cost 5% of a run of 100,000 random sleeps. Both lists are
 * filled when made, so they stay dense arrays.
 */
const PAGE_BITS = 8;
const PAGE = 1 << PAGE_BITS;
const labelPages = list<List<WaitLabel | undefined> | undefined>();
for (let i = 0; i < 0x10000 >> PAGE_BITS; i++) labelPages[i] = undefined;

/** The label of a sleep of `ms` ms, shared per duration (a run with many sleepers would otherwise make one per sleep). */
export function sleepLabel(ms: number): WaitLabel {
  if ((ms & 0xffff) === ms) {
    let page = labelPages[ms >> PAGE_BITS];
    if (page === undefined) {
      page = list();
      for (let i = 0; i < PAGE; i++) page[i] = undefined;
      labelPages[ms >> PAGE_BITS] = page;
    }
    return (page[ms & (PAGE - 1)] ??= makeSleepLabel(ms));
  }
  let label = MapPrototypeGet(sleepLabels, ms) as WaitLabel | undefined;
  if (label === undefined) {
    label = makeSleepLabel(ms);
    if (sleepLabelCount < 10_000) {
      sleepLabelCount++;
      MapPrototypeSet(sleepLabels, ms, label);
    }
  }
  return label;
}

function makeSleepLabel(ms: number): WaitLabel {
  return ObjectFreeze({ kind: 'sleep', what: `sleep ${formatMs(ms, { compact: true })}` }) as WaitLabel;
}
