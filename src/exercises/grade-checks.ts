/**
 * One declarative check (schema.ts Check) evaluated on a run's facts
 * (facts.ts): pass or fail, a plain sentence in the page's language, and the
 * virtual ms the timeline should point at. Pure; tests/exercises/grade.test.ts.
 */
import { messagesFor, stopText } from '../runtime/messages.ts';
import type { RunFacts } from './facts.ts';
import { gradeMessages } from './messages.ts';
import type { Check, Lang, LineMatch } from './schema.ts';

/** The verdict on one check. */
export interface CheckResult {
  pass: boolean;
  message: string;
  /** Virtual ms of the moment that decides it (the timeline's playhead), when there is one. */
  at?: number;
}

/** A readable form of a line matcher (its text, or its regex between slashes). */
export function showMatch(match: LineMatch, lang: Lang): string {
  if (typeof match === 'string') return match;
  return match.text?.[lang] ?? `/${match.regex}/`;
}

/** Whether console line `text` matches. */
export function lineMatches(match: LineMatch, text: string): boolean {
  return typeof match === 'string' ? text === match : new RegExp(match.regex).test(text);
}

/** Evaluate `check` on `facts`, with the message in `lang`. */
export function evaluateCheck(check: Check, facts: RunFacts, lang: Lang): CheckResult {
  const m = gradeMessages(lang);
  if (facts.tampered !== undefined) return { pass: false, message: m.tampered(facts.tampered) };
  switch (check.check) {
    case 'no-error': {
      const error = facts.errors[0];
      if (error) return { pass: false, message: m.noErrorFail(error.message, error.task, error.t), at: error.t };
      const stop = facts.stops[0];
      if (stop) return { pass: false, message: m.stopped(stopText(stop.detail, messagesFor(lang))), at: stop.t };
      return { pass: true, message: m.noErrorPass() };
    }
    case 'no-deadlock': {
      const d = facts.deadlock;
      if (!d) return { pass: true, message: m.noDeadlockPass() };
      const waits = d.blocked.map((b) => m.waitOn(b.task, b.on.what)).join(lang === 'zh' ? '；' : '; ');
      return { pass: false, message: m.noDeadlockFail(d.t, waits), at: d.t };
    }
    case 'finishes-within': {
      const stopped = stopResult(facts, lang);
      if (stopped) return stopped;
      const pass = facts.endTime <= check.ms;
      return { pass, message: pass ? m.finishesPass(check.ms, facts.endTime) : m.finishesFail(check.ms, facts.endTime), at: facts.endTime };
    }
    case 'no-task-left': {
      const left = facts.tasks.filter((task) => task.leftOver && task.name !== 'main').map((task) => task.name);
      if (left.length === 0 && facts.mainEnd !== undefined) return { pass: true, message: m.noTaskLeftPass(), at: facts.mainEnd };
      return { pass: false, message: m.noTaskLeftFail(unique(left), facts.mainEnd), at: facts.mainEnd ?? facts.endTime };
    }
    case 'lines-in-order': {
      let from = 0;
      let previous: { text: string; t: number } | undefined;
      for (const match of check.lines) {
        let i = from;
        while (i < facts.lines.length && !lineMatches(match, facts.lines[i]!.text)) i++;
        if (i === facts.lines.length) return { pass: false, message: m.orderMissing(showMatch(match, lang), previous?.text), at: previous?.t };
        previous = facts.lines[i]!;
        from = i + 1;
      }
      return { pass: true, message: m.orderPass(check.lines.length), at: previous?.t };
    }
    case 'line-count': {
      const got = facts.lines.filter((line) => lineMatches(check.match, line.text)).length;
      const pass = got === check.count;
      return { pass, message: pass ? m.countPass(showMatch(check.match, lang), got) : m.countFail(showMatch(check.match, lang), check.count, got) };
    }
    case 'line-by': {
      const matching = facts.lines.filter((line) => lineMatches(check.match, line.text));
      const shown = showMatch(check.match, lang);
      if (matching.length === 0) return { pass: false, message: m.byNever(shown, check.ms), at: check.ms };
      const deciding = check.all ? matching.reduce((a, b) => (b.t > a.t ? b : a)) : matching[0]!;
      if (deciding.t <= check.ms) return { pass: true, message: m.byPass(deciding.text, check.ms, deciding.t), at: deciding.t };
      return { pass: false, message: m.byLate(deciding.text, check.ms, deciding.t, deciding.task), at: deciding.t };
    }
    case 'max-block': {
      const worst = facts.blocks.reduce<RunFacts['blocks'][number] | undefined>((a, b) => (a === undefined || b.ms > a.ms ? b : a), undefined);
      if (!worst || worst.ms <= check.ms) return { pass: true, message: m.blockPass(check.ms) };
      return { pass: false, message: m.blockFail(check.ms, worst.task, worst.ms, worst.t), at: worst.t };
    }
    case 'max-queue': {
      const queues = (facts.queues ?? []).filter((x) => check.queue === undefined || x.what === check.queue);
      if (check.queue !== undefined && queues.length === 0) return { pass: false, message: m.noQueue(check.queue) };
      const worst = queues.reduce<NonNullable<RunFacts['queues']>[number] | undefined>((a, b) => (a === undefined || b.size > a.size ? b : a), undefined);
      if (!worst || worst.size <= check.max) return { pass: true, message: m.queuePass(check.max, worst?.size ?? 0), at: worst?.t };
      return { pass: false, message: m.queueFail(check.max, worst.what, worst.size, worst.t, worst.task), at: worst.t };
    }
    case 'task-outcome': {
      const task = facts.tasks.find((x) => x.name === check.task);
      if (!task) return { pass: false, message: m.noTask(check.task) };
      if (task.outcome === undefined) return { pass: false, message: m.outcomeNever(check.task, check.outcome), at: facts.endTime };
      const pass = task.outcome === check.outcome;
      return { pass, message: pass ? m.outcomePass(check.task, check.outcome) : m.outcomeFail(check.task, check.outcome, task.outcome, task.end!), at: task.end };
    }
    case 'overlap': {
      const found = check.tasks.map((name) => ({ name, task: facts.tasks.find((x) => x.name === name) }));
      const missing = found.find((f) => !f.task);
      if (missing) return { pass: false, message: m.noTask(missing.name) };
      const spans = found.map((f) => f.task!);
      const latestStart = Math.max(...spans.map((s) => s.start));
      const earliestEnd = Math.min(...spans.map((s) => s.end ?? Infinity));
      if (latestStart < earliestEnd) return { pass: true, message: m.overlapPass(check.tasks), at: latestStart };
      const text = spans.map((s) => m.span(s.name, s.start, s.end)).join(lang === 'zh' ? '，' : ', ');
      return { pass: false, message: m.overlapFail(check.tasks, text), at: earliestEnd };
    }
  }
}

/** A run stopped by a budget fails a timing check with the runtime's own reason. */
function stopResult(facts: RunFacts, lang: Lang): CheckResult | undefined {
  const stop = facts.stops[0];
  return stop ? { pass: false, message: gradeMessages(lang).stopped(stopText(stop.detail, messagesFor(lang))), at: stop.t } : undefined;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
