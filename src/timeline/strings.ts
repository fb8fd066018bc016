/**
 * The timeline's UI strings. Their text lives only in the site's i18n files
 * (`timeline.*` keys of src/i18n/en.json and zh.json): the playground passes a
 * table of them, and English (from en.json) fills any gap, so the view never
 * shows a raw key. Tests: tests/timeline/strings.test.ts.
 */
import en from '../i18n/en.json';
import { fillPlaceholders, type PlaceholderValues } from '../i18n/placeholders.ts';
import type { WaitKind } from '../runtime/trace.ts';

/** A key of the timeline's strings: every `timeline.*` key of en.json. */
export type TimelineKey = Extract<keyof typeof en, `timeline.${string}`>;

/** The strings the view receives (any subset; English fills the rest). */
export type TimelineStrings = Partial<Record<TimelineKey, string>>;

/** Every key, for the playground to pick them from its translation table. */
export const TIMELINE_KEYS = Object.keys(en).filter((k): k is TimelineKey => k.startsWith('timeline.'));

/** Translate a timeline key, filling `{name}` placeholders. */
export type Translate = (key: TimelineKey, vars?: PlaceholderValues) => string;

/** A formatter over `strings` with English fallback and `{name}` placeholders. */
export function formatter(strings: TimelineStrings): Translate {
  return (key, vars) => fillPlaceholders(strings[key] ?? en[key], vars);
}

/** The i18n key naming a wait kind. */
export function waitKey(kind: WaitKind): TimelineKey {
  return `timeline.wait.${kind}` as TimelineKey;
}

/** The UI key naming a stop reason in words ('time-limit' -> 'timeline.stopReason.timeLimit'); tests/timeline/strings.test.ts checks every reason has one. */
export function stopReasonKey(reason: string): TimelineKey {
  return `timeline.stopReason.${reason.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}` as TimelineKey;
}
