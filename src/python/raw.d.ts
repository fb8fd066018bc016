// The runner's Python files, imported as text by python-worker.ts (Vite's `?raw`).
declare module '*.py?raw' {
  const text: string;
  export default text;
}
