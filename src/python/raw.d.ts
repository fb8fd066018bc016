// The runner's Python files, imported as text by python-worker.ts (Vite's `?raw`).
declare module '*.py?raw' {
  const text: string;
  export default text;
}

// The Python worker's bundle as text (src/python/worker-bundle.mjs).
declare module 'virtual:python-worker' {
  const text: string;
  export default text;
}
