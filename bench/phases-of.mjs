// A run's phases from its marks: how long each took, from the mark before it
// (the run's start for the first), and `result` from the last mark to the
// run's end (for miniloop: building `lines`). Used by bench/tasks-child.mjs
// and bench/peers/generator-floor.mjs, read by bench/phases.mjs.

/**
 * @param {number} start when the run started (performance.now())
 * @param {ReadonlyArray<[string, number]>} marks each phase's name and when it ended, in order
 * @param {number} end when the run ended
 * @returns {Record<string, number>} milliseconds per phase, in order, then `result`
 */
export function phasesOf(start, marks, end) {
  const phases = {};
  let previous = start;
  for (const [name, at] of marks) {
    phases[name] = at - previous;
    previous = at;
  }
  phases.result = end - previous;
  return phases;
}
