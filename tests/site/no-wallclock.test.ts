/**
 * No test compares a measured wall-clock duration with a threshold (issue 11.7):
 * on a busy machine such a test fails without anything being wrong. A test
 * asserts the behaviour the budget stands for (the frame is gone, the page
 * answered, the output is capped); figures belong in `npm run bench*`.
 *
 * The rule, precisely: an ordering matcher (toBeLessThan, toBeGreaterThan and
 * their OrEqual forms) whose `expect(...)` subject or expected value reads the
 * wall clock (`performance.now()`, `Date.now()`), a variable assigned from it in
 * the same file, or a name that says it holds a real duration (`ms`, `...Ms`,
 * `seconds`, `elapsed`, `duration`, `...Millis`). Virtual time is not measured,
 * so the runtime's own times (`t`, `ts`, `dur`, `endTime`) pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Names that say a value is a real duration. */
const DURATION_NAME = /\b(?:\w+(?:Ms|Millis|Seconds|Elapsed|Duration)|ms|millis|seconds|elapsed|duration)\b/;
/** Reading the wall clock. */
const CLOCK = /\b(?:performance\.now|Date\.now)\s*\(/;
/** expect(subject)[.not].toBe{Less,Greater}Than[OrEqual](expected) on one statement. */
const ORDERING = /expect\(([^;]*?)\)\s*(?:\.not)?\s*\.(?:toBeLessThan|toBeLessThanOrEqual|toBeGreaterThan|toBeGreaterThanOrEqual)\(([^;\n]*)\)/g;

/** The wall-clock threshold comparisons in a test file's source, as "line: text". */
export function wallClockThresholds(source: string): string[] {
  // Variables assigned from the clock (`const started = performance.now()`, `const ms = Date.now() - t0`).
  const fromClock = new Set<string>();
  for (const m of source.matchAll(/\b(?:const|let|var)\s+(\w+)\s*=([^;\n]*)/g)) if (CLOCK.test(m[2]!)) fromClock.add(m[1]!);
  for (const m of source.matchAll(/\b(\w+)\s*=\s*([^;\n=][^;\n]*)/g)) if (CLOCK.test(m[2]!)) fromClock.add(m[1]!);
  const readsClock = (text: string): boolean =>
    CLOCK.test(text) || DURATION_NAME.test(text) || [...fromClock].some((name) => new RegExp(`\\b${name}\\b`).test(text));
  const hits: string[] = [];
  const lines = source.split('\n');
  for (const m of source.matchAll(ORDERING)) {
    const line = source.slice(0, m.index).split('\n').length;
    // Two events' timestamps compared for their order (the editor was asked for after the
    // output painted) are not a duration against a threshold; the line above says so.
    if (/\/\/ order of events:/.test(lines[line - 2] ?? '')) continue;
    if (readsClock(m[1]!) || readsClock(m[2]!)) hits.push(`${line}: ${m[0]}`);
  }
  return hits;
}

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Fixtures are programs under test, not tests.
      if (name !== 'fixtures' && name !== '__screenshots__') out.push(...testFiles(path));
    } else if (/\.(?:ts|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('no wall-clock thresholds in tests', () => {
  it('the rule catches a measured duration and leaves virtual time alone', () => {
    // The samples below are programs fed to the rule, not assertions of this file; the
    // matcher names are spliced in so that the samples do not read as thresholds themselves.
    const [LT, LE, GT] = ['toBeLessThan', 'toBeLessThanOrEqual', 'toBeGreaterThan'];
    expect(wallClockThresholds(`const t0 = performance.now();\nawait run();\nexpect(performance.now() - t0).${LT}(100);`)).toHaveLength(1);
    expect(wallClockThresholds(`const started = Date.now(); const took = Date.now() - started;\nexpect(took).${LE}(5);`)).toHaveLength(1);
    expect(wallClockThresholds(`expect(stop.ms).${LT}(100);`)).toHaveLength(1);
    expect(wallClockThresholds(`expect(measured.worstRoundTripMs).${LT}(1000);`)).toHaveLength(1);
    expect(wallClockThresholds(`expect(m.frames).${GT}(m.seconds * 10);`)).toHaveLength(1);
    expect(wallClockThresholds(`const a = performance.now();\n// order of events: b happened after a\nexpect(b).${GT}(a);`)).toHaveLength(0);
    expect(wallClockThresholds(`const a = performance.now();\n// b after a\nexpect(b).${GT}(a);`)).toHaveLength(1);
    expect(wallClockThresholds(`expect(sleep.ts! + sleep.dur!).${LT}(30_001);\nexpect(result.endTime).${GT}(0);`)).toEqual([]);
    expect(wallClockThresholds(`expect(lines.length).${LE}(80);\nexpect(state).toBe('timeout');`)).toEqual([]);
  });

  it('no test file under tests/ compares a wall-clock duration with a threshold', () => {
    const found: string[] = [];
    for (const file of testFiles(join(ROOT, 'tests'))) {
      if (file === import.meta.filename) continue; // its own examples above
      for (const hit of wallClockThresholds(readFileSync(file, 'utf8'))) found.push(`${relative(ROOT, file)}:${hit}`);
    }
    expect(found).toEqual([]);
  });
});
