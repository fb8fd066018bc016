/**
 * Grading an exercise: a fix program's checks, a predicted order or time, a
 * culprit choice - each on the facts of the real run (facts.ts), each with a
 * plain sentence per verdict in the page's language. Pure functions, used by
 * the page (src/exercises/client/), by the build (answers of predict and
 * culprit programs) and by `npm run exercises:check`.
 * Tests: tests/exercises/grade.test.ts.
 */
import type { RunFacts } from './facts.ts';
import { evaluateCheck, type CheckResult } from './grade-checks.ts';
import { gradeMessages } from './messages.ts';
import type { Check, CulpritAnswer, FindCulprit, Lang } from './schema.ts';

export { evaluateCheck, lineMatches, showMatch, type CheckResult } from './grade-checks.ts';

/** The verdict on a whole answer: it passes when every result passes. */
export interface Grade {
  pass: boolean;
  results: CheckResult[];
}

/** Every check of a fix exercise on the run of the reader's program. */
export function gradeChecks(checks: readonly Check[], facts: RunFacts, lang: Lang): Grade {
  const results = checks.map((check) => evaluateCheck(check, facts, lang));
  return { pass: results.length > 0 && results.every((r) => r.pass), results };
}

/**
 * The order in which the run printed `lines` (each the first console line
 * equal to it), or a string naming the first line the run never printed.
 */
export function runOrder(lines: readonly string[], facts: RunFacts): Array<{ text: string; t: number }> | string {
  const placed: Array<{ text: string; t: number; index: number }> = [];
  for (const text of lines) {
    const index = facts.lines.findIndex((line) => line.text === text);
    if (index < 0) return text;
    placed.push({ text, t: facts.lines[index]!.t, index });
  }
  return placed.sort((a, b) => a.index - b.index).map(({ text, t }) => ({ text, t }));
}

/** A predicted order of console lines against the run's. */
export function gradePredictOrder(answer: readonly string[], facts: RunFacts, lang: Lang): Grade {
  const m = gradeMessages(lang);
  const real = runOrder(answer, facts);
  if (typeof real === 'string') throw new Error(`predict-order: the run never printed ${JSON.stringify(real)}`);
  const i = real.findIndex((line, k) => line.text !== answer[k]);
  if (i < 0) return { pass: true, results: [{ pass: true, message: m.predictOrderPass(), at: real[real.length - 1]?.t }] };
  return { pass: false, results: [{ pass: false, message: m.predictOrderFail(i + 1, answer[i]!, real[i]!.text, real[i]!.t), at: real[i]!.t }] };
}

/** The virtual ms at which the run printed `line` (its first occurrence), or undefined. */
export function lineTime(line: string, facts: RunFacts): number | undefined {
  return facts.lines.find((l) => l.text === line)?.t;
}

/** A predicted virtual time (ms, as typed) of `line`. Virtual times are exact: the answer must be within half a millisecond. */
export function gradePredictTime(line: string, answer: string | number, facts: RunFacts, lang: Lang): Grade {
  const m = gradeMessages(lang);
  const t = lineTime(line, facts);
  if (t === undefined) throw new Error(`predict-time: the run never printed ${JSON.stringify(line)}`);
  const text = String(answer).trim().replace(/\s*ms$/i, '');
  const yours = text === '' ? NaN : Number(text);
  if (!Number.isFinite(yours)) return { pass: false, results: [{ pass: false, message: m.predictTimeInvalid() }] };
  const pass = Math.abs(yours - t) <= 0.5;
  return { pass, results: [{ pass, message: pass ? m.predictTimePass(line, t) : m.predictTimeFail(line, yours, t), at: t }] };
}

/** The right choice of a culprit question on this run, and the sentence that says why. */
export interface CulpritKey {
  id: string;
  why: string;
  at?: number;
}

/**
 * Which choice the run makes right. Throws (an authoring error, caught by
 * `npm run exercises:check`) when the run does not decide among the choices.
 */
export function culpritKey(exercise: Pick<FindCulprit, 'answer' | 'choices'>, facts: RunFacts, lang: Lang): CulpritKey {
  const m = gradeMessages(lang);
  const ids = new Set(exercise.choices.map((c) => c.id));
  const answer: CulpritAnswer = exercise.answer;
  const pick = (id: string, why: string, at?: number): CulpritKey => {
    if (!ids.has(id)) throw new Error(`culprit: the run points at ${JSON.stringify(id)}, which is not one of the choices ${[...ids].join(', ')}`);
    return { id, why, at };
  };
  switch (answer.from) {
    case 'longest-block': {
      const worst = facts.blocks.reduce<RunFacts['blocks'][number] | undefined>((a, b) => (a === undefined || b.ms > a.ms ? b : a), undefined);
      if (!worst) throw new Error('culprit longest-block: the run never blocked the loop');
      return pick(worst.task, m.culpritLongestBlock(worst.task, worst.ms, worst.t), worst.t);
    }
    case 'deadlock-wait': {
      const wait = facts.deadlock?.blocked.find((b) => b.task === answer.task);
      if (!wait) throw new Error(`culprit deadlock-wait: no deadlock with a task ${JSON.stringify(answer.task)} in the run`);
      const id = ids.has(wait.on.what) ? wait.on.what : wait.on.kind;
      return pick(id, m.culpritDeadlock(answer.task, wait.on.what), facts.deadlock!.t);
    }
    case 'first-line': {
      const first = facts.lines[0];
      if (!first) throw new Error('culprit first-line: the run printed nothing');
      return pick(first.text, m.culpritFirstLine(first.text), first.t);
    }
    case 'choice': {
      const failed = answer.verify.map((check) => evaluateCheck(check, facts, lang)).find((r) => !r.pass);
      if (failed) throw new Error(`culprit choice ${answer.id}: a verify check does not hold on the run: ${failed.message}`);
      const last = answer.verify.map((check) => evaluateCheck(check, facts, lang)).at(-1);
      return pick(answer.id, last?.message ?? '', last?.at);
    }
  }
}

/** A culprit choice against the key. */
export function gradeCulprit(choice: string, key: CulpritKey, lang: Lang): Grade {
  const m = gradeMessages(lang);
  const pass = choice === key.id;
  return { pass, results: [{ pass, message: `${pass ? m.culpritPass() : m.culpritFail()}${lang === 'zh' ? '' : ' '}${key.why}`, at: key.at }] };
}
