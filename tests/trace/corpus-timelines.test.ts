/**
 * Every program of the ordering and semantics corpora, drawn: the timeline's
 * invariants hold, the ASCII picture fits its width, and the Chrome trace has
 * one named track per task with non-decreasing timestamps. (Whether the
 * programs print the right thing is the corpus runners' business.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { runProgram } from '../../src/runtime/program.ts';
import { asciiTimeline } from '../../src/trace/ascii-timeline.ts';
import { toChromeTrace } from '../../src/trace/chrome-trace.ts';
import { buildTimeline } from '../../src/trace/spans.ts';
import { checkInvariants } from './invariants.ts';

const corpus = resolve(import.meta.dirname, '../corpus');
const programs: string[] = [];
if (existsSync(join(corpus, 'ordering'))) {
  for (const f of readdirSync(join(corpus, 'ordering')).sort()) if (f.endsWith('.js')) programs.push(join('ordering', f));
}
if (existsSync(join(corpus, 'semantics'))) {
  for (const d of readdirSync(join(corpus, 'semantics')).sort()) {
    if (existsSync(join(corpus, 'semantics', d, 'main.ts'))) programs.push(join('semantics', d, 'main.ts'));
  }
}

describe.skipIf(programs.length === 0)('timelines of the corpus programs', () => {
  it.each(programs)('%s', async (path) => {
    const compiled = await compileInNode(readFileSync(join(corpus, path), 'utf8'), path);
    if (!compiled.ok) return; // a layer still being written: nothing to draw
    const result = runProgram(compiled, { loopEvents: true });
    const timeline = buildTimeline(result);
    checkInvariants(timeline);
    expect(timeline.lanes.map((l) => l.id).sort((a, b) => a - b)).toEqual(result.tasks.map((t) => t.id).sort((a, b) => a - b));

    const text = asciiTimeline(timeline, { width: 72 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(2 + timeline.lanes.length);

    const events = (JSON.parse(JSON.stringify(toChromeTrace(result))) as ReturnType<typeof toChromeTrace>).traceEvents;
    const named = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.tid !== 0 && e.tid < 1_000_000);
    expect(named.length).toBe(result.tasks.length);
    const last = new Map<number, number>();
    for (const e of events) {
      if (e.ph === 'M') continue;
      expect(e.ts!).toBeGreaterThanOrEqual(last.get(e.tid) ?? 0);
      last.set(e.tid, e.ts!);
      if (e.ph === 'X') expect(e.dur!).toBeGreaterThan(0);
    }
  });
});
