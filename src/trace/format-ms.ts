/**
 * The one way the trace's readers write a virtual time: milliseconds below
 * 1 s ("250 ms", "0.5 ms"), seconds from 1 s ("1.5 s"), whole hours of a lone
 * value in hours ("24 h"), never float noise.
 * The browser timeline (tooltips, table, axis ticks), the CLI's ASCII timeline
 * and the runtime's own messages and wait labels (compact: "250ms", "1.5s",
 * "24h") share it.
 * Tests: tests/timeline/scale.test.ts, tests/trace/ascii-timeline.test.ts,
 * tests/runtime/messages.test.ts.
 */

// Captured when the module loads: the runtime writes its wait labels with formatMs while a
// program runs, and a program may replace Math's or Number's methods (src/runtime/primordials.ts).
const { abs, ceil, log10, min } = Math;
const isInteger = Number.isInteger;
const toFixed = Function.prototype.call.bind(Number.prototype.toFixed) as (value: number, digits: number) => string;

/** How to write a time: `step` is the spacing of neighbouring labels (0: a lone value), `compact` drops the space before the unit. */
export interface FormatMsOptions {
  step?: number;
  compact?: boolean;
}

/** A virtual time in ms as text; with a `step` (axis ticks) only the decimals the step needs. */
export function formatMs(ms: number, { step = 0, compact = false }: FormatMsOptions = {}): string {
  const gap = compact ? '' : ' ';
  if (step === 0 && abs(ms) >= HOUR && ms % HOUR === 0) return `${ms / HOUR}${gap}h`;
  // A whole number of ms (every sleep label of a run like 100,000 random sleeps): no toFixed. `ms / 1000`
  // has at most 3 decimals and 15 digits here, so it prints as trim() would print it (tests/timeline/scale.test.ts).
  if (step === 0 && isInteger(ms) && abs(ms) < 1e15) return abs(ms) >= 1000 ? `${ms / 1000}${gap}s` : `${ms}${gap}ms`;
  if (abs(ms) >= 1000 && (step === 0 || step >= 100)) {
    return `${trim(ms / 1000, step >= 1000 || step === 0 ? 3 : 1)}${gap}s`;
  }
  return `${trim(ms, decimalsFor(step))}${gap}ms`;
}

const HOUR = 3_600_000;

function decimalsFor(step: number): number {
  if (step === 0) return 3;
  return step >= 1 ? 0 : min(6, ceil(-log10(step)));
}

function trim(v: number, decimals: number): string {
  // Unary + and the template literal are ToNumber and ToString: nothing a program can replace.
  return `${+toFixed(v, decimals)}`;
}
