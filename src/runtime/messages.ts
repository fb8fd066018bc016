/**
 * Every message the runtime shows a reader, in each language of the site:
 * deadlock reports, budget stops, the headings of never-retrieved exceptions
 * and unhandled rejections (an uncaught error is shown as its own text; the
 * playground's wall-time stop is in src/i18n with the page's strings). A run
 * takes its language from `ProgramOptions.lang` (program.ts); the CLI from
 * `--lang` or LC_ALL / LC_MESSAGES / LANG.
 * The Chinese catalogue has the English one's type, so a missing message fails
 * to compile; tests/runtime/messages.test.ts also lists any key missing in one
 * and runs each budget in both languages.
 */
import type { StopDetail } from '../contract/trace-vocabulary.ts';
import { formatMs } from '../trace/format-ms.ts';
import type { WaitLabel } from './trace.ts';

/** Languages of the site. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A count as the language writes it (300,000). */
const count = (n: number, lang: Lang): string => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

const en = {
  /** First line of a deadlock report; the blocked tasks follow, one per line. */
  deadlock: () => 'deadlock: every task is waiting and nothing can wake them (all tasks are asleep):',
  /** One blocked task of a deadlock report. */
  deadlockTask: (task: string, what: string) => `  task ${task} waits on ${what}`,
  /** The clock passed the time budget. */
  timeLimitPassed: (limit: number) => `time limit: the program ran past ${formatMs(limit, { compact: true })} of virtual time`,
  /** The next timer is due after the time budget. */
  timeLimitAhead: (limit: number) => `time limit: the program would run past ${formatMs(limit, { compact: true })} of virtual time`,
  stepLimit: (steps: number) => `step limit: the program ran more than ${count(steps, 'en')} steps`,
  outputLimit: (lines: number) => `output limit: the program printed more than ${count(lines, 'en')} lines`,
  /** Heading of a failed task whose exception nobody asked for. */
  neverRetrieved: (task: string) => `Task exception was never retrieved (task ${task})`,
  unhandledRejection: () => 'Unhandled promise rejection',
  /** A run that ended on an uncaught error (the error itself is shown as its own text). */
  errorStop: () => 'an uncaught error ended the run',
  /** A run the reader stopped. */
  stoppedByReader: () => 'the run was stopped',
  /** After the engine's SyntaxError: the compiled program uses syntax this engine lacks. */
  engineRefused: () => 'This JavaScript engine cannot run the compiled program (its syntax is newer than the engine); nothing ran.',
  shutdownError: (task: string) => `unhandled exception during run() shutdown (task ${task})`,
  asyncGenCloseError: () => 'an error occurred during closing of an asynchronous generator',
};

/** The messages of one language. */
export type Messages = typeof en;
export type MessageKey = keyof Messages;

const zh: Messages = {
  deadlock: () => '死锁：所有任务都在等待，没有任何事件能唤醒它们：',
  deadlockTask: (task, what) => `  任务 ${task} 在等待 ${what}`,
  timeLimitPassed: (limit) => `时间上限：程序的虚拟时间超过了 ${formatMs(limit, { compact: true })}`,
  timeLimitAhead: (limit) => `时间上限：程序的虚拟时间将超过 ${formatMs(limit, { compact: true })}`,
  stepLimit: (steps) => `步数上限：程序执行了超过 ${count(steps, 'zh')} 步`,
  outputLimit: (lines) => `输出上限：程序打印了超过 ${count(lines, 'zh')} 行`,
  neverRetrieved: (task) => `任务异常从未被取回（任务 ${task}）`,
  unhandledRejection: () => '未处理的 Promise 拒绝',
  errorStop: () => '一个未捕获的错误结束了运行',
  stoppedByReader: () => '运行已被停止',
  engineRefused: () => '这个 JavaScript 引擎运行不了编译后的程序（其中的语法比引擎新），程序没有运行。',
  shutdownError: (task) => `run() 收尾时出现未处理的异常（任务 ${task}）`,
  asyncGenCloseError: () => '关闭异步生成器时出错',
};

/** Every catalogue, by language. */
export const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, zh };

/** The messages in `lang` (English for anything else). */
export function messagesFor(lang: string | undefined): Messages {
  return lang === 'zh' ? zh : en;
}


/**
 * The text of a `stop` event in the reader's language: the trace records only
 * the reason and its data (contract/trace-vocabulary.ts StopDetail); a
 * deadlock lists its `blocked` tasks, one per line.
 */
export function stopText(stop: StopDetail, messages: Messages, blocked: ReadonlyArray<{ task: string; on: WaitLabel }> = []): string {
  switch (stop.reason) {
    case 'time-limit':
      return stop.passed ? messages.timeLimitPassed(stop.limit) : messages.timeLimitAhead(stop.limit);
    case 'step-limit':
      return messages.stepLimit(stop.limit);
    case 'output-limit':
      return messages.outputLimit(stop.limit);
    case 'deadlock':
      return [messages.deadlock(), ...blocked.map((b) => messages.deadlockTask(b.task, b.on.what))].join('\n');
    case 'error':
      return messages.errorStop();
    case 'stopped':
      return messages.stoppedByReader();
  }
}
