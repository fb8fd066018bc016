/**
 * Monaco, loaded only on intent (this module is imported dynamically by the
 * controller). Slim imports: the editor API, the contributions a TypeScript
 * playground uses, the TypeScript tokenizer and language service, and two
 * workers (editor, TypeScript) - not the ~80 other languages. The "miniloop"
 * module's declarations (generated from src/runtime at build time by
 * src/playground/vite-plugin.mjs) are registered as extra libs, so the editor
 * checks types, completes names and shows the doc comments on hover.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/inlineCompletions/browser/inlineCompletions.contribution';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/tokenization/browser/tokenization';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/common/standaloneStrings';
// Services that the TypeScript features ask for; without them every editor after
// the first on a page throws "[createInstance] ... depends on UNKNOWN service".
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
import 'monaco-editor/languages/definitions/typescript/register';
import { getTypeScriptWorker, typescriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import miniloopTypes from 'virtual:miniloop-types';
import { PROGRAM_GLOBALS_DTS } from './program-globals.ts';

/** A compile error to mark in the editor (1-based line, 0-based column, as esbuild reports). */
export interface Marker {
  line: number;
  column: number;
  message: string;
}

/** A type error the editor's checker found (1-based line and column). */
export interface Diagnostic {
  line: number;
  column: number;
  message: string;
}

/** What the controller needs from an editor. */
export interface EditorHandle {
  getValue(): string;
  setValue(code: string): void;
  setMarkers(markers: Marker[]): void;
  /** Puts the cursor at `line`, `column` (1-based), scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  focus(): void;
  dispose(): void;
}

let configured = false;
function configure(): void {
  if (configured) return;
  configured = true;
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
  };
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ESNext,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    // Every program is a module: the compiler wraps it, so top-level await works without an import.
    moduleDetection: 3, // ts.ModuleDetectionKind.Force
    allowNonTsExtensions: true,
    noEmit: true,
    // Not the DOM: programs run in a worker on the loop. Their globals are declared by program-globals.ts.
    lib: ['esnext'],
  });
  typescriptDefaults.setEagerModelSync(true);
  typescriptDefaults.addExtraLib(PROGRAM_GLOBALS_DTS, 'file:///node_modules/@types/miniloop-globals/index.d.ts');
  for (const [path, text] of Object.entries(miniloopTypes as Record<string, string>)) {
    typescriptDefaults.addExtraLib(text, `file:///node_modules/miniloop/${path}`);
  }
  const isDark = () => {
    const theme = document.documentElement.dataset.theme;
    return theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  };
  // The backgrounds of the build-time highlighted view (Shiki's github-*-default themes, src/styles/code.css),
  // so the code does not change colour under the reader when the editor takes over.
  monaco.editor.defineTheme('miniloop-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#0d1117', 'editorGutter.background': '#0d1117' } });
  monaco.editor.defineTheme('miniloop-light', { base: 'vs', inherit: true, rules: [], colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' } });
  const applyTheme = () => monaco.editor.setTheme(isDark() ? 'miniloop-dark' : 'miniloop-light');
  applyTheme();
  new MutationObserver(applyTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
}

let nextModel = 1;

/** Creates an editor in `container` holding `code`. */
export function createEditor(
  container: HTMLElement,
  code: string,
  {
    onChange,
    onRun,
    onDiagnostics,
    onHeight,
    taskPromiseNote,
    ariaLabel,
  }: {
    /** The note shown where createTask is given an already-started promise (issue 10.5), for the callee `name`. */
    taskPromiseNote?(name: string): string;
    onChange(code: string): void;
    onRun(): void;
    onDiagnostics(diagnostics: Diagnostic[]): void;
    /** The height the content needs, in px, whenever it changes (the inline editor grows with its code). */
    onHeight?(px: number): void;
    ariaLabel: string;
  },
): EditorHandle {
  configure();
  const model = monaco.editor.createModel(code, 'typescript', monaco.Uri.parse(`file:///playground/${nextModel++}/main.ts`));
  const editor = monaco.editor.create(container, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    ariaLabel,
    fixedOverflowWidgets: true,
    renderLineHighlightOnlyWhenFocus: true,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);
  if (onHeight) {
    editor.onDidContentSizeChange((e) => {
      if (e.contentHeightChanged) onHeight(e.contentHeight);
    });
    onHeight(editor.getContentHeight());
  }
  // The Problems list: the same checker that draws the squiggles, asked directly (so
  // "no problems" is an answer, not the absence of an event), after each change.
  let checks = 0;
  const check = async () => {
    const mine = ++checks;
    const worker = await (await getTypeScriptWorker())(model.uri);
    const uri = model.uri.toString();
    const found = [...(await worker.getSyntacticDiagnostics(uri)), ...(await worker.getSemanticDiagnostics(uri))];
    if (mine !== checks || model.isDisposed()) return;
    onDiagnostics(
      found
        .filter((d) => d.category === 1 && d.start !== undefined)
        .map((d) => {
          const at = model.getPositionAt(d.start!);
          const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
          return { line: at.lineNumber, column: at.column, message: text };
        }),
    );
  };
  // createTask(worker(...)): the promise has started in the caller, unlike a Python coroutine
  // passed to create_task. A warning on the call says so (tests/browser/playground-details.test.ts).
  const noteTaskPromises = () => {
    if (!taskPromiseNote) return;
    const notes: monaco.editor.IMarkerData[] = [];
    const pattern = /\bcreateTask\(\s*([A-Za-z_$][\w$.]*)\s*\(/g;
    model.getLinesContent().forEach((text, i) => {
      for (const m of text.matchAll(pattern)) {
        const name = m[1]!;
        if (name === 'async' || name === 'function') continue;
        const start = m.index! + m[0].indexOf(name) + 1;
        notes.push({
          severity: monaco.MarkerSeverity.Warning,
          message: taskPromiseNote(name),
          startLineNumber: i + 1,
          startColumn: start,
          endLineNumber: i + 1,
          endColumn: start + name.length,
        });
      }
    });
    monaco.editor.setModelMarkers(model, 'miniloop', notes);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const checkSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      noteTaskPromises();
      void check().catch(() => {});
    }, 300);
  };
  checkSoon();
  model.onDidChangeContent(() => {
    monaco.editor.setModelMarkers(model, 'esbuild', []);
    onChange(model.getValue());
    checkSoon();
  });
  return {
    getValue: () => model.getValue(),
    setValue: (value) => {
      if (value !== model.getValue()) model.setValue(value);
    },
    setMarkers: (markers) =>
      monaco.editor.setModelMarkers(
        model,
        'esbuild',
        markers.map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column + 1,
          endLineNumber: m.line,
          endColumn: Math.max(m.column + 2, model.getLineMaxColumn(Math.min(m.line, model.getLineCount()))),
        })),
      ),
    reveal: (lineNumber, column) => {
      editor.setPosition({ lineNumber, column });
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
      editor.focus();
    },
    focus: () => editor.focus(),
    dispose: () => {
      clearTimeout(timer);
      editor.dispose();
      model.dispose();
    },
  };
}
