import { describe, expect, it } from 'vitest';
import { formatMs } from '../../src/trace/format-ms.ts';
import { centreOn, clampRange, formatTick, fromPx, niceStep, panRange, ticks, toPx, zoomRange } from '../../src/timeline/scale.ts';

const extent = { min: 0, max: 1000, minSpan: 1 };

describe('pixels <-> domain', () => {
  it('maps linearly and back', () => {
    const r = { from: 100, to: 300 };
    expect(toPx(100, r, 400)).toBe(0);
    expect(toPx(200, r, 400)).toBe(200);
    expect(toPx(300, r, 400)).toBe(400);
    expect(fromPx(toPx(237, r, 400), r, 400)).toBeCloseTo(237, 9);
  });
});

describe('zoom and pan', () => {
  it('zooming keeps the anchor at the same pixel', () => {
    const r = { from: 0, to: 1000 };
    const z = zoomRange(r, 4, 250, extent);
    expect(z.to - z.from).toBeCloseTo(250, 9);
    expect(toPx(250, z, 800)).toBeCloseTo(toPx(250, r, 800), 9);
  });
  it('zoom in stops at minSpan, zoom out at the whole extent', () => {
    expect(zoomRange({ from: 10, to: 20 }, 1000, 15, extent).to - zoomRange({ from: 10, to: 20 }, 1000, 15, extent).from).toBeCloseTo(1, 9);
    expect(zoomRange({ from: 100, to: 200 }, 0.001, 150, extent)).toEqual({ from: 0, to: 1000 });
  });
  it('pan keeps the width and stops at the edges', () => {
    expect(panRange({ from: 100, to: 200 }, 50, extent)).toEqual({ from: 150, to: 250 });
    expect(panRange({ from: 100, to: 200 }, -500, extent)).toEqual({ from: 0, to: 100 });
    expect(panRange({ from: 800, to: 900 }, 500, extent)).toEqual({ from: 900, to: 1000 });
  });
  it('clamp narrows nothing inside, widens below minSpan', () => {
    expect(clampRange({ from: 10, to: 20 }, extent)).toEqual({ from: 10, to: 20 });
    expect(clampRange({ from: 10, to: 10.5 }, extent)).toEqual({ from: 10, to: 11 });
    expect(clampRange({ from: -50, to: 2000 }, extent)).toEqual({ from: 0, to: 1000 });
  });
  it('centreOn puts a value in the middle unless at an edge', () => {
    expect(centreOn({ from: 0, to: 100 }, 500, extent)).toEqual({ from: 450, to: 550 });
    expect(centreOn({ from: 0, to: 100 }, 990, extent)).toEqual({ from: 900, to: 1000 });
  });
});

describe('ticks', () => {
  it('picks 1/2/5 x 10^k steps at least minPx apart', () => {
    expect(niceStep({ from: 0, to: 400 }, 800, 70)).toBe(50); // 35 ms per 70 px -> 50
    expect(niceStep({ from: 0, to: 1000 }, 1000, 100)).toBe(100);
    expect(niceStep({ from: 0, to: 3 }, 600, 70)).toBe(0.5);
    expect(niceStep({ from: 0, to: 20 }, 1000, 80, 1)).toBe(2);
    // Steps axis: never below one step.
    expect(niceStep({ from: 0, to: 4 }, 1000, 80, 1)).toBe(1);
  });
  it('lists the multiples inside the range, without float noise', () => {
    expect(ticks({ from: 0, to: 400 }, 100)).toEqual([0, 100, 200, 300, 400]);
    expect(ticks({ from: 25, to: 260 }, 50)).toEqual([50, 100, 150, 200, 250]);
    expect(ticks({ from: 0.1, to: 0.5 }, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });
  it('labels: ms under a second, seconds above; steps with #', () => {
    expect(formatTick(250, 'time', 50)).toBe('250 ms');
    expect(formatTick(1500, 'time', 500)).toBe('1.5 s');
    expect(formatTick(2000, 'time', 1000)).toBe('2 s');
    expect(formatTick(1050, 'time', 50)).toBe('1050 ms');
    expect(formatTick(0.25, 'time', 0.05)).toBe('0.25 ms');
    expect(formatTick(120, 'steps', 10)).toBe('#120');
    expect(formatMs(12.3456)).toBe('12.346 ms');
    expect([formatMs(86_400_000), formatMs(5_400_000), formatMs(86_400_000, { compact: true })]).toEqual(['24 h', '5400 s', '24h']);
  });
  it('a whole number of ms is written as the general path writes it (its shortcut skips toFixed)', () => {
    // The general path, as formatMs writes a lone value that is not whole hours.
    const general = (ms: number): string => (Math.abs(ms) >= 1000 ? `${String(Number((ms / 1000).toFixed(3)))} s` : `${String(Number(ms.toFixed(3)))} ms`);
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647);
    const samples = [0, 1, -1, 999, 1000, 1001, 1234, 9999, 10_001, 59_999, 3_599_999, 3_600_001, 123_456_789_012, 999_999_999_999_999, -1_234_567];
    for (let i = 0; i < 5000; i++) samples.push(next() % 100_000, next() * 1000 + (next() % 1000), -(next() % 10_000_000));
    for (const ms of samples) {
      if (Math.abs(ms) >= 3_600_000 && ms % 3_600_000 === 0) continue;
      expect(formatMs(ms), String(ms)).toBe(general(ms));
    }
  });
});
