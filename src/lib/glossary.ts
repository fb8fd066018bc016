/**
 * The project's glossary, as data: the Chinese (and English) renderings the
 * guide uses and the ones it rejects. docs/glossary.md is the same list for
 * people; tests/content/glossary.test.ts checks that the two agree and that no
 * page uses a rejected term outside code (src/lib/prose.ts).
 */

export interface Term {
  /** The English term. */
  en: string;
  /** The Chinese rendering to use. */
  zh: string;
  /** Chinese spellings a zh page must not use for this term (plain substrings or regexes). */
  zhReject?: ReadonlyArray<string | RegExp>;
  /** English spellings an en page must not use. */
  enReject?: ReadonlyArray<string | RegExp>;
  /** Why, or where the rendering comes from. */
  note?: string;
}

export const GLOSSARY: readonly Term[] = [
  { en: 'playground (inline, on a page)', zh: '在线示例', zhReject: [/playground/i], note: 'never bare "playground" in Chinese prose (component names and links are code)' },
  { en: 'Playground (the full page)', zh: '演练场', note: 'as the Chinese TypeScript, Vue and Go sites say' },
  { en: 'trace', zh: '追踪', zhReject: ['跟踪'], note: 'the UI already says 追踪' },
  { en: 'span (on the timeline)', zh: '区段', zhReject: ['区间'], note: '区间 reads as a numeric interval' },
  { en: 'lane', zh: '泳道' },
  { en: 'ms', zh: 'ms', zhReject: ['毫秒'], note: 'one unit everywhere, prose and UI' },
  { en: 'socket', zh: 'socket', zhReject: ['套接字'] },
  { en: 'worker', zh: 'worker / 工作线程 / 工作协程 (say which)', zhReject: ['工作者'] },
  { en: 'emit (events)', zh: '触发', zhReject: ['发射'], note: "Node.js's Chinese documentation" },
  { en: 'EventEmitter', zh: '事件触发器 (EventEmitter)' },
  { en: 'pending / fulfilled / rejected / settled (Promise)', zh: '待定 / 已兑现 / 已拒绝 / 已敲定', zhReject: ['落定', /(?:Promise|promise)[^。\n]{0,12}等待中/], note: 'MDN Chinese' },
  { en: 'edge- / level-triggered', zh: '边缘触发 / 水平触发', zhReject: ['边沿触发', '电平触发'], note: 'the usual renderings of epoll ET/LT' },
  { en: 'eager / lazy', zh: '立即执行 / 惰性执行', zhReject: ['急切'] },
  { en: 'bare except', zh: '裸 except', zhReject: ['光秃秃'] },
  { en: 'bookkeeping', zh: '管理开销 / 记账工作', zhReject: ['簿记'] },
  { en: 'budget (a run limit)', zh: '上限 / 限额', zhReject: ['预算'] },
  { en: 'checkpoint (trio)', zh: '检查点', note: "trio's meaning only; never for anything else in the UI" },
  { en: 'nursery', zh: 'nursery（trio 的任务托管作用域，首次出现时加注）', note: 'glossed at its first use on a page' },
  { en: 'event loop', zh: '事件循环' },
  { en: 'coroutine', zh: '协程' },
  { en: 'task', zh: '任务' },
  { en: 'cancel', zh: '取消' },
  { en: 'structured concurrency', zh: '结构化并发' },
  { en: 'virtual time', zh: '虚拟时间' },
  { en: 'ready queue', zh: '就绪队列' },
  { en: 'microtask / macrotask', zh: '微任务 / 宏任务' },
  { en: 'deadlock', zh: '死锁' },
  { en: 'backpressure', zh: '背压' },
  { en: 'Python twin', zh: 'Python 版本', note: 'the Python program beside a playground' },
  { en: 'coroutine (English spelling)', zh: '协程', enReject: [/\bco-routines?\b/i], note: 'one word in English' },
];

/** Rejected spellings found in `prose`, as `'<found>' (use <zh|en>)`. */
export function rejectedTerms(prose: string, lang: 'en' | 'zh'): string[] {
  const hits: string[] = [];
  for (const term of GLOSSARY) {
    const rejects = (lang === 'zh' ? term.zhReject : term.enReject) ?? [];
    for (const r of rejects) {
      const re = typeof r === 'string' ? new RegExp(r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g');
      for (const m of prose.matchAll(re)) hits.push(`'${m[0]}' (use ${lang === 'zh' ? term.zh : term.en})`);
    }
  }
  return hits;
}
