/**
 * How each state and wait kind looks: a colour AND a fill pattern, so two kinds
 * never differ by colour alone (WCAG 1.4.1). Colours come from CSS custom
 * properties (`--tl-<key>`, defined in timeline.css for the light and dark
 * themes); the palettes here are the fallbacks and the source of those values.
 * Tests: tests/timeline/styles.test.ts (every wait kind has a distinct
 * colour+pattern pair; both palettes define every key).
 */
import { WAIT_KINDS, type WaitKind } from '../contract/trace-vocabulary.ts';

/** Every wait kind, in legend order (declared once, with the trace's vocabulary). */
export { WAIT_KINDS };

/** A fill pattern the canvas paints over a span's colour. */
export type PatternName =
  | 'solid' | 'dashes' | 'diag' | 'backdiag' | 'cross' | 'grid' | 'hlines' | 'dots'
  | 'vlines' | 'checker' | 'zigzag' | 'wave' | 'plus' | 'bricks' | 'triangles' | 'sparse'
  | 'outline';

/** Pattern per wait kind: every kind has its own pattern, so kinds differ even without colour. Ready spans are hollow ('outline'), running spans solid and taller. */
export const WAIT_PATTERN = {
  sleep: 'solid',
  timer: 'dashes',
  lock: 'diag',
  semaphore: 'backdiag',
  condition: 'cross',
  barrier: 'grid',
  queue: 'hlines',
  event: 'dots',
  channel: 'vlines',
  task: 'checker',
  future: 'zigzag',
  promise: 'wave',
  network: 'plus',
  thread: 'bricks',
  nursery: 'triangles',
  other: 'sparse',
} as const satisfies Record<WaitKind, PatternName>;

/** The colour keys of a palette (CSS variable `--tl-<key>`). */
export type ColorKey =
  | 'bg' | 'text' | 'muted' | 'grid' | 'laneAlt' | 'header'
  | 'running' | 'ready' | 'blocked' | 'highlight' | 'playhead' | 'focus'
  | 'log' | 'spawn' | 'cancel' | 'error' | 'deadlock' | 'done'
  | 'macrotask' | 'checkpoint' | 'threadJob'
  | `wait-${WaitKind}`;

/** A full set of colours. */
export type Palette = Record<ColorKey, string>;

const waits = (colors: Record<WaitKind, string>): Record<`wait-${WaitKind}`, string> =>
  Object.fromEntries(Object.entries(colors).map(([k, v]) => [`wait-${k}`, v])) as Record<`wait-${WaitKind}`, string>;

/** Light theme (on the site's --bg #ffffff). */
export const LIGHT_PALETTE: Palette = {
  bg: '#ffffff', text: '#1d2129', muted: '#4e5665', grid: '#e3e6eb', laneAlt: '#f5f6f8', header: '#f5f6f8',
  running: '#1f4f99', ready: '#b7791f', blocked: '#c53030', highlight: '#d69e2e', playhead: '#6b46c1', focus: '#1f4f99',
  log: '#1d2129', spawn: '#2f855a', cancel: '#c05621', error: '#c53030', deadlock: '#9b2c2c', done: '#4e5665',
  macrotask: '#2c5282', checkpoint: '#805ad5', threadJob: '#2c7a7b',
  ...waits({
    sleep: '#7f9cc0', timer: '#5a7fa8', lock: '#c0504d', semaphore: '#d0743c', condition: '#b8860b', barrier: '#a0522d',
    queue: '#3a8f5c', event: '#2b8a8a', channel: '#4f8f3a', task: '#7b61b3', future: '#a05195', promise: '#8f6bb0',
    network: '#2f6fb0', thread: '#2c7a7b', nursery: '#6a5acd', other: '#808890',
  }),
};

/** Dark theme (on the site's --bg #15181e). */
export const DARK_PALETTE: Palette = {
  bg: '#15181e', text: '#e4e7ec', muted: '#aab1bd', grid: '#2a2f38', laneAlt: '#1b1f26', header: '#1e222a',
  running: '#8cb4ff', ready: '#f6c768', blocked: '#ff7b72', highlight: '#f6e05e', playhead: '#c4a8ff', focus: '#8cb4ff',
  log: '#e4e7ec', spawn: '#68d391', cancel: '#f6ad55', error: '#ff7b72', deadlock: '#fc8181', done: '#aab1bd',
  macrotask: '#90cdf4', checkpoint: '#d6bcfa', threadJob: '#81e6d9',
  ...waits({
    sleep: '#7f9cc0', timer: '#8fb3e0', lock: '#f08a87', semaphore: '#f4a261', condition: '#e9c46a', barrier: '#e0a080',
    queue: '#74c69d', event: '#6fd0d0', channel: '#a3d977', task: '#b39ddb', future: '#e0a0d0', promise: '#c9a7eb',
    network: '#7fb8f0', thread: '#81e6d9', nursery: '#a89cf0', other: '#a0a8b0',
  }),
};

/** Every colour key (for reading the CSS variables). */
export const COLOR_KEYS = Object.keys(LIGHT_PALETTE) as ColorKey[];

/** The CSS custom property holding a colour. */
export function cssVar(key: ColorKey): string {
  return `--tl-${key}`;
}

/** What a span looks like: colour key, pattern and how tall it is in its lane (fraction of the row). */
export interface SpanLook {
  color: ColorKey;
  pattern: PatternName;
  /** Bar height as a fraction of the lane's bar area: running is tallest, so it reads first. */
  height: number;
}

/** Look of a task span by state and wait kind. */
export function spanLook(state: 'running' | 'ready' | 'waiting', kind?: WaitKind): SpanLook {
  if (state === 'running') return { color: 'running', pattern: 'solid', height: 1 };
  if (state === 'ready') return { color: 'ready', pattern: 'outline', height: 0.55 };
  const k = kind ?? 'other';
  return { color: `wait-${k}`, pattern: WAIT_PATTERN[k], height: 0.55 };
}

/** Key identifying a look, for caching canvas patterns and batching fills. */
export function lookKey(look: SpanLook): string {
  return `${look.color}|${look.pattern}`;
}

/** Pick a palette for a theme name; anything but 'dark' is light. */
export function paletteFor(theme: string): Palette {
  return theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
}
