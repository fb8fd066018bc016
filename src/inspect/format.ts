/**
 * The text `miniloop run FILE --at T` and `--why N` print, in English or
 * Chinese. Tests: tests/inspect/cli.test.ts.
 */
import type { TraceEvent, WaitLabel } from '../runtime/trace.ts';
import { awaitCycles, awaitEdges } from './graph.ts';
import { eventsUntil, holdersAfter, tasksAfter, type Moment, type TaskStateName } from './state.ts';
import { logSeq, whyChain, type Cause } from './why.ts';

type Lang = 'en' | 'zh';

const STATE_WORDS: Record<TaskStateName, Record<Lang, string>> = {
  running: { en: 'running', zh: '运行中' },
  ready: { en: 'ready', zh: '就绪' },
  waiting: { en: 'waiting', zh: '等待中' },
  done: { en: 'done', zh: '已完成' },
  cancelled: { en: 'cancelled', zh: '已取消' },
  failed: { en: 'failed', zh: '已失败' },
};

const WORDS = {
  at: { en: (t: string, n: number, total: number) => `State at ${t} (after step ${n} of ${total})`, zh: (t: string, n: number, total: number) => `${t} 时的状态(第 ${n} 步,共 ${total} 步)` },
  tasks: { en: 'Tasks:', zh: '任务:' },
  waitsOn: { en: 'on', zh: '等待' },
  graph: { en: 'Await graph (task -> what it awaits -> who holds or completes it):', zh: '等待图(任务 -> 它等待的东西 -> 持有或完成它的任务):' },
  noGraph: { en: '  (no task is waiting)', zh: '  (没有任务在等待)' },
  unknownOwner: { en: '? (the trace names no task)', zh: '?(追踪没有记下是哪个任务)' },
  theLoop: { en: 'the loop (timer, network or thread)', zh: '事件循环(计时器、网络或线程)' },
  cycle: { en: 'Cycle (deadlock):', zh: '环(死锁):' },
  noCycle: { en: 'No cycle.', zh: '没有环。' },
  lines: { en: (n: number) => `Console lines printed so far: ${n}`, zh: (n: number) => `到此为止打印的控制台行数:${n}` },
  why: { en: (n: number) => `Why console line ${n}:`, zh: (n: number) => `控制台第 ${n} 行的成因:` },
  noLine: { en: (n: number, total: number) => `there is no console line ${n} (the run printed ${total})`, zh: (n: number, total: number) => `没有第 ${n} 行控制台输出(这次运行共打印 ${total} 行)` },
} as const;

function ms(t: number): string {
  return `${Number.isInteger(t) ? t : Number(t.toFixed(3))}ms`;
}

/** The report of `--at`: every task's state, the await graph and its cycles. */
export function formatStateAt(trace: readonly TraceEvent[], moment: Moment, lang: Lang): string {
  const count = eventsUntil(trace, moment);
  const tasks = tasksAfter(trace, count);
  const name = (id: number) => tasks.find((t) => t.id === id)?.name ?? `#${id}`;
  const t = moment.kind === 'time' ? moment.t : count > 0 ? trace[count - 1]!.t : 0;
  const label = moment.kind === 'end' ? `${lang === 'zh' ? '结束' : 'the end'}, ${ms(t)}` : ms(t);
  const out = [WORDS.at[lang](label, count, trace.length), WORDS.tasks[lang]];
  const width = Math.max(0, ...tasks.map((task) => task.name.length));
  for (const task of tasks) {
    let line = `  ${task.name.padEnd(width)}  ${STATE_WORDS[task.state][lang]}`;
    if (task.on) line += ` ${WORDS.waitsOn[lang]} ${task.on.what} [${task.on.kind}]`;
    if (task.error) line += `: ${task.error}`;
    out.push(line);
  }
  const edges = awaitEdges(tasks, holdersAfter(trace, count));
  out.push(WORDS.graph[lang]);
  if (edges.length === 0) out.push(WORDS.noGraph[lang]);
  const loopWakes = new Set(['sleep', 'timer', 'network', 'thread']);
  const owner = (e: (typeof edges)[number]) =>
    e.owner !== null ? name(e.owner) : loopWakes.has(e.on.kind) ? WORDS.theLoop[lang] : WORDS.unknownOwner[lang];
  for (const e of edges) out.push(`  ${name(e.task)} -> ${e.on.what} -> ${owner(e)}`);
  const cycles = awaitCycles(edges);
  if (cycles.length === 0) out.push(WORDS.noCycle[lang]);
  for (const cycle of cycles) {
    const on = (id: number) => edges.find((e) => e.task === id)!.on.what;
    out.push(`${WORDS.cycle[lang]} ${[...cycle.map((id) => `${name(id)} -> ${on(id)}`), name(cycle[0]!)].join(' -> ')}`);
  }
  let lines = 0;
  for (let i = 0; i < count; i++) if (trace[i]!.kind === 'log') lines++;
  out.push(WORDS.lines[lang](lines));
  return out.join('\n');
}

/** The names of tasks, from the spawn events. */
function taskNames(trace: readonly TraceEvent[]): Map<number, string> {
  const names = new Map<number, string>([[0, lang0]]);
  for (const e of trace) if (e.kind === 'spawn') names.set(e.task, e.detail.name);
  return names;
}
const lang0 = 'loop';

function waitText(on: WaitLabel | undefined, lang: Lang): string {
  if (!on) return '';
  return lang === 'zh' ? `(它在等待 ${on.what} [${on.kind}])` : ` (it waited on ${on.what} [${on.kind}])`;
}

function causeText(c: Cause, name: (id: number) => string, lang: Lang): string {
  const at = `[${ms(c.t)} step ${c.seq}]`;
  const zhAt = `[${ms(c.t)} 第 ${c.seq} 步]`;
  switch (c.kind) {
    case 'printed':
      return lang === 'zh' ? `${zhAt} ${name(c.task)} 运行时打印了 "${c.text}"` : `${at} ${name(c.task)} printed "${c.text}" while running`;
    case 'woken-by-task':
      if (c.by === c.task) return lang === 'zh' ? `${zhAt} ${name(c.task)} 让出后自己的下一步已排队` : `${at} ${name(c.task)} had queued its own next step (it yielded)`;
      return lang === 'zh'
        ? `${zhAt} ${name(c.task)} 被 ${name(c.by)} 唤醒${c.inferred ? '(唤醒前最后运行的任务)' : ''}${waitText(c.on, lang)}`
        : `${at} ${name(c.task)} was made ready by ${name(c.by)}, which completed what it awaited${c.inferred ? ' (the last task to run before the wake-up)' : ''}${waitText(c.on, lang)}`;
    case 'woken-by-loop': {
      const what = c.on?.kind === 'sleep' || c.on?.kind === 'timer' ? (lang === 'zh' ? '计时器到期' : 'a timer fired')
        : c.on?.kind === 'network' ? (lang === 'zh' ? '模拟网络送达了消息' : 'a message arrived on the simulated network')
        : c.on?.kind === 'thread' ? (lang === 'zh' ? '工作线程完成了任务' : 'a worker thread finished')
        : lang === 'zh' ? '事件循环(没有任务在运行)' : 'the loop moved it (no task was running)';
      return lang === 'zh' ? `${zhAt} ${name(c.task)} 就绪:${what}${waitText(c.on, lang)}` : `${at} ${name(c.task)} was made ready because ${what}${waitText(c.on, lang)}`;
    }
    case 'woken-by-timer': {
      const setter = c.by === c.task ? '' : lang === 'zh' ? `,由 ${name(c.by)} 设定` : `, set by ${name(c.by)}`;
      if (c.network && c.by === c.task) {
        return lang === 'zh'
          ? `${zhAt} ${name(c.task)} 就绪:它发送的数据已全部送上模拟网络${waitText(c.on, lang)}`
          : `${at} ${name(c.task)} was made ready because its own send finished going onto the simulated network${waitText(c.on, lang)}`;
      }
      if (c.network) {
        return lang === 'zh'
          ? `${zhAt} ${name(c.task)} 就绪:${name(c.by)} 发送的消息经模拟网络送达${waitText(c.on, lang)}`
          : `${at} ${name(c.task)} was made ready because a message sent by ${name(c.by)} arrived on the simulated network${waitText(c.on, lang)}`;
      }
      return lang === 'zh'
        ? `${zhAt} ${name(c.task)} 就绪:计时器 #${c.timer} 到期${setter}${waitText(c.on, lang)}`
        : `${at} ${name(c.task)} was made ready because timer #${c.timer} fired${setter}${waitText(c.on, lang)}`;
    }
    case 'spawned':
      return lang === 'zh' ? `${zhAt} ${name(c.task)} 由 ${name(c.by)} 创建` : `${at} ${name(c.task)} was spawned by ${name(c.by)}`;
    case 'unknown':
      return lang === 'zh' ? `${zhAt} ${name(c.task)}:追踪没有记录更早的原因` : `${at} ${name(c.task)}: the trace records no earlier cause`;
  }
}

/** The report of `--why N`: the chain of causes, newest first; null if there is no line N. */
export function formatWhy(trace: readonly TraceEvent[], n: number, lang: Lang): { ok: boolean; text: string } {
  const seq = logSeq(trace, n);
  if (seq < 0) {
    const total = trace.filter((e) => e.kind === 'log').length;
    return { ok: false, text: WORDS.noLine[lang](n, total) };
  }
  const names = taskNames(trace);
  const name = (id: number) => (id === 0 ? (lang === 'zh' ? '程序' : 'the program') : names.get(id) ?? `#${id}`);
  const chain = whyChain(trace, seq);
  return { ok: true, text: [WORDS.why[lang](n), ...chain.map((c, i) => `  ${i === 0 ? '' : '<- '}${causeText(c, name, lang)}`)].join('\n') };
}
