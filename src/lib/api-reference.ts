/**
 * The runtime's public API, read from its source with the TypeScript compiler:
 * every export of src/runtime/index.ts with its kind, signature, doc comment and
 * the asyncio/trio name its comment cites. The Reference page renders this at
 * build time (so it cannot drift from the code) and a unit test uses it to
 * require a doc comment on every export.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { HIDDEN_MEMBERS } from './api-reference-notes.ts';

/** One exported name of the `miniloop` module. */
export interface ApiEntry {
  name: string;
  kind: 'function' | 'class' | 'constant' | 'type' | 'interface';
  /** Declaration text without bodies, e.g. `sleep<T>(ms: number, value?: T): Future<T> | Yield<T>`. */
  signature: string;
  /** The doc comment's text ('' when missing). */
  doc: string;
  /** asyncio / trio names the comment mentions, e.g. ['asyncio.gather'] (the page shows the hand-written counterpart in api-reference-notes.ts instead). */
  python: string[];
  /** Members of a class with their own doc comments (public methods and properties). */
  members: Array<{ name: string; signature: string; doc: string }>;
  /** Source file relative to the repository root. */
  file: string;
}

/** The repository root: the nearest folder holding src/runtime/index.ts, from this module or the working directory (Astro bundles this file elsewhere). */
function findRoot(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'src/runtime/index.ts'))) return dir + '/';
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('api-reference: cannot find src/runtime/index.ts');
}

const ROOT = findRoot();
const ENTRY = join(ROOT, 'src/runtime/index.ts');
const PYTHON_NAME = /\b((?:asyncio|trio)(?:\.[A-Za-z_][\w]*)+)/g;

function kindOf(decl: ts.Declaration): ApiEntry['kind'] {
  if (ts.isFunctionDeclaration(decl)) return 'function';
  if (ts.isClassDeclaration(decl)) return 'class';
  if (ts.isInterfaceDeclaration(decl)) return 'interface';
  if (ts.isTypeAliasDeclaration(decl)) return 'type';
  return 'constant';
}

function pythonNames(doc: string): string[] {
  return [...new Set([...doc.matchAll(PYTHON_NAME)].map((m) => m[1]!.replace(/\.$/, '')))];
}

/** Collect the public API of the runtime (takes a second or two: it type-checks the runtime). */
export function readApiReference(entry = ENTRY): ApiEntry[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const printer = ts.createPrinter({ removeComments: true });
  const entries: ApiEntry[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (!decl) continue;
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const members: ApiEntry['members'] = [];
    let signature: string;
    if (ts.isClassDeclaration(decl)) {
      for (const member of decl.members) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (!name || name.startsWith('_')) continue;
        const modifiers = ts.getCombinedModifierFlags(member);
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        // Members marked @internal are the runtime's own (the editor's declarations strip them too).
        if (ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'internal')) continue;
        // So are the bookkeeping fields listed in api-reference-notes.ts (not tagged in the runtime yet).
        if (HIDDEN_MEMBERS.has(`${symbol.name}.${name}`)) continue;
        const memberSymbol = checker.getSymbolAtLocation(member.name!);
        const memberDoc = memberSymbol ? ts.displayPartsToString(memberSymbol.getDocumentationComment(checker)).trim() : '';
        members.push({ name, signature: signatureOf(member, printer, decl.getSourceFile()), doc: memberDoc });
      }
      signature = `class ${symbol.name}${heritage(decl, decl.getSourceFile())}`;
    } else {
      signature = signatureOf(decl, printer, decl.getSourceFile(), symbol.name);
    }
    entries.push({
      name: exported.name,
      kind: kindOf(decl),
      signature,
      doc,
      python: pythonNames(doc + ' ' + members.map((m) => m.doc).join(' ')),
      members,
      file: decl.getSourceFile().fileName.replace(ROOT, ''),
    });
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

function heritage(decl: ts.ClassDeclaration, file: ts.SourceFile): string {
  const clause = decl.heritageClauses?.map((h) => h.getText(file)).join(' ');
  return clause ? ` ${clause}` : '';
}

/** The declaration's text without its body and comments, on one line. */
function signatureOf(node: ts.Node, printer: ts.Printer, file: ts.SourceFile, name?: string): string {
  let text: string;
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node)) {
    const start = node.getStart(file);
    const end = node.body ? node.body.getStart(file) : node.getEnd();
    text = file.text.slice(start, end);
  } else if (ts.isVariableDeclaration(node)) {
    const type = node.type ? node.type.getText(file) : undefined;
    text = `const ${node.name.getText(file)}${type ? `: ${type}` : ''}`;
  } else {
    text = printer.printNode(ts.EmitHint.Unspecified, node, file);
  }
  text = text.replace(/^export\s+(default\s+)?/, '').replace(/\s+/g, ' ').replace(/\s*\{?\s*$/, '').trim();
  return name && !text.includes(name) ? `${name}: ${text}` : text;
}

/** The Reference page's sections, in page order. */
export const API_SECTIONS = ['time', 'tasks', 'several', 'cancel', 'sync', 'queues', 'threads', 'net'] as const;
export type ApiSection = (typeof API_SECTIONS)[number];

const SECTION_OF_NAME: Record<string, ApiSection> = {};
const assign = (section: ApiSection, names: string): void => {
  for (const name of names.split(/\s+/).filter(Boolean)) SECTION_OF_NAME[name] = section;
};
assign('time', 'now sleep checkpoint callSoon callLater callAt run RunOptions Handle Yield sleepUntil sleepForever cancelShieldedCheckpoint checkpointIfCancelled');
assign('tasks', 'createTask Task TaskOptions currentTask allTasks isFuture Future ensureFuture TaskGroup withTaskGroup GroupTaskOptions openNursery Nursery TaskStatus TASK_STATUS_IGNORED ExceptionGroup InvalidStateError');
assign('several', 'gather GatheringFuture GatherOptions wait WaitOptions FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED ReturnWhen asCompleted AsCompleted shield Awaitable AwaitedOf');
assign('cancel', 'timeout timeoutAt Timeout waitFor CancelScope CancelScopeOptions moveOnAfter moveOnAt failAfter failAt currentEffectiveDeadline CancelledError Cancelled CancelSource TimeoutError TooSlowError');
assign('sync', 'Event Lock Semaphore BoundedSemaphore Condition Barrier BrokenBarrierError PrimitiveOptions ValueError');
assign('queues', 'Queue PriorityQueue LifoQueue QueueEmpty QueueFull QueueShutDown openMemoryChannel MemorySendChannel MemoryReceiveChannel MemoryChannelStatistics EndOfChannel ClosedResourceError BrokenResourceError WouldBlock');
assign('threads', 'toThread runInExecutor setThreadPoolSize DEFAULT_THREAD_POOL_SIZE blockFor');

/** Which Reference section an export belongs to (network names by their folder); undefined if unassigned. */
export function sectionOf(entry: Pick<ApiEntry, 'name' | 'file'>): ApiSection | undefined {
  if (entry.file.includes('src/runtime/net/')) return 'net';
  return SECTION_OF_NAME[entry.name];
}
