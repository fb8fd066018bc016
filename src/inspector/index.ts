/** The browser inspector (issue 14): mounted by src/playground/timeline-panel.ts under the timeline. */
export { mountInspector, type InspectorHandle, type InspectorHost } from './panel.ts';
export { snapshotAt, lineStep, causeSeq, type Snapshot } from './snapshot.ts';
