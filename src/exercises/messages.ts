/**
 * What the grader says, in the page's language: what was expected, what
 * happened. Content never writes these; every check and prediction has its
 * sentence here (tests/exercises/grade.test.ts reads them in both languages).
 */
import { formatMs } from '../trace/format-ms.ts';
import type { Check, Lang, LineMatch } from './schema.ts';

const q = (s: string) => `\`${s}\``;
/** A virtual time as the timeline writes it ("250 ms", "940.13 ms", "1.5 s"). */
const at = (ms: number) => formatMs(ms);
const list = (items: string[], lang: Lang) => items.map(q).join(lang === 'zh' ? '、' : ', ');

/** One language's sentences. */
export interface GradeMessages {
  tampered(why: string): string;
  noErrorPass(): string;
  noErrorFail(message: string, task: string, t: number): string;
  noDeadlockPass(): string;
  noDeadlockFail(t: number, waits: string): string;
  waitOn(task: string, what: string): string;
  finishesPass(ms: number, end: number): string;
  finishesFail(ms: number, end: number): string;
  noTaskLeftPass(): string;
  noTaskLeftFail(names: string[], mainEnd: number | undefined): string;
  orderPass(count: number): string;
  orderMissing(line: string, after: string | undefined): string;
  countPass(line: string, count: number): string;
  countFail(line: string, count: number, got: number): string;
  byPass(line: string, ms: number, t: number): string;
  byLate(line: string, ms: number, t: number, task: string): string;
  byNever(line: string, ms: number): string;
  blockPass(ms: number): string;
  blockFail(ms: number, task: string, took: number, t: number): string;
  queuePass(max: number, most: number): string;
  queueFail(max: number, queue: string, size: number, t: number, task: string): string;
  noQueue(queue: string): string;
  outcomePass(task: string, outcome: string): string;
  outcomeFail(task: string, outcome: string, got: string, t: number): string;
  outcomeNever(task: string, outcome: string): string;
  noTask(task: string): string;
  overlapPass(tasks: string[]): string;
  overlapFail(tasks: string[], spans: string): string;
  span(task: string, start: number, end: number | undefined): string;
  stopped(message: string): string;
  predictOrderPass(): string;
  predictOrderFail(position: number, yours: string, real: string, t: number): string;
  predictTimePass(line: string, t: number): string;
  predictTimeFail(line: string, yours: number, t: number): string;
  predictTimeInvalid(): string;
  culpritPass(): string;
  culpritFail(): string;
  culpritLongestBlock(task: string, ms: number, t: number): string;
  culpritDeadlock(task: string, what: string): string;
  culpritFirstLine(line: string): string;
}

const outcomeZh: Record<string, string> = { ok: '正常结束', error: '抛出错误结束', cancelled: '被取消' };
const outcomeEn: Record<string, string> = { ok: 'end normally', error: 'end with an error', cancelled: 'be cancelled' };
const endedEn: Record<string, string> = { ok: 'ended normally', error: 'ended with an error', cancelled: 'was cancelled' };

const en: GradeMessages = {
  tampered: (why) => `The run's record contradicts itself (${why}): the program wrote into the runtime's own record, so no check can trust it.`,
  noErrorPass: () => 'No uncaught error.',
  noErrorFail: (message, task, t) => `Expected no uncaught error; task ${q(task)} failed at ${at(t)} with ${q(message)}.`,
  noDeadlockPass: () => 'No deadlock: the run did not get stuck.',
  noDeadlockFail: (t, waits) => `Expected no deadlock; at ${at(t)} every task was waiting and nothing could wake them: ${waits}.`,
  waitOn: (task, what) => `${q(task)} waits on ${q(what)}`,
  finishesPass: (ms, end) => `The run ended at ${at(end)}, within ${at(ms)}.`,
  finishesFail: (ms, end) => `Expected the run to end by ${at(ms)} (virtual time); it ended at ${at(end)}.`,
  noTaskLeftPass: () => 'Every task was done when main returned.',
  noTaskLeftFail: (names, mainEnd) =>
    mainEnd === undefined
      ? `Expected every task to be done when main returns; main never returned, and these were still running: ${list(names, 'en')}.`
      : `Expected every task to be done when main returns (at ${at(mainEnd)}); still running: ${list(names, 'en')}.`,
  orderPass: (count) => `All ${count} lines were printed in the expected order.`,
  orderMissing: (line, after) => (after === undefined ? `Expected the line ${q(line)}; the run never printed it.` : `Expected the line ${q(line)} after ${q(after)}; the run did not print it after that line.`),
  countPass: (line, count) => `${count} lines match ${q(line)}, as expected.`,
  countFail: (line, count, got) => `Expected ${count} lines matching ${q(line)}; the run printed ${got}.`,
  byPass: (line, ms, t) => `${q(line)} was printed at ${at(t)}, within ${at(ms)}.`,
  byLate: (line, ms, t, task) => `Expected ${q(line)} by ${at(ms)}; task ${q(task)} printed it at ${at(t)}.`,
  byNever: (line, ms) => `Expected ${q(line)} by ${at(ms)}; the run never printed it.`,
  blockPass: (ms) => `The loop was never blocked for longer than ${at(ms)}.`,
  queuePass: (max, most) => `No queue ever held more than ${max} item${max === 1 ? '' : 's'} (at most ${most}).`,
  queueFail: (max, queue, size, t, task) => `Expected no queue to hold more than ${max} item${max === 1 ? '' : 's'}; ${q(queue)} held ${size} at ${at(t)}, after a put by ${q(task)}: the producer ran ahead of the consumers.`,
  noQueue: (queue) => `Expected a queue named ${q(queue)}; the run never used one.`,
  blockFail: (ms, task, took, t) => `Expected no block of the loop longer than ${at(ms)}; task ${q(task)} blocked it for ${at(took)} at ${at(t)}, and nothing else could run meanwhile.`,
  outcomePass: (task, outcome) => `Task ${q(task)} did ${outcomeEn[outcome]}.`,
  outcomeFail: (task, outcome, got, t) => `Expected task ${q(task)} to ${outcomeEn[outcome]}; it ${endedEn[got]} at ${at(t)}.`,
  outcomeNever: (task, outcome) => `Expected task ${q(task)} to ${outcomeEn[outcome]}; it never ended.`,
  noTask: (task) => `Expected a task named ${q(task)}; the run created none (name it with { name: '${task}' }).`,
  overlapPass: (tasks) => `${list(tasks, 'en')} ran at the same time.`,
  overlapFail: (tasks, spans) => `Expected ${list(tasks, 'en')} to run at the same time; they ran one after another: ${spans}.`,
  span: (task, start, end) => `${q(task)} ${start}-${end === undefined ? '…' : end} ms`,
  stopped: (message) => `The run was stopped: ${message}`,
  predictOrderPass: () => 'Right: the run printed the lines in this order.',
  predictOrderFail: (position, yours, real, t) => `Not quite. Line ${position} of your order is ${q(yours)}, but the run printed ${q(real)} there (at ${at(t)}).`,
  predictTimePass: (line, t) => `Right: ${q(line)} was printed at ${at(t)}.`,
  predictTimeFail: (line, yours, t) => `Not quite: you said ${at(yours)}; the run printed ${q(line)} at ${at(t)}.`,
  predictTimeInvalid: () => 'Type a number of milliseconds, e.g. 100.',
  culpritPass: () => 'Right.',
  culpritFail: () => 'Not this one.',
  culpritLongestBlock: (task, ms, t) => `The run shows task ${q(task)} blocking the loop for ${at(ms)} at ${at(t)}, the longest stall.`,
  culpritDeadlock: (task, what) => `In the deadlock, ${q(task)} waits on ${q(what)}.`,
  culpritFirstLine: (line) => `The run printed ${q(line)} first.`,
};

const zh: GradeMessages = {
  tampered: (why) => `这次运行的记录自相矛盾（${why}）：程序改写了运行时自己的记录，所以任何检查都不能信它。`,
  noErrorPass: () => '没有未捕获的错误。',
  noErrorFail: (message, task, t) => `应当没有未捕获的错误；任务 ${q(task)} 在 ${at(t)} 出错：${q(message)}。`,
  noDeadlockPass: () => '没有死锁：程序没有卡住。',
  noDeadlockFail: (t, waits) => `应当没有死锁；在 ${at(t)}，所有任务都在等待，没有谁能唤醒它们：${waits}。`,
  waitOn: (task, what) => `${q(task)} 在等 ${q(what)}`,
  finishesPass: (ms, end) => `运行在 ${at(end)} 结束，没有超过 ${at(ms)}。`,
  finishesFail: (ms, end) => `应当在 ${at(ms)}（虚拟时间）内结束；实际在 ${at(end)} 才结束。`,
  noTaskLeftPass: () => 'main 返回时，所有任务都已结束。',
  noTaskLeftFail: (names, mainEnd) =>
    mainEnd === undefined
      ? `main 返回时应当没有任务还在运行；main 一直没有返回，这些任务还在运行：${list(names, 'zh')}。`
      : `main 返回时（${at(mainEnd)}）应当没有任务还在运行；仍在运行的有：${list(names, 'zh')}。`,
  orderPass: (count) => `${count} 行都按预期的顺序打印了。`,
  orderMissing: (line, after) => (after === undefined ? `应当打印 ${q(line)}；这次运行没有打印它。` : `应当在 ${q(after)} 之后打印 ${q(line)}；这次运行在那一行之后没有打印它。`),
  countPass: (line, count) => `匹配 ${q(line)} 的行有 ${count} 行，符合预期。`,
  countFail: (line, count, got) => `匹配 ${q(line)} 的行应当有 ${count} 行；实际打印了 ${got} 行。`,
  byPass: (line, ms, t) => `${q(line)} 在 ${at(t)} 打印，没有超过 ${at(ms)}。`,
  byLate: (line, ms, t, task) => `${q(line)} 应当在 ${at(ms)} 之前打印；任务 ${q(task)} 到 ${at(t)} 才打印。`,
  byNever: (line, ms) => `${q(line)} 应当在 ${at(ms)} 之前打印；这次运行根本没有打印它。`,
  blockPass: (ms) => `事件循环被阻塞的时间从未超过 ${at(ms)}。`,
  queuePass: (max, most) => `队列里的元素从未超过 ${max} 个（最多 ${most} 个）。`,
  queueFail: (max, queue, size, t, task) => `队列里最多只应有 ${max} 个元素；但 ${q(task)} 在 ${at(t)} 放入一个元素后，${q(queue)} 里堆了 ${size} 个：生产者跑到了消费者前面。`,
  noQueue: (queue) => `应当有一个名为 ${q(queue)} 的队列；这次运行从没用过它。`,
  blockFail: (ms, task, took, t) => `事件循环被阻塞不应超过 ${at(ms)}；任务 ${q(task)} 在 ${at(t)} 阻塞了它 ${at(took)}，这期间别的任务都没法运行。`,
  outcomePass: (task, outcome) => `任务 ${q(task)} ${outcomeZh[outcome]}。`,
  outcomeFail: (task, outcome, got, t) => `任务 ${q(task)} 应当${outcomeZh[outcome]}；它在 ${at(t)} ${outcomeZh[got]}。`,
  outcomeNever: (task, outcome) => `任务 ${q(task)} 应当${outcomeZh[outcome]}；它一直没有结束。`,
  noTask: (task) => `应当有一个名为 ${q(task)} 的任务；这次运行没有创建（用 { name: '${task}' } 给它命名）。`,
  overlapPass: (tasks) => `${list(tasks, 'zh')} 是同时运行的。`,
  overlapFail: (tasks, spans) => `${list(tasks, 'zh')} 应当同时运行；它们却是一个接一个运行的：${spans}。`,
  span: (task, start, end) => `${q(task)} ${start}-${end === undefined ? '…' : end} ms`,
  stopped: (message) => `运行被中止：${message}`,
  predictOrderPass: () => '对了：运行时就是按这个顺序打印的。',
  predictOrderFail: (position, yours, real, t) => `不对。你排的第 ${position} 行是 ${q(yours)}，而运行时这个位置打印的是 ${q(real)}（在 ${at(t)}）。`,
  predictTimePass: (line, t) => `对了：${q(line)} 在 ${at(t)} 打印。`,
  predictTimeFail: (line, yours, t) => `不对：你填的是 ${at(yours)}；运行时 ${q(line)} 在 ${at(t)} 打印。`,
  predictTimeInvalid: () => '请填一个毫秒数，例如 100。',
  culpritPass: () => '对了。',
  culpritFail: () => '不是这个。',
  culpritLongestBlock: (task, ms, t) => `运行记录显示，任务 ${q(task)} 在 ${at(t)} 阻塞了事件循环 ${at(ms)}，是最长的一次。`,
  culpritDeadlock: (task, what) => `死锁时，${q(task)} 在等 ${q(what)}。`,
  culpritFirstLine: (line) => `运行时最先打印的是 ${q(line)}。`,
};

/** The grader's sentences in `lang`. */
export function gradeMessages(lang: Lang): GradeMessages {
  return lang === 'zh' ? zh : en;
}

/** A check said as a requirement (the list under a fix exercise, readable without JavaScript). */
export function describeCheck(check: Check, lang: Lang): string {
  const show = (match: LineMatch) => q(typeof match === 'string' ? match : (match.text?.[lang] ?? `/${match.regex}/`));
  const zhOutcome: Record<string, string> = { ok: '正常结束', error: '以错误结束', cancelled: '被取消' };
  if (lang === 'zh') {
    switch (check.check) {
      case 'no-error': return '没有未捕获的错误。';
      case 'no-deadlock': return '不会死锁。';
      case 'finishes-within': return `在 ${check.ms} ms（虚拟时间）内结束。`;
      case 'no-task-left': return 'main 返回时没有任务还在运行。';
      case 'lines-in-order': return `按顺序打印 ${check.lines.map(show).join('、')}。`;
      case 'line-count': return `打印 ${check.count} 行 ${show(check.match)}。`;
      case 'line-by': return `${check.all ? '每一行' : ''} ${show(check.match)} 在 ${check.ms} ms 之前打印。`.trim();
      case 'max-block': return `事件循环每次被阻塞不超过 ${check.ms} ms。`;
      case 'max-queue': return `${check.queue === undefined ? '任何队列' : `队列 ${q(check.queue)}`}里同时最多只有 ${check.max} 个元素。`;
      case 'task-outcome': return `任务 ${q(check.task)} ${zhOutcome[check.outcome]}。`;
      case 'overlap': return `${check.tasks.map(q).join('、')} 同时运行。`;
    }
  }
  switch (check.check) {
    case 'no-error': return 'No uncaught error.';
    case 'no-deadlock': return 'No deadlock.';
    case 'finishes-within': return `The run ends within ${check.ms} ms of virtual time.`;
    case 'no-task-left': return 'No task is still running when main returns.';
    case 'lines-in-order': return `It prints ${check.lines.map(show).join(', then ')}, in that order.`;
    case 'line-count': return `It prints ${show(check.match)} exactly ${check.count} time${check.count === 1 ? '' : 's'}.`;
    case 'line-by': return `${check.all ? 'Every' : 'The first'} ${show(check.match)} line is printed by ${check.ms} ms.`;
    case 'max-block': return `Nothing blocks the loop for more than ${check.ms} ms.`;
    case 'max-queue': return `${check.queue === undefined ? 'No queue' : `The queue ${q(check.queue)}`} ever holds more than ${check.max} item${check.max === 1 ? '' : 's'}.`;
    case 'task-outcome': return `Task ${q(check.task)} ${check.outcome === 'ok' ? 'ends normally' : check.outcome === 'error' ? 'ends with an error' : 'is cancelled'}.`;
    case 'overlap': return `${check.tasks.map(q).join(' and ')} run at the same time.`;
  }
}
