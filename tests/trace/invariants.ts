/** Invariants every timeline must hold (shared by the timeline tests). */
import { expect } from 'vitest';
import type { Timeline } from '../../src/trace/spans.ts';

/** Invariants every timeline must hold. */
export function checkInvariants(timeline: Timeline): void {
  for (const lane of timeline.lanes) {
    expect(lane.spans.length).toBeGreaterThan(0);
    expect(lane.spans[0]!.seqStart).toBe(lane.seqStart);
    expect(lane.spans[0]!.start).toBe(lane.start);
    for (let i = 1; i < lane.spans.length; i++) {
      const prev = lane.spans[i - 1]!;
      const span = lane.spans[i]!;
      expect(span.seqStart).toBe(prev.seqEnd); // contiguous on the steps axis
      expect(span.start).toBe(prev.end); // and in time
      expect(span.end).toBeGreaterThanOrEqual(span.start);
      expect(span.state === prev.state && span.on?.what === prev.on?.what).toBe(false); // merged otherwise
    }
    for (const span of lane.spans) if (span.state === 'running') expect(span.seqEnd).toBeGreaterThan(span.seqStart);
    const last = lane.spans[lane.spans.length - 1]!;
    if (lane.end !== null) {
      expect(last.end).toBe(lane.end);
      expect(lane.seqEnd).toBe(last.seqEnd + 1); // the done event's step
    } else {
      expect(last.seqEnd).toBe(timeline.endSeq);
    }
  }
}
