// Modules made by src/playground/vite-plugin.mjs.
declare module 'virtual:miniloop-runner' {
  /** The runner worker bundle (runtime included) as one classic script. */
  const text: string;
  export default text;
}
declare module 'virtual:miniloop-types' {
  /** Declaration files of "miniloop": path under the module folder to text. */
  const files: Record<string, string>;
  export default files;
}
declare module 'virtual:monaco-css' {
  /** Monaco's stylesheets, concatenated. */
  const css: string;
  export default css;
  /** URL of the codicon font on this site. */
  export const font: string;
}
