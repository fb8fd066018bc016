/**
 * Why miniloop's completion line differs from Node 22's, test by test: the
 * known differences of the last recorded run (src/runtime/README.md,
 * "test262 (async subset)"), grouped by cause. A difference not listed is
 * "unexplained" and printed in full; a listed test that now agrees is counted
 * as fixed, so a run on a newer tree shows what changed. Held by
 * tests/runtime/test262-script.test.ts.
 */

/**
 * @typedef {{ id: string, title: string, kind: 'by design' | 'newer spec' | 'bug', files: string[] }} Cause
 * @typedef {{ file: string, node?: string, miniloop?: string }} TestResult
 */

/** @type {Cause[]} */
export const CAUSES = [];

/**
 * Group the differences of `results` by cause.
 * @param {TestResult[]} results
 * @param {Cause[]} [causes]
 * @returns {{ rows: Array<{ cause: Cause, differ: string[], agree: string[] }>, unexplained: TestResult[] }}
 */
export function classify(results, causes = CAUSES) {
  const causeOf = new Map();
  for (const cause of causes) for (const file of cause.files) causeOf.set(file, cause);
  const rows = causes.map((cause) => ({ cause, differ: [], agree: [] }));
  const rowOf = new Map(rows.map((r) => [r.cause, r]));
  const unexplained = [];
  for (const r of results) {
    const cause = causeOf.get(r.file);
    const same = r.node === r.miniloop;
    if (cause) rowOf.get(cause)[same ? 'agree' : 'differ'].push(r.file);
    else if (!same) unexplained.push(r);
  }
  return { rows, unexplained };
}

/**
 * The cause table as printed at the end of a run (Markdown, as in the README).
 * @param {ReturnType<typeof classify>} grouped
 * @returns {string}
 */
export function causeTable({ rows, unexplained }) {
  const lines = ['| cause | kind | differ | listed, now same as Node |', '| --- | --- | --- | --- |'];
  for (const { cause, differ, agree } of rows) lines.push(`| ${cause.title} | ${cause.kind} | ${differ.length} | ${agree.length} |`);
  lines.push(`| not explained yet | - | ${unexplained.length} | - |`);
  return lines.join('\n');
}
