/** The UI strings the exercises' client needs (the component passes them in data-strings). */
import type { UiKey } from '../../i18n/t.ts';
import { fillPlaceholders } from '../../i18n/placeholders.ts';

export const EXERCISE_KEYS = [
  'exercises.check',
  'exercises.checking',
  'exercises.hint',
  'exercises.noMoreHints',
  'exercises.solved',
  'exercises.progress',
  'exercises.passed',
  'exercises.failed',
  'exercises.allPassed',
  'exercises.someFailed',
  'exercises.moveUp',
  'exercises.moveDown',
  'exercises.moved',
  'exercises.pickOne',
  'exercises.noRecord',
  'exercises.sidebarSolved',
  'exercises.showOnTimeline',
  'exercises.showOnTimelineAt',
  'exercises.movedPlayhead',
  'exercises.predictPrompt',
  'exercises.checkPrediction',
  'exercises.predictionOther',
  'exercises.orderHelp',
  'exercises.orderLabel',
] as const satisfies readonly UiKey[];

export type ExerciseKey = (typeof EXERCISE_KEYS)[number];
export type Translate = (key: ExerciseKey, vars?: Record<string, string | number>) => string;

/** A translate function over the strings the component passed. */
export function translator(table: Partial<Record<string, string>>): Translate {
  return (key, vars) => fillPlaceholders(table[key] ?? key, vars);
}
