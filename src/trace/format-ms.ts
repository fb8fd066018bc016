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

/** How to write a time: `step` is the spacing of neighbouring labels (0: a lone value), `compact` drops the space before the unit. */
export interface FormatMsOptions {
  step?: number;
  compact?: boolean;
}

/** A virtual time in ms as text; with a `step` (axis ticks) only the decimals the step needs. */
export function formatMs(ms: number, { step = 0, compact = false }: FormatMsOptions = {}): string {
  const gap = compact ? '' : ' ';
  if (step === 0 && Math.abs(ms) >= HOUR && ms % HOUR === 0) return `${ms / HOUR}${gap}h`;
  if (Math.abs(ms) >= 1000 && (step === 0 || step >= 100)) {
    return `${trim(ms / 1000, step >= 1000 || step === 0 ? 3 : 1)}${gap}s`;
  }
  return `${trim(ms, decimalsFor(step))}${gap}ms`;
}

const HOUR = 3_600_000;

function decimalsFor(step: number): number {
  if (step === 0) return 3;
  return step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
}

function trim(v: number, decimals: number): string {
  return String(Number(v.toFixed(decimals)));
}
