/** The UI strings a playground needs in the browser (the component passes them in its data-strings attribute). */
import type { UiKey } from '../i18n/t.ts';
import { fillPlaceholders } from '../i18n/placeholders.ts';

export const PLAYGROUND_KEYS = [
  'playground.run',
  'playground.stop',
  'playground.reset',
  'playground.share',
  'playground.clear',
  'playground.editor',
  'playground.runTitle',
  'playground.running',
  'playground.compiling',
  'playground.finished',
  'playground.stopped',
  'playground.timeout',
  'playground.timeoutTotal',
  'playground.crashed',
  'playground.compileError',
  'playground.more',
  'playground.copied',
  'playground.copyFailed',
  'playground.stale',
  'playground.useNew',
  'playground.keepMine',
  'playground.shared',
  'playground.loadFailed',
  'playground.problems',
  'playground.problemLine',
  'playground.edited',
  'playground.resetDone',
  'playground.undoReset',
  'playground.staleTimeline',
  'playground.noNetwork',
  'playground.exactTime',
  'playground.taskPromise',
] as const satisfies readonly UiKey[];

export type PlaygroundKey = (typeof PLAYGROUND_KEYS)[number];

/** A translate function over the strings the component passed. */
export function translator(table: Partial<Record<string, string>>): (key: PlaygroundKey, vars?: Record<string, string | number>) => string {
  return (key, vars) => fillPlaceholders(table[key] ?? key, vars);
}
