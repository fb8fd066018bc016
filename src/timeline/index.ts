/**
 * The timeline view's public entry: mount it, feed it runs, wire it to the
 * console. See README.md beside this file for the integration.
 */
export { mountTimeline, type TimelineHandle, type TimelineOptions, type Moment } from './mount.ts';
export type { HoverInfo, ScrubPosition } from './describe.ts';
export { TIMELINE_KEYS, type TimelineStrings, type TimelineKey } from './strings.ts';
export { buildModel, logEventSeqs, type ViewMode } from './model.ts';
export { validTraceInput } from './validate.ts';
export { formatter } from './strings.ts';
